import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { productRowsByProducer, producerHistory, producerRows, shopWindow } from '../../electron/core/insight/load';
import { deliveryIntervalDays, rankByCategory, totalsOf, weekStartOf, weeklyFacts, type RankedProduct } from '../../shared/domain/insight';
import { addDays, toLocalDate } from '../../shared/domain/time';
import { makeProduct } from './catalogue-helpers';
import { addProducer, makeTill, type Till } from './till-fixtures';

// The shop-wide lists (insight.reorder, insight.lowStock, insight.shop) read every producer at once
// (shopWindow); insight.producer and insight.reorder for one producer read that producer week by week
// (producerHistory). The two must agree on every figure.

let till: Till;
afterEach(() => till?.t.close());

/** A seeded store: four producers, seven weeks of deliveries, sales, voids, refunds, returns of every reason, counts. */
function shop() {
  till = makeTill();
  const { t, mgr, db } = till;
  let seed = 17;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
  const producers = [till.producers.eggs, till.producers.chips, addProducer(db, 'Pak Slamet', 'PkSlamet'), addProducer(db, 'Bu Rina', 'BuRina')];
  const goods = producers.flatMap((producerId, i) =>
    [0, 1, 2].map((k) => ({
      producerId,
      product: makeProduct(t, producerId, { name: `Barang ${i}-${k}`, perishable: k !== 1, terms: { retailPrice: 4000 + 500 * k, mode: 'fixed', producerPrice: 3000 } }),
    })),
  );
  // One product that never moves, and one deactivated after it sold.
  const still = makeProduct(t, producers[2]!, { name: 'Tidak pernah laku' });
  const gone = goods[4]!.product;
  for (let day = 0; day < 49; day++) {
    for (const [i, producerId] of producers.entries()) {
      // Producer 3 delivers only in the first weeks (its last delivery is long before the latest intakes).
      if (i === 3 && day > 10) continue;
      if (day % (2 + i) === 0) {
        const lines = goods.filter((g) => g.producerId === producerId && rnd(4) > 0 && !(day > 40 && g.product.id === gone.id)).map((g) => ({ productId: g.product.id, quantity: 5 + rnd(20), ...(g.product.perishable ? { expiryDate: addDays(toLocalDate(t.clock.now(), 'Asia/Jakarta'), 6) } : {}) }));
        if (lines.length) t.ok('intakes.create', { producerId, lines });
      }
    }
    for (let n = 0; n < 6; n++) {
      const g = goods[rnd(goods.length)]!;
      const onHand = (db.prepare('SELECT COALESCE(on_hand, 0) FROM stock_levels WHERE product_id = ?').pluck().get(g.product.id) as number | undefined) ?? 0;
      if (onHand < 3 || (day > 40 && g.product.id === gone.id)) continue;
      const s = till.sale([{ productId: g.product.id, quantity: 1 + rnd(2) }]);
      if (rnd(9) === 0) t.ok('sales.void', { saleId: s.id, reason: 'salah input', approval: mgr });
      else if (rnd(7) === 0) t.ok('sales.refund', { id: randomUUID(), saleId: s.id, lines: [{ saleLineId: s.lines[0]!.id, quantity: 1 }], restock: rnd(2) === 0, reason: 'kembali', approval: mgr });
    }
    if (day % 5 === 4) {
      const g = goods[rnd(goods.length)]!;
      const reason = (['unsold', 'expired', 'damaged'] as const)[rnd(3)]!;
      const onHand = (db.prepare('SELECT COALESCE(on_hand, 0) FROM stock_levels WHERE product_id = ?').pluck().get(g.product.id) as number | undefined) ?? 0;
      if (onHand > 2 && !(day > 40 && g.product.id === gone.id)) t.ok('returns.create', { producerId: g.producerId, lines: [{ productId: g.product.id, quantity: 1 + rnd(2), reason }] });
    }
    if (day % 11 === 10) {
      const lines = goods.slice(0, 5).map((g) => ({ productId: g.product.id, counted: Math.max(0, ((db.prepare('SELECT COALESCE(on_hand, 0) FROM stock_levels WHERE product_id = ?').pluck().get(g.product.id) as number | undefined) ?? 0) - rnd(3) + 1) }));
      t.ok('stockCounts.create', { lines, approval: mgr });
    }
    if (day === 40) db.prepare('UPDATE products SET active = 0 WHERE id = ?').run(gone.id);
    t.clock.advanceDays(1);
  }
  // The last day's rush runs every other product low (the reorder list is not empty).
  for (const [i, g] of goods.entries()) {
    const onHand = (db.prepare('SELECT COALESCE(on_hand, 0) FROM stock_levels WHERE product_id = ?').pluck().get(g.product.id) as number | undefined) ?? 0;
    if (i % 2 === 0 && g.product.id !== gone.id && onHand > 1) till.sale([{ productId: g.product.id, quantity: onHand - 1 }]);
  }
  return { t, db, producers, still };
}

