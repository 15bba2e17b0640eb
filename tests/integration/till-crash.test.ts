import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestCore } from '../helpers/core';
import { makeTill } from './till-fixtures';
import { childEnv, nodeArgsFor, runTorture, table } from '../torture/torture';

const CHILD = path.join(__dirname, 'fixtures', 'till-child.ts');
const ROUNDS = 20;

/**
 * Runs the sale loop in a child process and kills it with SIGKILL at a random
 * moment. Returns the receipt numbers it printed, each printed only after its
 * sale's commit returned.
 */
function recordUntilKilled(dataDir: string, shiftId: number, productIds: number[], killAfterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    // Bundled once (torture.ts): a plain-JS child starts in a fraction of the TypeScript loader's time.
    const child = spawn(process.execPath, [...nodeArgsFor(CHILD), 'crash', dataDir, String(shiftId), productIds.join(',')], {
      cwd: path.resolve(__dirname, '../..'),
      env: childEnv(),
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.startsWith('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`the child ended by itself (${code}): ${err}`));
      // Only whole lines: a line cut by the kill was never fully printed.
      const lines = out.split('\n').slice(0, -1).filter((l) => l !== 'ready');
      resolve(lines.map(Number));
    });
  });
}

describe('crash safety of sales.create', () => {
  it(`keeps every printed sale, a healthy file and gapless receipt numbers after SIGKILL (${ROUNDS} times)`, async () => {
    const till = makeTill();
    const { shiftId, products } = till;
    const dataDir = till.t.dataDir;
    till.t.close();
    let printedTotal = 0;
    let previousMax = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const killAfter = Math.floor(Math.random() * 250);
      const printed = await recordUntilKilled(dataDir, shiftId, [products.egg, products.chips, products.cake], killAfter);
      printedTotal += printed.length;

      const t = makeTestCore({ dataDir });
      try {
        const db = t.core.db;
        expect(db, `round ${round}: the store reopens`).not.toBeNull();
        expect(db!.pragma('integrity_check', { simple: true })).toBe('ok');
        const receipts = (db!.prepare('SELECT receipt_no FROM sales ORDER BY receipt_no').all() as { receipt_no: number }[]).map((r) => r.receipt_no);
        const max = receipts.at(-1) ?? 0;
        expect(receipts, `round ${round}: no gap`).toEqual(Array.from({ length: max }, (_, i) => i + 1));
        const stored = new Set(receipts);
        for (const n of printed) expect(stored.has(n), `round ${round}: printed receipt ${n} is on disk`).toBe(true);
        // At most one sale committed whose number the kill stopped from being printed.
        const printedMax = printed.length ? Math.max(...printed) : previousMax;
        expect(max - printedMax).toBeGreaterThanOrEqual(0);
        expect(max - printedMax).toBeLessThanOrEqual(1);
        const next = db!.prepare("SELECT next_value FROM sequences WHERE name = 'receipt'").get() as { next_value: number };
        expect(next.next_value).toBe(max + 1);
        // Every committed sale is whole: 3 lines, 3 stock movements, 3 ledger entries each.
        const count = (table: string) => (db!.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
        expect([count('sale_lines'), count('stock_movements'), count('ledger_entries')]).toEqual([3 * max, 3 * max, 3 * max]);
        expect(t.ok('ledger.verify', {}).ok).toBe(true);
        previousMax = max;
      } finally {
        t.close();
      }
    }
    expect(printedTotal).toBeGreaterThan(0);
  }, 120_000);
});

describe('the torture run, short (npm run torture has the long one)', () => {
  it('SIGKILL during finalise, backup and restore (5 each) loses nothing, leaves no file behind, and every start trades', async () => {
    const rows = await runTorture({ sales: 0, finalize: 5, backup: 5, restore: 5, diskFull: false }, () => undefined);
    const summary = table(rows);
    expect(rows.map((r) => r.trials), summary).toEqual([5, 5, 5]);
    for (const r of rows) {
      expect({ scenario: r.scenario, lost: r.lost, receiptGaps: r.receiptGaps, leftovers: r.leftovers, refusedStarts: r.refusedStarts }, summary).toEqual({
        scenario: r.scenario,
        lost: 0,
        receiptGaps: 0,
        leftovers: 0,
        refusedStarts: 0,
      });
    }
  }, 300_000);
});
