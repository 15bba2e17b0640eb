import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { DEMO_MANAGER } from '../../shared/domain/demo';
import { TestClock } from '../helpers/core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

/*
 * Issue 14 (a manager screen in about a second on the five-year store): the
 * reports screen asks the store for its sales report once per range. The
 * income table for every producer, grouped as the screen groups it unasked
 * (a day a row up to two months, a week a row up to a year, a month a row
 * beyond: renderer/features/reports/grouping.ts), is that same report, so it
 * shows it rather than asking again; another grouping or one producer asks for
 * its own. A long range says it is grouped, and its days stay one choice or
 * one CSV away.
 */
describeE2E('reports: one sales report per range', () => {
  let app: E2EApp;
  let page: Page;
  const salesCalls: string[] = [];
  const onRequest = (r: Request) => {
    const body = r.postData() ?? '';
    if (r.url().includes('/api/') && body.includes('"reports.sales"')) salesCalls.push(body);
  };
  beforeAll(async () => {
    app = await startE2EApp({ clock: new TestClock('2026-11-28T05:00:00.000Z'), viewport: { width: 1366, height: 768 } });
    page = app.page;
    await app.api('setup.complete', { mode: 'demo', storeName: 'UKM Mart KTM Telang' });
    await page.goto(app.host.appUrl);
    await page.getByRole('button', { name: new RegExp(DEMO_MANAGER.name) }).click({ timeout: 20_000 });
    await page.getByLabel('PIN', { exact: true }).fill(DEMO_MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor({ timeout: 15_000 });
    page.on('request', onRequest);
  }, 90_000);
  afterAll(async () => {
    page?.off('request', onRequest);
    await app?.close();
  });

  it('asks once for a range, shows the same figures in the totals and the income table, and asks again only for another grouping', async () => {
    await page.goto(`${app.host.url}/#/reports`);
    // 89 days: a week a row unless asked.
    await page.getByLabel('Dari tanggal', { exact: true }).fill('2026-09-01');
    await page.getByLabel('Sampai tanggal', { exact: true }).fill('2026-11-28');
    const want = await app.api('reports.sales', { from: '2026-09-01', to: '2026-11-28', groupBy: 'week' });
    expect(want.periods.length).toBe(13);
    const income = page.getByRole('table', { name: 'Pendapatan toko' });
    await expect.poll(async () => (await income.getByRole('row').count()) - 2, { timeout: 15_000 }).toBe(want.periods.length);
    await expect.poll(() => page.getByRole('region', { name: 'Ringkasan', exact: true }).innerText()).toContain(`Penjualan\n${want.totals.sales.toLocaleString('id-ID')}`);
    // It says so, and offers the days.
    const group = page.getByLabel('Per', { exact: true });
    expect(await group.inputValue()).toBe('auto');
    expect(await group.locator('option:checked').innerText()).toBe('Otomatis (Minggu)');
    await expect.poll(() => page.getByRole('note').filter({ hasText: 'Rentang 89 hari: ditampilkan per minggu' }).count()).toBe(1);
    // The Σ row of the income table is the report's totals.
    const sum = await income.locator('tfoot tr').innerText();
    expect(sum).toContain(want.totals.net.toLocaleString('id-ID'));
    // Each range typed was asked for once (today's, then each date as typed): no range asked for twice.
    const asked = () =>
      salesCalls.map((b) => {
        const i = (JSON.parse(b) as { input: { from: string; to: string; groupBy?: string; producerId?: number } }).input;
        return `${i.from} – ${i.to} by ${i.groupBy ?? 'day'}${i.producerId ? ` of ${i.producerId}` : ''}`;
      });
    expect(asked().length).toBeGreaterThan(0);
    expect(new Set(asked()).size, asked().join('\n')).toBe(asked().length);
    expect(asked().filter((a) => a === '2026-09-01 – 2026-11-28 by week')).toHaveLength(1);
    // The days as a CSV, without leaving the weeks.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV per hari', exact: true }).click()]);
    const csvRows = fs.readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(download.suggestedFilename()).toBe('penjualan-harian-2026-09-01_2026-11-28.csv');
    const days = await app.api('reports.sales', { from: '2026-09-01', to: '2026-11-28' });
    expect(csvRows).toHaveLength(days.periods.length + 1);
    expect(csvRows[1]!.startsWith(`${days.periods[0]!.from},`)).toBe(true);
    // By day, chosen: a report of its own, for the income table only; the note goes.
    const before = salesCalls.length;
    await group.selectOption('day');
    await expect.poll(async () => (await income.getByRole('row').count()) - 2).toBe(days.periods.length);
    expect(salesCalls.length).toBe(before + 1);
    expect(salesCalls.at(-1)).toContain('"groupBy":"day"');
    expect(await page.getByRole('note').filter({ hasText: 'Rentang' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'CSV per hari', exact: true }).count()).toBe(0);
    // By week, chosen: the screen's own report again, nothing asked.
    await group.selectOption('week');
    await expect.poll(async () => (await income.getByRole('row').count()) - 2).toBe(want.periods.length);
    expect(salesCalls.length).toBe(before + 1);
    // Beyond a year: by month; within two months: by day, as before.
    await group.selectOption('auto');
    await page.getByLabel('Dari tanggal', { exact: true }).fill('2025-01-15');
    const months = await app.api('reports.sales', { from: '2025-01-15', to: '2026-11-28', groupBy: 'month' });
    expect(months.periods.length).toBeGreaterThan(0);
    await expect.poll(() => group.locator('option:checked').innerText()).toBe('Otomatis (Bulan)');
    await expect.poll(() => page.getByRole('note').filter({ hasText: 'Rentang 683 hari: ditampilkan per bulan' }).count()).toBe(1);
    await expect.poll(async () => (await income.getByRole('row').count()) - 2).toBe(months.periods.length);
    await page.getByLabel('Dari tanggal', { exact: true }).fill('2026-10-01');
    const short = await app.api('reports.sales', { from: '2026-10-01', to: '2026-11-28' });
    await expect.poll(() => group.locator('option:checked').innerText()).toBe('Otomatis (Hari)');
    await expect.poll(async () => (await income.getByRole('row').count()) - 2).toBe(short.periods.length);
    expect(short.periods.length).toBeGreaterThan(30);
    expect(await page.getByRole('note').filter({ hasText: 'Rentang' }).count()).toBe(0);
  }, 60_000);
});
