import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { balances } from '../../shared/domain/insight';
import { makeProduct } from './catalogue-helpers';
import { makeTill, type Till } from './till-fixtures';

// The clock starts Monday 2026-11-02 09:00 in Asia/Jakarta (02:00 UTC); weeks start on Monday.
let till: Till;
afterEach(() => till?.t.close());

/** Two weeks at Bu Siti's: a perishable lot mostly expires, a non-perishable sells with a refund and a price change. */
function story() {
  till = makeTill();
  const { t, producers, mgr } = till;
  const egg = makeProduct(t, producers.eggs, { name: 'Telur asin rebus', perishable: true, terms: { retailPrice: 4000, mode: 'fixed', producerPrice: 3200 } });
  const cracker = makeProduct(t, producers.eggs, { name: 'Kerupuk telur', unit: 'bungkus', terms: { retailPrice: 5000, mode: 'fixed', producerPrice: 4000 } });
  // Monday 11-02: delivery.
  t.ok('intakes.create', { producerId: producers.eggs, lines: [{ productId: egg.id, quantity: 20, expiryDate: '2026-11-09' }, { productId: cracker.id, quantity: 10 }] });
  // Tuesday: 5 eggs and 4 crackers, one cracker refunded with restock.
  t.clock.advanceDays(1);
  till.sale([{ productId: egg.id, quantity: 5 }]);
  const s = till.sale([{ productId: cracker.id, quantity: 4 }]);
  t.ok('sales.refund', { id: randomUUID(), saleId: s.id, lines: [{ saleLineId: s.lines[0]!.id, quantity: 1 }], restock: true, reason: 'salah beli', approval: mgr });
  // Price change from Wednesday: crackers cost more, units still count the same.
  t.ok('terms.change', { productId: cracker.id, effectiveFrom: '2026-11-04', retailPrice: 6000, mode: 'fixed', producerPrice: 4800, approval: mgr });
  // Thursday: 3 eggs and 2 crackers at the new price.
  t.clock.advanceDays(2);
  till.sale([{ productId: egg.id, quantity: 3 }]);
  const later = till.sale([{ productId: cracker.id, quantity: 2 }]);
  expect(later.lines[0]!.unitPrice).toBe(6000);
  // Tuesday 11-10 (week 2, no delivery): the other 12 eggs go back expired.
  t.clock.set('2026-11-10T03:00:00.000Z');
  t.ok('returns.create', { producerId: producers.eggs, lines: [{ productId: egg.id, quantity: 12, reason: 'expired', expiryDate: '2026-11-09' }] });
  return { t, egg, cracker };
}

