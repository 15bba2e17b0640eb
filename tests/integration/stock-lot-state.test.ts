/**
 * Issue #14: the lots on the shelf are kept (migration 0020) and moved along
 * with every stock movement, in its transaction. Property: on seeded random
 * histories written through the core (deliveries with and without expiry
 * dates, several lots of a product in one intake, sales, oversells, voids,
 * refunds with and without restock, returns expired/damaged/unsold, counts up
 * and down), after EVERY step the kept units of each lot equal the full replay
 * (`lotsOnShelf`, fed here straight from the tables), the whole kept state
 * equals an in-memory replay (stock.verify), nothing lags (so expiry.list read
 * the kept state, not its fallback), and expiry.list equals the reference.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { makeTill, type Till } from './till-fixtures';
import { Rng } from '../bench/prng';
import { expiryReportReplayAll } from '../../electron/core/stock/expiry';
import { catchUpLotState, laggingProducts, verifyLotState } from '../../electron/core/stock/lotState';
import { lotsOnShelf, type ShelfEvent } from '../../shared/domain/stockLots';
import { addDays } from '../../shared/domain/time';
import { runFullChecks } from '../../electron/core/db/fullChecks';
import type { CoreContext } from '../../electron/core/context';
import type { Sale } from '../../shared/contract/till';

let till: Till | undefined;
afterEach(() => till?.t.close());

/** The reference, independent of the kept tables: every product's movements in id order, each intake movement delivering its intake's next line. */
function replayAll(db: Database.Database): Map<number, Map<number, number>> {
  const lots = db.prepare('SELECT id, intake_id, product_id, quantity, expiry_date FROM intake_lines ORDER BY id').all() as {
    id: number;
    intake_id: number;
    product_id: number;
    quantity: number;
    expiry_date: string | null;
  }[];
  const out = new Map<number, Map<number, number>>();
  for (const productId of db.prepare('SELECT DISTINCT product_id FROM stock_movements').pluck().all() as number[]) {
    const queue = new Map<string, typeof lots>();
    for (const l of lots.filter((x) => x.product_id === productId)) {
      const key = String(l.intake_id);
      queue.set(key, [...(queue.get(key) ?? []), l]);
    }
    const events: ShelfEvent[] = [];
    for (const m of db.prepare('SELECT quantity, kind, ref_id FROM stock_movements WHERE product_id = ? ORDER BY id').all(productId) as { quantity: number; kind: string; ref_id: string }[]) {
      const lot = m.kind === 'intake' ? queue.get(m.ref_id)?.shift() : undefined;
      if (lot) events.push({ kind: 'delivered', lot: { id: lot.id, quantity: lot.quantity, expiryDate: lot.expiry_date } });
      else events.push(m.quantity < 0 ? { kind: 'left', quantity: -m.quantity } : { kind: 'back', quantity: m.quantity });
    }
    out.set(productId, lotsOnShelf(events));
  }
  return out;
}

function kept(db: Database.Database): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  for (const r of db.prepare('SELECT product_id, lot_id, quantity_left FROM stock_lot_left ORDER BY product_id, lot_id').all() as { product_id: number; lot_id: number; quantity_left: number }[]) {
    if (!out.has(r.product_id)) out.set(r.product_id, new Map());
    out.get(r.product_id)!.set(r.lot_id, r.quantity_left);
  }
  // a product that moved but never had a lot delivered keeps no lot rows: the reference has an empty map for it
  for (const productId of db.prepare('SELECT product_id FROM stock_lot_state').pluck().all() as number[]) if (!out.has(productId)) out.set(productId, new Map());
  return out;
}

const lotsShown = (r: ReturnType<typeof expiryReportReplayAll>) => r.producers.reduce((n, g) => n + g.expired.length + g.expiringSoon.length, 0);

function checkKept(t: Till, label: string): number {
  const db = t.db;
  expect(laggingProducts(db), `${label}: nothing lags`).toEqual([]);
  expect(kept(db), `${label}: kept lots = full replay`).toEqual(replayAll(db));
  const v = verifyLotState(db);
  expect(v, label).toMatchObject({ ok: true, mismatches: [], lagging: 0 });
  const ctx = { db, now: t.t.clock.now, timeZone: () => 'Asia/Jakarta' } as unknown as CoreContext;
  let shown = 0;
  for (const input of [{}, { withinDays: 40 }, { producerId: t.producers.chips, withinDays: 40 }]) {
    const report = t.t.ok('expiry.list', input);
    expect(report, `${label} ${JSON.stringify(input)}`).toEqual(expiryReportReplayAll(ctx, input));
    shown += lotsShown(report);
  }
  return shown;
}

