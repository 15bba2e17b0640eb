/**
 * Scan to line visible, in Chromium (browser mode, Playwright): on the
 * generated store, a cashier with a 30-line cart scans one more product; the
 * time runs in the page, from the keydown of Enter (a capture listener on the
 * window, so before the app's own handler) to the new cart row being in the
 * DOM (a MutationObserver), with performance.now(). The new line is then
 * removed again, unmeasured, so every scan lands on a 30-line cart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startHost } from '../../electron/host';
import { DB_FILE_NAME } from '../../electron/core/app';
import { openDatabase } from '../../electron/core/db/open';
import type { Row } from './coreBench';
import type { GenMeta } from './generate';
import type { Scale } from './scale';
import { summarize } from './stats';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// As in tests/e2e/fixtures.ts.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SCAN_LABEL = 'Pindai atau ketik kode';

/** Installed in the page: arm(name) starts a timer at the next Enter keydown and resolves when a cart row with that name is added. */
const ARM_SCRIPT = `
window.__benchArm = function (name) {
  var t0 = -1;
  var onKey = function (e) { if (e.key === 'Enter' && t0 < 0) t0 = performance.now(); };
  window.addEventListener('keydown', onKey, true);
  window.__benchWait = new Promise(function (resolve) {
    var obs = new MutationObserver(function (mutations) {
      for (var i = 0; i < mutations.length; i++) {
        var added = mutations[i].addedNodes;
        for (var j = 0; j < added.length; j++) {
          var n = added[j];
          if (n.nodeName === 'TR' && (n.textContent || '').indexOf(name) >= 0) {
            var t1 = performance.now();
            obs.disconnect();
            window.removeEventListener('keydown', onKey, true);
            resolve(t1 - t0);
            return;
          }
        }
      }
    });
    obs.observe(document.body, { childList: true, subtree: true });
  });
};
`;

export function browserUnavailable(rendererDir: string): string | null {
  if (!fs.existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH}`;
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) return `the UI is not built in ${rendererDir} (npm run build)`;
  return null;
}

export async function measureScan(o: { dataDir: string; rendererDir: string; scale: Scale; meta: GenMeta; startAt: number; log: (s: string) => void; shotsDir?: string }): Promise<Row> {
  const label = `scan to line visible, Chromium (${o.scale.cartLines}-line cart)`;
  const why = browserUnavailable(o.rendererDir);
  if (why) return { key: 'scan_to_line', label, time: null, budget: 'p95 ≤ 50 ms', ok: null, note: `not measured: ${why}` };
  const realStart = Date.now();
  const host = await startHost({ dataDir: o.dataDir, port: 0, rendererDir: o.rendererDir, now: () => new Date(o.startAt + (Date.now() - realStart)) });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  let closeDb = () => undefined as void;
  try {
    const core = host.core;
    const cashier = o.meta.staff.cashiers[1]!;
    // Names for the page, read on a connection of the bench's own: the store runs in the runtime's threads.
    const db = openDatabase(path.join(o.dataDir, DB_FILE_NAME), { readonly: true });
    closeDb = () => db.close();
    const sessionOf = async (staffId: number, pin: string) => {
      const r = await core.callAsync('auth.signIn', { staffId, pin });
      return r.ok ? { sessionId: (r.value as { sessionId: string }).sessionId } : {};
    };
    const asCashier = await sessionOf(cashier.id, cashier.pin);
    const current = await core.callAsync('shifts.current', {}, asCashier);
    if (current.ok && current.value) {
      const s = current.value as { id: number; cashierId: number };
      const pin = o.meta.staff.cashiers.find((c) => c.id === s.cashierId)?.pin ?? o.meta.staff.managerPin;
      await core.callAsync('shifts.close', { shiftId: s.id, countedCash: 0 }, await sessionOf(s.cashierId, pin));
    }
    const opened = await core.callAsync('shifts.open', { openingFloat: 200_000 }, asCashier);
    if (!opened.ok) throw new Error(`shifts.open refused: ${opened.error.message}`);
    const name = (db.prepare('SELECT name FROM staff WHERE id = ?').pluck().get(cashier.id) as string) ?? '';
    const products = db.prepare('SELECT barcode, name FROM products WHERE active = 1 AND barcode IS NOT NULL ORDER BY id').all() as { barcode: string; name: string }[];
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    page.on('pageerror', (err) => o.log(`[page error] ${err.message}`));
    await page.goto(host.appUrl);
    await page.getByRole('button', { name: new RegExp(name) }).first().click({ timeout: 20_000 });
    await page.getByLabel('PIN', { exact: true }).fill(cashier.pin);
    await page.keyboard.press('Enter');
    const scan = page.getByLabel(SCAN_LABEL);
    await scan.waitFor({ timeout: 20_000 });
    // A string, not a function: the bundler's helpers (__name) do not exist in the page.
    await page.evaluate(ARM_SCRIPT);
    const rows = page.locator('tbody tr');
    // The standing cart.
    for (const p of products.slice(0, o.scale.cartLines)) {
      await scan.fill(p.barcode);
      await scan.press('Enter');
    }
    await page.waitForFunction(`document.querySelectorAll('tbody tr').length >= ${o.scale.cartLines}`, undefined, { timeout: 20_000 });
    if (o.shotsDir) {
      fs.mkdirSync(o.shotsDir, { recursive: true });
      await page.screenshot({ path: path.join(o.shotsDir, `cart-${o.scale.cartLines}-lines.png`), fullPage: true });
    }
    const extra = products.slice(o.scale.cartLines);
    const samples: number[] = [];
    const warm = o.scale.warmup;
    for (let i = -warm; i < o.scale.iterations.scans; i++) {
      const p = extra[(i + warm) % extra.length]!;
      await page.evaluate(`window.__benchArm(${JSON.stringify(p.name)})`);
      await scan.fill(p.barcode);
      await scan.press('Enter');
      const ms = (await page.evaluate('window.__benchWait')) as number;
      if (i >= 0) samples.push(ms);
      await page.getByRole('button', { name: `Hapus ${p.name}`, exact: true }).click();
      await page.waitForFunction(`document.querySelectorAll('tbody tr').length === ${o.scale.cartLines}`);
    }
    const lines = await rows.count();
    const t = summarize(samples);
    return {
      key: 'scan_to_line',
      label,
      time: t,
      budget: 'p95 ≤ 50 ms',
      ok: t.p95 <= 50,
      note: `p95 ${t.p95.toFixed(1)} ms over ${t.n} scans (cart back to ${lines} lines after each)`,
    };
  } finally {
    closeDb();
    await browser.close();
    await host.close();
  }
}
