import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TestClock } from '../helpers/core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';
import { weekSpan } from '../../renderer/print/Statement';

/*
 * The weekly settlement end to end, in Chromium against the real core: a week
 * of sales, a preview with itemisation, finalise with a manager PIN, pay one
 * producer in part and then in full, the payout slip rendered to PDF in each
 * layout (its text checked), and the WhatsApp text copied.
 */
const SHOTS = process.env.SETTLE_SHOTS_DIR ?? '/tmp/shots-settlement';
const MANAGER = { name: 'Bu Lurah', pin: '2468' };

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function pdfText(page: Page, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, path.join(SHOTS, `${name}-pdf`)]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

describeE2E('settlement: preview, finalise, pay in part and in full, payout slip, WhatsApp text', () => {
  let app: E2EApp;
  let page: Page;
  const clock = new TestClock('2026-10-28T03:00:00.000Z'); // Wednesday 10:00 Jakarta
  let telurId = 0;
  let managerId = 0;
  let partialSlipCode = '';

  beforeAll(async () => {
    app = await startE2EApp({ clock });
    page = app.page;
    page.setDefaultTimeout(8_000);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.url });
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko UKM Telang' });
    await app.api('settings.update', { storeAddress: 'Desa Telang, Bangkalan', storePhone: '0812-3456-7890' });
    const manager = await app.api('staff.create', { name: MANAGER.name, role: 'manager', pin: MANAGER.pin });
    managerId = manager.id;
    const approval = { staffId: manager.id, pin: MANAGER.pin };
    const telur = await app.api('producers.create', { name: 'Ibu Rohmah Telur Asin', shortName: 'ROHMAH', phone: '0813-1111-2222', payoutMethod: 'transfer', payoutProvider: 'BRI', payoutAccount: '1234-5678', payoutAccountName: 'Rohmah' });
    const keripik = await app.api('producers.create', { name: 'Kelompok Keripik Telang', shortName: 'KKT' });
    telurId = telur.id;
    const egg = await app.api('products.create', { producerId: telur.id, name: 'Telur asin', unit: 'butir', terms: { retailPrice: 3_500, mode: 'fixed', producerPrice: 3_000 } });
    const chips = await app.api('products.create', { producerId: keripik.id, name: 'Keripik singkong', unit: 'bungkus', terms: { retailPrice: 10_000, mode: 'percent', commissionBps: 2_000 } });
    const shift = await app.api('shifts.open', { openingFloat: 100_000 });
    const sale = (lines: { productId: number; quantity: number }[], tendered: number) =>
      app.api('sales.create', { id: crypto.randomUUID(), shiftId: shift.id, lines, payment: { method: 'cash', tendered } });
    await sale([{ productId: egg.id, quantity: 10 }, { productId: chips.id, quantity: 2 }], 55_000);
    clock.set('2026-10-30T05:00:00.000Z');
    await sale([{ productId: egg.id, quantity: 4 }], 14_000);
    await app.api('ledger.deduct', { producerId: telur.id, amount: 2_000, reason: 'Plastik kemasan', approval });
    // Monday after the week ended
    clock.set('2026-11-02T03:00:00.000Z');
  }, 90_000);
  afterAll(async () => {
    await app?.close();
  });

  it('signs in as the manager and previews the week with its itemisation', async () => {
    await page.goto(app.host.appUrl);
    await page.getByRole('button', { name: new RegExp(MANAGER.name) }).click({ timeout: 15_000 });
    await page.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
    await page.evaluate(() => {
      window.location.hash = '#/settle/preview';
    });
    const table = page.getByRole('table', { name: 'Pratinjau minggu' });
    await table.waitFor();
    // eggs 14 × 3 000 − 2 000 plastic = 40 000; chips 2 × (10 000 − 20%) = 16 000
    await expect.poll(() => table.innerText()).toContain('Rp 40.000');
    expect(await table.innerText()).toContain('Rp 16.000');
    expect(await table.innerText()).toContain('Rp 56.000');
    await page.getByRole('button', { name: 'Rincian Ibu Rohmah Telur Asin' }).click();
    await expect.poll(() => table.innerText()).toContain('Plastik kemasan');
    expect(await table.innerText()).toMatch(/14 butir\s+Rp 3\.000\s+Rp 42\.000/);
    await shot(page, '01-preview');
  }, 60_000);

  it('finalises the week with a manager PIN', async () => {
    await page.getByRole('button', { name: 'Finalkan setoran minggu ini' }).click();
    // First what will happen: the week, the number of producers, the total, and that it cannot be undone (issue #15 item 10).
    const confirm = page.getByRole('dialog', { name: 'Finalkan setoran minggu ini?' });
    await confirm.waitFor();
    expect(await confirm.getByTestId('finalise-facts').innerText()).toMatch(/Minggu\s+\d[\s\S]*Jumlah produsen\s+2\s+Total setoran\s+Rp 56\.000/);
    expect(await confirm.innerText()).toContain('tidak dapat dibatalkan');
    await confirm.getByRole('button', { name: 'Lanjut: PIN pengelola' }).click();
    // Then the same PIN pad as every other approval.
    const dialog = page.getByRole('dialog', { name: /^Setujui finalisasi / });
    await dialog.waitFor();
    await dialog.getByLabel('PIN pengelola').fill('0000');
    await dialog.getByRole('button', { name: 'Setujui' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toMatch(/PIN salah/);
    await dialog.getByLabel('PIN pengelola').fill(MANAGER.pin);
    await shot(page, '02-pin-dialog');
    await dialog.getByRole('button', { name: 'Setujui' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('ST-000001');
    const list = (await app.api('settlements.list', {})).rows;
    expect(list.map((s) => [s.number, s.totalDue]).sort()).toEqual([
      ['ST-000001', 40_000],
      ['ST-000002', 16_000],
    ]);
  }, 60_000);

  it('pays one producer in part, then in full, and prints the slip in every layout', async () => {
    const st = (await app.api('settlements.list', { producerId: telurId })).rows[0]!;
    await page.evaluate(() => {
      window.location.hash = '#/settle/list';
    });
    await page.getByRole('link', { name: `Buka setoran ${st.number}` }).click();
    const form = page.getByRole('form', { name: 'Catat pembayaran' });
    await form.waitFor();
    expect(await form.getByLabel('Jumlah dibayar').inputValue()).toBe('40000');
    // More than is owed: refused next to the amount, and no PIN is asked.
    await form.getByLabel('Jumlah dibayar').fill('40001');
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('paling banyak Rp 40.000');
    await form.getByRole('button', { name: 'Bayar' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await form.getByLabel('Jumlah dibayar').fill('15000');
    await form.getByLabel('Cara bayar').selectOption('transfer');
    await form.getByLabel('Referensi (no. transfer, dll.)').fill('BRI 0099');
    await form.getByRole('button', { name: 'Bayar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Persetujuan pengelola' });
    await dialog.getByLabel('PIN pengelola').fill(MANAGER.pin);
    await dialog.getByRole('button', { name: 'Setujui' }).click();
    await expect.poll(() => page.getByTestId('settle-remaining').innerText()).toBe('Rp 25.000');
    await expect.poll(() => page.locator('.settle-summary').innerText()).toContain('Dibayar sebagian');
    const partial = await pdfText(page, 'slip-partial-A5');
    partialSlipCode = (await app.api('ledger.chainCode', { producerId: telurId })).code;
    expect(partial).toContain(partialSlipCode);
    expect(partial).toContain('Rp 40.000');
    expect(partial).toMatch(/Dibayar sekarang\s+Rp 15\.000/);
    expect(partial).toMatch(/Sisa\s+Rp 25\.000/);
    await shot(page, '03-partly-paid');

    // the rest: the amount is prefilled with what remains
    await expect.poll(() => form.getByLabel('Jumlah dibayar').inputValue()).toBe('25000');
    await form.getByLabel('Cara bayar').selectOption('cash_safe');
    await form.getByRole('button', { name: 'Bayar' }).click();
    await dialog.getByLabel('PIN pengelola').fill(MANAGER.pin);
    await dialog.getByRole('button', { name: 'Setujui' }).click();
    await expect.poll(() => page.getByTestId('settle-remaining').innerText()).toBe('Rp 0');
    await page.getByText('Setoran ini sudah lunas.').waitFor();
    const code = (await app.api('ledger.chainCode', { producerId: telurId })).code;
    for (const layout of ['A5', 'A4', '80mm'] as const) {
      await page.getByLabel('Ukuran kertas slip').selectOption(layout);
      const text = await pdfText(page, `slip-${layout}`);
      expect(text).toContain('Toko UKM Telang');
      expect(text).toContain(st.number);
      expect(text).toContain('Ibu Rohmah Telur Asin');
      expect(text).toContain('Plastik kemasan');
      expect(text).toMatch(/TOTAL SETORAN\s+Rp 40\.000/);
      expect(text).toMatch(/Dibayar sebelumnya\s+Rp 15\.000/);
      expect(text).toMatch(/Dibayar sekarang\s+Rp 25\.000/);
      expect(text).toMatch(/Sisa\s+Rp 0/);
      expect(text).toContain(code);
      expect(text).toContain('BRI');
      expect(text).toContain('Produsen');
      expect(text).toContain('Pengelola');
    }
    await shot(page, '04-paid');
    const after = await app.api('settlements.get', { id: st.id });
    expect(after).toMatchObject({ paid: 40_000, remaining: 0, state: 'paid' });
    expect((await app.api('ledger.verify', {})).ok).toBe(true);
    expect(managerId).toBeGreaterThan(0);
  }, 90_000);

  it('copies the WhatsApp text to the clipboard', async () => {
    await page.getByRole('button', { name: 'Salin teks WhatsApp' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'disalin' }).count()).toBe(1);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('ST-000001');
    expect(text).toContain('Total setoran: Rp 40.000');
    expect(text).toContain('Sisa: Rp 0');
  }, 30_000);

  it('lists what is owed, oldest first, and shows the producer statement', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/settle/owed';
    });
    const table = page.getByRole('table', { name: 'Daftar setoran' });
    await expect.poll(() => table.innerText()).toContain('ST-000002');
    expect(await table.innerText()).not.toContain('ST-000001');
    await shot(page, '05-owed');
    await page.evaluate(() => {
      window.location.hash = '#/settle/statement';
    });
    await page.getByLabel('Pilih produsen').selectOption({ label: 'Ibu Rohmah Telur Asin' });
    await page.getByLabel('Dari tanggal').fill('2026-10-01');
    await page.getByLabel('Sampai tanggal').fill('2026-11-30');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    // One line per week; the week with the deduction and the payout opens on demand.
    const st = page.getByRole('table', { name: 'Ringkasan per minggu' });
    await expect.poll(() => st.innerText()).toContain('Saldo akhir');
    const weeks = await app.api('ledger.statement', { producerId: telurId, from: '2026-10-01', to: '2026-11-30', limit: 500 });
    const week = weeks.weeks.rows.find((w) => w.deductions !== 0)!;
    expect(weeks.weeks.rows.some((w) => w.payouts !== 0)).toBe(true);
    await st.getByRole('button', { name: `Rincian minggu ${weekSpan(week.from, week.to)}` }).click();
    const lines = page.getByRole('table', { name: `Rincian minggu ${weekSpan(week.from, week.to)}` });
    await expect.poll(() => lines.innerText()).toContain('Potongan');
    expect(await lines.innerText()).toContain('Plastik kemasan');
    await shot(page, '06-statement');
    await page.getByRole('button', { name: 'Cetak…' }).click();
    await page.getByLabel('Lampirkan rincian minggu').selectOption(week.weekEnd);
    await page.getByText(/^Lampiran: rincian minggu/).waitFor();
    const printed = await pdfText(page, 'statement-A4');
    expect(printed).toContain('REKENING PRODUSEN');
    expect(printed).toMatch(/Saldo akhir\s+Rp 0/);
    expect(printed).toContain('Plastik kemasan');
    await page.getByRole('button', { name: 'Cetak…' }).click();
    // a code printed on the first (partial) slip is still in the chain
    await page.getByLabel('Kode rantai (12 digit)').fill(partialSlipCode);
    await page.getByRole('button', { name: 'Periksa' }).click();
    await expect.poll(() => page.getByRole('status').last().innerText()).toMatch(/Kode ada di rantai.*utuh/);
  }, 30_000);

  it('records a deduction and an adjustment with a reason and a manager PIN', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/settle/adjust';
    });
    await page.getByLabel('Produsen').selectOption({ label: 'Ibu Rohmah Telur Asin' });
    await page.getByLabel('Jumlah (Rp)').fill('1000');
    await page.getByLabel('Alasan').fill('Pinjaman kemasan');
    await page.getByRole('button', { name: 'Simpan dengan PIN pengelola' }).click();
    const dialog = page.getByRole('dialog', { name: 'Persetujuan pengelola' });
    await dialog.getByLabel('PIN pengelola').fill(MANAGER.pin);
    await dialog.getByRole('button', { name: 'Setujui' }).click();
    // everything is settled and paid: a deduction would take the next settlement below zero
    await expect.poll(() => dialog.getByRole('alert').innerText()).toMatch(/di bawah nol/);
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await page.getByLabel('Koreksi (+ atau −)').check();
    await page.getByLabel('Alasan').fill('Kurang hitung telur minggu lalu');
    await page.getByRole('button', { name: 'Simpan dengan PIN pengelola' }).click();
    await dialog.getByLabel('PIN pengelola').fill(MANAGER.pin);
    await dialog.getByRole('button', { name: 'Setujui' }).click();
    await expect.poll(() => page.getByRole('status').last().innerText()).toContain('Rp 1.000');
    await shot(page, '07-adjust');
    const b = (await app.api('ledger.balances', {})).find((x) => x.id === telurId)!;
    expect(b).toMatchObject({ balance: 1000, unsettled: 1000 });
  }, 30_000);

  it('prints the slip in English when the store language is English', async () => {
    await app.api('settings.update', { language: 'en' });
    const st = (await app.api('settlements.list', { producerId: telurId })).rows[0]!;
    await page.evaluate((id) => {
      window.location.hash = `#/settle/s/${id}`;
    }, st.id);
    await page.reload();
    // A reload keeps the session the core still holds (issue #11): no lock screen, still the manager.
    await expect.poll(() => page.getByRole('region', { name: 'Signed-in staff' }).innerText()).toContain(MANAGER.name);
    await page.getByTestId('payout-slip').waitFor();
    const text = await pdfText(page, 'slip-en-A5');
    expect(text).toMatch(/TOTAL DUE\s+Rp 40\.000/);
    expect(text).toMatch(/Remaining\s+Rp 0/);
    expect(text).toContain('Ledger chain code');
  }, 45_000);
});
