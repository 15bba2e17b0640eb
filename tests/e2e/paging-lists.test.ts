/**
 * Issue 14 part A in the browser: the catalogue's producers and a producer's
 * products, and the stock on hand, page with "1–100 dari N" and keep their
 * filters; the receipts' and sale lines' CSVs download as a stream through a
 * one-time link. Screenshots at 1366×768 and 1024×768.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';
import { PIN, signInAsManager } from './catalogue-helpers';

const SHOTS = '/tmp/shots-s14a';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
];

describeE2E('every list pages (catalogue, stock) and large CSVs stream', () => {
  let app: E2EApp;
  let big = 0;
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startE2EApp({ viewport: SIZES[0] });
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko KTM Telang' });
    await app.api('staff.create', { name: 'Bu Ratna', role: 'manager', pin: PIN });
    // 104 producers (more than a page); the first has 130 products (more than a page).
    for (let i = 0; i < 104; i++) {
      const p = await app.api('producers.create', { name: `Produsen ${String(i).padStart(3, '0')}`, shortName: `P${i}` });
      if (i === 0) big = p.id;
    }
    for (let i = 0; i < 130; i++) {
      await app.api('products.create', {
        producerId: big,
        name: `Keripik ${String(i).padStart(3, '0')}`,
        unit: 'bungkus',
        shortCode: String(300 + i),
        terms: { retailPrice: 10_000 + i * 100, mode: 'fixed', producerPrice: 8_000 },
      });
    }
  }, 240_000);
  afterAll(async () => {
    await app?.close();
  });

  it('the catalogue pages its producers and a producer\'s products; the stock table pages and keeps its search', async () => {
    const page = app.page;
    await page.goto(app.host.appUrl);
    await signInAsManager(page);
    await page.goto(`${app.host.url}/#/catalogue`);
    const producers = page.getByRole('navigation', { name: 'Halaman Produsen' });
    await expect.poll(() => producers.getByRole('status').innerText()).toBe('1–100 dari 104');
    await producers.getByRole('button', { name: 'Halaman berikutnya: Produsen' }).click();
    await expect.poll(() => producers.getByRole('status').innerText()).toBe('101–104 dari 104');
    await expect.poll(() => page.getByRole('complementary', { name: 'Produsen' }).getByRole('button', { name: /Produsen 103/ }).isVisible()).toBe(true);
    // The search is a filter: back to the first page of what matches.
    await page.getByLabel('Cari produsen').fill('Produsen 00');
    await expect.poll(() => producers.getByRole('status').innerText()).toBe('1–10 dari 10');
    await page.getByRole('button', { name: /Produsen 000/ }).click();
    const products = page.getByRole('navigation', { name: 'Halaman Produk' }).first();
    await expect.poll(() => products.getByRole('status').innerText()).toBe('1–100 dari 130');
    await page.setViewportSize(SIZES[0]!);
    await page.screenshot({ path: `${SHOTS}/catalogue-1366.png` });
    await page.setViewportSize(SIZES[1]!);
    await page.screenshot({ path: `${SHOTS}/catalogue-1024.png` });
    await products.getByRole('button', { name: 'Halaman berikutnya: Produk' }).click();
    await expect.poll(() => products.getByRole('status').innerText()).toBe('101–130 dari 130');
    await expect.poll(() => page.getByRole('table', { name: 'Produk' }).innerText()).toMatch(/Keripik 129/);
    await page.screenshot({ path: `${SHOTS}/catalogue-products-page2-1024.png`, fullPage: true });

    await page.setViewportSize(SIZES[0]!);
    await page.goto(`${app.host.url}/#/stock`);
    const stock = page.getByRole('navigation', { name: 'Halaman Stok per produk' }).first();
    await expect.poll(() => stock.getByRole('status').innerText()).toBe('1–100 dari 130');
    await page.screenshot({ path: `${SHOTS}/stock-1366.png` });
    await page.setViewportSize(SIZES[1]!);
    await page.screenshot({ path: `${SHOTS}/stock-1024.png` });
    await stock.getByRole('button', { name: 'Halaman berikutnya: Stok per produk' }).click();
    await expect.poll(() => stock.getByRole('status').innerText()).toBe('101–130 dari 130');
    await page.getByLabel('Cari produk').fill('Keripik 12');
    await expect.poll(() => stock.getByRole('status').innerText()).toBe('1–10 dari 10');
    await page.setViewportSize(SIZES[0]!);
  });

  it('the sale lines and receipts CSVs download as a stream from the reports screen', async () => {
    const page = app.page;
    await page.goto(`${app.host.url}/#/reports`);
    const [lines] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV per baris penjualan' }).click()]);
    expect(lines.suggestedFilename()).toMatch(/^penjualan-baris-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(lines.url()).toMatch(/\/api\/export\/[\w-]{32}$/);
    const text = fs.readFileSync((await lines.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe('No. struk,Waktu,Baris,Produk,Satuan,Produsen,Jumlah,Harga satuan (Rp),Diskon (Rp),Total baris (Rp),Bagian produsen (Rp),Komisi toko (Rp),Status');
    const [receipts] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV per struk' }).click()]);
    expect(receipts.suggestedFilename()).toMatch(/^penjualan-struk-/);
    expect(fs.readFileSync((await receipts.path())!, 'utf8').startsWith('No. struk,Waktu,Kasir,Pembayaran')).toBe(true);
  });
});
