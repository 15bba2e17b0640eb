import type { MethodParsed } from '../../../shared/contract';
import type { SalesReport } from '../../../shared/contract/till';
import { addDays, localParts, localToInstant } from '../../../shared/domain/time';
import type { CoreContext } from '../context';
import { invalid } from '../errors';
import { toCsv, type CsvValue } from '../../../shared/csv';
import { sql } from './db';

// Sales by product and by producer over local dates: voided sales left out, refunds made in the range subtracted.

interface Row {
  product_id: number;
  product_name: string;
  short_name: string;
  producer_id: number;
  producer_name: string;
  units: number;
  gross: number;
  discounts: number;
  net: number;
  share: number;
}

function range(ctx: CoreContext, from: string, to: string): [string, string] {
  if (to < from) invalid('Tanggal akhir sebelum tanggal awal.', 'The end date is before the start date.', 'to');
  const tz = ctx.timeZone();
  return [localToInstant(from, tz), localToInstant(addDays(to, 1), tz)];
}

export function salesReport(input: MethodParsed<'reports.sales'>, ctx: CoreContext): SalesReport {
  const { db } = ctx;
  const [start, end] = range(ctx, input.from, input.to);
  const sold = sql(
    db,
    `SELECT l.product_id, p.name AS product_name, pr.short_name, l.producer_id, pr.name AS producer_name,
            SUM(l.quantity) AS units, SUM(l.quantity * l.unit_price) AS gross, SUM(l.discount) AS discounts,
            SUM(l.line_total) AS net, SUM(l.producer_share) AS share
       FROM sales s JOIN sale_lines l ON l.sale_id = s.id
       JOIN products p ON p.id = l.product_id JOIN producers pr ON pr.id = l.producer_id
      WHERE s.created_at >= ? AND s.created_at < ? AND NOT EXISTS (SELECT 1 FROM sale_voids v WHERE v.sale_id = s.id)
      GROUP BY l.product_id, l.producer_id`,
  ).all(start, end) as Row[];
  const refunded = sql(
    db,
    `SELECT l.product_id, p.name AS product_name, pr.short_name, l.producer_id, pr.name AS producer_name,
            SUM(rl.quantity) AS units, 0 AS gross, 0 AS discounts, SUM(rl.amount) AS net, SUM(rl.producer_share) AS share
       FROM refunds r JOIN refund_lines rl ON rl.refund_id = r.id JOIN sale_lines l ON l.id = rl.sale_line_id
       JOIN products p ON p.id = l.product_id JOIN producers pr ON pr.id = l.producer_id
      WHERE r.refunded_at >= ? AND r.refunded_at < ?
      GROUP BY l.product_id, l.producer_id`,
  ).all(start, end) as Row[];
  const salesCount = (
    sql(
      db,
      `SELECT COUNT(*) AS n FROM sales s WHERE s.created_at >= ? AND s.created_at < ? AND NOT EXISTS (SELECT 1 FROM sale_voids v WHERE v.sale_id = s.id)`,
    ).get(start, end) as { n: number }
  ).n;

  const products = new Map<number, SalesReport['byProduct'][number]>();
  const producers = new Map<number, SalesReport['byProducer'][number]>();
  const totals: SalesReport['totals'] = { sales: salesCount, units: 0, gross: 0, discounts: 0, net: 0, refunds: 0, producerShare: 0 };
  const add = (r: Row, sign: 1 | -1) => {
    const product = products.get(r.product_id) ?? { productId: r.product_id, productName: r.product_name, producerShortName: r.short_name, units: 0, net: 0, producerShare: 0 };
    product.units += sign * r.units;
    product.net += sign * r.net;
    product.producerShare += sign * r.share;
    products.set(r.product_id, product);
    const producer = producers.get(r.producer_id) ?? { producerId: r.producer_id, producerName: r.producer_name, units: 0, net: 0, producerShare: 0 };
    producer.units += sign * r.units;
    producer.net += sign * r.net;
    producer.producerShare += sign * r.share;
    producers.set(r.producer_id, producer);
    totals.units += sign * r.units;
    totals.net += sign * r.net;
    totals.producerShare += sign * r.share;
    if (sign === 1) {
      totals.gross += r.gross;
      totals.discounts += r.discounts;
    } else {
      totals.refunds += r.net;
    }
  };
  for (const r of sold) add(r, 1);
  for (const r of refunded) add(r, -1);
  const byNet = <T extends { net: number }>(a: T, b: T) => b.net - a.net;
  return {
    from: input.from,
    to: input.to,
    totals,
    byProduct: [...products.values()].sort((a, b) => byNet(a, b) || a.productName.localeCompare(b.productName)),
    byProducer: [...producers.values()].sort((a, b) => byNet(a, b) || a.producerName.localeCompare(b.producerName)),
  };
}

