import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TestClock } from '../helpers/core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';
import { renderPaper, type RenderedPaper } from './paper-pages';

/*
 * Paper as long as its content: a roll receipt, the X and Z reports and the
 * 80 mm payout slip are one page exactly as long as the document (a roll
 * printer cuts there), and sheets (A5 intake receipt, A4 report) print no
 * blank page after a short document.
 */
const PIN = '1357';
/** Rounding to whole mm plus the 2 mm of slack the page adds to be safe. */
const WITHIN_MM = 4;

function expectRollPage(paper: RenderedPaper, widthMm: number) {
  expect(paper.pages).toBe(1);
  expect(paper.sizes[0]!.widthMm).toBeCloseTo(widthMm, 0);
  expect(paper.contentMm).toBeGreaterThan(20);
  expect(paper.sizes[0]!.heightMm).toBeGreaterThanOrEqual(paper.contentMm);
  expect(paper.sizes[0]!.heightMm - paper.contentMm).toBeLessThanOrEqual(WITHIN_MM);
}

describeE2E('paper: roll documents as long as their content, no blank pages', () => {
  let app: E2EApp;
  let page: Page;
  const clock = new TestClock('2026-10-19T02:00:00.000Z'); // Monday, 09:00 in Jakarta
  let settlementId = 0;
  let payoutId = '';
  let shiftId = 0;
  const receipts: number[] = [];

  beforeAll(async () => {
    app = await startE2EApp({ clock });
    page = app.page;
    page.setDefaultTimeout(10_000);
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko Kertas Pas' });
    const m = await app.api('staff.create', { name: 'Bu Pas', role: 'manager', pin: PIN });
    const approval = { staffId: m.id, pin: PIN };
    const sari = await app.api('producers.create', { name: 'Bu Sari Kue', shortName: 'SARI' });
    const products = [];
    for (let i = 1; i <= 14; i++) {
      products.push(
        await app.api('products.create', { producerId: sari.id, name: `Kue nomor ${i}`, unit: 'pcs', terms: { retailPrice: 1_000 * i, mode: 'fixed', producerPrice: 800 * i } }),
      );
    }
    await app.api('intakes.create', { producerId: sari.id, lines: products.map((p) => ({ productId: p.id, quantity: 20 })) });
    const shift = await app.apiAs(approval)('shifts.open', { openingFloat: 100_000 });
    shiftId = shift.id;
    const sell = async (lines: { productId: number; quantity: number }[]) => {
      const sale = await app.api('sales.create', { id: crypto.randomUUID(), shiftId, lines, payment: { method: 'cash', tendered: 1_000_000 } });
      receipts.push(sale.receiptNo);
    };
    await sell([{ productId: products[0]!.id, quantity: 1 }]); // a short receipt
    await sell(products.map((p) => ({ productId: p.id, quantity: 2 }))); // a long one
    clock.set('2026-10-26T03:00:00.000Z');
    const week = await app.api('settlements.finalize', { periodEnd: '2026-10-25', approval });
    settlementId = week.settlements[0]!.id;
    const payout = await app.api('payouts.create', { id: crypto.randomUUID(), settlementId, amount: 50_000, method: 'cash_safe', receiverName: 'Bu Sari', approval });
    payoutId = payout.id;

    await page.goto(app.host.appUrl);
    await page.getByRole('button', { name: /Bu Pas/ }).click({ timeout: 15_000 });
    await page.getByLabel('PIN', { exact: true }).fill(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const openSalesList = async () => {
    await page.evaluate(() => (window.location.hash = '#/settings'));
    await page.evaluate(() => (window.location.hash = '#/sell'));
    await page.getByRole('button', { name: 'Penjualan shift' }).first().click();
  };

  for (const width of ['58mm', '80mm'] as const) {
    it(`${width}: a short and a long receipt are each one page as long as the receipt`, async () => {
      await app.api('settings.update', { receiptWidth: width });
      const lengths: number[] = [];
      for (const receiptNo of receipts) {
        await openSalesList();
        await page.getByRole('button', { name: new RegExp(`^Cetak ulang struk 0*${receiptNo}$`) }).click();
        await page.locator(`.print-page.paper-${width}`).waitFor();
        const paper = await renderPaper(page, `receipt-${width}-${receiptNo}`);
        expectRollPage(paper, width === '58mm' ? 58 : 80);
        expect(paper.text).toContain('Kue nomor 1');
        lengths.push(paper.sizes[0]!.heightMm);
      }
      // The 14-line receipt is much longer than the 1-line one: the page follows the content.
      expect(lengths[1]! - lengths[0]!).toBeGreaterThan(40);
      expect(lengths[0]!).toBeLessThan(200);
    }, 60_000);
  }

  it('the X report is one page as long as the report', async () => {
    await app.api('settings.update', { receiptWidth: '80mm' });
    await page.evaluate(() => (window.location.hash = '#/settings'));
    await page.evaluate(() => (window.location.hash = '#/sell'));
    await page.getByRole('button', { name: 'Tutup shift / laporan X' }).click();
    await page.getByRole('button', { name: 'Laporan X (tanpa menutup)' }).click();
    await page.locator('.print-page.paper-80mm').waitFor();
    const paper = await renderPaper(page, 'x-report-80mm');
    expectRollPage(paper, 80);
    expect(paper.text).toMatch(/LAPORAN X/i);
  }, 60_000);

  it('the 80 mm payout slip is one page as long as the slip', async () => {
    await page.evaluate((id) => (window.location.hash = `#/settle/s/${id}`), settlementId);
    await page.getByRole('button', { name: 'Slip untuk pembayaran ini' }).click();
    await page.getByTestId('payout-slip').waitFor();
    await page.getByLabel('Ukuran kertas slip').selectOption('80mm');
    await page.locator('.print-page.paper-80mm').waitFor();
    const paper = await renderPaper(page, 'payout-slip-80mm');
    expectRollPage(paper, 80);
    expect(paper.text).toContain('Bu Sari Kue');
    expect(payoutId).not.toBe('');
  }, 60_000);

  it('the A5 intake receipt is one page, with no blank page after it', async () => {
    await page.evaluate(() => (window.location.hash = '#/intake'));
    await page.getByRole('button', { name: 'Tampilkan TT-000001' }).click();
    await page.getByLabel('Kertas').selectOption('A5');
    await page.locator('.print-page.paper-A5').waitFor();
    const paper = await renderPaper(page, 'intake-A5');
    expect(paper.pages).toBe(1);
    expect(paper.text).toContain('Kue nomor 14');
    await page.getByLabel('Kertas').selectOption('58mm');
    await page.locator('.print-page.paper-58mm').waitFor();
    expectRollPage(await renderPaper(page, 'intake-58mm'), 58);
  }, 60_000);

  it('the Z report closing the shift is one page as long as the report', async () => {
    await page.evaluate(() => (window.location.hash = '#/settings'));
    await page.evaluate(() => (window.location.hash = '#/sell'));
    await page.getByRole('button', { name: 'Tutup shift / laporan X' }).click();
    await page.getByLabel('Uang tunai terhitung (Rp)').fill('100000');
    // The signed-in cashier closes their own shift: no PIN any more (issue #11).
    await page.getByRole('button', { name: 'Tutup shift dan cetak laporan Z' }).click();
    await page.locator('.print-page.paper-80mm').waitFor();
    const paper = await renderPaper(page, 'z-report-80mm');
    expectRollPage(paper, 80);
    expect(paper.text).toMatch(/LAPORAN Z/i);
  }, 60_000);
});
