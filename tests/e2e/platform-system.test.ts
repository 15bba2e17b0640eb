/** First run, settings, language and the refusal screen, in Chromium against browser mode. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHost } from '../../electron/host';
import { createCore, DB_FILE_NAME } from '../../electron/core/app';
import { describeE2E, launchChromium, RENDERER_DIR, startE2EApp, type E2EApp } from './fixtures';
import { tempDir } from '../helpers/core';

const SHOTS = process.env.UKM_MART_SHOTS_DIR ?? path.join(process.env.TMPDIR ?? '/tmp', 'shots-platform');
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/** Past the staff gate: creates the first manager when the store has none, otherwise signs in with the PIN. */
async function passStaffGate(page: Page, pin = '1234') {
  const nav = page.getByRole('navigation');
  const firstManager = page.getByRole('heading', { name: /pengelola pertama|first manager/i });
  const lock = page.getByRole('heading', { name: /bertugas|on duty/i });
  await expect.poll(async () => (await nav.count()) + (await firstManager.count()) + (await lock.count()), { timeout: 15_000 }).toBeGreaterThan(0);
  if (await firstManager.count()) {
    await page.getByLabel(/^(Nama|Name)$/).fill('Bu Ani');
    await page.getByLabel(/^PIN \(4/).fill(pin);
    await page.getByLabel(/Ulangi PIN|PIN again/).fill(pin);
    await page.getByRole('button', { name: /Buat pengelola|Create manager/ }).click();
    await expect.poll(async () => (await nav.count()) + (await lock.count()), { timeout: 15_000 }).toBeGreaterThan(0);
  }
  if (await lock.count()) {
    await page.getByLabel(/^PIN$/).fill(pin);
    await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
  }
  await nav.waitFor({ timeout: 15_000 });
}

describeE2E('platform: first run, settings, language', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await startE2EApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('first run: name the store, choose the empty store, then the shell shows', async () => {
    const { page } = app;
    await page.goto(app.host.appUrl);
    await page.getByRole('heading', { name: 'Selamat datang di UKM Mart' }).waitFor();
    await shot(page, 'setup-1-name');
    await page.getByLabel('Nama toko').fill('Toko Telang Jaya');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('radio', { name: /Toko kosong/ }).check();
    await shot(page, 'setup-2-choice');
    await page.getByRole('button', { name: 'Mulai' }).click();
    await passStaffGate(page);
    await expect.poll(() => page.getByRole('link', { name: 'Pengaturan' }).count()).toBe(1);
    expect(await app.api('system.status', {})).toMatchObject({ state: 'ready', needsSetup: false });
    expect((await app.api('settings.get', {})).storeName).toBe('Toko Telang Jaya');
    // The first-run choice is made once.
    await expect(app.api('setup.complete', { mode: 'demo', storeName: 'Lagi' })).rejects.toThrow(/CONFLICT/);
    // The empty store has no producers (the demo store would have six).
    expect((await app.api('producers.list', {})).rows).toEqual([]);
  });

  it('settings: a change is saved and still there after a reload', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    await page.getByRole('heading', { name: 'Pengaturan toko' }).waitFor();
    await page.getByLabel('Alamat toko').fill('Jl. Telang No. 7, Bangkalan');
    await page.getByLabel('Kaki struk').fill('Matur nuwun — produk UMKM Telang');
    await page.getByLabel(/Jatuh tempo pembayaran/).fill('3');
    await page.getByLabel('Periode setoran berakhir hari').selectOption('6');
    await page.getByLabel(/Batas diskon/).fill('12,5');
    await page.getByLabel('Lebar struk').selectOption('80mm');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    // The payment term, week end and discount limit change what producers are owed: a manager approves.
    const approve = page.getByRole('dialog', { name: 'Setujui perubahan aturan setoran dan diskon' });
    await approve.getByLabel('PIN pengelola').fill('1234');
    await approve.getByRole('button', { name: 'Setujui' }).click();
    await page.getByText('Pengaturan tersimpan.').waitFor();
    await shot(page, 'settings');
    const saved = await app.api('settings.get', {});
    expect(saved).toMatchObject({
      storeAddress: 'Jl. Telang No. 7, Bangkalan',
      receiptFooter: 'Matur nuwun — produk UMKM Telang',
      paymentTermDays: 3,
      periodEndWeekday: 6,
      discountLimitBps: 1250,
      receiptWidth: '80mm',
    });
    await page.reload();
    await passStaffGate(page);
    await page.getByRole('heading', { name: 'Pengaturan toko' }).waitFor();
    expect(await page.getByLabel('Alamat toko').inputValue()).toBe('Jl. Telang No. 7, Bangkalan');
    expect(await page.getByLabel(/Jatuh tempo pembayaran/).inputValue()).toBe('3');
    expect(await page.getByLabel(/Batas diskon/).inputValue()).toBe('12.5');
  });

  it('settings: backs up on demand to a typed folder and lists the backups', async () => {
    const { page } = app;
    const usb = path.join(tempDir('ukm-mart-usb-'), 'cadangan');
    await page.getByLabel(/Folder tujuan/).fill(usb);
    await page.getByRole('button', { name: 'Cadangkan ke folder ini' }).click();
    await page.getByText(/Cadangan dibuat:/).waitFor();
    expect(fs.readdirSync(usb).filter((f) => f.endsWith('.sqlite.gz'))).toHaveLength(1);
    await page.getByLabel(/Folder tujuan/).fill('');
    await page.getByRole('button', { name: 'Buat cadangan sekarang' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Pulihkan cadangan/ }).count()).toBe(1);
    await shot(page, 'settings-backups');
  });

  it('language: switched to English, still English after a reload', async () => {
    const { page } = app;
    await page.getByLabel('Bahasa', { exact: true }).first().selectOption('en');
    await page.getByRole('link', { name: 'Settings' }).waitFor();
    expect((await app.api('settings.get', {})).language).toBe('en');
    await page.reload();
    await passStaffGate(page);
    await page.getByRole('link', { name: 'Settings' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('heading', { name: 'Store settings' }).waitFor();
    await shot(page, 'settings-en');
  });
});

