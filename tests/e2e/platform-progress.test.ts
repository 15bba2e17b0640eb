/** Long work in the UI: the ledger check shows a progress bar with Cancel, and the screen keeps answering meanwhile. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../electron/core/app';
import { openDatabase } from '../../electron/core/db/open';
import { appendLedgerEntry } from '../../electron/core/ledger/chain';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';
import { PIN, signInAsManager } from './catalogue-helpers';

const SHOTS = '/tmp/shots-t13';

describeE2E('long work: progress bar and cancel', () => {
  let app: E2EApp;
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startE2EApp({ viewport: { width: 1366, height: 768 } });
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko Kemajuan' });
    // The manager the UI signs in as (and app.api with it): every core call needs a session (issue #11).
    await app.api('staff.create', { name: 'Bu Ratna', role: 'manager', pin: PIN });
    const producer = await app.api('producers.create', { name: 'Telur Asin Bu Siti', shortName: 'Siti' });
    // A long ledger, written on a connection of the test's own (the store runs in the runtime's threads).
    const db = openDatabase(path.join(app.dataDir, DB_FILE_NAME));
    db.transaction(() => {
      for (let i = 0; i < 150_000; i++) {
        appendLedgerEntry(db, { producerId: producer.id, kind: 'adjustment', amount: 100, occurredAt: '2026-11-01T03:00:00.000Z', reason: 'fixture' });
      }
    })();
    db.close();
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shows the verify progress, cancels it, then runs it to the end', async () => {
    const { page } = app;
    await page.goto(app.host.appUrl);
    await signInAsManager(page);
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    await page.getByRole('heading', { name: 'Pemeriksaan buku produsen' }).waitFor();
    await page.getByRole('button', { name: 'Periksa buku produsen' }).click();
    const bar = page.getByRole('progressbar', { name: 'Kemajuan' });
    await bar.waitFor({ timeout: 20_000 });
    await expect.poll(async () => Number(await bar.getAttribute('value') ?? 0), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'verify-progress-1366.png') });
    // The rest of the app answers while it runs.
    expect(((await app.api('producers.list', {})).rows).length).toBe(1);
    await page.getByRole('button', { name: 'Batalkan' }).click();
    await page.getByText('Dibatalkan. Tidak ada yang berubah.').waitFor({ timeout: 20_000 });
    await expect.poll(() => bar.count()).toBe(0);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: 'Periksa buku produsen' }).click();
    await page.getByText(/Semua rantai cocok: 150\.000 catatan dari 1 produsen/).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS, 'verify-done-1024.png') });
  }, 180_000);
});
