import { describe, expect, it } from 'vitest';
import { perDayCenti, rankByCategory, sellThroughBps, type RankedProduct } from '../../shared/domain/insight';

/** A product over a 28-day window, its figures worked out the way the core does. */
function product(productId: number, name: string, category: RankedProduct['category'], delivered: number, sold: number, onHandStart = 0): RankedProduct {
  return {
    productId,
    name,
    producerId: 1,
    producerShortName: 'P',
    category,
    delivered,
    sold,
    onHandStart,
    onHandEnd: onHandStart + delivered - sold,
    perDayCenti: perDayCenti(sold, 28),
    sellThroughBps: sellThroughBps(sold, onHandStart, delivered),
    wasteBps: null,
  };
}

describe('rankByCategory (best sellers and slow movers)', () => {
  // Hand-computed over 28 days: eggs 56 sold → 2.00/day; salted duck 28 → 1.00; tempe 14 of 14 → 0.50 at 100%;
  // tofu 14 of 40 → 0.50 at 35%; chips 70 → 2.50; kelanting 7 → 0.25; crackers nothing delivered, 5 on the shelf, none sold.
  const all = [
    product(1, 'Telur asin', 'perishable', 60, 56),
    product(2, 'Bebek asin', 'perishable', 30, 28),
    product(3, 'Tempe', 'perishable', 14, 14),
    product(4, 'Tahu', 'perishable', 40, 14),
    product(5, 'Keripik', 'keeps', 80, 70),
    product(6, 'Kelanting', 'keeps', 20, 7),
    product(7, 'Kerupuk', 'keeps', 0, 0, 5),
    // Nothing on the shelf all window: not ranked at all (it cannot be "slow").
    product(8, 'Rengginang', 'keeps', 0, 0, 0),
  ];

  it('ranks each category by units a day, then sell-through; the slow list is the slowest first', () => {
    expect(all.map((p) => p.perDayCenti)).toEqual([200, 100, 50, 50, 250, 25, 0, 0]);
    const r = rankByCategory(all, 2);
    expect(r.map((c) => [c.category, c.ranked])).toEqual([
      ['perishable', 4],
      ['keeps', 3],
    ]);
    const names = (list: RankedProduct[]) => list.map((p) => p.name);
    // Tempe and tahu both sell 0.50 a day: tempe's 100% sell-through beats tahu's 35%.
    expect(names(r[0]!.best)).toEqual(['Telur asin', 'Bebek asin']);
    expect(names(r[0]!.slow)).toEqual(['Tahu', 'Tempe']);
    expect(r[0]!.slow.map((p) => p.sellThroughBps)).toEqual([3500, 10_000]);
    expect(names(r[1]!.best)).toEqual(['Keripik', 'Kelanting']);
    // Three ranked, two best: only one left for the slow list, never a best seller twice.
    expect(names(r[1]!.slow)).toEqual(['Kerupuk']);
  });

  it('calls slow what sells least of what it is brought, not what comes in small lots', () => {
    // Over 28 days: tape 280 sold → 10.00/day and sugar 224 → 8.00/day (best); rice 140 of 700 (20%) → 5.00/day;
    // kelanting 28 of 29 (96%) → 1.00/day. By units a day kelanting would be the slowest; by sell-through rice is.
    const r = rankByCategory(
      [product(1, 'Tape', 'keeps', 300, 280), product(4, 'Gula', 'keeps', 250, 224), product(2, 'Beras', 'keeps', 700, 140), product(3, 'Kelanting', 'keeps', 29, 28)],
      3,
    )[0]!;
    expect(r.best.map((p) => p.name)).toEqual(['Tape', 'Gula']);
    expect(r.slow.map((p) => [p.name, p.perDayCenti, p.sellThroughBps])).toEqual([
      ['Beras', 500, 2000],
      ['Kelanting', 100, 9655],
    ]);
    const four = rankByCategory([...all.filter((p) => p.category === 'keeps'), product(9, 'Beras', 'keeps', 700, 140)], 3)[0]!;
    // Keripik 2.50/day, Beras 5.00/day best; the rest by sell-through: Kerupuk (none) before Kelanting (35%).
    expect(four.best.map((p) => p.name)).toEqual(['Beras', 'Keripik']);
    expect(four.slow.map((p) => p.name)).toEqual(['Kerupuk', 'Kelanting']);
  });

  it('leaves an empty category out and never names a product in both lists', () => {
    const r = rankByCategory(all.filter((p) => p.category === 'keeps'), 3);
    expect(r.map((c) => c.category)).toEqual(['keeps']);
    // Three ranked with room for three: the faster half rounded up (two) are best sellers, the third the slow mover.
    expect(r[0]!.best.map((p) => p.name)).toEqual(['Keripik', 'Kelanting']);
    expect(r[0]!.slow.map((p) => p.name)).toEqual(['Kerupuk']);
    // Four perishables, limit 10: two and two, the slowest first.
    const p = rankByCategory(all.filter((x) => x.category === 'perishable'), 10)[0]!;
    expect([p.best.map((x) => x.name), p.slow.map((x) => x.name)]).toEqual([
      ['Telur asin', 'Bebek asin'],
      ['Tahu', 'Tempe'],
    ]);
    for (const limit of [1, 2, 3, 5, 10]) {
      for (const c of rankByCategory(all, limit)) {
        const best = new Set(c.best.map((p) => p.productId));
        expect(c.slow.some((p) => best.has(p.productId))).toBe(false);
        expect(c.best.length).toBeLessThanOrEqual(limit);
        expect(c.slow.length).toBeLessThanOrEqual(limit);
      }
    }
  });
});
