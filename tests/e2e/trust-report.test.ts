import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '../../shared/domain/time';
import { formatBps } from '../../shared/domain/trust';
import { formatRupiah } from '../../shared/money';
import { TestClock } from '../helpers/core';
import { DB_FILE_NAME } from '../../electron/core/app';
import { openDatabase } from '../../electron/core/db/open';
import { seedTrust, type SeedProducer, type SeedSettlement } from '../integration/trust-seed';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

/*
 * The trust ledger end to end: settlements and payouts seeded on the temp
 * database, then the store-wide report (figures checked against the API),
 * sorting, a producer's detail, the printed statement as PDF, and CSV export.
 */
const SHOTS = process.env.TRUST_SHOTS_DIR ?? '/tmp/shots-trust';
const MANAGER = { name: 'Bu Manajer', pin: '2468' };

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function pdf(page: Page, name: string): Promise<{ text: string; pages: number }> {
  await page.emulateMedia({ media: 'print' });
  // Nothing may stick out of the A4 page (Chromium would shrink the whole page to fit it).
  const overflow = await page.evaluate(() => {
    const sheet = document.querySelector('.print-page')!;
    const limit = sheet.getBoundingClientRect().right - parseFloat(getComputedStyle(sheet).paddingRight);
    return Array.from(document.querySelectorAll('.print-page *'))
      .filter((el) => el.getBoundingClientRect().right > limit + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${Math.round(el.getBoundingClientRect().right)} > ${Math.round(limit)}`);
  });
  expect(overflow).toEqual([]);
  const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, `${name}-pdf`)]);
  const info = execFileSync('pdfinfo', [file]).toString('utf8');
  return { text: execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8'), pages: Number(/Pages:\s+(\d+)/.exec(info)![1]) };
}

/** Weekly history ending before the report date: `pattern(w)` = days late (or null = unpaid, 'half' = half paid). */
function history(weeks: number, lastEnd: string, total: (w: number) => number, pattern: (w: number) => number | null | 'half'): SeedSettlement[] {
  const out: SeedSettlement[] = [];
  for (let w = 0; w < weeks; w++) {
    const periodEnd = addDays(lastEnd, -7 * (weeks - 1 - w));
    const due = addDays(periodEnd, 2);
    const amount = total(w);
    const p = pattern(w);
    const payouts =
      amount === 0 || p === null
        ? []
        : p === 'half'
          ? [{ date: due, amount: Math.floor(amount / 2) }]
          : [{ date: addDays(due, p), amount, method: w % 2 ? ('transfer' as const) : ('cash_safe' as const) }];
    out.push({ periodEnd, total: amount, payouts });
  }
  return out;
}

const FIXTURE: SeedProducer[] = [
  {
    name: 'Bu Sari Keripik',
    shortName: 'SARI',
    settlements: [
      ...history(10, '2026-10-12', (w) => 60_000 + w * 3_000, (w) => (w % 4 === 1 ? 1 : 0)),
      { periodEnd: '2026-10-19', total: 100_000, payouts: [{ date: '2026-10-21', time: '09:00', amount: 100_000 }] },
      { periodEnd: '2026-10-26', total: 80_000, payouts: [{ date: '2026-10-27', amount: 40_000 }, { date: '2026-10-30', amount: 40_000, method: 'transfer' }] },
      { periodEnd: '2026-11-02', total: 50_000, payouts: [{ date: '2026-11-04', amount: 20_000 }] },
      { periodEnd: '2026-11-09', total: 0 },
    ],
  },
  {
    name: 'Pak Darto Gula Aren',
    shortName: 'DARTO',
    settlements: [
      ...history(12, '2026-11-02', (w) => 45_000 + (w % 3) * 5_000, (w) => (w === 5 ? 3 : 0)),
      { periodEnd: '2026-11-09', total: 70_000 },
    ],
  },
  { name: 'Kelompok Tenun Ikat', shortName: 'TENUN', settlements: history(14, '2026-11-09', (w) => (w % 5 === 2 ? 0 : 150_000), (w) => (w > 11 ? null : w % 2 ? 4 : 2)) },
  { name: 'Ibu Rohmah Telur Asin', shortName: 'ROHMAH', settlements: history(14, '2026-11-09', () => 32_000, (w) => (w === 12 ? 'half' : 0)) },
  { name: 'Ibu Nina Batik', shortName: 'NINA' },
];

describeE2E('trust ledger: report, sort, producer, statement PDF, CSV', () => {
  let app: E2EApp;
  let page: Page;
  beforeAll(async () => {
    app = await startE2EApp({ clock: new TestClock('2026-11-10T05:00:00.000Z') });
    page = app.page;
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko UKM Telang' });
    await app.api('settings.update', { storeAddress: 'Desa Telang, Bangkalan', storePhone: '0812-3456-7890' });
    await app.api('staff.create', { name: MANAGER.name, role: 'manager', pin: MANAGER.pin });
    // A connection of the test's own: the store runs in the runtime's threads.
    const db = openDatabase(path.join(app.dataDir, DB_FILE_NAME));
    seedTrust(db, FIXTURE);
    db.close();
    await page.goto(app.host.appUrl);
    await page.getByRole('button', { name: new RegExp(MANAGER.name) }).click();
    await page.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor({ timeout: 15_000 });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shows the store-wide figures the API gives, and the producers the shop is late with, oldest first', async () => {
    await page.getByRole('link', { name: 'Buku Kepercayaan' }).click();
    await page.getByRole('heading', { name: 'Buku Kepercayaan', level: 1 }).waitFor();
    const api = await app.api('reports.trust', {});
    expect(api.asOf).toBe('2026-11-10');
    expect(await page.getByTestId('headline-rate').innerText()).toContain(formatBps(api.store.range.onTimeRateBps!, 'id'));
    expect(await page.getByTestId('headline-overdue').innerText()).toContain(String(api.store.allTime.overdue));
    expect(await page.getByTestId('headline-outstanding').innerText()).toContain(formatRupiah(api.store.allTime.outstanding));
    const late = await page.getByRole('list', { name: 'Produsen yang sedang terlambat dibayar' }).getByRole('listitem').allInnerTexts();
    expect(late.map((l) => api.lateNow.find((r) => l.includes(r.name))?.producerId)).toEqual(api.lateNow.map((r) => r.producerId));
    expect(api.lateNow.length).toBeGreaterThanOrEqual(2);
    expect(late[0]).toContain(`terlambat ${api.lateNow[0]!.daysOverdue} hari`);
    const chart = page.getByRole('img', { name: /Grafik ketepatan waktu/ });
    expect(await chart.count()).toBe(1);
    await shot(page, '01-store');
  });

  it('sorts the producer table by each column, announcing the order with aria-sort', async () => {
    const api = await app.api('reports.trust', {});
    const table = page.getByRole('table', { name: 'Per produsen' });
    const names = () => table.locator('tbody th[scope=row] button').allInnerTexts();
    expect(await names()).toEqual(api.producers.map((p) => p.name)); // by name
    const rateHeader = table.getByRole('columnheader', { name: /Ketepatan/ });
    await rateHeader.getByRole('button').click();
    expect(await rateHeader.getAttribute('aria-sort')).toBe('descending');
    const byRate = [...api.producers].sort(
      (a, b) => (b.range.onTimeRateBps ?? -1) - (a.range.onTimeRateBps ?? -1) || a.name.localeCompare(b.name),
    );
    expect(await names()).toEqual(byRate.map((p) => p.name));
    await rateHeader.getByRole('button').click();
    expect(await rateHeader.getAttribute('aria-sort')).toBe('ascending');
    const asc = await names();
    expect(asc[asc.length - 1]).toBe('Ibu Nina Batik'); // no settlements: rate is empty, always last
    const outstandingHeader = table.getByRole('columnheader', { name: /Sisa utang/ });
    await outstandingHeader.getByRole('button').click();
    expect(await outstandingHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await rateHeader.getAttribute('aria-sort')).toBe('none');
    const top = [...api.producers].sort((a, b) => b.allTime.outstanding - a.allTime.outstanding)[0]!;
    expect((await names())[0]).toBe(top.name);
    await shot(page, '02-sorted');
  });

  it("opens a producer: settlements, payouts and figures match reports.trustProducer", async () => {
    await page.getByRole('table', { name: 'Per produsen' }).getByRole('button', { name: 'Bu Sari Keripik' }).click();
    await page.getByRole('heading', { name: 'Bu Sari Keripik', level: 1 }).waitFor();
    const api = await app.api('reports.trust', {});
    const sari = api.producers.find((p) => p.name === 'Bu Sari Keripik')!;
    const d = await app.api('reports.trustProducer', { producerId: sari.producerId });
    expect(await page.getByTestId('headline-rate').innerText()).toContain(formatBps(d.range.onTimeRateBps!, 'id'));
    const table = page.getByRole('table', { name: 'Setoran' });
    const inRange = d.settlements.filter((s) => s.inRange);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(inRange.length);
    const statuses = await table.locator('tbody [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses).toEqual(inRange.map((s) => s.status));
    const overdue = d.settlements.find((s) => s.status === 'overdue')!;
    expect(await table.locator(`tr[data-settlement="${overdue.number}"]`).innerText()).toMatch(/Menunggak · 6 hari/);
    expect(await page.getByRole('img', { name: /Garis waktu/ }).count()).toBe(1);
    await page.getByLabel(/Tampilkan semua/).check();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(d.settlements.length);
    await shot(page, '03-producer');
  });

  it('prints the one-page producer trust statement to PDF', async () => {
    await page.getByRole('button', { name: /Cetak surat kepercayaan/ }).click();
    await page.getByRole('region', { name: 'Surat Kepercayaan Pembayaran' }).waitFor();
    await shot(page, '04-statement-preview');
    const out = await pdf(page, '05-statement');
    expect(out.pages).toBe(1);
    expect(out.text).toContain('Surat Kepercayaan Pembayaran');
    expect(out.text).toContain('Bu Sari Keripik');
    expect(out.text).toContain('Toko UKM Telang');
    expect(out.text).not.toContain('Buku Kepercayaan'); // the screen chrome does not print
    await page.getByRole('button', { name: 'Kembali', exact: true }).click();
    await page.getByRole('heading', { name: 'Bu Sari Keripik', level: 1 }).waitFor();
  });

  it("exports the producer's CSV and the store CSV, the same as the API", async () => {
    const api = await app.api('reports.trust', {});
    const sari = api.producers.find((p) => p.name === 'Bu Sari Keripik')!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Ekspor CSV/ }).click()]);
    const file = await download.path();
    const text = fs.readFileSync(file!, 'utf8').replace(/^\uFEFF/, '');
    const expected = await app.api('reports.trustCsv', { producerId: sari.producerId, lang: 'id' });
    expect(download.suggestedFilename()).toBe(expected.filename);
    expect(text).toBe(expected.csv);

    await page.getByRole('button', { name: /Kembali ke semua produsen/ }).click();
    await page.getByRole('heading', { name: 'Buku Kepercayaan', level: 1 }).waitFor();
    const [storeDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Ekspor CSV/ }).click()]);
    const storeText = fs.readFileSync((await storeDownload.path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(storeText).toBe((await app.api('reports.trustCsv', { lang: 'id' })).csv);
    expect(storeText.split('\r\n')[1]).toMatch(/^SEMUA PRODUSEN,/);
  });

  it('prints the store report to PDF and changes the range', async () => {
    await page.getByRole('button', { name: /Cetak laporan/ }).click();
    await page.getByRole('region', { name: /laporan toko/ }).waitFor();
    const out = await pdf(page, '06-store-report');
    expect(out.text).toContain('Produsen yang sedang terlambat dibayar');
    expect(out.pages).toBe(1);
    const api = await app.api('reports.trust', {});
    const shown = [formatBps(api.store.range.onTimeRateBps!, 'id'), formatRupiah(api.store.allTime.outstanding), ...api.producers.map((p) => formatRupiah(p.allTime.outstanding))];
    for (const text of shown) expect(out.text).toContain(text);
    for (const p of api.producers) expect(out.text).toContain(p.name.split(' ')[0]);
    await page.getByRole('button', { name: 'Kembali', exact: true }).click();
    await page.getByRole('combobox', { name: /^Rentang/ }).selectOption('26w');
    const wider = await app.api('reports.trust', { from: addDays('2026-11-10', -181) });
    await expect.poll(() => page.getByTestId('headline-rate').innerText()).toContain(formatBps(wider.store.range.onTimeRateBps!, 'id'));
    await shot(page, '07-store-26w');
    await page.setViewportSize({ width: 420, height: 900 });
    await shot(page, '08-store-narrow');
  });

  it('shows a producer without settlements in English without inventing figures', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByRole('combobox', { name: 'Bahasa' }).selectOption('en');
    await page.getByRole('heading', { name: 'Trust ledger', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'By producer' }).getByRole('button', { name: 'Ibu Nina Batik' }).click();
    await page.getByRole('heading', { name: 'Ibu Nina Batik', level: 1 }).waitFor();
    expect(await page.getByTestId('headline-rate').innerText()).toContain('—');
    expect(await page.getByTestId('headline-rate').innerText()).toContain('No settlements due yet');
    expect(await page.getByText('No settlements fell due in this range.').count()).toBe(1);
    await shot(page, '09-producer-empty-en');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('id');
  });
});
