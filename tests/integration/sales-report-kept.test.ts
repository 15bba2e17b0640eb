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
import type { SalesFigures, SalesReport } from '../../shared/contract/till';
import { makeTill, type Till } from './till-fixtures';

let till: Till | null = null;
afterEach(() => {
  till?.t.close();
  till = null;
});

const TZ = 'Asia/Jakarta';
const localDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: TZ });
const zero = (): SalesFigures => ({ units: 0, gross: 0, discounts: 0, refunds: 0, net: 0, voids: 0, producerShare: 0, commission: 0 });

interface LineRow { saleId: number; createdAt: string; method: string; total: number; voided: number; lineId: number; productId: number; producerId: number; quantity: number; unitPrice: number; discount: number; lineTotal: number; share: number }
interface RefundRow { refundId: number; refundedAt: string; method: string; amount: number; productId: number; producerId: number; quantity: number; lineAmount: number; share: number }

/** The report as the lines say it is, for local days from..to (inclusive). */
function fromLines(tl: Till, from: string, to: string) {
  const lines = tl.db
    .prepare(
      `SELECT s.id AS saleId, s.created_at AS createdAt, s.payment_method AS method, s.total, (v.sale_id IS NOT NULL) AS voided,
              l.id AS lineId, l.product_id AS productId, l.producer_id AS producerId, l.quantity, l.unit_price AS unitPrice, l.discount,
              l.line_total AS lineTotal, l.producer_share AS share
         FROM sales s JOIN sale_lines l ON l.sale_id = s.id LEFT JOIN sale_voids v ON v.sale_id = s.id`,
    )
    .all() as LineRow[];
  const refunds = tl.db
    .prepare(
      `SELECT r.id AS refundId, r.refunded_at AS refundedAt, r.method, r.amount, l.product_id AS productId, l.producer_id AS producerId,
              rl.quantity, rl.amount AS lineAmount, rl.producer_share AS share
         FROM refunds r JOIN refund_lines rl ON rl.refund_id = r.id JOIN sale_lines l ON l.id = rl.sale_line_id`,
    )
    .all() as RefundRow[];
  const inRange = (iso: string) => localDay(iso) >= from && localDay(iso) <= to;
  const totals = zero();
  const byProduct = new Map<number, SalesFigures>();
  const byProducer = new Map<number, SalesFigures>();
  const byDay = new Map<string, SalesFigures>();
  const add = (key: { productId: number; producerId: number; day: string }, f: Partial<SalesFigures>) => {
    for (const target of [
      totals,
      byProduct.get(key.productId) ?? byProduct.set(key.productId, zero()).get(key.productId)!,
      byProducer.get(key.producerId) ?? byProducer.set(key.producerId, zero()).get(key.producerId)!,
      byDay.get(key.day) ?? byDay.set(key.day, zero()).get(key.day)!,
    ]) {
      for (const [k, v] of Object.entries(f) as [keyof SalesFigures, number][]) target[k] += v;
    }
  };
  const payments = new Map<string, { sales: Set<number>; taken: number; voidedSales: Set<number>; voided: number; refunds: Set<number>; refunded: number }>();
  const pay = (m: string) => payments.get(m) ?? payments.set(m, { sales: new Set(), taken: 0, voidedSales: new Set(), voided: 0, refunds: new Set(), refunded: 0 }).get(m)!;
  for (const l of lines.filter((x) => inRange(x.createdAt))) {
    const key = { productId: l.productId, producerId: l.producerId, day: localDay(l.createdAt) };
    if (l.voided) {
      add(key, { voids: l.lineTotal });
      const p = pay(l.method);
      if (!p.voidedSales.has(l.saleId)) p.voided += l.total;
      p.voidedSales.add(l.saleId);
    } else {
      add(key, { units: l.quantity, gross: l.quantity * l.unitPrice, discounts: l.discount, net: l.lineTotal, producerShare: l.share, commission: l.lineTotal - l.share });
      const p = pay(l.method);
      if (!p.sales.has(l.saleId)) p.taken += l.total;
      p.sales.add(l.saleId);
    }
  }
  for (const r of refunds.filter((x) => inRange(x.refundedAt))) {
    add({ productId: r.productId, producerId: r.producerId, day: localDay(r.refundedAt) }, { units: -r.quantity, refunds: r.lineAmount, net: -r.lineAmount, producerShare: -r.share, commission: -(r.lineAmount - r.share) });
    const p = pay(r.method);
    if (!p.refunds.has(r.refundId)) p.refunded += r.amount;
    p.refunds.add(r.refundId);
  }
  const count = (pick: (p: ReturnType<typeof pay>) => Set<number>) => [...payments.values()].reduce((s, p) => s + pick(p).size, 0);
  return {
    totals: { ...totals, sales: count((p) => p.sales), voidedSales: count((p) => p.voidedSales), refundCount: count((p) => p.refunds) },
    byProduct,
    byProducer,
    byDay,
    payments: (['cash', 'qris', 'transfer'] as const).map((method) => {
      const p = payments.get(method);
      return { method, sales: p?.sales.size ?? 0, taken: p?.taken ?? 0, voidedSales: p?.voidedSales.size ?? 0, voided: p?.voided ?? 0, refunds: p?.refunds.size ?? 0, refunded: p?.refunded ?? 0, net: (p?.taken ?? 0) - (p?.refunded ?? 0) };
    }),
  };
}

const figuresOf = (r: SalesFigures): SalesFigures => ({ units: r.units, gross: r.gross, discounts: r.discounts, refunds: r.refunds, net: r.net, voids: r.voids, producerShare: r.producerShare, commission: r.commission });

function expectSame(report: SalesReport, lines: ReturnType<typeof fromLines>, what: string) {
  expect(report.totals, `${what}: totals`).toEqual(lines.totals);
  expect(new Map(report.byProduct.map((p) => [p.productId, figuresOf(p)])), `${what}: per product`).toEqual(lines.byProduct);
  expect(new Map(report.byProducer.map((p) => [p.producerId, figuresOf(p)])), `${what}: per producer`).toEqual(lines.byProducer);
  expect(new Map(report.periods.map((p) => [p.from, figuresOf(p)])), `${what}: per day`).toEqual(lines.byDay);
  expect(report.payments, `${what}: per payment method`).toEqual(lines.payments);
}

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
