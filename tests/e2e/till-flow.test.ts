import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, printRequests, startE2EApp, type E2EApp } from './fixtures';

/*
 * The till end to end, in Chromium against the real core: the first manager,
 * sign in, open a shift, a keyboard-only sale, a sale by barcode + `2*` short
 * code + tile with the receipt rendered to PDF, a void with a manager PIN,
 * and the shift close with its Z report.
 */
const SHOTS = process.env.TILL_SHOTS_DIR ?? '';
const MANAGER = { name: 'Bu Sari', pin: '2468' };
const CASHIER = { name: 'Andi', pin: '1357' };

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The accessible name (aria-label) of the focused element: proves where the keyboard is. */
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

async function pdfText(page: Page, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const dir = fs.mkdtempSync(path.join(SHOTS || '/tmp', 'pdf-'));
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  if (SHOTS) execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, path.join(SHOTS, `${name}-pdf`)]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

describeE2E('till: sign in, sell, receipt, void, close the shift', () => {
  let app: E2EApp;
  let page: Page;
  /** The API signed in as Bu Sari, once she is made in the UI (the shop's only manager). */
  let boss: ReturnType<E2EApp['apiAs']>;
  beforeAll(async () => {
    app = await startE2EApp();
    page = app.page;
    page.setDefaultTimeout(8_000);
    // No staff yet: the setup needs no session, and the UI must still ask for the first manager.
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko UKM Telang' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('creates the first manager, then a cashier signs in and opens a shift with the keyboard only', async () => {
    await page.goto(app.host.appUrl);
    await page.getByRole('heading', { name: /pengelola pertama/i }).waitFor({ timeout: 15_000 });
    await page.keyboard.type(MANAGER.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(MANAGER.pin);
    await page.keyboard.press('Tab');
    await page.keyboard.type(MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /siapa yang bertugas/i }).waitFor();
    const staff = await app.api('staff.list', {});
    expect(staff).toMatchObject([{ name: MANAGER.name, role: 'manager', active: true }]);
    // Every later call is a manager's: the shop's settings and catalogue go in signed in as Bu Sari.
    boss = app.apiAs({ staffId: staff[0]!.id, pin: MANAGER.pin });
    await boss('settings.update', { storeAddress: 'Desa Telang, Bangkalan', storePhone: '0812-3456-7890', receiptFooter: 'Terima kasih, produk desa sendiri!' });
    const telur = await boss('producers.create', { name: 'Ibu Rohmah Telur Asin', shortName: 'ROHMAH' });
    const keripik = await boss('producers.create', { name: 'Kelompok Keripik Telang', shortName: 'KKT' });
    const bolu = await boss('producers.create', { name: 'Dapur Bu Nur', shortName: 'BUNUR' });
    await boss('products.create', {
      producerId: telur.id, name: 'Telur asin', unit: 'butir', barcode: '8991000000011',
      terms: { retailPrice: 3_500, mode: 'fixed', producerPrice: 3_000 },
    });
    await boss('products.create', {
      producerId: keripik.id, name: 'Keripik singkong', unit: 'bungkus', shortCode: 'KS2',
      terms: { retailPrice: 10_000, mode: 'percent', commissionBps: 2_000 },
    });
    await boss('products.create', {
      producerId: bolu.id, name: 'Kue bolu', unit: 'pcs', tileColor: '#f4d35e',
      terms: { retailPrice: 5_000, mode: 'fixed', producerPrice: 4_000 },
    });
    await boss('staff.create', { name: CASHIER.name, role: 'cashier', pin: CASHIER.pin, approval: { staffId: staff[0]!.id, pin: MANAGER.pin } });

    await page.reload();
    await page.getByRole('button', { name: new RegExp(CASHIER.name) }).waitFor();
    await shot(page, '01-lock-screen');
    // Keyboard only: Tab to the cashier's tile, Enter, type the PIN, Enter.
    for (let i = 0; i < 5 && !(await focusedLabel(page)).includes(CASHIER.name); i++) await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toContain(CASHIER.name);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe('PIN');
    // A wrong PIN says so and keeps the lock screen.
    await page.keyboard.type('0000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/PIN salah/);
    await expect.poll(() => focusedLabel(page)).toBe('PIN');
    await page.keyboard.type(CASHIER.pin);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Buka shift' }).waitFor();
    // Signed in already: the shift opens in the session's name, no second PIN.
    await page.keyboard.type('100000');
    await page.keyboard.press('Enter');
    await page.getByLabel('Pindai atau ketik kode').waitFor();
    expect(await focusedLabel(page)).toBe('Pindai atau ketik kode');
    expect(await boss('shifts.current', {})).toMatchObject({ cashierName: CASHIER.name, openingFloat: 100_000 });
  }, 60_000);

  it('sells with the keyboard only: barcode, 2*short code, F2 name search, F9, cash, change', async () => {
    const total = page.getByTestId('grand-total');
    await page.keyboard.type('8991000000011');
    await page.keyboard.press('Enter');
    await expect.poll(() => total.innerText()).toBe('Rp 3.500');
    await page.keyboard.type('2*ks2');
    await page.keyboard.press('Enter');
    await expect.poll(() => total.innerText()).toBe('Rp 23.500');
    // An unknown code says so and keeps the cart.
    await page.keyboard.type('NOPE');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('NOPE');
    await expect.poll(() => total.innerText()).toBe('Rp 23.500');
    expect(await focusedLabel(page)).toBe('Pindai atau ketik kode');
    await page.keyboard.press('F2');
    await page.getByRole('dialog', { name: 'Cari barang' }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Nama barang');
    await page.keyboard.type('bolu');
    await page.getByRole('option', { name: /Kue bolu/ }).waitFor();
    await shot(page, '02b-search');
    await page.keyboard.press('Enter');
    await expect.poll(() => total.innerText()).toBe('Rp 28.500');
    await expect.poll(() => focusedLabel(page)).toBe('Pindai atau ketik kode');
    await page.keyboard.press('F9');
    await page.getByRole('dialog', { name: 'Pembayaran' }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Uang diterima (Rp)');
    await page.keyboard.type('30000');
    await expect.poll(() => page.getByTestId('change').innerText()).toBe('Rp 1.500');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('done-change').innerText()).toBe('Rp 1.500');
    await expect.poll(() => focusedLabel(page)).toBe('Penjualan baru (Enter)');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Pindai atau ketik kode');
    const sales = (await boss('sales.list', {})).rows;
    expect(sales).toHaveLength(1);
    expect(sales[0]).toMatchObject({ receiptNo: 1, total: 28_500, payment: { method: 'cash', tendered: 30_000, change: 1_500 } });
  }, 60_000);

  it('measures scan (code + Enter) to line visible in Chromium (reported, not a timed assertion)', async () => {
    const times = await page.evaluate(async (codes: string[]) => {
      const input = document.querySelector<HTMLInputElement>('input[aria-label="Pindai atau ketik kode"]')!;
      const total = document.querySelector('[data-testid="grand-total"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const out: number[] = [];
      for (const code of codes) {
        setValue.call(input, code);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 5));
        const changed = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            resolve();
          });
          observer.observe(total, { childList: true, characterData: true, subtree: true });
        });
        const t0 = performance.now();
        input.form!.requestSubmit();
        await changed;
        out.push(performance.now() - t0);
      }
      return out;
    }, Array.from({ length: 40 }, (_, i) => (i % 2 ? 'KS2' : '8991000000011')));
    const sorted = [...times].sort((a, b) => a - b);
    const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1]!;
    console.log(`[till] scan to line visible: p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${times.length} scans`);
    expect(times).toHaveLength(40);
    await expect.poll(() => page.getByLabel('Jumlah Keripik singkong').inputValue()).toBe('20');
    // Esc asks before emptying the cart.
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Batalkan penjualan ini?' }).waitFor();
    // "No" has the focus (Esc then Enter must not empty the cart): Shift+Tab to "Yes", then Enter.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('grand-total').innerText()).toBe('Rp 0');
    await expect.poll(() => focusedLabel(page)).toBe('Pindai atau ketik kode');
  }, 60_000);

  it('rings up barcode, 2*code and a tile, pays cash, shows the change and prints the receipt', async () => {
    const scan = page.getByLabel('Pindai atau ketik kode');
    await scan.fill('8991000000011');
    await scan.press('Enter');
    await scan.fill('2*KS2');
    await scan.press('Enter');
    await page.getByRole('button', { name: /Tambah Kue bolu/ }).click();
    await expect.poll(() => page.getByTestId('grand-total').innerText()).toBe('Rp 28.500');
    expect(await page.getByLabel('Jumlah Keripik singkong').inputValue()).toBe('2');
    await expect.poll(() => focusedLabel(page)).toBe('Pindai atau ketik kode');
    await shot(page, '02-cashier-cart');

    await page.getByRole('button', { name: /^Bayar \(F9\)/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Pembayaran' });
    await dialog.getByLabel('Uang diterima (Rp)').fill('20000');
    await dialog.getByLabel('Uang diterima (Rp)').press('Enter');
    await expect.poll(() => dialog.getByRole('alert').innerText()).toContain('kurang dari total');
    expect((await boss('sales.list', {})).rows).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Uang Rp 50.000' }).click();
    await expect.poll(() => dialog.getByTestId('change').innerText()).toBe('Rp 21.500');
    await shot(page, '03-payment');
    // A double click on Pay records one sale (one id, the button disabled while submitting).
    await dialog.getByRole('button', { name: /Bayar \(Enter\)/ }).dblclick();
    await expect.poll(() => page.getByTestId('done-change').innerText()).toBe('Rp 21.500');
    expect((await boss('sales.list', {})).rows).toHaveLength(2);

    const receipt = page.getByRole('region', { name: 'Struk 000002' });
    await receipt.waitFor();
    await shot(page, '04-receipt');
    const text = await pdfText(page, 'receipt');
    expect(text).toContain('Toko UKM Telang');
    expect(text).toContain('000002');
    for (const short of ['ROHMAH', 'KKT', 'BUNUR']) expect(text).toContain(short);
    expect(text).toMatch(/TOTAL\s+Rp 28\.500/);
    expect(text).toMatch(/Kembali\s+Rp 21\.500/);
    expect(text).toContain(CASHIER.name);
    expect(text).toContain('Terima kasih');
    expect(text).not.toContain('SALINAN');
    await page.keyboard.press('Escape');
    await scan.waitFor();
  }, 60_000);

  it('voids the sale with a manager PIN and a reason; a reprint says SALINAN / COPY', async () => {
    await page.keyboard.press('F4');
    await page.getByRole('heading', { name: /Penjualan shift/ }).waitFor();
    await page.getByRole('button', { name: 'Cetak ulang struk 000001' }).click();
    await page.getByRole('region', { name: 'Struk 000001' }).waitFor();
    expect(await pdfText(page, 'reprint')).toContain('SALINAN / COPY');
    await page.getByRole('button', { name: 'Kembali' }).click();

    await page.getByRole('button', { name: 'Batalkan struk 000002' }).click();
    const voidDialog = page.getByRole('dialog', { name: 'Batalkan struk 000002' });
    await voidDialog.getByLabel('Alasan').fill('Pelanggan batal beli');
    await voidDialog.getByRole('button', { name: 'Batalkan penjualan' }).click();
    const approval = page.getByRole('dialog', { name: /Setujui pembatalan/ });
    await approval.getByLabel('PIN pengelola').fill('9999');
    await approval.getByLabel('PIN pengelola').press('Enter');
    await expect.poll(() => approval.getByRole('alert').innerText()).toMatch(/PIN salah/);
    await approval.getByLabel('PIN pengelola').fill(MANAGER.pin);
    await approval.getByLabel('PIN pengelola').press('Enter');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Struk 000002 dibatalkan');
    const voided = await boss('sales.findByReceipt', { receiptNo: 2 });
    expect(voided.status).toBe('voided');
    expect(voided.voided).toMatchObject({ by: MANAGER.name, reason: 'Pelanggan batal beli' });
    await page.keyboard.press('Escape');
  }, 60_000);

  it('closes the shift with the counted cash and shows the Z report', async () => {
    await page.getByRole('button', { name: /Tutup shift \/ laporan X/ }).click();
    await page.getByRole('button', { name: /Laporan X/ }).click();
    await page.getByRole('region', { name: /LAPORAN X/ }).waitFor();
    await page.getByLabel('Uang tunai terhitung (Rp)').fill('128000');
    await page.getByRole('button', { name: /Tutup shift dan cetak/ }).click();
    const z = page.getByRole('region', { name: /LAPORAN Z no\. 1/ });
    await z.waitFor();
    // The button said "print": the Z report goes to the printer by itself (issue #15 item 11).
    await expect.poll(() => printRequests(page)).toContain('LAPORAN Z no. 1');
    await shot(page, '05-z-report');
    const text = await pdfText(page, 'z-report');
    expect(text).toMatch(/LAPORAN Z no\. 1/);
    expect(text).toMatch(/Jumlah penjualan\s+1/);
    expect(text).toMatch(/Pembatalan \(1\)\s+Rp 28\.500/);
    expect(text).toMatch(/Kas seharusnya\s+Rp 128\.500/);
    expect(text).toMatch(/Selisih\s+-Rp 500/);
    // The sales journal's chain code at close (SPEC §4), the same as ledger.verify's.
    const journal = (await boss('ledger.verify', {})).salesJournal!;
    // On 58 mm paper the label wraps ("Kode rantai … penjualan"): the code follows "Kode rantai".
    expect(text).toMatch(new RegExp(`Kode rantai\\s+${journal.code}`));
    expect(text).toMatch(/penjualan/);
    expect(await boss('shifts.current', {})).toBeNull();
  }, 60_000);
});
