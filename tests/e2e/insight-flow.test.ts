import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TestClock } from '../helpers/core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

/*
 * "Yang laku" end to end: two weeks of a producer's history made through the
 * API (deliveries, sales), then the manager opens the producer in the trust
 * ledger, sees what sells, edits the reorder quantity, copies the WhatsApp
 * text and prints the delivery request.
 */
const SHOTS = process.env.INSIGHT_SHOTS_DIR ?? '/tmp/shots-t17';
const MANAGER = { name: 'Bu Manajer', pin: '2468' };

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describeE2E('what sells: insight and reorder for a producer', () => {
  let app: E2EApp;
  let page: Page;
  const clock = new TestClock('2026-11-02T02:00:00.000Z'); // Monday 09:00 WIB
  beforeAll(async () => {
    app = await startE2EApp({ clock, viewport: { width: 1366, height: 768 } });
    page = app.page;
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko UKM Telang' });
    const mgr = await app.api('staff.create', { name: MANAGER.name, role: 'manager', pin: MANAGER.pin });
    const producer = await app.api('producers.create', { name: 'Ibu Rohmah Telur Asin', shortName: 'ROHMAH' } as never);
    const egg = await app.api('products.create', {
      producerId: producer.id,
      name: 'Telur asin rebus',
      unit: 'butir',
      perishable: true,
      terms: { retailPrice: 4000, mode: 'fixed', producerPrice: 3200 },
    } as never);
    const shiftId = (await app.apiAs({ staffId: mgr.id, pin: MANAGER.pin })('shifts.open', { openingFloat: 0 })).id;
    const sell = (quantity: number) =>
      app.api('sales.create', { id: randomUUID(), shiftId, lines: [{ productId: egg.id, quantity }], payment: { method: 'cash', tendered: quantity * 4000 } });
    // Week 1: 20 delivered, 18 sold over the week. Week 2: 10 delivered Monday, 9 sold by Tuesday.
    await app.api('intakes.create', { producerId: producer.id, lines: [{ productId: egg.id, quantity: 20, expiryDate: '2026-11-30' }] });
    for (const q of [5, 4, 5, 4]) {
      clock.advanceDays(1);
      await sell(q);
    }
    clock.set('2026-11-09T02:00:00.000Z');
    await app.api('intakes.create', { producerId: producer.id, lines: [{ productId: egg.id, quantity: 10, expiryDate: '2026-11-30' }] });
    await sell(5);
    clock.set('2026-11-10T05:00:00.000Z');
    await sell(4);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.url });
    await page.goto(app.host.appUrl);
    await page.getByRole('button', { name: new RegExp(MANAGER.name) }).click();
    await page.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor({ timeout: 15_000 });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('opens the producer, shows the figures the API gives, edits the reorder and copies the WhatsApp text', async () => {
    await page.getByRole('link', { name: 'Buku Kepercayaan' }).click();
    await page.getByRole('button', { name: 'Ibu Rohmah Telur Asin' }).click();
    await page.getByRole('button', { name: 'Yang laku', exact: true }).click();
    await page.getByRole('heading', { name: 'Yang laku · Ibu Rohmah Telur Asin', level: 1 }).waitFor();
    const row = page.getByRole('table', { name: 'Per produk' }).getByRole('row', { name: /Telur asin rebus/ });
    // 27 sold of 30 delivered: 90% sell-through; 3 on hand.
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(1, 3)).toEqual(['30', '27']);
    expect(cells).toContain('90%');
    expect(cells).toContain('3 butir');
    // Reorder: 27 sold in the last four weeks to Tuesday 11-10 (23 days) = 1.17 a day, 3 last 2 days < the 7-day interval;
    // ceil(8.19) = 9 + 3 safety − 3 = 9, within the perishable cap 10 × 90% = 9.
    const list = await app.api('insight.reorder', {});
    expect(list.producers[0]!.lines[0]).toMatchObject({ name: 'Telur asin rebus', quantity: 9, perishableCap: 9, daysOfStockLeft: 2 });
    const qty = page.getByLabel('Jumlah pesan Telur asin rebus');
    expect(await qty.inputValue()).toBe('9');
    await shot(page, 'insight-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await shot(page, 'insight-1024');
    await page.setViewportSize({ width: 1366, height: 768 });
    await qty.fill('8');
    await page.getByRole('button', { name: 'Salin teks WhatsApp' }).click();
    await page.getByRole('status').filter({ hasText: 'Teks disalin' }).waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toBe(
      ['Halo Ibu Rohmah Telur Asin, dari Toko UKM Telang.', 'Mohon kirim pada kiriman berikutnya:', '- Telur asin rebus: 8 butir', 'Terima kasih.'].join('\n'),
    );
  });

  it('prints the delivery request with the edited quantity', async () => {
    await page.getByRole('button', { name: 'Cetak permintaan kirim' }).click();
    const preview = page.getByRole('region', { name: /Permintaan Kirim Barang/ });
    await preview.waitFor();
    expect(await preview.locator('.print-root').innerText()).toMatch(/Telur asin rebus[\s\S]*8/);
    await page.emulateMedia({ media: 'print' });
    const file = path.join(SHOTS, 'delivery-request.pdf');
    fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, 'delivery-request')]);
    const pdfText = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    expect(pdfText).toContain('PERMINTAAN KIRIM BARANG'); // the document title prints in capitals
    expect(pdfText).toContain('Ibu Rohmah Telur Asin');
    expect(pdfText).not.toContain('Salin teks WhatsApp');
    await page.getByRole('button', { name: 'Kembali', exact: true }).click();
    expect(await page.getByLabel('Jumlah pesan Telur asin rebus').inputValue()).toBe('8'); // the edit survives the print
  });
});
