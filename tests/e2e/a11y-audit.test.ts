import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_MANAGER } from '../../shared/domain/demo';
import { TestClock } from '../helpers/core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

/*
 * Every main screen, in both languages, passes an automated accessibility
 * audit (axe-core: WCAG 2 A and AA, and best practices) with zero violations,
 * has one h1, and a visible focus ring. A new screen is audited by adding its
 * route to SCREENS. Screenshots of every screen at 1366×768 and 1024×768 are
 * kept under SHOTS; at 1024 the menu stays on one row and nothing scrolls
 * sideways.
 */
export const SCREENS = [
  'sell',
  'catalogue',
  'intake',
  'stock',
  'settle',
  'settle/list',
  'settle/owed',
  'settle/statement',
  'settle/adjust',
  'trust',
  'trust/p/1',
  'reports',
  'staff',
  'settings',
];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
];
const SHOTS = process.env.A11Y_SHOTS_DIR ?? '/tmp/shots-t15p';

/**
 * Core calls the page has in flight. The page keeps one push-event stream
 * (/api/events) open for as long as it lives, so Playwright's 'networkidle'
 * never comes; what matters is that the screen's own calls have answered.
 */
const inFlight = new WeakMap<Page, Set<unknown>>();
function trackCalls(page: Page) {
  const open = new Set<unknown>();
  inFlight.set(page, open);
  page.on('request', (r) => {
    if (r.url().includes('/api/rpc')) open.add(r);
  });
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
}
async function callsSettled(page: Page) {
  const open = inFlight.get(page)!;
  let quietSince = Date.now();
  const deadline = Date.now() + 15_000;
  // Quiet for 500 ms, as 'networkidle' means, counting only the core calls.
  while (Date.now() - quietSince < 500) {
    if (Date.now() > deadline) throw new Error(`core calls still in flight after 15 s: ${open.size}`);
    await page.waitForTimeout(50);
    if (open.size > 0) quietSince = Date.now();
  }
}

async function openScreen(page: Page, route: string) {
  await page.evaluate((r) => (window.location.hash = `#/${r}`), route);
  await page.locator('main h1').first().waitFor();
  // Let the screen's data arrive (tables, charts) before judging it.
  await callsSettled(page);
  await page.waitForTimeout(300);
}

