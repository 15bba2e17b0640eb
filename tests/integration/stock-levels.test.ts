import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTill, type Till } from './till-fixtures';
import { verifyStockLevels } from '../../electron/core/stock/levels';

// Stock levels (migration 0006): the running on hand per product, kept by a trigger
// on stock_movements, must always equal the sum of the product's movements.

let till: Till | null = null;
afterEach(() => {
  till?.t.close();
  till = null;
});

const sums = (till: Till) =>
  Object.fromEntries(
    (till.db.prepare('SELECT product_id, SUM(quantity) AS q FROM stock_movements GROUP BY product_id').all() as { product_id: number; q: number }[]).map((r) => [
      r.product_id,
      r.q,
    ]),
  );
const levels = (till: Till) =>
  Object.fromEntries((till.db.prepare('SELECT product_id, on_hand FROM stock_levels').all() as { product_id: number; on_hand: number }[]).map((r) => [r.product_id, r.on_hand]));

describe('stock levels', () => {
  it('equal the sums of the movements after intakes, sales, voids, refunds with and without restock, returns and counts', () => {
    till = makeTill();
    const { t, products, producers, mgr } = till;
    const { egg, chips, cake } = products;
    const check = () => {
      expect(t.ok('stock.verify', {})).toEqual({
        ok: true,
        productsChecked: Object.keys(sums(till!)).length,
        mismatches: [],
        lots: { ok: true, productsChecked: Object.keys(sums(till!)).length, mismatches: [], lagging: 0 },
      });
      expect(levels(till!)).toEqual(sums(till!));
    };
    const lookupOnHand = () => t.ok('products.lookup', { code: '8990001' })!.onHand;

    // Nothing moved yet: no levels, nothing to check, and on hand reads 0.
    expect(t.ok('stock.verify', {})).toEqual({ ok: true, productsChecked: 0, mismatches: [], lots: { ok: true, productsChecked: 0, mismatches: [], lagging: 0 } });
    expect(lookupOnHand()).toBe(0);

    t.ok('intakes.create', { producerId: producers.eggs, lines: [{ productId: egg, quantity: 30 }] });
    t.ok('intakes.create', { producerId: producers.chips, lines: [{ productId: chips, quantity: 10 }, { productId: cake, quantity: 5 }] });
    check();
    expect(lookupOnHand()).toBe(30);

    const s1 = till.sale([{ productId: egg, quantity: 4 }, { productId: chips, quantity: 2 }, { productId: cake, quantity: 6 }]); // cake oversold
    const s2 = till.sale([{ productId: egg, quantity: 3 }]);
    check();
    expect(lookupOnHand()).toBe(23);
    expect(t.ok('stock.list', {}).rows.find((r) => r.productId === cake)).toMatchObject({ onHand: -1, oversold: true });

    t.ok('sales.void', { saleId: s2.id, reason: 'batal', approval: mgr });
    check();
    expect(lookupOnHand()).toBe(26);

    const eggLine = s1.lines.find((l) => l.productId === egg)!;
    const chipsLine = s1.lines.find((l) => l.productId === chips)!;
    t.ok('sales.refund', { id: randomUUID(), saleId: s1.id, lines: [{ saleLineId: eggLine.id, quantity: 2 }], restock: true, reason: 'salah ambil', approval: mgr });
    t.ok('sales.refund', { id: randomUUID(), saleId: s1.id, lines: [{ saleLineId: chipsLine.id, quantity: 1 }], restock: false, reason: 'rusak', approval: mgr });
    check();
    expect(lookupOnHand()).toBe(28);

    t.ok('returns.create', { producerId: producers.eggs, lines: [{ productId: egg, quantity: 5, reason: 'unsold' }] });
    check();
    t.ok('stockCounts.create', { lines: [{ productId: egg, counted: 20, reason: 'pecah' }, { productId: cake, counted: 0 }], approval: mgr });
    check();
    expect(lookupOnHand()).toBe(20);
    expect(t.ok('products.get', { id: egg }).onHand).toBe(20);
    expect(t.ok('products.get', { id: cake }).onHand).toBe(0);
    // The stock list's last movement is the latest movement of the product.
    const lastAt = till.db.prepare('SELECT MAX(occurred_at) FROM stock_movements WHERE product_id = ?').pluck().get(egg);
    expect(t.ok('stock.list', {}).rows.find((r) => r.productId === egg)!.lastMovementAt).toBe(lastAt);
  });

  it('a rolled-back transaction rolls its level back with its movements', () => {
    till = makeTill();
    const { t, db, products, producers } = till;
    t.ok('intakes.create', { producerId: producers.eggs, lines: [{ productId: products.egg, quantity: 10 }] });
    till.sale([{ productId: products.egg, quantity: 1 }]);
    const before = { levels: levels(till), movements: till.count('stock_movements') };
    expect(before.levels).toEqual({ [products.egg]: 9 });

    // A sale refused by the database after its first two lines' movements were written (the ledger insert of its 3rd line).
    const entries = till.count('ledger_entries');
    db.exec(`CREATE TEMP TRIGGER fail_third_line BEFORE INSERT ON main.ledger_entries
             WHEN (SELECT COUNT(*) FROM main.ledger_entries) >= ${entries + 2} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    const refused = t.err(
      'sales.create',
      till.saleInput([{ productId: products.egg, quantity: 2 }, { productId: products.chips, quantity: 1 }, { productId: products.cake, quantity: 1 }]),
    );
    expect(refused.message).toMatch(/injected failure/);
    db.exec('DROP TRIGGER temp.fail_third_line');
    expect({ levels: levels(till), movements: till.count('stock_movements') }).toEqual(before);

    // The same by hand: inside the transaction the level moved, after the rollback it did not.
    expect(() =>
      db.transaction(() => {
        db.prepare("INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (?, 50, 'intake', 'x', ?)").run(products.egg, t.clock.now().toISOString());
        db.prepare("INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (?, 4, 'intake', 'x', ?)").run(products.cake, t.clock.now().toISOString());
        expect(levels(till!)).toEqual({ [products.egg]: 59, [products.cake]: 4 });
        throw new Error('roll back');
      })(),
    ).toThrow(/roll back/);
    expect({ levels: levels(till), movements: till.count('stock_movements') }).toEqual(before);
    expect(t.ok('stock.verify', {})).toMatchObject({ ok: true, mismatches: [] });
  });

  it('refuse edits other than by a movement, and the check reports a level that drifted anyway', () => {
    till = makeTill();
    const { t, db, products, producers } = till;
    t.ok('intakes.create', { producerId: producers.eggs, lines: [{ productId: products.egg, quantity: 10 }] });
    t.ok('intakes.create', { producerId: producers.chips, lines: [{ productId: products.chips, quantity: 3 }] });
    const at = t.clock.now().toISOString();
    for (const sql of [
      'UPDATE stock_levels SET on_hand = 99',
      'UPDATE stock_levels SET on_hand = on_hand + 1',
      'UPDATE stock_levels SET on_hand = on_hand + 3, last_movement_id = last_movement_id + 1',
      'DELETE FROM stock_levels',
      `INSERT INTO stock_levels VALUES (${products.cake}, 5, 1, '${at}')`,
      `INSERT OR REPLACE INTO stock_levels SELECT product_id, quantity, id, occurred_at FROM stock_movements WHERE product_id = ${products.chips}`,
    ]) {
      expect(() => db.exec(sql), sql).toThrow(/stock levels follow stock movements only/);
    }
    expect(levels(till)).toEqual({ [products.egg]: 10, [products.chips]: 3 });

    // A file edited behind the app's back (the guards dropped): the check finds it, and on hand is what the level says until repaired.
    db.exec('DROP TRIGGER stock_levels_guard_update; DROP TRIGGER stock_levels_no_delete');
    db.exec(`UPDATE stock_levels SET on_hand = 12 WHERE product_id = ${products.egg}; DELETE FROM stock_levels WHERE product_id = ${products.chips}`);
    expect(verifyStockLevels(db)).toEqual({
      ok: false,
      productsChecked: 2,
      mismatches: [
        { productId: products.egg, movementsOnHand: 10, levelOnHand: 12, movementsLastAt: at, levelLastAt: at },
        { productId: products.chips, movementsOnHand: 3, levelOnHand: null, movementsLastAt: at, levelLastAt: null },
      ],
    });
  });
});
