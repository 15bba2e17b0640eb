import { describe, expect, it } from 'vitest';
import {
  balances,
  daysOfStockLeft,
  deliveryIntervalDays,
  perDayCenti,
  reorderSuggestion,
  sellThroughBps,
  totalsOf,
  weekStartOf,
  weeklyFacts,
  type InsightEvent,
} from '../../shared/domain/insight';
import { addDays } from '../../shared/domain/time';

// Weeks start on Monday 2026-11-02 and Monday 2026-11-09.
describe('what sells: hand-computed weeks', () => {
  it('a lot that expires unsold: sold 8 of 20, the other 12 come back expired in a week with no delivery', () => {
    const events: InsightEvent[] = [
      { date: '2026-11-02', kind: 'delivered', quantity: 20 },
      { date: '2026-11-03', kind: 'sold', quantity: 5 }, // Tuesday
      { date: '2026-11-05', kind: 'sold', quantity: 3 }, // Thursday
      { date: '2026-11-10', kind: 'returned', quantity: 12, reason: 'expired' },
    ];
    const [w1, w2] = weeklyFacts(events, '2026-11-02', '2026-11-15', 0);
    expect(w1).toMatchObject({ weekStart: '2026-11-02', days: 7, delivered: 20, sold: 8, onHandStart: 0, onHandEnd: 12, sellThroughBps: 4000, wasteBps: 0 });
    expect(w1!.soldByWeekday).toEqual([0, 5, 0, 3, 0, 0, 0]);
    // Week 2 has no delivery: waste has no base (null), 0 of 12 on hand sold.
    expect(w2).toMatchObject({ delivered: 0, sold: 0, returned: { unsold: 0, expired: 12, damaged: 0 }, onHandStart: 12, onHandEnd: 0, sellThroughBps: 0, wasteBps: null });
    const t = totalsOf([w1!, w2!]);
    // 8 sold of 0 + 20 available = 40.00%; 12 expired of 20 delivered = 60.00%.
    expect(t).toMatchObject({ days: 14, delivered: 20, sold: 8, sellThroughBps: 4000, wasteBps: 6000, onHandEnd: 0, daysOfStockLeft: 0 });
    // 8 units ÷ 14 days = 0.5714… a day → 57 hundredths (half up).
    expect(t.perDayCenti).toBe(57);
    // Tuesdays: 5 over 2 Tuesdays = 2.50; Thursdays: 3 over 2 = 1.50.
    expect(t.perWeekdayCenti).toEqual([0, 250, 0, 150, 0, 0, 0]);
    expect(balances(w1!) && balances(w2!) && balances(t)).toBe(true);
  });

  it('a refund with restock puts the unit back: sold 4, refunded 1 → sold 3; a count finds 1 short', () => {
    const events: InsightEvent[] = [
      { date: '2026-11-02', kind: 'delivered', quantity: 10 },
      { date: '2026-11-04', kind: 'sold', quantity: 4 },
      { date: '2026-11-05', kind: 'sold', quantity: -1 },
      { date: '2026-11-06', kind: 'shrinkage', quantity: 1 },
    ];
    const [w] = weeklyFacts(events, '2026-11-02', '2026-11-08', 0);
    expect(w).toMatchObject({ delivered: 10, sold: 3, shrinkage: 1, onHandEnd: 6, sellThroughBps: 3000 });
    expect(w!.soldByWeekday).toEqual([0, 0, 4, -1, 0, 0, 0]);
    expect(balances(w!)).toBe(true);
  });

  it('a week with no delivery sells from the stock carried in; the running week counts only its days so far', () => {
    const events: InsightEvent[] = [
      { date: '2026-11-03', kind: 'sold', quantity: 2 },
      { date: '2026-11-10', kind: 'sold', quantity: 1 },
      { date: '2026-11-20', kind: 'sold', quantity: 9 }, // after today: ignored
    ];
    const [w1, w2] = weeklyFacts(events, '2026-11-02', '2026-11-11', 5);
    expect(w1).toMatchObject({ onHandStart: 5, sold: 2, sellThroughBps: 4000, wasteBps: null, onHandEnd: 3 });
    expect(w2).toMatchObject({ days: 3, sold: 1, onHandEnd: 2, sellThroughBps: 3333 }); // 1 of 3, rounded down
    const t = totalsOf([w1!, w2!]);
    // 3 sold in 10 days = 30 hundredths a day; 2 on hand lasts 200 ÷ 30 = 6.67 → 6 days (down).
    expect(t).toMatchObject({ days: 10, perDayCenti: 30, recentPerDayCenti: 30, daysOfStockLeft: 6 });
    // Both sales fell on a Tuesday (11-03 and 11-10): 3 over the window's 2 Tuesdays = 1.50 a Tuesday.
    expect(t.perWeekdayCenti).toEqual([0, 150, 0, 0, 0, 0, 0]);
  });

  it('days of stock left use the last four weeks, not the whole window', () => {
    // Six weeks: 14 sold a week in weeks 1–2, then 7 a week; 10 on hand at the end.
    const events: InsightEvent[] = [{ date: '2026-09-07', kind: 'delivered', quantity: 80 }];
    [14, 14, 7, 7, 7, 7].forEach((q, w) => events.push({ date: addDays('2026-09-07', 7 * w + 2), kind: 'sold', quantity: q }));
    const t = totalsOf(weeklyFacts(events, '2026-09-07', '2026-10-18', 0));
    // Whole window: 56 ÷ 42 days = 133; last four weeks: 28 ÷ 28 = 100 → 24 on hand last 24 days.
    expect(t).toMatchObject({ sold: 56, onHandEnd: 24, perDayCenti: 133, recentPerDayCenti: 100, daysOfStockLeft: 24 });
  });

  it('small rules: week start, rounding, no stock, no sales', () => {
    expect(weekStartOf('2026-11-08')).toBe('2026-11-02'); // Sunday → its Monday
    expect(weekStartOf('2026-11-09')).toBe('2026-11-09');
    expect(sellThroughBps(2, 0, 3)).toBe(6666);
    expect(sellThroughBps(0, 0, 0)).toBeNull();
    expect(sellThroughBps(7, -2, 5)).toBe(10000); // sold more than booked in: capped at 100%
    expect(perDayCenti(1, 3)).toBe(33);
    expect(perDayCenti(2, 3)).toBe(67);
    expect(daysOfStockLeft(10, 0)).toBeNull();
  });
});

