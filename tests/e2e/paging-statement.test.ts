import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_MANAGER } from '../../shared/domain/demo';
import { TestClock } from '../helpers/core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

/*
 * Issue 14 on the demo store: the lists say how much there is and page; the
 * producer statement reads by week, opens a week's lines, and prints any range
 * as a weekly summary (with one week as an appendix) on few A4 pages.
 */
const SHOTS = process.env.PAGING_SHOTS_DIR ?? '/tmp/shots-t14';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

async function pdfPages(page: Page, name: string): Promise<{ pages: number; text: string }> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, `${name}-pdf`)]);
  const info = execFileSync('pdfinfo', [file]).toString('utf8');
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), text: execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8') };
}

describeE2E('paging and the weekly producer statement (demo store)', () => {
  let app: E2EApp;
  let page: Page;
  beforeAll(async () => {
    app = await startE2EApp({ clock: new TestClock('2026-11-28T05:00:00.000Z'), viewport: { width: 1366, height: 768 } });
    page = app.page;
    await app.api('setup.complete', { mode: 'demo', storeName: 'UKM Mart KTM Telang' });
    await page.goto(app.host.appUrl);
    await page.getByRole('button', { name: new RegExp(DEMO_MANAGER.name) }).click({ timeout: 20_000 });
    await page.getByLabel('PIN', { exact: true }).fill(DEMO_MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor({ timeout: 15_000 });
  }, 90_000);
  afterAll(async () => {
    await app?.close();
  });

  it('says how many settlements there are and pages through them, keeping the filter', async () => {
    const all = await app.api('settlements.list', {});
    await page.goto(`${app.host.url}/#/settle/list`);
    const pager = page.getByRole('navigation', { name: 'Halaman Daftar setoran' });
    await expect.poll(() => pager.getByRole('status').innerText(), { timeout: 15_000 }).toBe(`1–${Math.min(100, all.total)} dari ${all.total}`);
    await shot(page, 'settle-list-1366');
    // A producer's filter: the count follows it, and the rows are that producer's.
    const producer = all.rows[0]!.producer;
    const theirs = await app.api('settlements.list', { producerId: producer.id, limit: 5 });
    await page.getByLabel('Produsen', { exact: false }).first().selectOption(String(producer.id));
    await expect.poll(() => pager.getByRole('status').innerText()).toBe(`1–${theirs.total} dari ${theirs.total}`);
    expect(await pager.getByRole('button', { name: /Halaman berikutnya/ }).isDisabled()).toBe(true);
  }, 60_000);

  it('shows the statement one line per week, opens a week, and prints a range as a weekly summary with one week as appendix', async () => {
    const producers = await app.api('ledger.balances', {});
    const busiest = [...producers].sort((a, b) => b.entries - a.entries)[0]!;
    await page.goto(`${app.host.url}/#/settle/statement`);
    await page.getByLabel('Pilih produsen').selectOption(String(busiest.id));
    await page.getByLabel('Dari tanggal').fill('2025-12-01');
    await page.getByLabel('Sampai tanggal').fill('2026-11-28');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    const st = await app.api('ledger.statement', { producerId: busiest.id, from: '2025-12-01', to: '2026-11-28' });
    const weeksPager = page.getByRole('navigation', { name: 'Halaman Ringkasan per minggu' });
    await expect.poll(() => weeksPager.getByRole('status').innerText(), { timeout: 15_000 }).toBe(`1–12 dari ${st.weeks.total}`);
    // The newest weeks hold the demo's history: go to the last page.
    await weeksPager.getByRole('button', { name: /Halaman berikutnya/ }).click();
    await expect.poll(() => weeksPager.getByRole('status').innerText()).toBe(`13–24 dari ${st.weeks.total}`);
    // Page by page, each click waiting for its page to show (a click on a page still loading could hit the last page's disabled button).
    for (let offset = 24; offset < st.weeks.total; offset += 12) {
      await weeksPager.getByRole('button', { name: /Halaman berikutnya/ }).click();
      await expect.poll(() => weeksPager.getByRole('status').innerText()).toBe(`${offset + 1}–${Math.min(offset + 12, st.weeks.total)} dari ${st.weeks.total}`);
    }
    expect(await weeksPager.getByRole('button', { name: /Halaman berikutnya/ }).isDisabled()).toBe(true);
    const busyWeek = page.getByRole('button', { name: /^Rincian minggu/ }).last();
    await busyWeek.click();
    const lines = page.getByRole('region', { name: /^Rincian minggu/ });
    await lines.waitFor();
    expect(await lines.getByRole('row').count()).toBeGreaterThan(1);
    await shot(page, 'statement-weeks-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await shot(page, 'statement-weeks-1024');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });

    // Print a year: the weekly summary only, then with the busiest week as an appendix.
    await page.getByRole('button', { name: 'Cetak…' }).click();
    await page.locator('.print-preview .statement-print').waitFor();
    const summary = await pdfPages(page, 'statement-year');
    expect(summary.pages).toBeLessThanOrEqual(3);
    expect(summary.text).toContain('Ringkasan per minggu');
    expect(summary.text).not.toContain('Lampiran');
    const busiestWeek = [...(await app.api('ledger.statement', { producerId: busiest.id, from: '2025-12-01', to: '2026-11-28', limit: 500 })).weeks.rows].sort((a, b) => b.lines - a.lines)[0]!;
    await page.getByLabel('Lampirkan rincian minggu').selectOption(busiestWeek.weekEnd);
    await page.getByText(/^Lampiran: rincian minggu/).waitFor();
    const withAppendix = await pdfPages(page, 'statement-year-appendix');
    expect(withAppendix.text).toContain('Lampiran: rincian minggu');
    expect(withAppendix.pages).toBeLessThanOrEqual(summary.pages + Math.ceil(busiestWeek.lines / 40) + 1);
  }, 90_000);

  it('shows the shop income per week with the payment split', async () => {
    await page.goto(`${app.host.url}/#/reports`);
    await page.getByLabel('Dari tanggal').fill('2026-09-01');
    await page.getByLabel('Per', { exact: true }).selectOption('week');
    const report = await app.api('reports.sales', { from: '2026-09-01', to: '2026-11-28', groupBy: 'week' });
    const income = page.getByRole('table', { name: 'Pendapatan toko' });
    await expect.poll(async () => (await income.getByRole('row').count()) - 2, { timeout: 15_000 }).toBe(report.periods.length);
    await expect.poll(() => page.getByRole('table', { name: 'Per cara bayar' }).innerText()).toContain('QRIS');
    await shot(page, 'reports-income-1366');
  }, 60_000);
});
