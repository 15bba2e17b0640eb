import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore } from '../helpers/core';
import { makeTill, nextReceiptValue, type Till } from './till-fixtures';

let till: Till | null = null;
afterEach(() => {
  till?.t.close();
  till = null;
});

const CHILD = path.join(__dirname, 'fixtures', 'till-child.ts');

/** Starts a submitting child; resolves `ready` once its core is open, `reply` once it answered. */
function submitter(dataDir: string, input: unknown) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, 'submit', dataDir, JSON.stringify(input)], { cwd: path.resolve(__dirname, '../..') });
  let out = '';
  let err = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d) => {
    out += d;
    if (out.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (d) => (err += d));
  const reply = new Promise<{ ok: boolean; value: { id: string; receiptNo: number } }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length).trim())) : reject(new Error(`child exited ${code}: ${err}`))));
  });
  return { ready, go: () => child.stdin.write('go\n'), reply };
}

describe('sales.create is idempotent on its client-made id', () => {
  it('the same id twice records one sale and answers the same; other content is CONFLICT', () => {
    till = makeTill();
    const { t, products } = till;
    const input = till.saleInput([{ productId: products.egg, quantity: 2 }, { productId: products.chips, quantity: 1, discount: 500 }]);
    const first = t.ok('sales.create', input);
    const again = t.ok('sales.create', input);
    expect(again).toEqual(first);
    expect(till.count('sales')).toBe(1);
    expect(till.count('ledger_entries')).toBe(2);
    expect(nextReceiptValue(till.db)).toBe(2);

    for (const other of [
      { ...input, lines: [{ productId: products.egg, quantity: 3 }, input.lines[1]!] },
      { ...input, lines: [...input.lines].reverse() },
      { ...input, payment: { method: 'cash' as const, tendered: 1_000_000 } },
      { ...input, payment: { method: 'qris' as const } },
    ]) {
      expect(t.err('sales.create', other).code).toBe('CONFLICT');
    }
    expect(till.count('sales')).toBe(1);

    // A retry after the shift closed still answers the recorded sale (a slow network, a late retry).
    t.ok('shifts.close', { shiftId: till.shiftId, countedCash: 0 });
    expect(t.ok('sales.create', input).id).toBe(first.id);
    // An explicit zero discount is the same request as an omitted one.
    const withZero = { ...input, lines: [{ ...input.lines[0]!, discount: 0 }, input.lines[1]!] };
    expect(t.ok('sales.create', withZero).receiptNo).toBe(first.receiptNo);
  });

  it('a retry through a second core on the same file returns the same sale', () => {
    till = makeTill();
    const input = till.saleInput([{ productId: till.products.cake, quantity: 1 }]);
    const first = till.t.ok('sales.create', input);
    const other = makeTestCore({ dataDir: till.t.dataDir, clock: till.t.clock });
    try {
      expect(other.ok('sales.create', input)).toEqual(first);
    } finally {
      other.close();
    }
    expect(till.count('sales')).toBe(1);
  });

  it('a concurrent double submit from two processes on the same file records one sale', async () => {
    till = makeTill();
    const { t } = till;
    const dataDir = t.dataDir;
    for (let round = 0; round < 2; round++) {
      const input = till.saleInput([{ productId: till.products.egg, quantity: 1 + round }, { productId: till.products.chips, quantity: 1 }]);
      const pair = [submitter(dataDir, input), submitter(dataDir, input)];
      await Promise.all(pair.map((c) => c.ready));
      for (const c of pair) c.go();
      const replies = await Promise.all(pair.map((c) => c.reply));
      expect(replies.every((r) => r.ok)).toBe(true);
      expect(replies[0]!.value).toEqual(replies[1]!.value);
      expect(replies[0]!.value.receiptNo).toBe(round + 1);
    }
    expect(till.count('sales')).toBe(2);
    expect(till.count('ledger_entries')).toBe(4);
    expect(t.ok('ledger.verify', {}).ok).toBe(true);
  });
});
