/**
 * Issue 14 in Chromium (browser mode, Playwright): the manager's screens on the
 * generated store. For each screen, the time from the navigation (the hash set
 * in the page, or the click/choice that loads it) to its main data on screen —
 * a concrete element or text, awaited with Playwright's locators, never a
 * fixed sleep — and the tab's JS heap after a forced garbage collection (CDP
 * HeapProfiler.collectGarbage, then Runtime.getHeapUsage). Before each timed
 * visit the page goes to the intake screen (untimed), so no element of the
 * measured screen is left over from the visit before.
 * Screenshots (1366×768 and 1024×768) and the PDF go to --shots.
 * Budgets (issue 14): every screen ready ≤ 1 s, JS heap < 200 MB on any screen;
 * a year's statement of the busiest producer printed (page.pdf) ≤ 10 pages.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type CDPSession, type Locator, type Page } from 'playwright-core';
import { startHost } from '../../electron/host';
import { DB_FILE_NAME } from '../../electron/core/app';
import { openDatabase } from '../../electron/core/db/open';
import { addDays } from '../../shared/domain/time';
import { browserUnavailable } from './browserBench';
import type { Row } from './coreBench';
import type { GenMeta } from './generate';
import type { Scale } from './scale';
import { summarize } from './stats';
import { autoGrouping } from '../../renderer/features/reports/grouping';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'];
const READY_MS = 1000;
const HEAP_MB = 200;
const PAGES = 10;
const TIMEOUT = 60_000;

/** The keys of the rows this file adds, in their order. */
export const SCREEN_KEYS = [
  'screen_settle_preview',
  'screen_settle_list',
  'screen_settle_owed',
  'screen_statement',
  'screen_statement_year',
  'statement_print_year',
  'screen_trust_store',
  'screen_trust_producer',
  'screen_insight',
  'screen_reports',
  'screen_reports_year',
  'screen_reports_all',
  'screen_catalogue',
  'screen_stock',
  'screen_expiry',
  'screen_staff',
  'screen_settings',
  'screen_heap_max',
] as const;

const idNumber = (n: number) => new Intl.NumberFormat('id-ID').format(n);
/** The pager's text for the first page of a list ("1–100 dari 13.050"). */
const firstPage = (total: number, size: number) => (total === 0 ? '0 dari 0' : `1–${idNumber(Math.min(size, total))} dari ${idNumber(total)}`);
const pagerStatus = (page: Page, list: string) => page.getByRole('navigation', { name: `Halaman ${list}`, exact: true }).getByRole('status');
const firstRow = (scope: Locator | Page, table: string) => scope.locator(`table[aria-label="${table}"] tbody tr`).first();

interface Screen {
  key: (typeof SCREEN_KEYS)[number];
  label: string;
  /** Untimed: brings the page to where the timed step starts (default: the intake screen). */
  before?: (page: Page) => Promise<void>;
  /** Timed: the navigation or the user's step. */
  go: (page: Page) => Promise<void>;
  /** Timed: resolves once the screen's main data is on screen. */
  ready: (page: Page) => Promise<void>;
}

