import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, toLocalDate } from '../../shared/domain/time';
import { describeE2E, printRequests, startE2EApp, type E2EApp } from './fixtures';
import { PIN, SHOTS, printToPdf, signInAsManager } from './catalogue-helpers';

describeE2E('catalogue, intake and stock in the browser', () => {
  let app: E2EApp;
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startE2EApp();
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko KTM Telang' });
    // The store's manager first: changing settings needs a manager's session (SPEC §5).
    await app.api('staff.create', { name: 'Bu Ratna', role: 'manager', pin: PIN });
    await app.api('settings.update', { storeAddress: 'Jl. Raya Telang No. 5', storePhone: '0812-0000-1111' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('a manager sets up a producer and product, receives an intake by short code, prints the receipt, returns and counts stock', async () => {
    const page = app.page;
    await page.goto(app.host.appUrl);
    await signInAsManager(page);

    // Catalogue: a producer with bank-transfer payout.
    await page.goto(`${app.host.url}/#/catalogue`);
    await page.getByRole('button', { name: /Produsen baru/ }).click();
    const producerForm = page.getByRole('form', { name: 'Produsen baru' });
    await producerForm.getByLabel('Nama produsen / usaha').fill('Keripik Singkong Sri Rejeki');
    await producerForm.getByLabel('Nama singkat (di struk)').fill('Sri Rejeki');
    await producerForm.getByLabel('Telepon / WhatsApp').fill('0857-4012-3378');
    await producerForm.getByLabel('Alamat / desa').fill('Dusun Krajan, Desa Telang');
    await producerForm.getByRole('radio', { name: 'Transfer bank' }).check();
    await producerForm.getByLabel('Nama bank').fill('BRI');
    // Saving without an account number is refused with a clear message.
    await producerForm.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => producerForm.getByRole('alert').innerText()).toMatch(/rekening/);
    await producerForm.getByLabel('Nomor rekening').fill('0123-01-000456-50-1');
    await producerForm.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: /Keripik Singkong Sri Rejeki/ }).waitFor();
    await page.screenshot({ path: `${SHOTS}/catalogue-producer.png`, fullPage: true });

    // A product with fixed terms.
    await page.getByRole('button', { name: /Produk baru/ }).click();
    const productForm = page.getByRole('form', { name: 'Produk baru' });
    await productForm.getByLabel('Nama produk').fill('Keripik Balado 200 g');
    await productForm.getByLabel('Satuan').fill('bungkus');
    await productForm.getByLabel('Barcode (boleh kosong)').fill('8997001234510');
    await productForm.getByLabel('Kode singkat').fill('201');
    await productForm.getByLabel(/Mudah basi/).check();
    await productForm.getByRole('radio', { name: 'Warna 3' }).click();
    await productForm.getByLabel('Harga jual').fill('10.000');
    await productForm.getByLabel('Harga setor ke produsen').fill('12.000');
    await productForm.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => productForm.getByRole('alert').innerText()).toMatch(/melebihi harga jual/);
    await productForm.getByLabel('Harga setor ke produsen').fill('8.000');
    await productForm.getByRole('button', { name: 'Simpan' }).click();
    const history = page.getByRole('table', { name: 'Riwayat syarat titip' });
    await history.waitFor();
    await expect.poll(() => history.innerText()).toMatch(/Rp 10\.000[\s\S]*Setor Rp 8\.000/);
    await page.screenshot({ path: `${SHOTS}/catalogue-product.png`, fullPage: true });

    // A terms change from tomorrow, approved with the manager's PIN: scheduled, today's price unchanged.
    const tomorrow = addDays(toLocalDate(new Date(), 'Asia/Jakarta'), 1);
    const change = page.getByRole('form', { name: 'Ubah syarat mulai tanggal' });
    await change.getByLabel('Berlaku mulai tanggal').fill(tomorrow);
    await change.getByLabel('Harga jual').fill('11.000');
    await change.getByLabel('Harga setor ke produsen').fill('8.800');
    await change.getByLabel('Alasan perubahan').fill('Harga singkong naik');
    await change.getByRole('button', { name: 'Simpan perubahan syarat' }).click();
    const approve = page.getByRole('dialog');
    await approve.getByLabel('PIN pengelola').fill(PIN);
    await approve.getByRole('button', { name: 'Setujui' }).click();
    await change.getByRole('status').waitFor();
    await expect.poll(() => history.innerText()).toMatch(/Rp 11\.000[\s\S]*terjadwal[\s\S]*Rp 10\.000[\s\S]*berlaku/);
    expect((await app.api('products.lookup', { code: '201' }))!.terms.retailPrice).toBe(10000);

    // Receiving: scan the short code.
    await page.goto(`${app.host.url}/#/intake`);
    await page.getByLabel('Produsen', { exact: true }).selectOption({ label: 'Keripik Singkong Sri Rejeki' });
    const scan = page.getByLabel('Pindai barcode / kode singkat');
    await scan.fill('201');
    await scan.press('Enter');
    const qty = page.getByLabel('Jumlah Keripik Balado 200 g');
    await qty.waitFor();
    await qty.fill('24');
    await page.getByLabel('Kedaluwarsa Keripik Balado 200 g').fill('2027-01-31');
    await page.getByLabel('Diantar oleh').fill('Sri Wahyuni');
    await page.screenshot({ path: `${SHOTS}/intake-form.png`, fullPage: true });
    await page.getByRole('button', { name: 'Simpan & cetak tanda terima' }).click();
    await page.getByText('Titipan TT-000001 tersimpan.').waitFor();
    // "Simpan & cetak" prints (issue #15 item 11), and the saved message is in view without scrolling.
    await expect.poll(() => printRequests(page)).toEqual(['Tanda Terima Titipan']);
    expect(await page.getByText('Titipan TT-000001 tersimpan.').evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);
    await page.screenshot({ path: `${SHOTS}/intake-receipt-screen.png`, fullPage: true });
    const receipt58 = await printToPdf(page, 'intake-receipt-58mm');
    for (const text of ['Toko KTM Telang', 'TANDA TERIMA TITIPAN', 'TT-000001', 'Keripik Singkong Sri Rejeki', 'Keripik Balado 200 g', '24 bungkus', 'Sri Wahyuni', 'Produsen', 'Penerima', 'Bu Ratna']) {
      expect(receipt58).toContain(text);
    }
    await page.getByLabel('Kertas').selectOption('A5');
    const receiptA5 = await printToPdf(page, 'intake-receipt-A5');
    expect(receiptA5).toContain('TT-000001');
    expect(receiptA5).toMatch(/Total satuan[\s\S]*24/);
    // The goods' value at the producer's price (issue 15, item 14): 24 × Rp 8.000.
    expect(receiptA5).toMatch(/Nilai barang \(harga setor\) Rp 192\.000/);

    // Stock on hand.
    await page.goto(`${app.host.url}/#/stock`);
    const stockTable = page.getByRole('table', { name: 'Stok per produk' });
    await expect.poll(() => stockTable.innerText()).toMatch(/Keripik Balado 200 g[\s\S]*24/);
    await page.screenshot({ path: `${SHOTS}/stock-onhand.png`, fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor stok (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^stok-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Keripik Balado 200 g,bungkus,201,8997001234510,1,1,24,0,');

    // A return of damaged goods.
    await page.getByRole('button', { name: 'Retur ke produsen' }).click();
    const returnForm = page.getByRole('form', { name: 'Retur ke produsen' });
    await returnForm.getByLabel('Produsen', { exact: true }).selectOption({ label: 'Keripik Singkong Sri Rejeki' });
    await returnForm.getByRole('button', { name: /Tambah baris/ }).click();
    await expect.poll(() => returnForm.getByLabel('Produk baris 1').locator('option').count()).toBeGreaterThan(1);
    await returnForm.getByLabel('Produk baris 1').selectOption({ index: 1 });
    await returnForm.getByLabel('Jumlah baris 1').fill('4');
    await returnForm.getByLabel('Alasan baris 1').selectOption('damaged');
    await returnForm.getByLabel('Diambil oleh').fill('Sri Wahyuni');
    await returnForm.getByRole('button', { name: 'Simpan & cetak slip retur' }).click();
    await page.getByText('Retur RT-000001 tersimpan.').waitFor();
    await page.screenshot({ path: `${SHOTS}/return-slip-screen.png`, fullPage: true });
    const slip = await printToPdf(page, 'return-slip-A5');
    for (const text of ['SLIP RETUR KE PRODUSEN', 'RT-000001', 'Keripik Balado 200 g', '4 bungkus', 'Rusak', 'Produsen']) expect(slip).toContain(text);

    // A stock count with a shortfall, approved by the manager's PIN.
    await page.getByRole('button', { name: 'Stok opname' }).click();
    const countForm = page.getByRole('form', { name: 'Stok opname' });
    await expect.poll(() => countForm.innerText()).toMatch(/Keripik Balado 200 g[\s\S]*20/);
    await countForm.getByLabel('Dihitung Keripik Balado 200 g').fill('18');
    await countForm.getByLabel('Alasan Keripik Balado 200 g').fill('bungkus sobek');
    await page.screenshot({ path: `${SHOTS}/count-form.png`, fullPage: true });
    await countForm.getByRole('button', { name: /Simpan opname/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('PIN pengelola').fill(PIN);
    await dialog.getByRole('button', { name: 'Setujui' }).click();
    await page.getByText('Stok opname SO-000001 tersimpan.').waitFor();
    await page.screenshot({ path: `${SHOTS}/count-report-screen.png`, fullPage: true });
    const report = await printToPdf(page, 'count-report-A4');
    for (const text of ['LAPORAN STOK OPNAME', 'SO-000001', 'Keripik Balado', 'bungkus sobek', 'Rp 16.000']) expect(report).toContain(text);
    expect(report).toMatch(/20 18 -2/);

    // The same screens in English.
    await page.getByLabel('Bahasa').selectOption('en');
    await page.getByRole('button', { name: 'On hand' }).click();
    await page.getByRole('table', { name: 'Stock per product' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/stock-onhand-en.png`, fullPage: true });
    await page.getByLabel('Language').selectOption('id');

    // The core agrees, and the ledger chain verifies.
    const [row] = (await app.api('stock.list', {})).rows;
    expect(row).toMatchObject({ productName: 'Keripik Balado 200 g', onHand: 18 });
    expect((await app.api('ledger.verify', {})).ok).toBe(true);
  }, 120_000);
});
