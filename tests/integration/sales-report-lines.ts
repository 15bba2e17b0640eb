/**
 * The sales report worked out again in TypeScript straight from the sales,
 * lines, voids and refunds (the local day taken with Intl, not with the
 * store's SQL modifier), and a figure-by-figure comparison with the report the
 * core gives from its kept sums. Used by sales-report-kept.test.ts and
 * sales-report-months.test.ts.
 */
import { expect } from 'vitest';
import type { SalesFigures, SalesReport } from '../../shared/contract/till';
import type { Till } from './till-fixtures';

const zero = (): SalesFigures => ({ units: 0, gross: 0, discounts: 0, refunds: 0, net: 0, voids: 0, producerShare: 0, commission: 0 });

interface LineRow { saleId: number; createdAt: string; method: string; total: number; voided: number; lineId: number; productId: number; producerId: number; quantity: number; unitPrice: number; discount: number; lineTotal: number; share: number }
interface RefundRow { refundId: number; refundedAt: string; method: string; amount: number; productId: number; producerId: number; quantity: number; lineAmount: number; share: number }

/**
 * The report as the lines say it is, for local days from..to (inclusive) in the
 * time zone; with a producer, of that producer's lines only (and, as the
 * report, no sale counts or payment methods: a sale may mix producers).
 */
export function fromLines(tl: Till, from: string, to: string, timeZone = 'Asia/Jakarta', producerId: number | null = null) {
  const localDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone });
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
  const theirs = (x: { producerId: number }) => producerId === null || x.producerId === producerId;
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
  for (const l of lines.filter((x) => inRange(x.createdAt) && theirs(x))) {
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
  for (const r of refunds.filter((x) => inRange(x.refundedAt) && theirs(x))) {
    add({ productId: r.productId, producerId: r.producerId, day: localDay(r.refundedAt) }, { units: -r.quantity, refunds: r.lineAmount, net: -r.lineAmount, producerShare: -r.share, commission: -(r.lineAmount - r.share) });
    const p = pay(r.method);
    if (!p.refunds.has(r.refundId)) p.refunded += r.amount;
    p.refunds.add(r.refundId);
  }
  const count = (pick: (p: ReturnType<typeof pay>) => Set<number>) => [...payments.values()].reduce((s, p) => s + pick(p).size, 0);
  if (producerId !== null) return { totals: { ...totals, sales: 0, voidedSales: 0, refundCount: 0 }, byProduct, byProducer, byDay, payments: [] };
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

export function expectSame(report: SalesReport, lines: ReturnType<typeof fromLines>, what: string) {
  expect(report.totals, `${what}: totals`).toEqual(lines.totals);
  expect(new Map(report.byProduct.map((p) => [p.productId, figuresOf(p)])), `${what}: per product`).toEqual(lines.byProduct);
  expect(new Map(report.byProducer.map((p) => [p.producerId, figuresOf(p)])), `${what}: per producer`).toEqual(lines.byProducer);
  expect(new Map(report.periods.map((p) => [p.from, figuresOf(p)])), `${what}: per day`).toEqual(lines.byDay);
  expect(report.payments, `${what}: per payment method`).toEqual(lines.payments);
}