describe('insight.producer', () => {
  it('weeks per product match the hand count: expired lot, restocked refund, a week with no delivery, a mid-week price change', () => {
    const { t, egg, cracker } = story();
    t.clock.set('2026-11-11T05:00:00.000Z'); // Wednesday of week 2
    const r = t.ok('insight.producer', { producerId: till.producers.eggs, weeks: 4 });
    expect(r).toMatchObject({ asOf: '2026-11-11', from: '2026-10-19', producer: { producerId: till.producers.eggs } });
    expect(r.products.map((p) => p.name)).toEqual(['Telur asin rebus', 'Kerupuk telur', 'Telur asin']); // 8 sold, 5, then none
    const eggRow = r.products.find((p) => p.productId === egg.id)!;
    const [, , w1, w2] = eggRow.weeks;
    expect(w1).toMatchObject({ weekStart: '2026-11-02', delivered: 20, sold: 8, onHandEnd: 12, sellThroughBps: 4000, wasteBps: 0 });
    expect(w2).toMatchObject({ weekStart: '2026-11-09', days: 3, delivered: 0, sold: 0, returned: { expired: 12 }, onHandStart: 12, onHandEnd: 0, wasteBps: null });
    expect(eggRow.totals).toMatchObject({ delivered: 20, sold: 8, sellThroughBps: 4000, wasteBps: 6000, onHandEnd: 0 });
    const crackerRow = r.products.find((p) => p.productId === cracker.id)!;
    // 4 sold − 1 refunded back to the shelf + 2 at the new price = 5 of 10.
    expect(crackerRow.weeks[2]).toMatchObject({ delivered: 10, sold: 5, onHandEnd: 5, sellThroughBps: 5000 });
    expect(crackerRow.weeks[2]!.soldByWeekday).toEqual([0, 3, 0, 2, 0, 0, 0]);
    // 5 units over 4 weeks of which the last runs 3 days: 24 days → 5 ÷ 24 = 0.208 → 21 hundredths (the same 4 weeks are the
    // current rate's window); 5 on hand last 500 ÷ 21 = 23 days.
    expect(crackerRow.totals).toMatchObject({ days: 24, perDayCenti: 21, recentPerDayCenti: 21, daysOfStockLeft: 23 });
    for (const p of r.products) for (const w of p.weeks) expect(balances(w)).toBe(true);
    // On hand at the end agrees with the stock level.
    expect(crackerRow.totals.onHandEnd).toBe(t.ok('products.get', { id: cracker.id }).onHand);
  });

  it('refuses an unknown producer and a window outside 4–12 weeks', () => {
    till = makeTill();
    expect(till.t.err('insight.producer', { producerId: 999 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(till.t.err('insight.producer', { producerId: till.producers.eggs, weeks: 3 })).toMatchObject({ code: 'VALIDATION', field: 'weeks' });
    expect(till.t.err('insight.producer', { producerId: till.producers.eggs, weeks: 13 })).toMatchObject({ code: 'VALIDATION', field: 'weeks' });
    expect(till.t.ok('insight.producer', { producerId: till.producers.eggs }).from).toBe('2026-09-14'); // default 8 weeks
  });
});

describe('insight.reorder', () => {
  it('suggests the next delivery from the intake interval; a perishable is capped by what sold', () => {
    const { t, egg, cracker } = story();
    // Monday 11-16: a second delivery (interval 14 days), then sales that run both low.
    t.clock.set('2026-11-16T02:00:00.000Z');
    t.ok('intakes.create', { producerId: till.producers.eggs, lines: [{ productId: egg.id, quantity: 10, expiryDate: '2026-11-30' }, { productId: cracker.id, quantity: 4 }] });
    till.sale([{ productId: egg.id, quantity: 8 }, { productId: cracker.id, quantity: 6 }]);
    const list = t.ok('insight.reorder', { producerId: till.producers.eggs });
    const p = list.producers[0]!;
    expect(p).toMatchObject({ producerId: till.producers.eggs, intervalDays: 14, intervalFromHistory: true });
    // The current rate's window: the last 4 ISO weeks, 10-26 … today Monday 11-16 = 22 days; eggs sold 16, crackers 11.
    const eggLine = p.lines.find((l) => l.productId === egg.id)!;
    // 16 ÷ 22 = 0.727 → 73/day; 2 on hand last 200 ÷ 73 = 2 days < 14. Expected ceil(73 × 14 ÷ 100) = 11, safety ceil(2.75) = 3,
    // minus 2 → 12; perishable cap: last delivery 10 × sell-through 16 ÷ (0 + 30) = 5333 bps → 5.
    expect(eggLine).toMatchObject({ onHand: 2, rateCenti: 73, daysOfStockLeft: 2, runningLow: true, expected: 11, safety: 3, perishableCap: 5, quantity: 5 });
    const crackerLine = p.lines.find((l) => l.productId === cracker.id)!;
    // 11 ÷ 22 → 50/day; 3 on hand last 6 days < 14. Expected 7, safety ceil(1.75) = 2, minus 3 → 6; not perishable: no cap.
    expect(crackerLine).toMatchObject({ onHand: 3, rateCenti: 50, daysOfStockLeft: 6, expected: 7, safety: 2, perishableCap: null, quantity: 6 });
    // The store-wide list holds only producers with something running low.
    const all = t.ok('insight.reorder', {});
    expect(all.producers.map((x) => x.producerId)).toEqual([till.producers.eggs]);
  });
});
