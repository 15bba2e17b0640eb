import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME } from '../../electron/core/app';
import { openDatabase } from '../../electron/core/db/open';
import { QUIET_JOB } from '../../electron/core/runtime/jobs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';
import { TestClock } from '../helpers/core';
import type { CoreContext } from '../../electron/core/context';
import { seedDemoStore } from '../../electron/core/demo/seed';
import { SHOTS, printToPdf, signInAsManager } from './catalogue-helpers';

describeE2E('demo store: expiry lists and returning expired goods', () => {
  let app: E2EApp;
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startE2EApp({ clock: new TestClock(new Date()) });
    await app.api('setup.complete', { mode: 'empty', storeName: 'UKM Mart KTM Telang' });
    // The demo store, written by the same seed the first run uses (a connection of the test's own: the store runs in the runtime's threads).
    const db = openDatabase(path.join(app.dataDir, DB_FILE_NAME));
    const ctx: CoreContext = {
      db,
      now: app.clock!.now,
      lang: () => 'id',
      timeZone: () => 'Asia/Jakarta',
      dataDir: app.dataDir,
      shell: 'browser',
      emit: () => undefined,
      job: QUIET_JOB,
      actor: null,
      session: { open: () => '', end: () => undefined },
      durable: (work) => work(db),
    };
    db.transaction(() => seedDemoStore(ctx)).immediate();
    db.close();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shows expired eggs per producer and returns them with the shortcut', async () => {
    const page = app.page;
    await page.goto(app.host.appUrl);
    await signInAsManager(page);
    await page.goto(`${app.host.url}/#/catalogue`);
    await page.getByRole('button', { name: /Telur Asin Bu Siti Aminah/ }).click();
    await page.getByRole('button', { name: 'Syarat titip Telur Asin Rebus' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Riwayat syarat titip' }).innerText()).toMatch(/Rp 4\.500[\s\S]*Rp 4\.000/);
    await page.screenshot({ path: `${SHOTS}/demo-catalogue.png`, fullPage: true });

    await page.goto(`${app.host.url}/#/stock`);
    await page.getByRole('table', { name: 'Stok per produk' }).getByText('Telur Asin Rebus').waitFor();
    await page.screenshot({ path: `${SHOTS}/demo-stock.png`, fullPage: true });

    await page.getByRole('button', { name: 'Kedaluwarsa' }).click();
    const siti = page.getByRole('article', { name: 'Telur Asin Bu Siti Aminah' });
    await siti.waitFor();
    const expired = siti.getByRole('table', { name: "Sudah kedaluwarsa" });
    expect(await expired.innerText()).toMatch(/Telur Asin Rebus/);
    await page.screenshot({ path: `${SHOTS}/demo-expiry.png`, fullPage: true });
    const before = await app.api('expiry.list', {});
    const sitiBefore = before.producers.find((g) => g.producerName === 'Telur Asin Bu Siti Aminah')!;
    const units = [...sitiBefore.expired, ...sitiBefore.expiringSoon].reduce((s, b) => s + b.remaining, 0);

    await siti.getByRole('button', { name: 'Retur barang kedaluwarsa Telur Asin Bu Siti Aminah' }).click();
    const form = page.getByRole('form', { name: 'Retur ke produsen' });
    await expect.poll(() => form.getByLabel('Produk baris 1', { exact: true }).inputValue()).not.toBe('');
    expect(await form.getByLabel('Alasan baris 1', { exact: true }).inputValue()).toBe('expired');
    await form.getByLabel('Diambil oleh').fill('Siti Aminah');
    await page.screenshot({ path: `${SHOTS}/demo-return-form.png`, fullPage: true });
    // The demo holds Bu Siti's return and the weekly returns of the mika pack that mostly expires (issue #17's story).
    const returnsBefore = (await app.api('returns.list', {})).total;
    const number = `RT-${String(returnsBefore + 1).padStart(6, '0')}`;
    await form.getByRole('button', { name: 'Simpan & cetak slip retur' }).click();
    await page.getByText(`Retur ${number} tersimpan.`).waitFor();
    const slip = await printToPdf(page, 'demo-return-slip');
    expect(slip).toContain(number);
    expect(slip).toContain('Kedaluwarsa');
    const ret = await app.api('returns.get', { id: returnsBefore + 1 });
    expect(ret.totalUnits).toBe(units);
    const after = await app.api('expiry.list', {});
    expect(after.producers.find((g) => g.producerName === 'Telur Asin Bu Siti Aminah')).toBeUndefined();
  }, 120_000);
});