/** Contrast of the focus ring of the focused element against what is behind it (WCAG 2.4.7/1.4.11: ≥ 3:1). */
function focusRingContrast(): { what: string; ratio: number; width: number } | null {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r, g, b]: number[]) => {
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
  };
  let behind = el.parentElement;
  let bg = 'rgb(255, 255, 255)';
  while (behind) {
    const c = getComputedStyle(behind).backgroundColor;
    const parts = rgb(c);
    if (parts.length >= 3 && (parts.length < 4 || parts[3]! > 0.5)) {
      bg = c;
      break;
    }
    behind = behind.parentElement;
  }
  const [a, b] = [lum(rgb(style.outlineColor)), lum(rgb(bg))].sort((x, y) => y - x) as [number, number];
  return {
    what: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ring ${style.outlineColor} on ${bg}`,
    ratio: style.outlineStyle === 'none' ? 0 : (a + 0.05) / (b + 0.05),
    width: parseFloat(style.outlineWidth),
  };
}

describeE2E('accessibility: every main screen, both languages', () => {
  let app: E2EApp;
  let page: Page;
  beforeAll(async () => {
    app = await startE2EApp({ clock: new TestClock('2026-11-28T05:00:00.000Z'), viewport: SIZES[0] });
    page = app.page;
    page.setDefaultTimeout(15_000);
    trackCalls(page);
    await app.api('setup.complete', { mode: 'demo', storeName: 'UKM Mart KTM Telang' });
    const manager = (await app.api('staff.list', {})).find((s) => s.name === DEMO_MANAGER.name)!;
    await app.apiAs({ staffId: manager.id, pin: DEMO_MANAGER.pin })('shifts.open', { openingFloat: 100_000 });
    await page.goto(app.host.appUrl);
    await page.getByRole('button', { name: new RegExp(DEMO_MANAGER.name) }).click();
    await page.getByLabel('PIN', { exact: true }).fill(DEMO_MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').waitFor();
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  for (const lang of ['id', 'en'] as const) {
    it(`${lang}: zero axe violations (best practices included), one h1, a visible focus ring on every screen`, async () => {
      await page.getByRole('combobox', { name: lang === 'id' ? 'Language' : 'Bahasa', exact: true }).or(page.locator('.topbar select')).first().selectOption(lang);
      await expect.poll(async () => (await app.api('settings.get', {})).language).toBe(lang);
      const problems: string[] = [];
      for (const route of SCREENS) {
        await page.setViewportSize(SIZES[0]!);
        await openScreen(page, route);
        const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        for (const v of result.violations) {
          problems.push(`${lang} #/${route}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
        }
        const h1s = await page.locator('h1:visible').count();
        if (h1s !== 1) problems.push(`${lang} #/${route}: ${h1s} h1 elements`);
        // Tab through the first controls: every one shows a ring of ≥ 3:1 and at least 2 px.
        await page.locator('main h1').first().focus();
        for (let i = 0; i < 8; i++) {
          await page.keyboard.press('Tab');
          const ring = await page.evaluate(focusRingContrast);
          if (ring && (ring.ratio < 3 || ring.width < 2)) problems.push(`${lang} #/${route}: focus ring ${ring.ratio.toFixed(2)}:1, ${ring.width}px — ${ring.what}`);
        }
        await page.keyboard.press('Escape');
        const name = route.replace(/\//g, '-');
        await page.screenshot({ path: path.join(SHOTS, `${lang}-${name}-1366.png`) });
        await page.setViewportSize(SIZES[1]!);
        await page.waitForTimeout(150);
        await page.screenshot({ path: path.join(SHOTS, `${lang}-${name}-1024.png`) });
        const layout = await page.evaluate(() => {
          const links = Array.from(document.querySelectorAll<HTMLElement>('.topbar nav a'));
          return {
            menuRows: new Set(links.map((a) => Math.round(a.getBoundingClientRect().top))).size,
            sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          };
        });
        if (layout.menuRows !== 1) problems.push(`${lang} #/${route} at 1024: the menu runs to ${layout.menuRows} rows`);
        if (layout.sideways > 1) problems.push(`${lang} #/${route} at 1024: scrolls sideways by ${layout.sideways}px`);
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }

  it('choosing a screen puts the keyboard on its heading; the language does not change on arrow keys alone', async () => {
    await page.locator('.topbar select').selectOption('id');
    await page.setViewportSize(SIZES[1]!);
    await page.getByRole('link', { name: 'Stok' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByRole('link', { name: 'Setoran' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Setoran produsen');

    const language = page.getByRole('combobox', { name: 'Bahasa', exact: true });
    await language.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    expect((await app.api('settings.get', {})).language).toBe('id');
    await expect.poll(() => page.getByRole('link', { name: 'Stok' }).count()).toBe(1);
    await language.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app.api('settings.get', {})).language).toBe('en');
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('id');
    await expect.poll(async () => (await app.api('settings.get', {})).language).toBe('id');
  }, 60_000);

  it('a dialog opens on its first field, keeps Tab inside, and gives the focus back when it closes', async () => {
    await page.getByRole('link', { name: 'Kasir' }).click();
    const scan = page.getByLabel('Pindai atau ketik kode');
    await scan.waitFor();
    await scan.focus();
    await page.keyboard.press('F2');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const inDialog = () => page.evaluate(() => !!document.activeElement?.closest('dialog[open]'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    expect(await inDialog()).toBe(true);
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press(i % 4 === 3 ? 'Shift+Tab' : 'Tab');
      expect(await inDialog(), `Tab ${i + 1} left the dialog`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Pindai atau ketik kode');
  }, 60_000);

  it('dates in forms show day first whatever the browser says', async () => {
    await page.evaluate(() => (window.location.hash = '#/settle'));
    const other = page.getByLabel('Tanggal akhir lain');
    await expect.poll(() => other.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await page.evaluate(() => (window.location.hash = '#/trust'));
    await expect.poll(() => page.getByRole('textbox', { name: 'sampai', exact: true }).inputValue()).toBe('28/11/2026');
  }, 60_000);
});
