/**
 * Who may do what, in the real UI (issue 11): a cashier's menu shows only the
 * till, intake and stock; a manager's screen reached anyway says who may open
 * it; another cashier meeting an open shift is told whose it is and cannot
 * sell on it; the screen locks after the idle time and the session is gone.
 * Screenshots at 1366×768 and 1024×768 go to /tmp/shots-t11.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

const SHOTS = '/tmp/shots-t11';
const MANAGER = { name: 'Bu Rina', pin: '1234' };
const WULAN = { name: 'Wulan', pin: '2222' };
const SARI = { name: 'Sari', pin: '3333' };

describeE2E('access: roles, the till owner, the idle lock', () => {
  let app: E2EApp;
  let page: Page;
  const ids = { wulan: 0, sari: 0 };

  async function signIn(name: string, pin: string) {
    await page.goto(app.host.appUrl);
    await page.getByRole('button', { name: new RegExp(name) }).click({ timeout: 15_000 });
    await page.getByLabel('PIN', { exact: true }).fill(pin);
    await page.getByLabel('PIN', { exact: true }).press('Enter');
    await page.getByRole('region', { name: 'Staf yang masuk' }).waitFor();
  }
  async function lock() {
    await page.getByRole('button', { name: 'Kunci' }).click();
    await page.getByRole('heading', { name: /Siapa/ }).or(page.getByLabel('PIN', { exact: true })).first().waitFor();
  }
  async function shots(name: string) {
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}.png` });
    }
  }

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startE2EApp({ viewport: { width: 1366, height: 768 } });
    page = app.page;
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko UKM Telang' });
    await app.api('staff.create', { name: MANAGER.name, role: 'manager', pin: MANAGER.pin });
    ids.wulan = (await app.api('staff.create', { name: WULAN.name, role: 'cashier', pin: WULAN.pin })).id;
    ids.sari = (await app.api('staff.create', { name: SARI.name, role: 'cashier', pin: SARI.pin })).id;
    await app.apiAs({ staffId: ids.wulan, pin: WULAN.pin })('shifts.open', { openingFloat: 100_000 });
  }, 90_000);
  afterAll(async () => {
    await app?.close();
  });

  it("shows a cashier only the till, intake and stock; a manager's screen says who may open it", async () => {
    await signIn(WULAN.name, WULAN.pin);
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    await expect.poll(() => nav.getByRole('link').allInnerTexts()).toEqual(['Kasir', 'Titipan Masuk', 'Stok']);
    await page.getByLabel('Pindai atau ketik kode').waitFor();
    await shots('cashier-menu');
    await page.goto(`${app.host.url}/#/catalogue`);
    const refusal = page.getByRole('alert').filter({ hasText: 'khusus pengelola' });
    await refusal.waitFor();
    // The names of who may open it arrive with the staff list, after the refusal itself.
    await expect.poll(() => refusal.innerText()).toMatch(/Katalog hanya dapat dibuka oleh pengelola[\s\S]*Yang dapat membukanya: Bu Rina/);
    await shots('refusal-catalogue');
    await page.goto(`${app.host.url}/#/settings`);
    await page.getByRole('alert').filter({ hasText: 'Pengaturan hanya dapat dibuka' }).waitFor();
    await page.goto(`${app.host.url}/#/sell`);
    await lock();
  }, 60_000);

  it('another cashier meets the open shift: she sees whose it is and cannot sell on it', async () => {
    await signIn(SARI.name, SARI.pin);
    const panel = page.getByRole('region', { name: /Shift #1 milik Wulan/ }).or(page.locator('.others-shift'));
    await panel.first().waitFor();
    expect(await page.locator('.others-shift').innerText()).toMatch(/Hanya Wulan yang boleh berjualan/);
    expect(await page.getByLabel('Pindai atau ketik kode').count()).toBe(0);
    await shots('others-shift');
    // Through the API too: Sari's session cannot ring a sale on Wulan's shift.
    const asSari = app.apiAs({ staffId: ids.sari, pin: SARI.pin });
    await expect(asSari('sales.create', { id: crypto.randomUUID(), shiftId: 1, lines: [{ productId: 1, quantity: 1 }], payment: { method: 'qris' } })).rejects.toThrow(/FORBIDDEN|milik Wulan|NOT_FOUND/);
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 60_000);

  it('locks the screen after the idle time and the session is over', async () => {
    await app.api('settings.update', { idleLockMinutes: 1 });
    await lock();
    await page.clock.install();
    await signIn(SARI.name, SARI.pin);
    await page.clock.fastForward(61_000);
    await page.getByLabel('PIN', { exact: true }).or(page.getByRole('heading', { name: /Siapa/ })).first().waitFor({ timeout: 10_000 });
    expect(await page.getByRole('region', { name: 'Staf yang masuk' }).count()).toBe(0);
    // The core ended the session too: a reload does not come back signed in.
    await page.reload();
    await page.getByRole('button', { name: /Sari/ }).waitFor();
    expect(await page.getByRole('region', { name: 'Staf yang masuk' }).count()).toBe(0);
  }, 60_000);
});
