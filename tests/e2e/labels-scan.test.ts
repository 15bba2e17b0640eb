/**
 * Labels must scan: a delivery's labels are printed from the real UI to PDF,
 * rasterised with pdftoppm (300 dpi for a sticker sheet, 203 dpi — a thermal
 * head — for a roll), every barcode on the pages is decoded with zxing-wasm,
 * and a decoded number typed at the till rings up its product.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { describeE2E, printRequests, startE2EApp, type E2EApp } from './fixtures';
import { signInAsManager, PIN } from './catalogue-helpers';
import { tempDir } from '../helpers/core';

const SHOTS = '/tmp/shots-labels';
fs.mkdirSync(SHOTS, { recursive: true });

async function pdfOfPrint(page: Page, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const file = path.join(SHOTS, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

/** Every barcode zxing finds on every page of the PDF rasterised at `dpi`. */
async function decodePdf(file: string, dpi: number): Promise<string[]> {
  const dir = tempDir('ukm-mart-labels-');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, path.join(dir, 'page')]);
  const found: string[] = [];
  for (const png of fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort()) {
    const bytes = fs.readFileSync(path.join(dir, png));
    const results = await readBarcodes(new Blob([bytes]), { formats: ['EAN13'], maxNumberOfSymbols: 64, tryHarder: true });
    for (const r of results) if (r.isValid) found.push(r.text);
  }
  return found.sort();
}

/** A local date some days from now (the host runs on the real clock here). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
const pageSizeMm = (file: string) => {
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [file]).toString())!;
  return [(Number(w) * 25.4) / 72, (Number(h) * 25.4) / 72];
};

describeE2E('labels for goods without a barcode: print a delivery, decode the PDF, sell from it', () => {
  let app: E2EApp;
  let page: Page;
  const expected: string[] = [];
  let intakeNumber = '';
  beforeAll(async () => {
    await prepareZXingModule({
      overrides: { wasmBinary: fs.readFileSync('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm').buffer as ArrayBuffer },
      fireImmediately: true,
    });
    app = await startE2EApp({ viewport: { width: 1366, height: 768 } });
    page = app.page;
    page.setDefaultTimeout(10_000);
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko UKM Telang' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('gives every product without a barcode a store number from the catalogue', async () => {
    await page.goto(app.host.appUrl);
    await signInAsManager(page);
    const siti = await app.api('producers.create', { name: 'Telur Asin Bu Siti', shortName: 'BU SITI' });
    const nur = await app.api('producers.create', { name: 'Kelanting Mbak Nur', shortName: 'MBAK NUR' });
    const egg = await app.api('products.create', {
      producerId: siti.id, name: 'Telur Asin Rebus Matang Mika Isi Enam', unit: 'mika', shortCode: 'TA6', perishable: true,
      terms: { retailPrice: 24_000, mode: 'fixed', producerPrice: 20_000 },
    });
    const kelanting = await app.api('products.create', {
      producerId: nur.id, name: 'Kelanting Pedas', unit: 'bungkus', shortCode: 'KL1',
      terms: { retailPrice: 7_500, mode: 'percent', commissionBps: 2_000 },
    });
    await page.getByRole('link', { name: 'Katalog' }).or(page.getByRole('button', { name: 'Katalog' })).first().click();
    await page.getByRole('button', { name: 'Beri barcode toko ke semua produk tanpa barcode' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'barcode toko' }).first().innerText()).toMatch(/2 produk/);
    const eggCode = (await app.api('products.get', { id: egg.id })).barcode!;
    const kelCode = (await app.api('products.get', { id: kelanting.id })).barcode!;
    expect([eggCode, kelCode]).toEqual(['2000000000015', '2000000000022']);
    const egg1 = await app.api('intakes.create', {
      producerId: siti.id,
      lines: [
        { productId: egg.id, quantity: 3, expiryDate: inDays(5) },
        { productId: egg.id, quantity: 2, expiryDate: inDays(7) },
      ],
    });
    intakeNumber = egg1.number;
    expected.push(eggCode, eggCode, eggCode, eggCode, eggCode);
    expected.sort();
  }, 60_000);

  it('prints the delivery on a half-used Tom & Jerry No. 103 sheet, and every label decodes', async () => {
    await page.getByRole('link', { name: 'Titipan Masuk' }).or(page.getByRole('button', { name: 'Titipan Masuk' })).first().click();
    await page.getByRole('button', { name: `Tampilkan ${intakeNumber}` }).click();
    await page.getByRole('button', { name: 'Cetak label', exact: true }).first().click();
    await page.getByLabel('Jenis kertas label').selectOption('tj103');
    await page.getByLabel(/Mulai di posisi/).fill('9');
    await expect.poll(() => page.getByText(/5 label di 2 lembar/).count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'labels-tj103-1366.png'), fullPage: true });
    const before = (await printRequests(page)).length;
    await page.getByRole('button', { name: 'Cetak label', exact: true }).last().click();
    expect((await printRequests(page)).length).toBe(before + 1);
    const file = await pdfOfPrint(page, 'tj103');
    expect(pageCount(file)).toBe(2);
    const [w, h] = pageSizeMm(file);
    expect(Math.abs(w! - 165)).toBeLessThan(1);
    expect(Math.abs(h! - 210)).toBeLessThan(1);
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, 'tj103')]);
    expect(await decodePdf(file, 300)).toEqual(expected);
  }, 90_000);

  it('prints the same delivery on a 33 × 15 mm thermal roll, and at 203 dpi every label decodes', async () => {
    await page.getByLabel('Jenis kertas label').selectOption('roll-33x15x2');
    await expect.poll(() => page.getByText(/^5 label$/).count()).toBe(1);
    await page.getByRole('button', { name: 'Cetak label', exact: true }).last().click();
    const file = await pdfOfPrint(page, 'roll-33x15');
    // Two across: five labels make three rows, one page each.
    expect(pageCount(file)).toBe(3);
    execFileSync('pdftoppm', ['-png', '-r', '203', '-f', '1', '-l', '1', file, path.join(SHOTS, 'roll-33x15')]);
    expect(await decodePdf(file, 203)).toEqual(expected);
  }, 90_000);

  it('scans a decoded label number at the till and rings up the product', async () => {
    const decoded = (await decodePdf(path.join(SHOTS, 'roll-33x15.pdf'), 203))[0]!;
    await page.getByRole('link', { name: 'Kasir' }).or(page.getByRole('button', { name: 'Kasir' })).first().click();
    await page.getByRole('heading', { name: 'Buka shift' }).waitFor();
    await page.keyboard.type('50000');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PIN);
    await page.keyboard.press('Enter');
    const scan = page.getByLabel('Pindai atau ketik kode');
    await scan.waitFor();
    await scan.fill(decoded);
    await scan.press('Enter');
    await expect.poll(() => page.getByTestId('grand-total').innerText()).toMatch(/24\.000/);
    await expect.poll(() => page.getByText('Telur Asin Rebus Matang Mika Isi Enam').count()).toBeGreaterThan(0);
  }, 60_000);
});
