import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, printRequests, startE2EApp, type E2EApp } from './fixtures';

/*
 * "Receipt … printed after payment": a paid sale's receipt prints by itself
 * (browser mode: the browser's print), reprints do not, and the store can
 * turn it off. The e2e fixture records window.print requests with the job's title.
 */
const MANAGER = { name: 'Bu Rina', pin: '1234' };

describeE2E('till: the receipt prints after payment', () => {
  let app: E2EApp;
  let page: Page;
  const prints = () => printRequests(page);

  async function sellOne(tendered: string): Promise<void> {
    const scan = page.getByLabel('Pindai atau ketik kode');
    await scan.fill('KP1');
    await scan.press('Enter');
    await expect.poll(() => page.getByRole('table').first().innerText()).toContain('Keripik pisang');
    await page.keyboard.press('F9');
    await page.getByRole('dialog', { name: 'Pembayaran' }).waitFor();
    await page.keyboard.type(tendered);
    await page.keyboard.press('Enter');
    await page.getByTestId('done-change').waitFor();
  }

  beforeAll(async () => {
    app = await startE2EApp();
    page = app.page;
    page.setDefaultTimeout(10_000);
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko UKM Telang' });
    await app.api('staff.create', { name: MANAGER.name, role: 'manager', pin: MANAGER.pin });
    const producer = await app.api('producers.create', { name: 'Kelompok Keripik Telang', shortName: 'KKT' });
    await app.api('products.create', {
      producerId: producer.id, name: 'Keripik pisang', unit: 'bungkus', shortCode: 'KP1',
      terms: { retailPrice: 8_000, mode: 'percent', commissionBps: 2_000 },
    });
    await app.api('shifts.open', { openingFloat: 50_000 });
    await page.goto(app.host.appUrl);
    await page.getByLabel('PIN', { exact: true }).waitFor({ timeout: 15_000 });
    await page.keyboard.type(MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByLabel('Pindai atau ketik kode').waitFor();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('prints the receipt once when the sale is paid, then hands the keyboard back for the next customer', async () => {
    expect((await app.api('settings.get', {})).autoPrintReceipt).toBe(true);
    await sellOne('10000');
    await expect.poll(prints).toEqual([expect.stringContaining('000001')]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Penjualan baru (Enter)');
    await page.keyboard.press('Enter');
    await page.getByLabel('Pindai atau ketik kode').waitFor();
    expect(await prints()).toHaveLength(1);
  }, 60_000);

  it('a slow receipt never takes the screen back from the next sale', async () => {
    // Hold back the receipt's reply; the cashier starts the next customer meanwhile.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/rpc', async (route) => {
      if ((route.request().postData() ?? '').includes('"sales.receipt"')) await held;
      await route.continue();
    });
    await sellOne('10000');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Penjualan baru (Enter)');
    await page.keyboard.press('Enter');
    await page.getByLabel('Pindai atau ketik kode').waitFor();
    release();
    await page.waitForTimeout(700);
    expect(await page.getByLabel('Pindai atau ketik kode').isVisible()).toBe(true);
    expect(await page.getByTestId('done-change').count()).toBe(0);
    await page.unroute('**/api/rpc');
  }, 60_000);

  it('does not print by itself when the store turned it off', async () => {
    await app.api('settings.update', { autoPrintReceipt: false });
    await page.reload();
    // A reload keeps the session the core still holds (issue #11): no lock screen, the same cashier.
    await expect.poll(() => page.getByRole('region', { name: 'Staf yang masuk' }).innerText()).toContain(MANAGER.name);
    await page.getByLabel('Pindai atau ketik kode').waitFor();
    await sellOne('8000');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('000003');
    await page.waitForTimeout(500);
    expect(await prints()).toEqual([]);
    // The cashier can still print it by hand.
    await page.getByRole('button', { name: 'Cetak', exact: true }).click();
    await expect.poll(prints).toEqual([expect.stringContaining('000003')]);
  }, 60_000);
});
