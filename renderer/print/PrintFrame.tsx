import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { PrintOutcome, SavedPdf } from '../../shared/contract/system';
import { call } from '../api';
import { useT } from '../i18n';

export type Paper = '58mm' | '80mm' | 'A5' | 'A4';

const SHEET_SIZE: Record<'A5' | 'A4', string> = { A5: 'A5 portrait', A4: 'A4 portrait' };
const ROLL_WIDTH_MM: Record<'58mm' | '80mm', number> = { '58mm': 58, '80mm': 80 };
/** Before anything is on screen to measure, a roll page is as long as an A4 sheet. */
const FALLBACK_ROLL_MM = 297;
const PX_PER_MM = 96 / 25.4;
/**
 * Rounding up to whole mm can still leave the last line a fraction short of
 * the page in some engines; 2 mm of slack keeps the document on one page and
 * costs the roll almost nothing.
 */
const ROLL_SLACK_MM = 2;

export const isRollPaper = (paper: Paper): paper is '58mm' | '80mm' => paper === '58mm' || paper === '80mm';

/**
 * How long a roll page must be for the printable on screen: the tallest
 * `.print-page` in whole mm plus slack; null when nothing is rendered yet.
 */
export function measureRollLengthMm(): number | null {
  let tallest = 0;
  for (const page of document.querySelectorAll<HTMLElement>('.print-root .print-page')) {
    tallest = Math.max(tallest, page.getBoundingClientRect().height);
  }
  return tallest > 0 ? Math.ceil(tallest / PX_PER_MM) + ROLL_SLACK_MM : null;
}

/** The @page size: A5/A4 by name; roll paper as wide as the roll and as long as `lengthMm`. */
export function pageSizeCss(paper: Paper, lengthMm: number | null): string {
  return isRollPaper(paper) ? `${ROLL_WIDTH_MM[paper]}mm ${lengthMm ?? FALLBACK_ROLL_MM}mm` : SHEET_SIZE[paper];
}

/**
 * Sets the @page size for the next print. Browsers allow one page size per
 * document, so it is set just before printing rather than in the stylesheet.
 * Roll paper is measured from the rendered document, so a receipt is one page
 * exactly as long as its content; the length is returned for the desktop shell.
 */
export function setPageSize(paper: Paper): number | undefined {
  let style = document.getElementById('page-size') as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement('style');
    style.id = 'page-size';
    document.head.appendChild(style);
  }
  const lengthMm = isRollPaper(paper) ? measureRollLengthMm() : null;
  const text = `@page { size: ${pageSizeCss(paper, lengthMm)}; margin: 0; }`;
  if (style.textContent !== text) style.textContent = text;
  return lengthMm ?? undefined;
}

/** True inside the desktop app, where the preload bridge exists; false in the browser. */
export function inDesktopApp(): boolean {
  return typeof window !== 'undefined' && window.ukmMart !== undefined;
}

/** A document's title as a plain file name: no folder part, no `..`, nothing Windows refuses. */
export function pdfFileName(title: string): string {
  const name = title
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not contain
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 110)
    .trim();
  return name || 'UKM Mart';
}

/** The document title names the print job, and the file in the browser's "Save as PDF". */
async function withDocumentTitle<T>(title: string, run: () => T | Promise<T>): Promise<T> {
  const before = document.title;
  document.title = title;
  try {
    return await run();
  } finally {
    document.title = before;
  }
}

/**
 * Prints the `.print-root` on `paper`. Desktop app: through the shell, to the
 * printer in Settings (silently if configured). Browser: the browser's own
 * print dialog (`printed` is then true as far as the page can know).
 */
export async function printDocument(paper: Paper, title: string = document.title): Promise<PrintOutcome> {
  const lengthMm = setPageSize(paper);
  const jobTitle = title.trim() || 'UKM Mart';
  if (inDesktopApp())
    return withDocumentTitle(jobTitle, () => call('shell.print', { paper, title: jobTitle.slice(0, 200), ...(lengthMm ? { lengthMm } : {}) }));
  return withDocumentTitle(jobTitle, () => {
    window.print();
    return { printed: true };
  });
}

/** Desktop app only: saves the `.print-root` as a PDF in the PDF folder; resolves with its path. */
export function saveDocumentPdf(paper: Paper, title: string): Promise<SavedPdf> {
  const lengthMm = setPageSize(paper);
  return call('shell.savePdf', { paper, fileName: pdfFileName(title), ...(lengthMm ? { lengthMm } : {}) });
}

type Message = { kind: 'notice' | 'error' | 'muted'; text: string };

/**
 * A printable document shown as a preview, with a print button (and, in the
 * desktop app, a "Save PDF" button). Only `.print-root` prints.
 */
export function PrintFrame({ paper, title, children, actions, autoPrint }: { paper: Paper; title: string; children: ReactNode; actions?: ReactNode; autoPrint?: boolean }) {
  const t = useT();
  const desktop = inDesktopApp();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  // After every render, so the @page rule is right for the content now on screen (a print from the browser's menu included).
  useLayoutEffect(() => {
    setPageSize(paper);
  });

  const run = async (working: string, job: () => Promise<Message>) => {
    setBusy(true);
    setMessage({ kind: 'muted', text: working });
    try {
      setMessage(await job());
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const print = () => {
    if (!desktop) {
      void printDocument(paper, title);
      return;
    }
    void run(t('system.print.printing'), async () => {
      const outcome = await printDocument(paper, title);
      return outcome.printed ? { kind: 'notice', text: t('system.print.printed') } : { kind: 'muted', text: t('system.print.notPrinted') };
    });
  };

  // A button that said "print" (close shift and print, save and print) prints once the document is on
  // screen, through the same path as the Print button (silently in the desktop app when set so).
  const autoPrinted = useRef(false);
  useEffect(() => {
    if (!autoPrint || autoPrinted.current) return;
    const frame = requestAnimationFrame(() => {
      autoPrinted.current = true;
      print();
    });
    return () => cancelAnimationFrame(frame);
  });

  const savePdf = () =>
    void run(t('system.print.saving'), async () => {
      const saved = await saveDocumentPdf(paper, title);
      return { kind: 'notice', text: t('system.print.saved', { file: saved.file }) };
    });

  return (
    <section className="print-preview" aria-label={title}>
      <div className="row no-print" style={{ marginBottom: '0.75rem' }}>
        <button type="button" className="primary" onClick={print} disabled={busy}>
          {t('common.print')}
        </button>
        {desktop && (
          <button type="button" onClick={savePdf} disabled={busy}>
            {t('system.print.savePdf')}
          </button>
        )}
        {actions}
      </div>
      {message && (
        <p className={`no-print ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} style={{ marginTop: 0 }}>
          {message.text}
        </p>
      )}
      <div className="print-root">
        <article className={`print-page paper-${paper}`} data-paper={paper}>
          {children}
        </article>
      </div>
    </section>
  );
}
