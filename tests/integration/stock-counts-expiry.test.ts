import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/core';
import { shareAtRetail } from '../../shared/domain/terms';
import { lotsOnShelf } from '../../shared/domain/stockLots';
import { makeProducer, makeProduct, onHandOf, refused } from './catalogue-helpers';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore();
});
afterEach(() => {
  // Whatever the test did, every stock level still equals the sum of its product's movements.
  expect(t.ok('stock.verify', {})).toMatchObject({ ok: true, mismatches: [] });
  t.close();
});

const ledger = () =>
  t.core.db!.prepare('SELECT producer_id, kind, amount, product_id, quantity, ref_type, created_by FROM ledger_entries ORDER BY id').all() as {
    producer_id: number;
    kind: string;
    amount: number;
    product_id: number;
    quantity: number;
    ref_type: string;
    created_by: number;
  }[];

describe('stock counts', () => {
  it('records expected vs counted, adjusts stock, and credits shrinkage at current terms', () => {
    const p = makeProducer(t);
    const q = makeProducer(t, 'Keripik Pisang Mekar Sari');
    const egg = makeProduct(t, p.id, { shortCode: '101' }); // fixed 3200 of 4000
    const chip = makeProduct(t, q.id, { name: 'Keripik Pisang', shortCode: '301', terms: { retailPrice: 12000, mode: 'percent', commissionBps: 1500 } });
    const other = makeProduct(t, q.id, { name: 'Sale Pisang', shortCode: '303' });
    t.ok('intakes.create', { producerId: p.id, lines: [{ productId: egg.id, quantity: 30 }] });
    t.ok('intakes.create', { producerId: q.id, lines: [{ productId: chip.id, quantity: 20 }, { productId: other.id, quantity: 4 }] });
    // Terms changed today for the egg: shrinkage uses the terms in effect now.
    const m = t.manager();
    t.ok('terms.change', { productId: egg.id, effectiveFrom: '2026-11-02', retailPrice: 4500, mode: 'fixed', producerPrice: 3500, approval: m });
    t.clock.advanceDays(1);
    const count = t.ok('stockCounts.create', {
      lines: [
        { productId: egg.id, counted: 27, reason: 'pecah' },
        { productId: chip.id, counted: 19 },
        { productId: other.id, counted: 6, reason: 'salah hitung' },
      ],
      approval: m,
      notes: 'Opname bulanan',
    });
    expect(count.number).toBe('SO-000001');
    expect(count.shrinkageBornBy).toBe('shop');
    const byProduct = new Map(count.lines.map((l) => [l.productId, l]));
    expect(byProduct.get(egg.id)).toMatchObject({ expected: 30, counted: 27, difference: -3, reason: 'pecah', shrinkageAmount: 3 * 3500 });
    const chipShare = shareAtRetail({ retailPrice: 12000, mode: 'percent', commissionBps: 1500, producerPrice: null }, 1);
    expect(chipShare).toBe(10200);
    expect(byProduct.get(chip.id)).toMatchObject({ expected: 20, counted: 19, difference: -1, shrinkageAmount: chipShare });
    expect(byProduct.get(other.id)).toMatchObject({ expected: 4, counted: 6, difference: 2, shrinkageAmount: 0 });
    expect(count).toMatchObject({ totalShortfallUnits: 4, totalSurplusUnits: 2, totalShrinkage: 10500 + 10200 });
    expect([onHandOf(t, egg.id), onHandOf(t, chip.id), onHandOf(t, other.id)]).toEqual([27, 19, 6]);
    expect(ledger()).toEqual([
      { producer_id: p.id, kind: 'shrinkage', amount: 10500, product_id: egg.id, quantity: 3, ref_type: 'count_line', created_by: m.staffId },
      { producer_id: q.id, kind: 'shrinkage', amount: 10200, product_id: chip.id, quantity: 1, ref_type: 'count_line', created_by: m.staffId },
    ]);
    const verify = t.ok('ledger.verify', {});
    expect(verify.ok).toBe(true);
    expect(verify.entriesChecked).toBe(2);
    expect(t.ok('stockCounts.get', { id: count.id })).toEqual(count);
    expect(t.ok('stockCounts.list', {}).rows).toEqual([
      { id: count.id, number: 'SO-000001', countedAt: count.countedAt, lineCount: 3, differences: 3, totalShrinkage: 20700 },
    ]);
    const movements = t.ok('stock.movements', { productId: other.id }).rows;
    expect(movements.at(-1)).toMatchObject({ kind: 'count', quantity: 2, balance: 6 });
    const audit = t.core.db!.prepare("SELECT actor_id FROM audit_log WHERE action = 'stockCount.create'").all() as { actor_id: number }[];
    expect(audit).toEqual([{ actor_id: m.staffId }]);
    // A second count with no differences writes no movement and no ledger entry.
    const again = t.ok('stockCounts.create', { lines: [{ productId: egg.id, counted: 27 }], approval: m });
    expect(again.number).toBe('SO-000002');
    expect(again.lines[0]!.difference).toBe(0);
    expect(ledger()).toHaveLength(2);
    expect(t.ok('ledger.verify', {}).ok).toBe(true);
  });

  it('credits nothing when the store setting says the producer bears the shortfall', () => {
    const p = makeProducer(t);
    const egg = makeProduct(t, p.id, { shortCode: '101' });
    t.ok('intakes.create', { producerId: p.id, lines: [{ productId: egg.id, quantity: 10 }] });
    t.ok('settings.update', { shrinkageBornBy: 'producer', approval: t.manager() });
    const count = t.ok('stockCounts.create', { lines: [{ productId: egg.id, counted: 7 }], approval: t.manager() });
    expect(count.shrinkageBornBy).toBe('producer');
    expect(count.lines[0]).toMatchObject({ difference: -3, shrinkageAmount: 0 });
    expect(onHandOf(t, egg.id)).toBe(7);
    expect(ledger()).toEqual([]);
  });

  it('needs a manager and sane lines; a refusal changes nothing', () => {
    const p = makeProducer(t);
    const egg = makeProduct(t, p.id, { shortCode: '101' });
    t.ok('intakes.create', { producerId: p.id, lines: [{ productId: egg.id, quantity: 10 }] });
    const line = { productId: egg.id, counted: 8 };
    refused(t, 'stockCounts.create', { lines: [line], approval: t.cashier() }, 'FORBIDDEN', /pengelola/);
    refused(t, 'stockCounts.create', { lines: [line] }, 'VALIDATION');
    refused(t, 'stockCounts.create', { lines: [{ productId: egg.id, counted: -1 }], approval: t.manager() }, 'VALIDATION', /negatif/);
    refused(t, 'stockCounts.create', { lines: [{ productId: egg.id, counted: 2.5 }], approval: t.manager() }, 'VALIDATION', /bulat/);
    refused(t, 'stockCounts.create', { lines: [line, line], approval: t.manager() }, 'VALIDATION', /dua kali/);
    refused(t, 'stockCounts.create', { lines: [{ productId: 404, counted: 1 }], approval: t.manager() }, 'NOT_FOUND');
    refused(t, 'stockCounts.create', { lines: [], approval: t.manager() }, 'VALIDATION');
  });
});