const HEADERS = {
  product: {
    id: ['Produk', 'Produsen', 'Terjual (unit, setelah retur)', 'Penjualan bersih (Rp)', 'Bagian produsen (Rp)'],
    en: ['Product', 'Producer', 'Units (after refunds)', 'Net sales (Rp)', 'Producer share (Rp)'],
  },
  producer: {
    id: ['Produsen', 'Terjual (unit, setelah retur)', 'Penjualan bersih (Rp)', 'Bagian produsen (Rp)'],
    en: ['Producer', 'Units (after refunds)', 'Net sales (Rp)', 'Producer share (Rp)'],
  },
  sale: {
    id: ['No. struk', 'Waktu', 'Kasir', 'Pembayaran', 'Subtotal (Rp)', 'Diskon (Rp)', 'Total (Rp)', 'Status', 'Dikembalikan (Rp)'],
    en: ['Receipt no.', 'Time', 'Cashier', 'Payment', 'Subtotal (Rp)', 'Discount (Rp)', 'Total (Rp)', 'Status', 'Refunded (Rp)'],
  },
} as const;

const pad = (n: number) => String(n).padStart(2, '0');

export function salesCsv(input: MethodParsed<'reports.salesCsv'>, ctx: CoreContext): { filename: string; csv: string } {
  const lang = ctx.lang();
  let rows: CsvValue[][];
  ctx.job.progress('reading', 0, 0);
  if (input.by === 'sale') {
    const [start, end] = range(ctx, input.from, input.to);
    const tz = ctx.timeZone();
    const sales = sql(
      ctx.db,
      `SELECT s.receipt_no, s.created_at, st.name AS cashier, s.payment_method, s.subtotal, s.discount_total, s.total,
              (v.sale_id IS NOT NULL) AS voided, (SELECT COALESCE(SUM(r.amount), 0) FROM refunds r WHERE r.sale_id = s.id) AS refunded
         FROM sales s JOIN staff st ON st.id = s.cashier_id LEFT JOIN sale_voids v ON v.sale_id = s.id
        WHERE s.created_at >= ? AND s.created_at < ? ORDER BY s.receipt_no`,
    ).all(start, end) as {
      receipt_no: number; created_at: string; cashier: string; payment_method: string; subtotal: number;
      discount_total: number; total: number; voided: number; refunded: number;
    }[];
    rows = sales.map((s, i) => {
      if (i % 4096 === 0) ctx.job.progress('rows', i, sales.length);
      const p = localParts(s.created_at, tz);
      const time = `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
      const status = s.voided ? (lang === 'id' ? 'dibatalkan' : 'voided') : lang === 'id' ? 'selesai' : 'completed';
      return [s.receipt_no, time, s.cashier, s.payment_method, s.subtotal, s.discount_total, s.total, status, s.refunded];
    });
  } else {
    const report = salesReport({ from: input.from, to: input.to }, ctx);
    rows =
      input.by === 'product'
        ? report.byProduct.map((r) => [r.productName, r.producerShortName, r.units, r.net, r.producerShare])
        : report.byProducer.map((r) => [r.producerName, r.units, r.net, r.producerShare]);
  }
  const kind = { product: lang === 'id' ? 'produk' : 'product', producer: lang === 'id' ? 'produsen' : 'producer', sale: lang === 'id' ? 'struk' : 'receipts' }[input.by];
  const base = lang === 'id' ? 'penjualan' : 'sales';
  return {
    filename: `${base}-${kind}-${input.from}_${input.to}.csv`,
    csv: toCsv([...HEADERS[input.by][lang]], rows),
  };
}
