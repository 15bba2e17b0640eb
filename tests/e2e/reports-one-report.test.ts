import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { DEMO_MANAGER } from '../../shared/domain/demo';
import { TestClock } from '../helpers/core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

/*
 * Issue 14 (a manager screen in about a second on the five-year store): the
 * reports screen asks the store for its sales report once per range. The
 * income table by day for every producer is that same report, so it shows it
 * rather than asking again; another grouping or one producer asks for its own.
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
    await page.getByLabel('Dari tanggal', { exact: true }).fill('2026-09-01');
    await page.getByLabel('Sampai tanggal', { exact: true }).fill('2026-11-28');
    const want = await app.api('reports.sales', { from: '2026-09-01', to: '2026-11-28' });
    expect(want.periods.length).toBeGreaterThan(30);
    const income = page.getByRole('table', { name: 'Pendapatan toko' });
    await expect.poll(async () => (await income.getByRole('row').count()) - 2, { timeout: 15_000 }).toBe(want.periods.length);
    await expect.poll(() => page.getByRole('region', { name: 'Ringkasan', exact: true }).innerText()).toContain(`Penjualan\n${want.totals.sales}`);
    // The Σ row of the income table is the report's totals.
    const sum = await income.locator('tfoot tr').innerText();
    expect(sum).toContain(want.totals.net.toLocaleString('id-ID'));
    // Each range typed was asked for once (today's, then each date as typed): no range asked for twice.
    const asked = salesCalls.map((b) => {
      const i = (JSON.parse(b) as { input: { from: string; to: string; groupBy?: string; producerId?: number } }).input;
      return `${i.from} – ${i.to} by ${i.groupBy ?? 'day'}${i.producerId ? ` of ${i.producerId}` : ''}`;
    });
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked).size, asked.join('\n')).toBe(asked.length);
    expect(asked.filter((a) => a === '2026-09-01 – 2026-11-28 by day')).toHaveLength(1);
    // By week: a report of its own, for the income table only.
    const before = salesCalls.length;
    await page.getByLabel('Per', { exact: true }).selectOption('week');
    const weeks = await app.api('reports.sales', { from: '2026-09-01', to: '2026-11-28', groupBy: 'week' });
    await expect.poll(async () => (await income.getByRole('row').count()) - 2).toBe(weeks.periods.length);
    expect(salesCalls.length).toBe(before + 1);
    expect(salesCalls.at(-1)).toContain('"groupBy":"week"');
    // Back to days: the screen's report again, nothing asked.
    await page.getByLabel('Per', { exact: true }).selectOption('day');
    await expect.poll(async () => (await income.getByRole('row').count()) - 2).toBe(want.periods.length);
    expect(salesCalls.length).toBe(before + 1);
  }, 60_000);
});