function randomHistory(seed: number): { steps: number; shown: number; kinds: Set<string> } {
  const rng = new Rng(seed);
  till = makeTill();
  const { t, db, products, producers, mgr } = till;
  db.prepare('UPDATE products SET perishable = 1 WHERE id = ?').run(products.cake);
  const all = [products.egg, products.chips, products.cake];
  const producerOf = new Map([
    [products.egg, producers.eggs],
    [products.chips, producers.chips],
    [products.cake, producers.chips],
  ]);
  const onHand = (p: number) => (db.prepare('SELECT on_hand FROM stock_levels WHERE product_id = ?').pluck().get(p) as number | undefined) ?? 0;
  const sales: Sale[] = [];
  const kinds = new Set<string>();
  let shown = 0;
  const steps = rng.int(25, 60);
  for (let s = 0; s < steps; s++) {
    const today = t.ok('expiry.list', {}).today;
    const roll = rng.int(0, 99);
    if (roll < 25) {
      const producerId = rng.chance(0.5) ? producers.eggs : producers.chips;
      const mine = all.filter((p) => producerOf.get(p) === producerId);
      const lines = Array.from({ length: rng.int(1, 4) }, () => {
        const productId = mine[rng.int(0, mine.length - 1)]!; // the same product twice in one intake: several lots
        const dated = rng.chance(0.7);
        return { productId, quantity: rng.int(1, 12), ...(dated ? { expiryDate: addDays(today, rng.int(0, 25)) } : productId === products.cake ? { noExpiryDate: true as const } : {}) };
      });
      t.ok('intakes.create', { producerId, lines });
      kinds.add('intake');
    } else if (roll < 60) {
      const picked = [...new Set(Array.from({ length: rng.int(1, 3) }, () => all[rng.int(0, 2)]!))];
      sales.push(till.sale(picked.map((productId) => ({ productId, quantity: rng.chance(0.15) ? rng.int(8, 25) : rng.int(1, 4) }))));
      kinds.add('sale');
    } else if (roll < 68 && sales.length > 0) {
      const sale = sales.splice(rng.int(0, sales.length - 1), 1)[0]!;
      t.ok('sales.void', { saleId: sale.id, reason: 'batal', approval: mgr });
      kinds.add('void');
    } else if (roll < 78 && sales.length > 0) {
      const i = rng.int(0, sales.length - 1);
      const sale = sales[i]!;
      const line = sale.lines[rng.int(0, sale.lines.length - 1)]!;
      const restock = rng.chance(0.7);
      t.ok('sales.refund', { id: randomUUID(), saleId: sale.id, lines: [{ saleLineId: line.id, quantity: rng.int(1, line.quantity) }], restock, reason: 'kembali', approval: mgr });
      sales.splice(i, 1); // refunded once: neither voided nor refunded again here
      kinds.add(restock ? 'refund-restock' : 'refund');
    } else if (roll < 88) {
      const productId = all[rng.int(0, 2)]!;
      const have = onHand(productId);
      if (have > 0) {
        const reason = (['unsold', 'expired', 'damaged'] as const)[rng.int(0, 2)]!;
        t.ok('returns.create', { producerId: producerOf.get(productId)!, lines: [{ productId, quantity: rng.int(1, have), reason }] });
        kinds.add(`return-${reason}`);
      }
    } else {
      const productId = all[rng.int(0, 2)]!;
      const counted = Math.max(0, onHand(productId) + rng.int(-6, 6));
      t.ok('stockCounts.create', { lines: [{ productId, counted, reason: 'opname' }], approval: mgr });
      kinds.add('count');
    }
    if (rng.chance(0.3)) t.clock.advanceDays(rng.int(1, 5));
    shown += checkKept(till, `seed ${seed} step ${s}`);
  }
  return { steps, shown, kinds };
}

