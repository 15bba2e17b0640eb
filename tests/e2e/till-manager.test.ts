import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

/*
 * The manager's side of the till in Chromium against the real core: staff
 * changes with a manager PIN, the sales report with CSV export, the audit
 * log, and the lock screen's throttling of wrong PINs.
 */
const SHOTS = process.env.TILL_SHOTS_DIR ?? '';
const MANAGER = { name: 'Pak Hasan', pin: '4321' };

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describeE2E('till: staff, reports, audit log, PIN throttling', () => {
  let app: E2EApp;
  let page: Page;
  let managerId = 0;
  beforeAll(async () => {
    app = await startE2EApp();
    page = app.page;
    page.setDefaultTimeout(8_000);
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko UKM Telang' });
    managerId = (await app.api('staff.create', { name: MANAGER.name, role: 'manager', pin: MANAGER.pin })).id;
    const producer = await app.api('producers.create', { name: 'Kelompok Keripik Telang', shortName: 'KKT' });
    const product = await app.api('products.create', {
      producerId: producer.id, name: 'Keripik pisang', unit: 'bungkus', shortCode: 'KP1',
      terms: { retailPrice: 8_000, mode: 'percent', commissionBps: 2_000 },
    });
    const shift = await app.api('shifts.open', { openingFloat: 50_000 });
    await app.api('sales.create', {
      id: crypto.randomUUID(), shiftId: shift.id, lines: [{ productId: product.id, quantity: 3 }], payment: { method: 'cash', tendered: 25_000 },
    });
    const second = await app.api('sales.create', {
      id: crypto.randomUUID(), shiftId: shift.id, lines: [{ productId: product.id, quantity: 1 }], payment: { method: 'qris' },
    });
    await app.api('sales.void', { saleId: second.id, reason: 'Salah scan', approval: { staffId: managerId, pin: MANAGER.pin } });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('signs the only manager in (the PIN field has the focus) and adds a cashier with a manager PIN', async () => {
    await page.goto(app.host.appUrl);
    await page.getByLabel('PIN', { exact: true }).waitFor({ timeout: 15_000 });
    await page.keyboard.type(MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Staf yang masuk' }).waitFor();
    await page.goto(`${app.host.url}/#/staff`);
    await page.getByRole('heading', { name: 'Staf' }).waitFor();
    await page.getByRole('button', { name: 'Tambah staf' }).click();
    const form = page.getByRole('dialog', { name: 'Tambah staf' });
    await form.getByLabel('Nama').fill('Rina');
    await form.getByLabel('PIN baru (4–8 angka)').fill('5555');
    await form.getByLabel('Ulangi PIN').fill('5555');
    await form.getByRole('button', { name: 'Simpan' }).click();
    const approval = page.getByRole('dialog', { name: 'Tambah staf' }).last();
    await approval.getByLabel('PIN pengelola').fill(MANAGER.pin);
    await approval.getByRole('button', { name: 'Setujui' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Rina');
    await shot(page, '06-staff');
    expect((await app.api('staff.list', {})).map((s) => s.name)).toContain('Rina');

    await page.getByRole('button', { name: 'Nonaktifkan Rina' }).click();
    const deactivate = page.getByRole('dialog', { name: /nonaktifkan Rina/ });
    await deactivate.getByLabel('PIN pengelola').fill(MANAGER.pin);
    await deactivate.getByLabel('PIN pengelola').press('Enter');
    await page.getByRole('button', { name: 'Aktifkan Rina', exact: true }).waitFor();
    expect((await app.api('staff.list', { includeInactive: true })).find((s) => s.name === 'Rina')?.active).toBe(false);
  }, 60_000);

  it('shows today’s sales by product and by producer, exports CSV, and lists the audit log', async () => {
    await page.goto(`${app.host.url}/#/reports`);
    const byProduct = page.getByRole('table', { name: 'Per barang' });
    await expect.poll(() => byProduct.innerText()).toMatch(/Keripik pisang\s+KKT\s+3\s+Rp 24\.000\s+Rp 19\.200/);
    await expect.poll(() => page.getByRole('table', { name: 'Per produsen', exact: true }).innerText()).toContain('Kelompok Keripik Telang');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV per barang' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(csv).toContain('Keripik pisang');
    const audit = page.getByRole('table', { name: 'Log audit' });
    // in the shop's words, not the action code (issue #10)
    await expect.poll(() => audit.innerText()).toMatch(/Penjualan #\d{6} dibatalkan/);
    expect(await audit.innerText()).not.toContain('sale.void');
    expect(await audit.innerText()).toContain('Salah scan');
    await page.getByRole('button', { name: 'Laporan X shift #1' }).click();
    await expect.poll(() => page.getByRole('region', { name: /LAPORAN X/ }).innerText()).toMatch(/Modal awal\s+Rp 50\.000/);
    await shot(page, '07-reports');
  }, 60_000);

  it('gives a discount over the limit with a manager PIN, then refunds part of an earlier sale', async () => {
    // A busy machine answers the approval dialog's list of managers late; a PIN
    // typed and entered before it arrives must still approve (this once failed
    // under load: the Enter was dropped and the dialog stayed open). Holding
    // staff.list back makes that order certain instead of a matter of luck.
    await page.route('**/api/rpc', async (route) => {
      if ((route.request().postDataJSON() as { method?: string } | null)?.method === 'staff.list') await new Promise((r) => setTimeout(r, 1_500));
      await route.continue();
    });
    await page.goto(`${app.host.url}/#/sell`);
    const scan = page.getByLabel('Pindai atau ketik kode');
    await scan.fill('KP1');
    await scan.press('Enter');
    await page.getByRole('button', { name: 'Diskon Keripik pisang' }).click();
    const discount = page.getByRole('dialog', { name: 'Diskon: Keripik pisang' });
    await discount.getByLabel('Diskon baris (Rp)').fill('4000');
    await discount.getByLabel('Diskon baris (Rp)').press('Enter');
    const approval = page.getByRole('dialog', { name: 'Setujui diskon di atas batas' });
    await approval.getByLabel('PIN pengelola').fill(MANAGER.pin);
    await approval.getByLabel('PIN pengelola').press('Enter');
    await approval.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('grand-total').innerText()).toBe('Rp 4.000');
    await page.keyboard.press('F9');
    await page.getByRole('dialog', { name: 'Pembayaran' }).getByRole('button', { name: 'Uang pas' }).click();
    await expect.poll(() => page.getByTestId('done-change').innerText()).toBe('Rp 0');
    const sale = await app.api('sales.findByReceipt', { receiptNo: 3 });
    expect(sale).toMatchObject({ total: 4_000, discountTotal: 4_000 });

    await page.keyboard.press('Escape');
    await page.keyboard.press('F4');
    await page.getByRole('button', { name: 'Retur struk 000001' }).click();
    const refund = page.getByRole('dialog', { name: 'Retur struk 000001' });
    await refund.getByLabel('Jumlah retur Keripik pisang').fill('1');
    await refund.getByLabel('Alasan').fill('Bungkus sobek');
    await refund.getByRole('button', { name: 'Catat retur' }).click();
    const refundApproval = page.getByRole('dialog', { name: 'Setujui retur struk 000001' });
    await refundApproval.getByLabel('PIN pengelola').fill(MANAGER.pin);
    await refundApproval.getByLabel('PIN pengelola').press('Enter');
    await refundApproval.waitFor({ state: 'detached' });
    // Every refund shows (and prints) its numbered refund receipt first; "Selesai" goes back to the list and its notice.
    await expect.poll(() => page.getByTestId('refund-receipt').innerText()).toMatch(/STRUK RETUR[\s\S]*RF-000001[\s\S]*000001/);
    await page.getByRole('button', { name: 'Selesai' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Retur dicatat: Rp 8.000');
    const refunded = await app.api('sales.findByReceipt', { receiptNo: 1 });
    expect(refunded.lines[0]!.refundedQuantity).toBe(1);
    await shot(page, '09-sales-list');

    // The same till in English.
    await page.keyboard.press('Escape');
    await page.getByLabel('Bahasa', { exact: true }).selectOption('en');
    await page.getByRole('button', { name: 'Pay (F9)' }).waitFor();
    await page.getByLabel('Scan or type a code').fill('KP1');
    await page.getByLabel('Scan or type a code').press('Enter');
    await expect.poll(() => page.getByTestId('grand-total').innerText()).toBe('Rp 8.000');
    await shot(page, '10-register-en');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Cancel this sale?' }).getByRole('button', { name: 'Yes, empty it' }).click();
    await page.getByLabel('Language', { exact: true }).selectOption('id');
    await page.getByRole('button', { name: 'Bayar (F9)' }).waitFor();
    await page.unroute('**/api/rpc');
  }, 60_000);

  it('locks the till; repeated wrong PINs are throttled with a clear message', async () => {
    await page.getByRole('button', { name: 'Kunci' }).click();
    const pin = page.getByLabel('PIN', { exact: true });
    await pin.waitFor();
    for (let i = 0; i < 3; i++) {
      await pin.fill('0000');
      await pin.press('Enter');
      await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/PIN salah/);
      // The attempt before the lockout warns (issue #15 item 4).
      if (i === 1) await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Sekali lagi salah: terkunci 30 detik/);
    }
    await pin.fill(MANAGER.pin);
    await pin.press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Terlalu banyak PIN salah/);
    // The countdown counts down live.
    const first = Number(/(\d+) detik/.exec(await page.getByTestId('lockout-countdown').innerText())![1]);
    await expect.poll(() => page.getByTestId('lockout-countdown').innerText(), { timeout: 4_000 }).toMatch(new RegExp(`dalam (${first - 1}|${first - 2}|${first - 3}) detik`));
    await shot(page, '08-throttled');
    expect(await page.getByRole('region', { name: 'Staf yang masuk' }).count()).toBe(0);
  }, 60_000);
});
