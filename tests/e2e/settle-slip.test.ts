import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TestClock } from '../helpers/core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

/*
 * A full payout slip: several products, a terms change mid-week, a customer
 * refund, stock-count shrinkage, a deduction and an adjustment, and a payment
 * history (one week paid late) feeding the trust summary. Rendered to PDF in
 * each layout; the text must add up to the rupiah.
 */
const SHOTS = process.env.SETTLE_SHOTS_DIR ?? '/tmp/shots-settlement';
const PIN = '2468';

async function pdfText(page: Page, name: string): Promise<string> {
  // The slip's "what sold" block loads on its own request: print once it is in place.
  await page.locator('[data-slip-insight-loading]').waitFor({ state: 'detached' });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '70', file, path.join(SHOTS, `${name}-pdf`)]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

describeE2E('settlement: a full payout slip in every layout', () => {
  let app: E2EApp;
  const clock = new TestClock('2026-10-19T02:00:00.000Z'); // Monday 19 Oct, 09:00 Jakarta
  let settlementId = 0;
  let payoutId = '';

  beforeAll(async () => {
    app = await startE2EApp({ clock });
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko UKM Telang' });
    await app.api('settings.update', { storeAddress: 'Desa Telang, Bangkalan' });
    const m = await app.api('staff.create', { name: 'Bu Lurah', role: 'manager', pin: PIN });
    const approval = { staffId: m.id, pin: PIN };
    const sari = await app.api('producers.create', { name: 'Bu Sari Kue', shortName: 'SARI', phone: '0812-1', payoutMethod: 'ewallet', payoutProvider: 'DANA', payoutAccount: '0812-1' });
    const lapis = await app.api('products.create', { producerId: sari.id, name: 'Kue lapis', unit: 'pcs', terms: { retailPrice: 5_000, mode: 'fixed', producerPrice: 4_000 } });
    const bolu = await app.api('products.create', { producerId: sari.id, name: 'Bolu pandan', unit: 'pcs', terms: { retailPrice: 12_000, mode: 'percent', commissionBps: 1_500 } });
    await app.api('intakes.create', { producerId: sari.id, lines: [{ productId: lapis.id, quantity: 60 }, { productId: bolu.id, quantity: 30 }] });
    const shift = await app.api('shifts.open', { openingFloat: 200_000 });
    const sell = (productId: number, quantity: number, price: number) =>
      app.api('sales.create', { id: crypto.randomUUID(), shiftId: shift.id, lines: [{ productId, quantity }], payment: { method: 'cash', tendered: price * quantity } });
    // week 1 (ends Sun 25 Oct): paid two days late
    await sell(lapis.id, 5, 5_000);
    clock.set('2026-10-26T03:00:00.000Z');
    const w1 = await app.api('settlements.finalize', { periodEnd: '2026-10-25', approval });
    clock.set('2026-10-29T03:00:00.000Z'); // due Tue 27, paid Thu 29
    await app.api('payouts.create', { id: crypto.randomUUID(), settlementId: w1.settlements[0]!.id, amount: 20_000, method: 'cash_safe', receiverName: 'Bu Sari', approval });
    // week 2 (ends Sun 1 Nov): the full slip
    await sell(lapis.id, 10, 5_000); // 10 × 4 000
    await sell(bolu.id, 3, 12_000); // 36 000 − 15% = 30 600
    const refunded = await sell(lapis.id, 2, 5_000);
    await app.api('terms.change', { productId: lapis.id, effectiveFrom: '2026-10-30', retailPrice: 5_500, mode: 'fixed', producerPrice: 4_500, approval });
    clock.set('2026-10-30T03:00:00.000Z');
    await sell(lapis.id, 4, 5_500); // 4 × 4 500
    await app.api('sales.refund', { id: crypto.randomUUID(), saleId: refunded.id, lines: [{ saleLineId: refunded.lines[0]!.id, quantity: 1 }], restock: true, reason: 'kemasan rusak', approval });
    const stock = (await app.api('stock.list', {})).rows;
    const onHand = stock.find((s) => s.productId === bolu.id)!.onHand;
    await app.api('stockCounts.create', { lines: [{ productId: bolu.id, counted: onHand - 1, reason: 'hilang' }], approval });
    await app.api('ledger.deduct', { producerId: sari.id, amount: 3_000, reason: 'Plastik kemasan Oktober', approval });
    await app.api('ledger.adjust', { producerId: sari.id, amount: 500, reason: 'Kembalian kurang minggu lalu', approval });
    clock.set('2026-11-02T03:00:00.000Z');
    const w2 = await app.api('settlements.finalize', { periodEnd: '2026-11-01', approval });
    settlementId = w2.settlements[0]!.id;
    clock.set('2026-11-03T05:00:00.000Z');
    const p = await app.api('payouts.create', { id: crypto.randomUUID(), settlementId, amount: 50_000, method: 'ewallet', reference: 'DANA 7781', receiverName: 'Bu Sari', approval });
    payoutId = p.id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('adds up on every layout', async () => {
    const d = await app.api('settlements.get', { id: settlementId, payoutId });
    // 40 000 + 30 600 + 8 000 + 18 000 sold; −4 000 refunded; +10 200 shrinkage (one bolu at retail, less 15%); −3 000; +500
    expect(d.items.salesTotal).toBe(40_000 + 30_600 + 8_000 + 18_000);
    expect(d.items.refundTotal).toBe(-4_000);
    expect(d.items.shrinkageTotal).toBe(10_200);
    expect(d.totalDue).toBe(96_600 - 4_000 + 10_200 - 3_000 + 500);
    expect(d).toMatchObject({ paidNow: 50_000, paidBefore: 0, remainingAfter: d.totalDue - 50_000 });
    expect(d.trust).toMatchObject({ settlementsCounted: 1, onTimeRateBps: 0, averageDaysLateTenths: 20 });
    const page = app.page;
    await page.goto(app.host.appUrl);
    await page.getByRole('button', { name: /Bu Lurah/ }).click({ timeout: 15_000 });
    await page.getByLabel('PIN', { exact: true }).fill(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
    await page.evaluate((id) => {
      window.location.hash = `#/settle/s/${id}`;
    }, settlementId);
    await page.getByRole('button', { name: 'Slip untuk pembayaran ini' }).click();
    await page.getByTestId('payout-slip').waitFor();
    for (const layout of ['A5', 'A4', '80mm'] as const) {
      await page.getByLabel('Ukuran kertas slip').selectOption(layout);
      const text = await pdfText(page, `full-slip-${layout}`);
      expect(text).toMatch(/Kue lapis\s+12 pcs\s+Rp 4\.000\s+Rp 48\.000|12 pcs × Rp 4\.000\s+Rp 48\.000/);
      expect(text).toMatch(/4 pcs\s+Rp 4\.500\s+Rp 18\.000|4 pcs × Rp 4\.500\s+Rp 18\.000/);
      expect(text).toContain('Rp 30.600');
      expect(text).toContain('-Rp 4.000');
      expect(text).toContain('Rp 10.200');
      expect(text).toContain('Plastik kemasan Oktober');
      expect(text).toContain('Kembalian kurang minggu lalu');
      expect(text).toMatch(/TOTAL SETORAN\s+Rp 100\.300/);
      expect(text).toMatch(/Dibayar sekarang\s+Rp 50\.000/);
      expect(text).toMatch(/Sisa\s+Rp 50\.300/);
      expect(text).toMatch(/Tepat waktu 0(,0)?% dari 1 setoran/);
      expect(text).toContain(d.chainCode);
    }
  }, 60_000);
});
