import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_MANAGER } from '../../shared/domain/demo';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

/*
 * Issue 12's banner on every screen, in Chromium: a full disk and the
 * background check's findings, the manager's acknowledgement. Screenshots at
 * 1366×768 and 1024×768 go to SAFETY_SHOTS_DIR when set.
 */
const SHOTS = process.env.SAFETY_SHOTS_DIR ?? '';

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

describeE2E('the data-safety banner', () => {
  let app: E2EApp;
  let page: Page;
  beforeAll(async () => {
    app = await startE2EApp({ viewport: { width: 1366, height: 768 }, inProcess: true });
    page = app.page;
    page.setDefaultTimeout(10_000);
    await app.api('setup.complete', { mode: 'demo', storeName: 'Toko KTM Telang' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shows a full disk and the check findings on every screen; a manager acknowledges the findings', async () => {
    const db = app.core!.db!;
    // Damage only the full checks see: a ledger amount changed behind the app's back.
    db.exec('DROP TRIGGER ledger_entries_no_update');
    db.prepare('UPDATE ledger_entries SET amount = amount + 500 WHERE id = (SELECT min(id) FROM ledger_entries)').run();
    await app.core!.runBackgroundChecks();
    // Every core call needs a session (issue #11): sign in as the demo manager while the disk still has room.
    const boss = (await app.api('staff.list', {})).find((s) => s.name === DEMO_MANAGER.name)!;
    const signIn = await fetch(`${app.host.url}/api/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.host.token}` },
      body: JSON.stringify({ method: 'auth.signIn', input: { staffId: boss.id, pin: DEMO_MANAGER.pin } }),
    });
    const session = ((await signIn.json()) as { value: { sessionId: string } }).value.sessionId;
    // A full disk: the file may not grow; writes fail until space returns.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let code = '';
    for (let i = 0; i < 200 && code !== 'DISK_FULL'; i++) {
      const res = await fetch(`${app.host.url}/api/rpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${app.host.token}`, 'x-ukm-session': session },
        body: JSON.stringify({ method: 'settings.update', input: { storeAddress: `Desa Telang ${i} ${'x'.repeat(150)}` } }),
      });
      const body = (await res.json()) as { ok: boolean; error?: { code: string } };
      code = body.ok ? '' : body.error!.code;
    }
    expect(code).toBe('DISK_FULL');

    await page.goto(app.host.appUrl);
    const banner = page.getByRole('alert', { name: 'Peringatan data' });
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toMatch(/Disk penuh: penjualan tidak dicatat/);
    expect(await banner.textContent()).toMatch(/Pemeriksaan data menemukan masalah: Buku produsen tidak cocok/);
    await shot(page, 'banner-lock-1366');
    await page.getByRole('button', { name: new RegExp(DEMO_MANAGER.name) }).click();
    await page.getByLabel('PIN', { exact: true }).fill(DEMO_MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').waitFor();
    // Signing in is itself a small write: when it fits, the disk-full line goes (a write went through); the findings stay.
    for (const route of ['sell', 'settle', 'settings']) {
      await page.goto(`${app.host.url}/#/${route}`);
      await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toMatch(/Pemeriksaan data menemukan masalah/);
    }
    await shot(page, 'banner-settings-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${app.host.url}/#/sell`);
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toMatch(/Pemeriksaan data menemukan masalah/);
    await shot(page, 'banner-sell-1024');

    // Space returns: the next write goes through and the disk-full line goes with the next look.
    db.pragma('max_page_count = 1073741823');
    await app.api('settings.update', { storeAddress: 'Desa Telang' });
    await page.reload();
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).not.toMatch(/Disk penuh/);
    await banner.getByRole('button', { name: 'Sudah diperiksa pengelola' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=password]').fill(DEMO_MANAGER.pin);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app.api('system.status', {})).health!.checks.acknowledged, { timeout: 15_000 }).toBe(true);
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
  }, 120_000);
});
