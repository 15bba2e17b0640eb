/** The preview read grouped in SQLite gives exactly the items and totals of the entries themselves. */
import { describe, expect, it } from 'vitest';
import { buildPreview } from '../../electron/core/settlement/preview';
import { periodRule } from '../../electron/core/settlement/common';
import { recentEndedPeriods } from '../../shared/domain/settlement';
import { appendLedgerEntry } from '../../electron/core/ledger/chain';
import { makeTestCore, TestClock } from '../helpers/core';
import { seedProducer, seedProduct, writeEntry } from './settle-helpers';

const strip = ({ entryIds: _i, entrySeqs: _s, ...rest }: ReturnType<typeof buildPreview>) => rest;

describe('grouped preview', () => {
  it('matches the entry-by-entry preview for every ended week of the demo store, and for odd entries', () => {
    const t = makeTestCore({ clock: new TestClock('2026-11-28T05:00:00.000Z') });
    t.ok('setup.complete', { mode: 'demo', storeName: 'Toko Demo' });
    const db = t.core.db!;
    // Entries the demo may lack: a sale whose share does not divide by its units, one without a product, a refund without units.
    const producer = t.ok('producers.list', {}).rows[0]!;
    const product = t.ok('products.list', { producerId: producer.id }).rows[0]!;
    db.transaction(() => {
      const at = '2026-11-24T03:00:00.000Z';
      appendLedgerEntry(db, { producerId: producer.id, kind: 'sale', amount: 1001, quantity: 3, productId: product.id, occurredAt: at, refType: 'sale', refId: 'x1' });
      appendLedgerEntry(db, { producerId: producer.id, kind: 'sale', amount: 999, quantity: 3, productId: product.id, occurredAt: at, refType: 'sale', refId: 'x2' });
      appendLedgerEntry(db, { producerId: producer.id, kind: 'sale', amount: 500, quantity: 1, productId: null, occurredAt: at, refType: 'sale', refId: 'x3' });
      appendLedgerEntry(db, { producerId: producer.id, kind: 'refund', amount: -200, quantity: null, productId: product.id, occurredAt: at, refType: 'refund', refId: 'x4' });
      appendLedgerEntry(db, { producerId: producer.id, kind: 'shrinkage', amount: 300, quantity: 1, productId: product.id, occurredAt: at, refType: 'count', refId: 'x5' });
    })();
    const rule = periodRule(db);
    const now = t.clock.now().toISOString();
    let compared = 0;
    for (const day of [...recentEndedPeriods(now, rule, 8), '2026-11-29', '2026-12-06']) {
      const later = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000 * 2).toISOString();
      const when = later > now ? later : now;
      const a = strip(buildPreview(db, when, rule, day, false));
      const b = strip(buildPreview(db, when, rule, day, true));
      expect(b).toEqual(a);
      // the grouped read gives the same whether it reads every producer from the index or scans the row ids
      expect(strip(buildPreview(db, when, rule, day, true, 'index'))).toEqual(a);
      expect(strip(buildPreview(db, when, rule, day, true, 'scan'))).toEqual(a);
      compared += a.producers.reduce((n, p) => n + p.entryCount, 0);
    }
    expect(compared).toBeGreaterThan(100);
    t.close();
  });

  it('matches with odd entries, an entry settled above its cursor, and a producer far behind its cursor', () => {
    const t = makeTestCore({ clock: new TestClock('2026-11-28T05:00:00.000Z') });
    t.ok('setup.complete', { mode: 'demo', storeName: 'Toko Demo' });
    const db = t.core.db!;
    const [a, b] = t.ok('producers.list', {}).rows as { id: number }[];
    const pa = t.ok('products.list', { producerId: a!.id }).rows[0]!.id;
    const pa2 = t.ok('products.list', { producerId: a!.id }).rows[1]?.id ?? pa;
    const next = '2026-12-02T03:00:00.000Z';
    let backdated = 0;
    db.transaction(() => {
      const add = (kind: 'sale' | 'refund' | 'shrinkage' | 'deduction' | 'adjustment', amount: number, quantity: number | null, productId: number | null, occurredAt = next, refType: string = kind, reason = '') =>
        appendLedgerEntry(db, { producerId: a!.id, kind, amount, quantity, productId, occurredAt, refType, refId: `odd-${Math.random()}`, reason });
      add('sale', 1200, 3, pa, '2026-11-30T03:00:00.000Z'); // next week, written before…
      backdated = add('sale', 800, 2, pa, '2026-11-24T03:00:00.000Z').seq; // …an entry of this week: settled above the cursor
      add('sale', 0, 0, pa);
      add('sale', 0, 5, pa);
      add('sale', 0, -2, pa);
      add('sale', 500, -2, pa);
      add('sale', 1, 2, pa);
      add('sale', 1, 4, pa);
      add('sale', 700, null, pa);
      add('sale', 900, 3, pa2);
      add('sale', 600, 2, pa2);
      add('sale', 400, 1, null);
      add('refund', -300, 1, pa, next, 'sale_line_void');
      add('refund', -300, 1, pa);
      add('refund', -150, null, pa);
      add('refund', -100, 1, null);
      add('shrinkage', 250, 1, null);
      add('shrinkage', 250, 1, pa2);
      add('deduction', -1000, null, null, next, 'deduction', 'Plastik');
      add('deduction', -1000, null, null, next, 'deduction', 'Plastik');
      add('adjustment', 2500, null, null, '2026-12-01T03:00:00.000Z', 'adjustment', 'Koreksi');
      add('sale', 999, 3, pa, '2026-12-09T03:00:00.000Z'); // after the previewed week
    })();
    t.clock.set('2026-12-01T05:00:00.000Z');
    t.ok('settlements.finalize', { periodEnd: '2026-11-29', approval: t.manager() });
    const cursorA = db.prepare('SELECT through_seq AS t, settled_max_seq AS m FROM settlement_cursors WHERE producer_id = ? ORDER BY through_seq DESC LIMIT 1').get(a!.id) as { t: number; m: number };
    expect(cursorA.m).toBe(backdated);
    expect(cursorA.t).toBeLessThan(backdated);

    // A settlement written without its cursor, holding every other one of B's entries: B is read from its first entry on.
    db.transaction(() => {
      const sid = Number(
        db
          .prepare(
            `INSERT INTO settlements (number, producer_id, period_start, period_end, due_date, total_due, chain_head, created_at, created_by)
             VALUES ('ST-LEGACY', ?, NULL, '2026-12-01T00:00:00.000Z', '2026-12-03', 0, '', '2026-12-01T05:00:00.000Z', NULL)`,
          )
          .run(b!.id).lastInsertRowid,
      );
      const ids = db.prepare("SELECT id FROM ledger_entries WHERE producer_id = ? AND kind <> 'payout' ORDER BY seq").pluck().all(b!.id) as number[];
      const link = db.prepare('INSERT INTO settlement_entries (settlement_id, entry_id) VALUES (?, ?)');
      ids.forEach((id, i) => {
        if (i % 2 === 0 && db.prepare('SELECT 1 FROM settlement_entries WHERE entry_id = ?').get(id) === undefined) link.run(sid, id);
      });
      appendLedgerEntry(db, { producerId: b!.id, kind: 'sale', amount: 5000, quantity: 1, productId: null, occurredAt: next, refType: 'sale', refId: 'b1' });
    })();

    t.clock.set('2026-12-08T05:00:00.000Z');
    const rule = periodRule(db);
    const now = t.clock.now().toISOString();
    for (const day of ['2026-12-06', '2026-12-13']) {
      const when = day === '2026-12-13' ? '2026-12-14T05:00:00.000Z' : now;
      const plain = strip(buildPreview(db, when, rule, day, false));
      for (const force of [undefined, 'index', 'scan'] as const) expect(strip(buildPreview(db, when, rule, day, true, force))).toEqual(plain);
      const pa = plain.producers.find((p) => p.producer.id === a!.id)!;
      expect(pa.deductions).toHaveLength(2);
      expect(plain.producers.find((p) => p.producer.id === b!.id)!.entryCount).toBeGreaterThan(0);
    }
    t.close();
  });

  it('names the products of a week whose few products lie far apart by id (read by id, not as a stretch of ids)', () => {
    const t = makeTestCore(); // Monday 2026-11-02: the week ending Sunday 1 Nov has ended
    const db = t.core.db!;
    const sari = seedProducer(db, 'Bu Sari');
    const products = Array.from({ length: 12 }, (_, i) => seedProduct(db, sari, `Produk ${i}`, i === 11 ? 'ikat' : 'pcs'));
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 3000, at: '2026-10-28T03:00:00.000Z', productId: products[0]!, quantity: 1 });
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 5000, at: '2026-10-29T03:00:00.000Z', productId: products[11]!, quantity: 2 });
    writeEntry(db, { producerId: sari, kind: 'shrinkage', amount: 2500, at: '2026-10-30T03:00:00.000Z', productId: products[11]!, quantity: 1 });
    const rule = periodRule(db);
    const now = t.clock.now().toISOString();
    const plain = strip(buildPreview(db, now, rule, '2026-11-01', false));
    for (const force of [undefined, 'index', 'scan'] as const) expect(strip(buildPreview(db, now, rule, '2026-11-01', true, force))).toEqual(plain);
    const items = plain.producers.find((p) => p.producer.id === sari)!;
    expect(items.products.map((p) => [p.productName, p.unit, p.unitsSold])).toEqual([
      ['Produk 0', 'pcs', 1],
      ['Produk 11', 'ikat', 2],
    ]);
    expect(items.shrinkage.map((p) => [p.productName, p.unit, p.units])).toEqual([['Produk 11', 'ikat', 1]]);
    t.close();
  });

  it('keeps apart two producers whose entries name the same product', () => {
    const t = makeTestCore(); // Monday 2026-11-02: the week ending Sunday 1 Nov has ended
    const db = t.core.db!;
    const sari = seedProducer(db, 'Bu Sari');
    const darto = seedProducer(db, 'Pak Darto');
    const egg = seedProduct(db, sari, 'Telur asin', 'butir');
    // the product moved from one producer to the other in the middle of the week: both have sales of it
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 6000, at: '2026-10-28T03:00:00.000Z', productId: egg, quantity: 3 });
    writeEntry(db, { producerId: darto, kind: 'sale', amount: 4000, at: '2026-10-29T03:00:00.000Z', productId: egg, quantity: 2 });
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 2000, at: '2026-10-30T03:00:00.000Z', productId: egg, quantity: 1 });
    writeEntry(db, { producerId: darto, kind: 'shrinkage', amount: 2000, at: '2026-10-30T04:00:00.000Z', productId: egg, quantity: 1 });
    writeEntry(db, { producerId: darto, kind: 'sale', amount: 2000, at: '2026-10-31T03:00:00.000Z', productId: egg, quantity: 1 });
    const rule = periodRule(db);
    const now = t.clock.now().toISOString();
    const plain = strip(buildPreview(db, now, rule, '2026-11-01', false));
    for (const force of [undefined, 'index', 'scan'] as const) expect(strip(buildPreview(db, now, rule, '2026-11-01', true, force))).toEqual(plain);
    const of = (id: number) => plain.producers.find((p) => p.producer.id === id)!;
    expect([of(sari).salesTotal, of(sari).products[0]!.unitsSold, of(sari).entryCount]).toEqual([8000, 4, 2]);
    expect([of(darto).salesTotal, of(darto).products[0]!.unitsSold, of(darto).shrinkageTotal, of(darto).entryCount]).toEqual([6000, 3, 2000, 3]);
    t.close();
  });
});