describe('kept lots on the shelf (issue #14)', () => {
  it('equal the full replay after every step of 12 random histories, and expiry.list equals the reference', () => {
    let shown = 0;
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const r = randomHistory(seed);
      shown += r.shown;
      r.kinds.forEach((k) => kinds.add(k));
      till!.t.close();
      till = undefined;
    }
    // the histories did exercise every kind of movement, and the reports were not all empty
    expect([...kinds].sort()).toEqual(
      ['count', 'intake', 'refund', 'refund-restock', 'return-damaged', 'return-expired', 'return-unsold', 'sale', 'void'].sort(),
    );
    expect(shown).toBeGreaterThan(100);
  });

  it('are filled from the history when missing (the backfill on open, or after a bulk load), and a lagging product is replayed', () => {
    till = makeTill();
    const { t, db, products, producers } = till;
    const today = t.ok('expiry.list', {}).today;
    t.ok('intakes.create', { producerId: producers.eggs, lines: [{ productId: products.egg, quantity: 10, expiryDate: addDays(today, 3) }, { productId: products.egg, quantity: 5, expiryDate: addDays(today, 1) }] });
    till.sale([{ productId: products.egg, quantity: 7 }]);
    checkKept(till, 'before');
    const before = kept(db);

    // Movements written around the core (a bulk load): the product lags; the report replays it and still equals the reference.
    db.prepare("INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (?, -3, 'sale', 'bulk', ?)").run(products.egg, t.clock.now().toISOString());
    expect(laggingProducts(db)).toEqual([products.egg]);
    const ctx = { db, now: t.clock.now, timeZone: () => 'Asia/Jakarta' } as unknown as CoreContext;
    expect(t.ok('expiry.list', {})).toEqual(expiryReportReplayAll(ctx, {}));
    expect(lotsShown(t.ok('expiry.list', {}))).toBe(1); // 15 in, 10 out: 5 left of the later-expiring lot
    // the check does not call a lagging product wrong (its state is right up to the movement it folded)
    expect(verifyLotState(db)).toMatchObject({ ok: true, lagging: 1 });
    // the next movement through the core replays the product first
    till.sale([{ productId: products.egg, quantity: 1 }]);
    checkKept(till, 'after a sale on a lagging product');

    // An empty kept state (a store from before 0020): the catch-up fills it exactly.
    db.exec('DELETE FROM stock_lot_left; DELETE FROM stock_lot_taken; DELETE FROM stock_lot_state');
    expect(laggingProducts(db)).toEqual([products.egg]);
    expect(catchUpLotState(db)).toBe(1);
    expect(catchUpLotState(db)).toBe(0); // idempotent
    checkKept(till, 'after the backfill');
    expect(kept(db).get(products.egg)!.size).toBe(before.get(products.egg)!.size);
  });

  it('a refused sale rolls the kept lots back with its movements', () => {
    till = makeTill();
    const { t, db, products, producers } = till;
    t.ok('intakes.create', { producerId: producers.eggs, lines: [{ productId: products.egg, quantity: 10, expiryDate: addDays(t.ok('expiry.list', {}).today, 3) }] });
    t.ok('intakes.create', { producerId: producers.chips, lines: [{ productId: products.chips, quantity: 4, expiryDate: addDays(t.ok('expiry.list', {}).today, 2) }] });
    till.sale([{ productId: products.egg, quantity: 1 }]);
    const snapshot = () => ['stock_lot_state', 'stock_lot_left', 'stock_lot_taken'].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());
    const before = snapshot();
    // refused by the database after its first two lines' movements (and kept lots) were written: the ledger insert of its 3rd line
    const entries = till.count('ledger_entries');
    db.exec(`CREATE TEMP TRIGGER fail_third_line BEFORE INSERT ON main.ledger_entries
             WHEN (SELECT COUNT(*) FROM main.ledger_entries) >= ${entries + 2} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    const refused = t.err('sales.create', till.saleInput([{ productId: products.egg, quantity: 2 }, { productId: products.chips, quantity: 1 }, { productId: products.cake, quantity: 1 }]));
    expect(refused.message).toMatch(/injected failure/);
    db.exec('DROP TRIGGER temp.fail_third_line');
    expect(snapshot()).toEqual(before);
    checkKept(till, 'after the refused sale');
  });

  it('the check reports a kept lot that drifted', () => {
    till = makeTill();
    const { t, db, products, producers } = till;
    t.ok('intakes.create', { producerId: producers.eggs, lines: [{ productId: products.egg, quantity: 10, expiryDate: addDays(t.ok('expiry.list', {}).today, 3) }] });
    till.sale([{ productId: products.egg, quantity: 2 }]);
    expect(t.ok('stock.verify', {})).toMatchObject({ ok: true, lots: { ok: true, mismatches: [] } });
    db.prepare('UPDATE stock_lot_left SET quantity_left = quantity_left + 1 WHERE product_id = ?').run(products.egg);
    expect(t.ok('stock.verify', {})).toMatchObject({ ok: false, mismatches: [], lots: { ok: false, mismatches: [products.egg] } });
    // and so do the background full checks
    expect(runFullChecks(db).filter((f) => f.check === 'stock.verify')).toEqual([
      { check: 'stock.verify', id: `Lot di rak yang disimpan tidak cocok dengan pergerakan stok (produk ${products.egg})`, en: `The kept lots on the shelf do not match the stock movements (products ${products.egg})` },
    ]);
  });
});
