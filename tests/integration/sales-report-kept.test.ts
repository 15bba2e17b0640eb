/**
 * Issue 14 item 3: the sales report reads the kept daily sums (sales_days,
 * sales_day_payments), not the lines. Its every figure must stay what the
 * lines say: here the whole report (totals, per product, per producer, per
 * day, per payment method) is worked out again in TypeScript straight from
 * the sales, lines, voids and refunds — the local day taken with Intl, not
 * with the store's SQL modifier — over every range of a fortnight with sales
 * near midnight, voids, and refunds days after their sale (restocked or not,
 * by another method), and compared figure by figure.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTill, type Till } from './till-fixtures';
import { expectSame, fromLines } from './sales-report-lines';

let till: Till | null = null;
afterEach(() => {
  till?.t.close();
  till = null;
});

describe('the sales report from the kept days equals the report from the lines', () => {
  it('over every range of a fortnight with voids and refunds days after their sales', () => {
    till = makeTill(); // Mon 2 Nov 2026 09:00 Jakarta
    const tl = till;
    const { t, products, mgr } = tl;
    const made: ReturnType<Till['sale']>[] = [];
    const methods = [{ method: 'qris' as const }, { method: 'transfer' as const, reference: 'TRF' }];
    for (let day = 0; day < 14; day++) {
      // Morning, afternoon, and 23:40 local (16:40 UTC: still the same local day) and 00:20 local the next day (17:20 UTC).
      for (const [hourUtc, minute] of [[1, 5], [8, 30], [16, 40], [17, 20]] as const) {
        t.clock.set(new Date(Date.UTC(2026, 10, 2 + day, hourUtc, minute)));
        const i = made.length;
        made.push(
          tl.sale(
            [
              { productId: products.egg, quantity: 1 + (i % 4) },
              ...(i % 3 ? [{ productId: products.chips, quantity: 1 + (i % 2), discount: i % 5 === 0 ? 700 : 0 }] : []),
              ...(i % 4 === 1 ? [{ productId: products.cake, quantity: 3 }] : []),
            ],
            i % 3 === 2 ? { payment: { ...methods[i % 2]!, ...(i % 2 ? { reference: `TRF${i}` } : {}) } } : {},
          ),
        );
        // Every seventh sale is voided at once (wrong till entry), and some a day later: a void counts on its sale's day.
        if (i % 7 === 3) t.ok('sales.void', { saleId: made[i]!.id, reason: 'salah input', approval: mgr });
        if (i % 7 === 5 && i >= 4) t.ok('sales.void', { saleId: made[i - 4]!.id, reason: 'salah input kemarin', approval: mgr });
        // Refunds of a sale two to five days earlier, some restocked, by a method of their own.
        if (i % 6 === 0 && i >= 12) {
          const old = made[i - 8 - (i % 4) * 2]!;
          if (!tl.db.prepare('SELECT 1 FROM sale_voids WHERE sale_id = ?').get(old.id)) {
            const line = old.lines[old.lines.length - 1]!;
            t.ok('sales.refund', {
              id: randomUUID(),
              saleId: old.id,
              lines: [{ saleLineId: line.id, quantity: 1 }],
              restock: i % 12 === 0,
              method: i % 12 === 0 ? 'cash' : 'qris',
              reason: 'rusak',
              approval: mgr,
            });
          }
        }
      }
    }
    expect(tl.count('sale_voids')).toBeGreaterThan(5);
    expect(tl.count('refunds')).toBeGreaterThan(4);
    // A refund whose sale's day is out of the range, and a voided sale's day: both are in some ranges below.
    const days = Array.from({ length: 15 }, (_, d) => new Date(Date.UTC(2026, 10, 2 + d)).toISOString().slice(0, 10));
    let compared = 0;
    for (let a = 0; a < days.length; a++) {
      for (let b = a; b < days.length; b += 3) {
        const report = t.ok('reports.sales', { from: days[a]!, to: days[b]! });
        expectSame(report, fromLines(tl, days[a]!, days[b]!), `${days[a]} – ${days[b]}`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
    // The whole fortnight holds real figures of every kind (the comparison above is not of zeros).
    const whole = t.ok('reports.sales', { from: days[0]!, to: days[14]! });
    expect(whole.totals.voids).toBeGreaterThan(0);
    expect(whole.totals.refunds).toBeGreaterThan(0);
    expect(whole.totals.discounts).toBeGreaterThan(0);
    expect(whole.periods.length).toBe(15);
    expect(t.ok('reports.verifyDaily', {})).toMatchObject({ ok: true, problems: [] });
    // The kept days are what the report reads: a kept row changed behind the triggers' back changes the report, and the comparison sees it.
    const kept = tl.db.prepare('SELECT day, product_id FROM sales_days WHERE refund_net > 0 ORDER BY day DESC LIMIT 1').get() as { day: string; product_id: number };
    tl.db.prepare('UPDATE sales_days SET refund_net = refund_net + 1 WHERE day = ? AND product_id = ?').run(kept.day, kept.product_id);
    expect(() => expectSame(t.ok('reports.sales', { from: days[0]!, to: days[14]! }), fromLines(tl, days[0]!, days[14]!), 'tampered')).toThrow();
  }, 60_000);
});
