/**
 * The real desktop app, started with Playwright's Electron launcher on a
 * temporary data folder. Runs where the Electron binary and the build exist
 * (`npm install` with internet, then `npm run build`); elsewhere it skips and
 * says why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { electronBinary } from '../../electron/start';
import { tempDir } from '../helpers/core';

const root = path.resolve(__dirname, '../..');
const bin = electronBinary(root);
const built = fs.existsSync(path.join(root, 'dist/node/electron/main.js')) && fs.existsSync(path.join(root, 'dist/renderer/index.html'));
// The one skip allowed in the whole run (see tests/tools/summary-rules.ts): no
// Electron binary, because its download may fail at npm install. A missing
// build is not a reason to skip: npm test builds first, so that fails instead.
const why = bin ? null : 'no Electron binary (node_modules/electron/path.txt): its download failed or was skipped at npm install';

const describeElectron: typeof describe = ((name: string, fn: () => void) => {
  if (why) {
    console.warn(`[electron] skipping "${name}": ${why}`);
    return describe.skip(`${name} — skipped: ${why}`, fn);
  }
  return describe(name, () => {
    beforeAll(() => {
      if (!built) throw new Error('the app is not built (npm run build)');
    });
    fn();
  });
}) as typeof describe;

describeElectron('the Electron app', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDir('ukm-mart-electron-');
    app = await electron.launch({
      executablePath: bin!,
      args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, UKM_MART_DATA_DIR: dataDir } as Record<string, string>,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the app page with the bridge and nothing of Node', async () => {
    expect(page.url()).toMatch(/^ukm-mart:\/\/app\//);
    const shape = await page.evaluate(() => ({
      bridge: Object.keys((window as unknown as { ukmMart: object }).ukmMart).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(shape).toEqual({ bridge: ['call', 'on'], require: 'undefined', process: 'undefined' });
    const status = await page.evaluate(() => (window as unknown as { ukmMart: { call(m: string, i: unknown): Promise<unknown> } }).ukmMart.call('system.status', {}));
    expect(status).toMatchObject({ ok: true, value: { state: 'ready', shell: 'electron', dataDir } });
    const opened = await page.evaluate(() => window.open('https://example.com') === null);
    expect(opened).toBe(true);
  });

  it('exercises the catalogue: a producer created through the bridge is listed on the catalogue screen', async () => {
    type Bridge = { ukmMart: { call(m: string, i: unknown): Promise<{ ok: boolean; error?: { message: string } }> } };
    const setup = await page.evaluate(() => (window as unknown as Bridge).ukmMart.call('setup.complete', { mode: 'empty', storeName: 'Toko Uji' }));
    expect(setup.ok, JSON.stringify(setup)).toBe(true);
    const manager = await page.evaluate(() => (window as unknown as Bridge).ukmMart.call('staff.create', { name: 'Bu Ani', role: 'manager', pin: '1234' }));
    expect(manager.ok, JSON.stringify(manager)).toBe(true);
    const created = await page.evaluate(() =>
      (window as unknown as Bridge).ukmMart.call('producers.create', { name: 'Ibu Rahmawati', shortName: 'Rahma', phone: '0812', address: 'Telang' }),
    );
    expect(created.ok, JSON.stringify(created)).toBe(true);
    await page.reload();
    // The staff gate: the only staff member is chosen, the PIN signs in.
    await page.getByLabel(/^PIN$/).fill('1234');
    await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
    await page.getByRole('navigation').waitFor();
    await page.getByRole('link', { name: /^(Katalog|Catalogue)$/ }).click();
    await expect.poll(async () => page.locator('body').innerText(), { timeout: 15_000 }).toContain('Ibu Rahmawati');
    await page.screenshot({ path: path.join(dataDir, 'electron-catalogue.png') });
  });

  it('prints through the shell: a PDF saved into <data folder>/documents, the printers listed, bad names refused', async () => {
    type Reply = { ok: boolean; value?: unknown; error?: { code: string } };
    type Bridge = { ukmMart: { call(m: string, i: unknown): Promise<Reply> } };
    const saved = await page.evaluate(() => (window as unknown as Bridge).ukmMart.call('shell.savePdf', { paper: 'A5', fileName: 'Uji cetak' }));
    const file = path.join(dataDir, 'documents', 'Uji cetak.pdf');
    expect(saved).toEqual({ ok: true, value: { file } });
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const printers = await page.evaluate(() => (window as unknown as Bridge).ukmMart.call('shell.printers', {}));
    expect(printers.ok, JSON.stringify(printers)).toBe(true);
    expect(Array.isArray(printers.value)).toBe(true);
    const bad = await page.evaluate(() => (window as unknown as Bridge).ukmMart.call('shell.savePdf', { paper: 'A5', fileName: '../keluar' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
