import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, TestClock, type TestCore } from '../helpers/core';
import { balances } from '../../shared/domain/insight';

// The demo store tells a true "what sells" story (issue #17), through setup.complete and the real core:
// Kelanting Original sells out before each delivery (and shows in the reorder list);
// the mika pack of salted eggs mostly expires (returned expired at each delivery).

const cores: TestCore[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

function demoStore(at: string): TestCore {
  const t = makeTestCore({ clock: new TestClock(at) });
  cores.push(t);
  t.ok('setup.complete', { mode: 'demo', storeName: 'UKM Mart KTM Telang' });
  return t;
}

/** Saturday noon and Tuesday 23:00, Jakarta time: the story holds whatever the weekday. */
const CLOCKS = ['2026-11-28T05:00:00.000Z', '2026-12-01T16:00:00.000Z'];

describe('demo store: what sells', () => {
  it.each(CLOCKS)('one product sells out before each delivery, one mostly expires, at %s', (at) => {
    const t = demoStore(at);
    const product = (code: string) => t.ok('products.lookup', { code })!;
    const kelanting = product('401');
    const mika = product('116');

    // Sells out: over eight weeks at least 90% of what was on the shelf sold, and before every delivery after the
    // first the shelf held at most the one unit the history leaves.
    const darmi = t.ok('insight.producer', { producerId: kelanting.producerId, weeks: 8 });
    const k = darmi.products.find((p) => p.productId === kelanting.id)!;
    expect(k.totals.sellThroughBps).toBeGreaterThanOrEqual(9000);
    for (const w of k.weeks) expect(balances(w)).toBe(true);
    const db = t.core.db!;
    const deliveries = db
      .prepare(`SELECT occurred_at FROM stock_movements WHERE product_id = ? AND kind = 'intake' ORDER BY occurred_at`)
      .pluck()
      .all(kelanting.id) as string[];
    expect(deliveries.length).toBeGreaterThanOrEqual(11);
    const stockBefore = db.prepare('SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE product_id = ? AND occurred_at < ?').pluck();
    for (const at of deliveries.slice(1)) expect(stockBefore.get(kelanting.id, at) as number, at).toBeLessThanOrEqual(1);
    // …so it is on the reorder list, the first of Mbah Darmi's, with something to order.
    const reorder = t.ok('insight.reorder', { producerId: kelanting.producerId }).producers[0]!;
    const line = reorder.lines.find((l) => l.productId === kelanting.id);
    expect(line).toBeDefined();
    expect(line!).toMatchObject({ runningLow: true });
    expect(line!.daysOfStockLeft!).toBeLessThan(reorder.intervalDays);
    expect(line!.quantity).toBeGreaterThan(0);
    expect(t.ok('insight.lowStock', {}).lines.some((l) => l.productId === kelanting.id)).toBe(true);

    // Mostly expires: of what was delivered, more than 60% came back expired, less than a quarter of the shelf sold,
    // and more came back expired than sold.
    const slamet = t.ok('insight.producer', { producerId: mika.producerId, weeks: 8 });
    const m = slamet.products.find((p) => p.productId === mika.id)!;
    expect(m.totals.wasteBps!).toBeGreaterThan(6000);
    expect(m.totals.sellThroughBps!).toBeLessThan(2500);
    expect(m.totals.returned.expired).toBeGreaterThan(m.totals.sold);
    for (const w of m.weeks) expect(balances(w)).toBe(true);
    // It is not asked for again in the same amount: it is not running low, and were it, the perishable cap would hold it down.
    expect(t.ok('insight.reorder', { producerId: mika.producerId }).producers[0]!.lines.some((l) => l.productId === mika.id)).toBe(false);

    // Shop-wide, the mika pack is the slowest perishable; Kelanting Original (it keeps) has the highest sell-through of
    // its category, so it is never the slowest there.
    const shop = t.ok('insight.shop', { weeks: 8, limit: 3 });
    const perishable = shop.categories.find((c) => c.category === 'perishable')!;
    const keeps = shop.categories.find((c) => c.category === 'keeps')!;
    expect(perishable.slow[0]!.productId).toBe(mika.id);
    expect(keeps.slow[0]!.productId).not.toBe(kelanting.id);
    const keepsAll = [...keeps.best, ...keeps.slow];
    expect(Math.max(...keepsAll.map((p) => p.sellThroughBps ?? 0))).toBe(keepsAll.find((p) => p.productId === kelanting.id)!.sellThroughBps);
  });
});