describeE2E('platform: the refusal screen', () => {
  it('explains, shows the data folder and backups, and restores one', async () => {
    const dataDir = tempDir('ukm-mart-e2e-refused-');
    const good = createCore({ dataDir });
    const boss = good.call('staff.create', { name: 'Bu Rina', role: 'manager', pin: '1234' });
    const signed = good.call('auth.signIn', { staffId: (boss as { value: { id: number } }).value.id, pin: '1234' });
    const caller = { sessionId: (signed as { value: { sessionId: string } }).value.sessionId };
    good.call('settings.update', { storeName: 'Toko Sebelum Rusak' }, caller);
    const backup = await good.callAsync('backup.create', {}, caller);
    expect(backup.ok).toBe(true);
    good.close();
    const dbFile = path.join(dataDir, DB_FILE_NAME);
    fs.writeFileSync(dbFile, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0x41)]));
    for (const side of ['-wal', '-shm']) fs.rmSync(dbFile + side, { force: true });

    const host = await startHost({ dataDir, port: 0, rendererDir: RENDERER_DIR });
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
      await page.goto(host.appUrl);
      await page.getByRole('heading', { name: 'Toko tidak dapat dibuka' }).waitFor();
      expect(await page.locator('main').innerText()).toContain(dataDir);
      await page.getByRole('button', { name: /^Pulihkan cadangan/ }).waitFor();
      await shot(page, 'refused');
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: /^Pulihkan cadangan/ }).click();
      // The page reloads into the store restored from the backup.
      await page.getByRole('heading', { name: 'Toko tidak dapat dibuka' }).waitFor({ state: 'detached', timeout: 15_000 });
      expect(host.core.status().state).toBe('ready');
      expect(await host.core.callAsync('settings.get', {})).toMatchObject({ ok: true, value: { storeName: 'Toko Sebelum Rusak' } });
      expect(fs.readdirSync(dataDir).some((f) => f.startsWith(`${DB_FILE_NAME}.replaced-`))).toBe(true);
    } finally {
      await browser.close();
      await host.close();
    }
  });
});