const all = async (...waits: Promise<unknown>[]) => {
  await Promise.all(waits);
};
const visible = (l: Locator) => l.waitFor({ state: 'visible', timeout: TIMEOUT });
const text = (l: Locator, want: string) => l.filter({ hasText: want }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
const hash = (h: string) => (page: Page) => page.evaluate((x) => void (window.location.hash = x), h);

async function neutral(page: Page) {
  await hash('#/intake')(page);
  await visible(page.locator('main#screen-intake h1'));
}

export interface ManagerScreenOptions {
  dataDir: string;
  rendererDir: string;
  scale: Scale;
  meta: GenMeta;
  startAt: number;
  log: (s: string) => void;
  shotsDir?: string;
  /** Only these screens (keys), for a look at one of them. */
  only?: string[];
}

export async function measureManagerScreens(o: ManagerScreenOptions): Promise<Row[]> {
  const why = browserUnavailable(o.rendererDir);
  if (why) return skippedScreens(`not measured: ${why}`);
  const realStart = Date.now();
  const host = await startHost({ dataDir: o.dataDir, port: 0, rendererDir: o.rendererDir, now: () => new Date(o.startAt + (Date.now() - realStart)) });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const db = openDatabase(path.join(o.dataDir, DB_FILE_NAME), { readonly: true });
  try {
    const core = host.core;
    const signIn = await core.callAsync('auth.signIn', { staffId: o.meta.staff.managerId, pin: o.meta.staff.managerPin });
    if (!signIn.ok) throw new Error(`auth.signIn refused: ${signIn.error.message}`);
    const asManager = { sessionId: (signIn.value as { sessionId: string }).sessionId };
    const api = async <T>(method: string, input: unknown): Promise<T> => {
      const r = await core.callAsync(method, input, asManager);
      if (!r.ok) throw new Error(`${method} refused: ${r.error.message}`);
      return r.value as T;
    };
    const managerName = db.prepare('SELECT name FROM staff WHERE id = ?').pluck().get(o.meta.staff.managerId) as string;
    const busiest = db.prepare('SELECT producer_id FROM producer_balances ORDER BY entries DESC LIMIT 1').pluck().get() as number;
    const busiestName = db.prepare('SELECT name FROM producers WHERE id = ?').pluck().get(busiest) as string;
    // The store's "today" (the bench's clock) and the ranges the manager asks for.
    const settings = await api<{ timeZone: string }>('settings.get', {});
    const today = new Date(o.startAt).toLocaleDateString('en-CA', { timeZone: settings.timeZone });
    const yearFrom = addDays(today, -364);
    const allFrom = o.meta.startLocalDate;
    const settlements = await api<{ total: number }>('settlements.list', { limit: 1 });
    const yearStatement = await api<{ weeks: { total: number } }>('ledger.statement', { producerId: busiest, from: yearFrom, to: today, limit: 12 });
    // The income table's rows as the screen groups them unasked (a day, week or month a row by the range's length).
    const expectReports = async (from: string, to: string) => {
      const [report, shifts, audit] = await Promise.all([
        api<{ totals: { sales: number }; periods: unknown[] }>('reports.sales', { from, to, groupBy: autoGrouping(from, to) }),
        api<{ total: number }>('shifts.list', { from, to, limit: 1 }),
        api<{ total: number }>('audit.list', { from, to, limit: 1 }),
      ]);
      return { sales: report.totals.sales, days: report.periods.length, by: autoGrouping(from, to), shifts: shifts.total, audit: audit.total };
    };
    const reportsYear = await expectReports(yearFrom, today);
    const reportsAll = await expectReports(allFrom, today);
    const todayReports = await expectReports(today, today);
    const reportsReady = (want: Awaited<ReturnType<typeof expectReports>> | null) => async (page: Page) => {
      const totals = page.getByRole('region', { name: 'Ringkasan', exact: true });
      await all(
        want ? visible(totals.locator('.stack').filter({ hasText: new RegExp(`^Penjualan\\s*${idNumber(want.sales).replace(/\./g, '\\.')}$`) })) : visible(totals),
        want ? waitRows(page, 'Pendapatan toko', want.days + 2) : visible(page.locator('table[aria-label="Pendapatan toko"]')),
        want ? text(pagerStatus(page, 'Shift dan laporan Z'), firstPage(want.shifts, 100)) : visible(pagerStatus(page, 'Shift dan laporan Z')),
        want ? text(pagerStatus(page, 'Log audit'), firstPage(want.audit, 100)) : visible(pagerStatus(page, 'Log audit')),
      );
    };
    const waitRows = (page: Page, table: string, n: number) =>
      page.waitForFunction(([sel, count]) => document.querySelectorAll(sel).length >= count, [`table[aria-label="${table}"] tr`, n] as const, { timeout: TIMEOUT, polling: 'raf' });
    const reportsAt = (from: string) => async (page: Page) => {
      await page.getByLabel('Dari tanggal', { exact: true }).fill(from);
    };
    const toReports = async (page: Page) => {
      await hash('#/reports')(page);
      await reportsReady(null)(page);
      // The store's today (the page's own clock may differ from the bench's).
      await page.getByLabel('Dari tanggal', { exact: true }).fill(today);
      await page.getByLabel('Sampai tanggal', { exact: true }).fill(today);
      await reportsReady(todayReports)(page);
    };
    const toStatement = async (page: Page) => {
      await neutral(page);
      await hash('#/settle/statement')(page);
      await visible(pagerStatus(page, 'Ringkasan per minggu'));
      await page.getByLabel('Dari tanggal', { exact: true }).fill(yearFrom);
      await page.getByLabel('Sampai tanggal', { exact: true }).fill(today);
    };
    const showBusiestYear = async (page: Page) => {
      const select = page.getByLabel('Pilih produsen');
      if ((await select.inputValue()) === String(busiest)) await page.getByRole('button', { name: 'Tampilkan', exact: true }).click();
      else await select.selectOption(String(busiest));
    };
    const statementYearReady = async (page: Page) => {
      await all(text(pagerStatus(page, 'Ringkasan per minggu'), firstPage(yearStatement.weeks.total, 12)), visible(firstRow(page, 'Ringkasan per minggu')));
    };

    const screens: Screen[] = [
      {
        key: 'screen_settle_preview',
        label: 'settle: week preview (all producers)',
        go: hash('#/settle/preview'),
        ready: async (page) => {
          const s = page.locator('section[aria-labelledby="settle-preview-h"]');
          await all(visible(s.locator('.settle-period')), visible(s.locator('table tbody tr').first()));
        },
      },
      {
        key: 'screen_settle_list',
        label: `settle: settlement list (first page of ${settlements.total.toLocaleString('en')})`,
        go: hash('#/settle/list'),
        ready: (page) => all(text(pagerStatus(page, 'Daftar setoran'), firstPage(settlements.total, 100)), visible(firstRow(page, 'Daftar setoran'))),
      },
      {
        key: 'screen_settle_owed',
        label: 'settle: owed & overdue',
        go: hash('#/settle/owed'),
        ready: async (page) => {
          const s = page.locator('section[aria-labelledby="settle-owed-h"]');
          await all(visible(s.locator('p.panel strong')), visible(s.locator('table tbody tr, p.notice').first()));
        },
      },
      {
        key: 'screen_statement',
        label: 'settle: producer statement (first producer, last 30 days)',
        go: hash('#/settle/statement'),
        ready: (page) => all(visible(pagerStatus(page, 'Ringkasan per minggu')), visible(firstRow(page, 'Ringkasan per minggu'))),
      },
      {
        key: 'screen_statement_year',
        label: `settle: statement of the busiest producer, one year (${yearStatement.weeks.total} weeks, first page)`,
        before: toStatement,
        go: showBusiestYear,
        ready: statementYearReady,
      },
      {
        key: 'screen_trust_store',
        label: 'trust ledger: the store',
        go: hash('#/trust'),
        ready: (page) => all(visible(firstRow(page, 'Per produsen')), visible(page.locator('section[aria-labelledby="trust-late-now-h"]'))),
      },
      {
        key: 'screen_trust_producer',
        label: 'trust ledger: the busiest producer',
        go: hash(`#/trust/p/${busiest}`),
        ready: (page) => all(text(page.locator('main h1'), busiestName), visible(page.locator('section[aria-labelledby="trust-settlements-h"] table tbody tr').first())),
      },
      {
        key: 'screen_reports',
        label: 'reports: sales, income, shifts, audit (today)',
        go: hash('#/reports'),
        ready: reportsReady(null),
      },
      {
        key: 'screen_reports_year',
        label: `reports over one year (${reportsYear.days} rows by ${reportsYear.by}, ${reportsYear.shifts.toLocaleString('en')} shifts, ${reportsYear.audit.toLocaleString('en')} audit rows)`,
        before: async (page) => {
          await neutral(page);
          await toReports(page);
        },
        go: reportsAt(yearFrom),
        ready: reportsReady(reportsYear),
      },
      {
        key: 'screen_reports_all',
        label: `reports over five years (${reportsAll.days.toLocaleString('en')} rows by ${reportsAll.by})`,
        before: async (page) => {
          await neutral(page);
          await toReports(page);
        },
        go: reportsAt(allFrom),
        ready: reportsReady(reportsAll),
      },
      {
        key: 'screen_catalogue',
        label: 'catalogue',
        go: hash('#/catalogue'),
        ready: (page) => visible(page.locator('aside.producer-list ul.pick-list li button').first()),
      },
      {
        key: 'screen_stock',
        label: 'stock on hand',
        go: hash('#/stock'),
        ready: (page) => visible(firstRow(page, 'Stok per produk')),
      },
      {
        key: 'screen_expiry',
        label: 'stock: expiry',
        before: async (page) => {
          await neutral(page);
          await hash('#/stock')(page);
          await visible(firstRow(page, 'Stok per produk'));
        },
        go: (page) => page.getByRole('button', { name: 'Kedaluwarsa', exact: true }).click(),
        ready: (page) => visible(page.locator('section[aria-label="Kedaluwarsa"]').locator('article, p.notice').first()),
      },
      {
        key: 'screen_staff',
        label: 'staff',
        go: hash('#/staff'),
        ready: (page) => visible(firstRow(page, 'Staf')),
      },
      {
        key: 'screen_settings',
        label: 'settings',
        go: hash('#/settings'),
        ready: (page) => visible(page.locator('main#screen-settings h2#settings-settlement')),
      },
      {
        key: 'screen_insight',
        label: 'what sells and reorder (busiest producer)',
        before: async (page) => {
          await neutral(page);
          await hash(`#/trust/p/${busiest}`)(page);
          await visible(page.getByRole('button', { name: 'Yang laku', exact: true }));
        },
        go: (page) => page.getByRole('button', { name: 'Yang laku', exact: true }).click(),
        ready: (page) => all(visible(firstRow(page, 'Per produk')), visible(page.locator('section[aria-labelledby="insight-reorder-h"]'))),
      },
    ];

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    page.on('pageerror', (err) => o.log(`[page error] ${err.message}`));
    const cdp = await context.newCDPSession(page);
    await page.goto(host.appUrl);
    await page.getByRole('button', { name: new RegExp(managerName) }).first().click({ timeout: 20_000 });
    await page.getByLabel('PIN', { exact: true }).fill(o.meta.staff.managerPin);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor({ timeout: 20_000 });

    const n = o.scale.name === 'full' ? 5 : 3;
    const rows: Row[] = [];
    const heaps: { key: string; mb: number }[] = [];
    // A year's statement of the busiest producer, printed: the print view, then the PDF.
    await toStatement(page);
    await showBusiestYear(page);
    await statementYearReady(page);
    const p0 = performance.now();
    await page.getByRole('button', { name: 'Cetak…', exact: true }).click();
    await visible(page.locator('.print-preview .statement-print'));
    const previewMs = performance.now() - p0;
    await page.emulateMedia({ media: 'print' });
    const f0 = performance.now();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdfMs = performance.now() - f0;
    await page.emulateMedia({ media: 'screen' });
    const printHeap = await heapMb(cdp);
    heaps.push({ key: 'statement_print_year', mb: printHeap });
    const pages = countPdfPages(pdf);
    if (o.shotsDir) {
      fs.mkdirSync(o.shotsDir, { recursive: true });
      fs.writeFileSync(path.join(o.shotsDir, 'statement-year-busiest.pdf'), pdf);
    }
    const printTime = summarize([previewMs + pdfMs]);
    rows.push({
      key: 'statement_print_year',
      label: `Chromium: print a year's statement, busiest producer (${yearStatement.weeks.total} weeks) to PDF`,
      time: printTime,
      budget: `≤ ${PAGES} pages`,
      ok: pages <= PAGES && printHeap < HEAP_MB,
      note: `${pages} A4 pages; print view ready ${previewMs.toFixed(0)} ms, page.pdf ${pdfMs.toFixed(0)} ms; JS heap after GC ${printHeap.toFixed(1)} MB`,
    });
    o.log(`    statement_print_year: ${pages} pages, ${previewMs.toFixed(0)} + ${pdfMs.toFixed(0)} ms`);

    for (const s of screens.filter((x) => !o.only || o.only.includes(x.key))) {
      const samples: number[] = [];
      try {
        for (let i = -1; i < n; i++) {
          await (s.before ?? neutral)(page);
          const t0 = performance.now();
          await s.go(page);
          await s.ready(page);
          if (i >= 0) samples.push(performance.now() - t0);
        }
      } catch (err) {
        // A screen that never shows its data is a finding, not the end of the run.
        if (o.shotsDir) await shot(page, o.shotsDir, `${s.key}-not-ready`);
        const what = (err as Error).message.split('\n').slice(0, 3).join(' ');
        rows.push({ key: s.key, label: `Chromium: ${s.label}`, time: null, budget: `≤ ${READY_MS} ms, heap < ${HEAP_MB} MB`, ok: false, note: `not ready: ${what}` });
        o.log(`    ${s.key}: NOT READY (${what})`);
        continue;
      }
      const mb = await heapMb(cdp);
      heaps.push({ key: s.key, mb });
      if (o.shotsDir) await shot(page, o.shotsDir, s.key);
      const t = summarize(samples);
      rows.push({ key: s.key, label: `Chromium: ${s.label}`, time: t, budget: `≤ ${READY_MS} ms, heap < ${HEAP_MB} MB`, ok: t.max <= READY_MS && mb < HEAP_MB, note: `ready p50 ${t.p50.toFixed(0)} ms, max ${t.max.toFixed(0)} ms; JS heap after GC ${mb.toFixed(1)} MB` });
      o.log(`    ${s.key}: p50 ${t.p50.toFixed(0)} ms, max ${t.max.toFixed(0)} ms, heap ${mb.toFixed(1)} MB`);
    }

    const worst = heaps.reduce((a, b) => (b.mb > a.mb ? b : a));
    rows.push({
      key: 'screen_heap_max',
      label: `Chromium: JS heap after GC, largest over the screens (${worst.key}), MB shown as the figure`,
      time: summarize([worst.mb]),
      budget: `< ${HEAP_MB} MB`,
      ok: worst.mb < HEAP_MB,
      note: `MB (not ms): ${heaps.map((h) => `${h.key} ${h.mb.toFixed(1)}`).join('; ')}`,
    });
    await context.close();
    return rows;
  } finally {
    db.close();
    await browser.close();
    await host.close();
  }
}

/** The tab's used JS heap in MB after a forced garbage collection. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize / 2 ** 20;
}


async function shot(page: Page, dir: string, key: string) {
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${key}-1366.png`) });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: path.join(dir, `${key}-1024.png`) });
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** Pages of a PDF: poppler's pdfinfo when there, else the /Type /Page objects. */
function countPdfPages(pdf: Buffer): number {
  try {
    const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
    const m = /^Pages:\s+(\d+)/m.exec(info);
    if (m) return Number(m[1]);
  } catch {
    // no pdfinfo: count the page objects
  }
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export function skippedScreens(note: string): Row[] {
  return SCREEN_KEYS.map((key) => ({ key, label: `Chromium: ${key.replace(/_/g, ' ')}`, time: null, budget: key === 'statement_print_year' ? `≤ ${PAGES} pages` : key === 'screen_heap_max' ? `< ${HEAP_MB} MB` : `≤ ${READY_MS} ms, heap < ${HEAP_MB} MB`, ok: null, note }));
}
