/**
 * Where the keyboard goes when the work moves on: to a screen's heading after
 * choosing it from the menu, into a dialog when it opens, and back to where
 * the work continues when it closes.
 */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

const visible = (el: HTMLElement) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

/** The elements Tab reaches inside `root`, in order. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && visible(el),
  );
}

/** Focuses an element that is not a control (a heading, a message) without adding it to the tab order. */
export function focusQuietly(el: HTMLElement): void {
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
}

/** A dialog's first field (`[data-autofocus]` first), else its first control. */
export function focusFirstField(dialog: HTMLElement): void {
  const marked = dialog.querySelector<HTMLElement>('[data-autofocus]');
  if (marked && visible(marked) && !(marked as HTMLInputElement).disabled) return marked.focus();
  const all = tabbables(dialog);
  (all.find((el) => /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) ?? all[0])?.focus();
}

/** Tab and Shift+Tab go round inside `root` instead of leaving it (to the page behind or the browser). */
export function keepTabInside(root: HTMLElement, e: KeyboardEvent | React.KeyboardEvent): void {
  if (e.key !== 'Tab') return;
  const all = tabbables(root);
  if (all.length === 0) return void e.preventDefault();
  const first = all[0]!;
  const last = all[all.length - 1]!;
  const active = document.activeElement as HTMLElement | null;
  if (e.shiftKey && (active === first || !root.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !root.contains(active))) {
    e.preventDefault();
    first.focus();
  }
}

const nothingFocused = () => document.activeElement === null || document.activeElement === document.body;

/**
 * After a dialog closed: back to the control that opened it when it is still
 * there; otherwise (the work moved on, e.g. a finalised week or a recorded
 * payout replaced the screen) to the newest message on the screen, else its
 * heading. Never takes the focus from where the screen itself put it.
 */
export function returnFocus(opener: HTMLElement | null): void {
  requestAnimationFrame(() => {
    if (!nothingFocused()) return;
    if (opener && opener.isConnected && visible(opener) && !(opener as HTMLButtonElement).disabled) return opener.focus();
    focusWorkArea();
  });
}

/** The newest status or alert in the main area, else the screen's heading. */
export function focusWorkArea(): void {
  const main = document.querySelector<HTMLElement>('main');
  if (!main) return;
  const messages = Array.from(main.querySelectorAll<HTMLElement>('[role="status"], [role="alert"]')).filter(visible);
  const target = messages[messages.length - 1] ?? main.querySelector<HTMLElement>('h1') ?? main;
  focusQuietly(target);
}

/**
 * After choosing a screen: its heading, once the screen has drawn it, unless
 * the screen already put the focus inside itself (the till's scan field).
 */
export function focusScreenHeading(main: HTMLElement): () => void {
  let done = false;
  const tryFocus = () => {
    if (done) return;
    if (main.contains(document.activeElement) && document.activeElement !== main) return finish();
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) {
      focusQuietly(heading);
      finish();
    }
  };
  const observer = new MutationObserver(tryFocus);
  const timer = window.setTimeout(() => finish(), 3000);
  function finish() {
    done = true;
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  requestAnimationFrame(tryFocus);
  return finish;
}