describe('expiry lists', () => {
  it('consumes stock earliest-expiring first among the lots on the shelf at the time (pure rule)', () => {
    const lot = (id: number, quantity: number, expiryDate: string | null) => ({ kind: 'delivered' as const, lot: { id, quantity, expiryDate } });
    const left = (quantity: number) => ({ kind: 'left' as const, quantity });
    const back = (quantity: number) => ({ kind: 'back' as const, quantity });
    const all = [lot(1, 10, '2026-11-05'), lot(2, 10, '2026-11-10'), lot(3, 5, null)];
    expect([...lotsOnShelf([...all, left(13)])]).toEqual([[1, 0], [2, 7], [3, 5]]);
    expect([...lotsOnShelf([...all, left(23)])]).toEqual([[1, 0], [2, 0], [3, 2]]);
    // sold beyond the record: the next delivery covers those units first
    expect([...lotsOnShelf([lot(1, 4, '2026-11-05'), left(6), lot(2, 10, '2026-11-10')])]).toEqual([[1, 0], [2, 8]]);
    // a unit coming back returns to the lot it left from
    expect([...lotsOnShelf([...all, left(12), back(3)])]).toEqual([[1, 1], [2, 10], [3, 5]]);
    // a later delivery that expires sooner leaves first, but never took the units sold before it came
    expect([...lotsOnShelf([lot(1, 10, '2026-11-20'), left(4), lot(2, 5, '2026-11-08'), left(6)])]).toEqual([[1, 5], [2, 0]]);
  });

  it('lists expired and expiring-soon batches per producer; a sold-out expired batch no longer shows', () => {
    const p = makeProducer(t);
    const q = makeProducer(t, 'Keripik Singkong Sri Rejeki');
    const egg = makeProduct(t, p.id, { shortCode: '101', perishable: true });
    const chip = makeProduct(t, q.id, { name: 'Balado', shortCode: '201', perishable: true });
    const plain = makeProduct(t, q.id, { name: 'Kelanting', shortCode: '401' });
    t.ok('intakes.create', { producerId: p.id, lines: [{ productId: egg.id, quantity: 10, expiryDate: '2026-11-04' }] }); // TT-000001
    t.ok('intakes.create', { producerId: q.id, lines: [{ productId: chip.id, quantity: 8, expiryDate: '2026-12-30' }, { productId: plain.id, quantity: 5 }] });
    t.clock.advanceDays(2); // 2026-11-04
    t.ok('intakes.create', { producerId: p.id, lines: [{ productId: egg.id, quantity: 10, expiryDate: '2026-11-09' }] }); // TT-000003
    t.clock.advanceDays(2); // 2026-11-06: the first egg batch has expired, the second expires in 3 days
    let report = t.ok('expiry.list', {});
    expect(report.today).toBe('2026-11-06');
    expect(report.withinDays).toBe(3);
    expect(report.producers).toHaveLength(1);
    const group = report.producers[0]!;
    expect(group.producerId).toBe(p.id);
    expect(group.expired.map((b) => [b.intakeNumber, b.expiryDate, b.remaining, b.daysLeft])).toEqual([['TT-000001', '2026-11-04', 10, -2]]);
    expect(group.expiringSoon.map((b) => [b.intakeNumber, b.expiryDate, b.remaining, b.daysLeft])).toEqual([['TT-000003', '2026-11-09', 10, 3]]);
    expect(t.ok('expiry.list', { withinDays: 2 }).producers[0]!.expiringSoon).toEqual([]);

    // Twelve eggs leave the shelf (returned): the expired batch is used up first and no longer shows.
    t.ok('returns.create', { producerId: p.id, lines: [{ productId: egg.id, quantity: 12, reason: 'expired' }] });
    report = t.ok('expiry.list', {});
    expect(report.producers[0]!.expired).toEqual([]);
    expect(report.producers[0]!.expiringSoon.map((b) => b.remaining)).toEqual([8]);
    // A wider window brings in the chips, grouped under their producer.
    const wide = t.ok('expiry.list', { withinDays: 60 });
    expect(wide.producers.map((g) => [g.producerName, g.expiringSoon.length])).toEqual([
      ['Keripik Singkong Sri Rejeki', 1],
      ['Telur Asin Bu Siti', 1],
    ]);
    // The setting changes the default window.
    t.ok('settings.update', { expiringSoonDays: 0 });
    expect(t.ok('expiry.list', {}).producers).toEqual([]);
  });
});
