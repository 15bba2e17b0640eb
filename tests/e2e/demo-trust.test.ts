import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatBps } from '../../shared/domain/trust';
import { formatRupiah } from '../../shared/money';
import { DEMO_MANAGER } from '../../shared/domain/demo';
import { TestClock } from '../helpers/core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

/*
 * The demo store end to end: the first run chooses the demo store on the
 * setup screen, the demo manager signs in with the PIN the setup screen
 * shows, and the trust report tells the story the API tells.
 */
const SHOTS = process.env.DEMO_SHOTS_DIR ?? '/tmp/shots-demo';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describeE2E('demo store: first run, sign in, trust report', () => {
  let app: E2EApp;
  let page: Page;
  beforeAll(async () => {
    // Saturday noon in Jakarta: six weeks of history behind it.
    app = await startE2EApp({ clock: new TestClock('2026-11-28T05:00:00.000Z') });
    page = app.page;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('chooses the demo store at first run and signs in as the demo manager', async () => {
    await page.goto(app.host.appUrl);
    // PLATFORM's first-run screen: name the store, then choose the demo store.
    const name = page.getByRole('textbox', { name: /Nama toko/ });
    await name.waitFor({ timeout: 15_000 });
    await name.fill('UKM Mart KTM Telang');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    const demo = page.getByRole('radio', { name: /Toko demo/ });
    await demo.check();
    await shot(page, '01-setup');
    const started = Date.now();
    await page.getByRole('button', { name: 'Mulai' }).click();
    await expect.poll(async () => (await app.api('system.status', {})).needsSetup, { timeout: 20_000 }).toBe(false);
    console.log(`demo store set up in ${Date.now() - started} ms (through the UI)`);
    expect((await app.api('settings.get', {})).storeName).toBe('UKM Mart KTM Telang');

    // TILL's lock screen: the demo manager's tile, then the PIN.
    const tile = page.getByRole('button', { name: new RegExp(DEMO_MANAGER.name) });
    await tile.waitFor({ timeout: 15_000 });
    await shot(page, '02-lock');
    await tile.click();
    await page.getByLabel('PIN', { exact: true }).fill(DEMO_MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor({ timeout: 15_000 });
  }, 60_000);

  it('shows the trust figures the API gives: on time, late, and who is overdue now', async () => {
    await page.goto(`${app.host.url}/#/trust`);
    await page.getByRole('heading', { name: 'Buku Kepercayaan', level: 1 }).waitFor({ timeout: 15_000 });
    const api = await app.api('reports.trust', {});
    expect(api.asOf).toBe('2026-11-28');
    const range = api.store.range;
    expect(range.onTime).toBeGreaterThan(0);
    expect(range.late).toBeGreaterThan(0);
    expect(api.lateNow.length).toBeGreaterThanOrEqual(1);

    await expect.poll(() => page.getByTestId('headline-rate').innerText()).toContain(formatBps(range.onTimeRateBps!, 'id'));
    expect(await page.getByTestId('headline-overdue').innerText()).toContain(String(api.store.allTime.overdue));
    expect(await page.getByTestId('headline-outstanding').innerText()).toContain(formatRupiah(api.store.allTime.outstanding));

    // The producers the shop is late with now, the longest overdue first.
    const late = await page.getByRole('list', { name: 'Produsen yang sedang terlambat dibayar' }).getByRole('listitem').allInnerTexts();
    expect(late.map((l) => api.lateNow.find((r) => l.includes(r.name))?.producerId)).toEqual(api.lateNow.map((r) => r.producerId));
    expect(late[0]).toContain(`terlambat ${api.lateNow[0]!.daysOverdue} hari`);
    expect(late[0]).toContain(formatRupiah(api.lateNow[0]!.overdueAmount));

    // Every producer's row shows its outstanding amount.
    const table = page.getByRole('table', { name: 'Per produsen' });
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(api.producers.length);
    for (const p of api.producers) {
      const row = rows.find((r) => r.includes(p.name));
      expect(row, p.name).toBeDefined();
      expect(row).toContain(formatRupiah(p.allTime.outstanding));
    }
    expect(await page.getByRole('img', { name: /Grafik ketepatan waktu/ }).count()).toBe(1);
    await shot(page, '03-trust-store');
  });

  it("opens the producer the shop is most behind with: settlements as the API tells them", async () => {
    const api = await app.api('reports.trust', {});
    const worst = api.lateNow[0]!;
    await page.getByRole('table', { name: 'Per produsen' }).getByRole('button', { name: worst.name }).click();
    await page.getByRole('heading', { name: worst.name, level: 1 }).waitFor();
    const d = await app.api('reports.trustProducer', { producerId: worst.producerId });
    expect(d.settlements.some((s) => s.status === 'overdue')).toBe(true);
    const table = page.getByRole('table', { name: 'Setoran' });
    const inRange = d.settlements.filter((s) => s.inRange);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(inRange.length);
    const statuses = await table.locator('tbody [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses).toEqual(inRange.map((s) => s.status));
    await shot(page, '04-trust-producer');
  });
});
