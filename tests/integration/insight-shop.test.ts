import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { balances } from '../../shared/domain/insight';
import { makeProduct } from './catalogue-helpers';
import { makeTill, type Till } from './till-fixtures';

// The clock starts Monday 2026-11-02 09:00 in Asia/Jakarta (02:00 UTC); weeks start on Monday.
let till: Till;
afterEach(() => till?.t.close());

/** Bu Siti's two weeks (as in insight.test.ts), then a second delivery on Monday 11-16 and sales that run both products low. */
function story() {
  till = makeTill();
  const { t, producers, mgr } = till;
  const egg = makeProduct(t, producers.eggs, { name: 'Telur asin rebus', perishable: true, terms: { retailPrice: 4000, mode: 'fixed', producerPrice: 3200 } });
  const cracker = makeProduct(t, producers.eggs, { name: 'Kerupuk telur', unit: 'bungkus', terms: { retailPrice: 5000, mode: 'fixed', producerPrice: 4000 } });
  t.ok('intakes.create', { producerId: producers.eggs, lines: [{ productId: egg.id, quantity: 20, expiryDate: '2026-11-09' }, { productId: cracker.id, quantity: 10 }] });
  t.clock.advanceDays(1);
  till.sale([{ productId: egg.id, quantity: 5 }]);
  const s = till.sale([{ productId: cracker.id, quantity: 4 }]);
  t.ok('sales.refund', { id: randomUUID(), saleId: s.id, lines: [{ saleLineId: s.lines[0]!.id, quantity: 1 }], restock: true, reason: 'salah beli', approval: mgr });
  t.clock.advanceDays(2);
  till.sale([{ productId: egg.id, quantity: 3 }]);
  till.sale([{ productId: cracker.id, quantity: 2 }]);
  t.clock.set('2026-11-10T03:00:00.000Z');
  t.ok('returns.create', { producerId: producers.eggs, lines: [{ productId: egg.id, quantity: 12, reason: 'expired', expiryDate: '2026-11-09' }] });
  t.clock.set('2026-11-16T02:00:00.000Z');
  t.ok('intakes.create', { producerId: producers.eggs, lines: [{ productId: egg.id, quantity: 10, expiryDate: '2026-11-30' }, { productId: cracker.id, quantity: 4 }] });
  till.sale([{ productId: egg.id, quantity: 8 }, { productId: cracker.id, quantity: 6 }]);
  return { t, egg, cracker };
}

describe('insight.producer over a statement range', () => {
  it('runs from the Monday of the first date to the last date, not to today', () => {
    const { t, egg } = story();
    const r = t.ok('insight.producer', { producerId: till.producers.eggs, from: '2026-11-04', to: '2026-11-10' });
    expect(r).toMatchObject({ from: '2026-11-02', asOf: '2026-11-10' });
    const eggRow = r.products.find((p) => p.productId === egg.id)!;
    expect(eggRow.weeks.map((w) => w.weekStart)).toEqual(['2026-11-02', '2026-11-09']);
    // Week 1: 20 delivered, 8 sold; week 2 (Mon–Tue only): the 12 left go back expired. Monday 11-16's delivery is after the range.
    expect(eggRow.weeks[1]).toMatchObject({ days: 2, delivered: 0, sold: 0, returned: { expired: 12 }, onHandEnd: 0 });
    expect(eggRow.totals).toMatchObject({ delivered: 20, sold: 8, sellThroughBps: 4000, wasteBps: 6000 });
    for (const w of eggRow.weeks) expect(balances(w)).toBe(true);
    // Without an end date the range runs to today: the third week holds the second delivery.
    const open = t.ok('insight.producer', { producerId: till.producers.eggs, from: '2026-11-02' });
    expect(open.products.find((p) => p.productId === egg.id)!.weeks.map((w) => [w.weekStart, w.delivered, w.sold])).toEqual([
      ['2026-11-02', 20, 8],
      ['2026-11-09', 0, 0],
      ['2026-11-16', 10, 8],
    ]);
  });

  it('refuses an end without a start, an end before the start, and more than 270 weeks', () => {
    const { t } = story();
    const producerId = till.producers.eggs;
    expect(t.err('insight.producer', { producerId, to: '2026-11-10' })).toMatchObject({ code: 'VALIDATION', field: 'from' });
    expect(t.err('insight.producer', { producerId, from: '2026-11-10', to: '2026-11-01' })).toMatchObject({ code: 'VALIDATION', field: 'to' });
    const long = t.err('insight.producer', { producerId, from: '2021-01-01', to: '2026-11-10' });
    expect(long).toMatchObject({ code: 'VALIDATION', field: 'from' });
    expect(long.message).toContain('270');
  });
});

describe('insight.shop', () => {
  it('ranks per category by units a day over the weeks asked; products with no stock are not ranked', () => {
    const { t } = story();
    // 4 weeks: Monday 10-26 to Monday 11-16 = 22 days. Eggs: 16 sold → 16 ÷ 22 = 0.727 → 73/day, 16 of 30 = 5333 bps, waste 12 of 30 = 4000.
    // Crackers: 11 sold (4 − 1 + 2 + 6) → 50/day, 11 of 14 = 7857 bps. The fixture's own products had no stock: not ranked.
    const r = t.ok('insight.shop', { weeks: 4 });
    expect(r).toMatchObject({ asOf: '2026-11-16', from: '2026-10-26', weeks: 4 });
    expect(r.categories.map((c) => [c.category, c.ranked, c.best.map((p) => p.name), c.slow.map((p) => p.name)])).toEqual([
      ['perishable', 1, ['Telur asin rebus'], []],
      ['keeps', 1, ['Kerupuk telur'], []],
    ]);
    expect(r.categories[0]!.best[0]).toMatchObject({ sold: 16, delivered: 30, perDayCenti: 73, sellThroughBps: 5333, wasteBps: 4000, producerShortName: 'BuSiti' });
    expect(r.categories[1]!.best[0]).toMatchObject({ sold: 11, delivered: 14, perDayCenti: 50, sellThroughBps: 7857 });
    expect(t.err('insight.shop', { weeks: 2 })).toMatchObject({ code: 'VALIDATION', field: 'weeks' });
    expect(t.err('insight.shop', { limit: 0 })).toMatchObject({ code: 'VALIDATION', field: 'limit' });
  });
});

describe('insight.lowStock', () => {
  it('lists what the reorder list calls running low, for a cashier too, and changes nothing', () => {
    const { t, egg, cracker } = story();
    const before = till.count('stock_movements');
    // makeTill calls a staff method as the cashier at the till.
    const low = t.ok('insight.lowStock', {});
    expect(low.lines.map((l) => [l.productId, l.onHand, l.daysOfStockLeft, l.intervalDays, l.producerShortName])).toEqual([
      [egg.id, 2, 2, 14, 'BuSiti'],
      [cracker.id, 3, 6, 14, 'BuSiti'],
    ]);
    const reorder = t.ok('insight.reorder', {}).producers.flatMap((p) => p.lines.map((l) => l.productId));
    expect(low.lines.map((l) => l.productId).sort()).toEqual(reorder.sort());
    expect(till.count('stock_movements')).toBe(before);
    // The cashier still sells a low product: nothing blocks the till.
    expect(till.sale([{ productId: cracker.id, quantity: 1 }]).lines[0]!.quantity).toBe(1);
    // Signed out, nobody may read it.
    expect(t.nobody.err('insight.lowStock', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