describe('asking for the next delivery', () => {
  it('delivery interval is the median gap between distinct delivery days', () => {
    expect(deliveryIntervalDays(['2026-11-26', '2026-11-02', '2026-11-09', '2026-11-09', '2026-11-16'])).toBe(7); // gaps 7, 7, 10
    expect(deliveryIntervalDays(['2026-11-02', '2026-11-05', '2026-11-12'])).toBe(3); // gaps 3, 7: lower middle
    expect(deliveryIntervalDays(['2026-11-02'])).toBeNull();
  });

  it('running low: expected sales until the next delivery + 25% safety − on hand', () => {
    // 2 a day, weekly delivery: expected 14, safety ceil(3.5) = 4, on hand 3 → 15; 3 units last 1 day < 7.
    const s = reorderSuggestion({ onHand: 3, rateCenti: 200, intervalDays: 7, perishable: false, recentSellThroughBps: 5000, lastDelivered: 20 });
    expect(s).toEqual({ daysOfStockLeft: 1, runningLow: true, expected: 14, safety: 4, perishableCap: null, quantity: 15 });
  });

  it('a perishable never gets more than its last delivery × recent sell-through', () => {
    // Same demand, but only 40% of the last 20 sold: cap 8.
    const s = reorderSuggestion({ onHand: 3, rateCenti: 200, intervalDays: 7, perishable: true, recentSellThroughBps: 4000, lastDelivered: 20 });
    expect(s).toMatchObject({ perishableCap: 8, quantity: 8, runningLow: true });
  });

  it('enough on hand: not running low and nothing to ask for; nothing sells: not low either', () => {
    expect(reorderSuggestion({ onHand: 30, rateCenti: 200, intervalDays: 7, perishable: false, recentSellThroughBps: 5000, lastDelivered: 20 })).toMatchObject({
      daysOfStockLeft: 15,
      runningLow: false,
      quantity: 0,
    });
    expect(reorderSuggestion({ onHand: 0, rateCenti: 0, intervalDays: 7, perishable: false, recentSellThroughBps: null, lastDelivered: 0 })).toMatchObject({
      runningLow: false,
      quantity: 0,
    });
  });
});

/** mulberry32: a small seeded PRNG, so failures reproduce. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('what sells: properties over random histories', () => {
  it('sell-through stays within 0–100% and every week and the totals balance', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = prng(seed);
      const int = (n: number) => Math.floor(rand() * n);
      const events: InsightEvent[] = [];
      let onHand = int(10);
      const start = onHand;
      for (let day = 0; day < 56; day++) {
        const date = addDays('2026-09-07', day);
        if (rand() < 0.2) {
          const q = 1 + int(30);
          events.push({ date, kind: 'delivered', quantity: q });
          onHand += q;
        }
        const sold = Math.max(0, Math.min(onHand, int(6)));
        if (sold > 0) events.push({ date, kind: 'sold', quantity: sold });
        onHand -= sold;
        if (rand() < 0.05) {
          events.push({ date, kind: 'sold', quantity: -1 }); // restocked refund
          onHand += 1;
        }
        if (onHand > 0 && rand() < 0.08) {
          const q = 1 + int(onHand);
          events.push({ date, kind: 'returned', quantity: q, reason: (['unsold', 'expired', 'damaged'] as const)[int(3)]! });
          onHand -= q;
        }
        if (rand() < 0.04) {
          const q = int(5) - 2;
          if (q !== 0) {
            events.push({ date, kind: 'shrinkage', quantity: q });
            onHand -= q;
          }
        }
      }
      const weeks = weeklyFacts(events, '2026-09-07', addDays('2026-09-07', 55), start);
      expect(weeks).toHaveLength(8);
      for (const w of weeks) {
        expect(balances(w)).toBe(true);
        if (w.sellThroughBps !== null) {
          expect(w.sellThroughBps).toBeGreaterThanOrEqual(0);
          expect(w.sellThroughBps).toBeLessThanOrEqual(10_000);
        }
      }
      const t = totalsOf(weeks);
      expect(balances(t)).toBe(true);
      expect(t.onHandEnd).toBe(onHand);
      if (t.sellThroughBps !== null) expect(t.sellThroughBps).toBeLessThanOrEqual(10_000);
    }
  });
});