describe('shop-wide insight reads (batched) agree with the per-producer reads', () => {
  it('the window sums, stock before, last deliveries and delivery days of every product, for windows of 4, 8 and 12 weeks', () => {
    const { t, db, still } = shop();
    const today = toLocalDate(t.clock.now(), 'Asia/Jakarta');
    const products = productRowsByProducer(db);
    let compared = 0;
    for (const weeks of [4, 8, 12]) {
      const from = addDays(weekStartOf(today), -7 * (weeks - 1));
      const w = shopWindow(db, from, today, 'Asia/Jakarta', products, true);
      for (const producer of producerRows(db)) {
        const h = producerHistory(db, producer.id, from, 'Asia/Jakarta');
        expect([...(w.deliveryDates.get(producer.id) ?? [])].sort()).toEqual([...new Set(h.deliveryDates)].sort());
        expect(deliveryIntervalDays(w.deliveryDates.get(producer.id) ?? [])).toBe(deliveryIntervalDays(h.deliveryDates));
        for (const p of products.get(producer.id) ?? []) {
          const totals = totalsOf(weeklyFacts(h.events.get(p.id) ?? [], from, today, h.onHandBefore.get(p.id) ?? 0));
          const s = w.sums.get(p.id)!;
          expect({ product: p.name, ...s }).toEqual({
            product: p.name,
            delivered: totals.delivered,
            sold: totals.sold,
            shrinkage: totals.shrinkage,
            returned: totals.returned,
            onHandBefore: totals.onHandStart,
          });
          expect(w.lastDelivered.get(p.id)).toBe(h.lastDelivered.get(p.id));
          compared++;
        }
      }
    }
    expect(compared).toBe(3 * 16); // the fixture's three products, the twelve here, the one that never moves
    // The story holds what the comparison is about: every return reason, counts, voids, refunds, a product never delivered.
    const w12 = shopWindow(db, addDays(weekStartOf(today), -77), today, 'Asia/Jakarta', products, true);
    const sums = [...w12.sums.values()];
    for (const reason of ['unsold', 'expired', 'damaged'] as const) expect(sums.some((x) => x.returned[reason] > 0)).toBe(true);
    expect(sums.some((x) => x.shrinkage !== 0)).toBe(true);
    expect(db.prepare("SELECT COUNT(DISTINCT kind) FROM stock_movements WHERE kind IN ('void', 'refund')").pluck().get()).toBe(2);
    expect(w12.lastDelivered.has(still.id)).toBe(false);
    expect(w12.sums.get(still.id)).toMatchObject({ delivered: 0, sold: 0, onHandBefore: 0 });
  });

  it('insight.reorder for all, insight.lowStock and insight.shop equal what the per-producer methods give', () => {
    const { t, db, producers } = shop();
    const all = t.ok('insight.reorder', {});
    const one = producerRows(db)
      .filter((p) => p.active)
      .map((p) => t.ok('insight.reorder', { producerId: p.id }).producers[0]!)
      .filter((p) => p.lines.length > 0);
    expect(one.length).toBeGreaterThan(1);
    expect(all.producers).toEqual(one);

    const low = t.ok('insight.lowStock', {});
    const expected = one
      .flatMap((r) => r.lines.map((l) => ({ productId: l.productId, producerId: r.producerId, producerShortName: r.shortName, name: l.name, unit: l.unit, onHand: l.onHand, daysOfStockLeft: l.daysOfStockLeft, intervalDays: r.intervalDays, rateCenti: l.rateCenti })))
      .sort((a, b) => (a.daysOfStockLeft ?? 0) - (b.daysOfStockLeft ?? 0) || a.name.localeCompare(b.name) || a.productId - b.productId);
    expect(low.lines).toEqual(expected);

    for (const weeks of [4, 8, 12]) {
      const r = t.ok('insight.shop', { weeks, limit: 3 });
      const ranked: RankedProduct[] = [];
      for (const producer of producerRows(db)) {
        const ins = t.ok('insight.producer', { producerId: producer.id, weeks });
        const active = new Set((productRowsByProducer(db).get(producer.id) ?? []).filter((p) => p.active).map((p) => p.id));
        for (const p of ins.products.filter((x) => active.has(x.productId))) {
          ranked.push({
            productId: p.productId,
            name: p.name,
            producerId: producer.id,
            producerShortName: producer.shortName,
            category: p.perishable ? 'perishable' : 'keeps',
            delivered: p.totals.delivered,
            sold: p.totals.sold,
            onHandStart: p.totals.onHandStart,
            onHandEnd: p.totals.onHandEnd,
            perDayCenti: p.totals.perDayCenti,
            sellThroughBps: p.totals.sellThroughBps,
            wasteBps: p.totals.wasteBps,
          });
        }
      }
      expect(r.categories.length).toBe(2);
      expect(r.categories).toEqual(rankByCategory(ranked, 3));
    }
    expect(producers.length).toBe(4);
  });
});
