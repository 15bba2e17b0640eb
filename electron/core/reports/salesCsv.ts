/** CSVs of the sales report: per product, producer, day, week, month or payment method (from the kept days), or per receipt. */
import type { MethodParsed } from '../../../shared/contract';
import type { SalesFigures } from '../../../shared/contract/till';
import { addDays, localParts, localToInstant } from '../../../shared/domain/time';
import type { CoreContext } from '../context';
import { invalid } from '../errors';
import { toCsv, type CsvValue } from '../../../shared/csv';
import { sql } from '../till/db';
import { salesReport } from './salesReport';

const FIGURES = {
  id: ['Terjual (unit, setelah retur)', 'Penjualan kotor (Rp)', 'Diskon (Rp)', 'Retur pembeli (Rp)', 'Penjualan bersih (Rp)', 'Bagian produsen (Rp)', 'Komisi toko (Rp)', 'Dibatalkan (Rp)'],
  en: ['Units (after refunds)', 'Gross sales (Rp)', 'Discounts (Rp)', 'Customer refunds (Rp)', 'Net sales (Rp)', 'Producer share (Rp)', 'Shop commission (Rp)', 'Voided (Rp)'],
};
const figureCells = (f: SalesFigures): CsvValue[] => [f.units, f.gross, f.discounts, f.refunds, f.net, f.producerShare, f.commission, f.voids];

const LEADS = {
  product: { id: ['Produk', 'Produsen'], en: ['Product', 'Producer'] },
  producer: { id: ['Produsen'], en: ['Producer'] },
  day: { id: ['Tanggal'], en: ['Date'] },
  week: { id: ['Minggu dari', 'sampai'], en: ['Week from', 'to'] },
  month: { id: ['Bulan'], en: ['Month'] },
} as const;

const PAYMENT_HEADERS = {
  id: ['Cara bayar', 'Jumlah penjualan', 'Diterima (Rp)', 'Penjualan dibatalkan', 'Dibatalkan (Rp)', 'Jumlah retur', 'Dikembalikan (Rp)', 'Bersih (Rp)'],
  en: ['Payment method', 'Sales', 'Taken (Rp)', 'Voided sales', 'Voided (Rp)', 'Refunds', 'Refunded (Rp)', 'Net (Rp)'],
};
const METHOD_NAMES = { id: { cash: 'Tunai', qris: 'QRIS', transfer: 'Transfer' }, en: { cash: 'Cash', qris: 'QRIS', transfer: 'Transfer' } };

const SALE_HEADERS = {
  id: ['No. struk', 'Waktu', 'Kasir', 'Pembayaran', 'Subtotal (Rp)', 'Diskon (Rp)', 'Total (Rp)', 'Status', 'Dikembalikan (Rp)'],
  en: ['Receipt no.', 'Time', 'Cashier', 'Payment', 'Subtotal (Rp)', 'Discount (Rp)', 'Total (Rp)', 'Status', 'Refunded (Rp)'],
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Rows per progress step of the sale-by-sale export (a few ms of work). */
const PROGRESS_EVERY = 512;

export function salesCsv(input: MethodParsed<'reports.salesCsv'>, ctx: CoreContext): { filename: string; csv: string } {
  const lang = ctx.lang();
  let header: string[];
  let rows: CsvValue[][];
  if (input.by === 'sale') {
    if (input.to < input.from) invalid('Tanggal akhir sebelum tanggal awal.', 'The end date is before the start date.', 'to');
    const tz = ctx.timeZone();
    type SaleRow = {
      receipt_no: number; created_at: string; cashier: string; payment_method: 'cash' | 'qris' | 'transfer'; subtotal: number;
      discount_total: number; total: number; voided: number; refunded: number;
    };
    const range = [localToInstant(input.from, tz), localToInstant(addDays(input.to, 1), tz)];
    const total = sql(ctx.db, 'SELECT COUNT(*) AS n FROM sales WHERE created_at >= ? AND created_at < ?').get(...range) as { n: number };
    const sales = sql(
      ctx.db,
      `SELECT s.receipt_no, s.created_at, st.name AS cashier, s.payment_method, s.subtotal, s.discount_total, s.total,
              (v.sale_id IS NOT NULL) AS voided, (SELECT COALESCE(SUM(r.amount), 0) FROM refunds r WHERE r.sale_id = s.id) AS refunded
         FROM sales s JOIN staff st ON st.id = s.cashier_id LEFT JOIN sale_voids v ON v.sale_id = s.id
        WHERE s.created_at >= ? AND s.created_at < ? ORDER BY s.receipt_no`,
    ).iterate(...range) as IterableIterator<SaleRow>;
    header = SALE_HEADERS[lang];
    rows = [];
    ctx.job.progress('rows', 0, total.n);
    // Progress (and a chance for long work to give way to the till, runtime/jobs.ts) every PROGRESS_EVERY rows.
    for (const s of sales) {
      const p = localParts(s.created_at, tz);
      const time = `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
      const status = s.voided ? (lang === 'id' ? 'dibatalkan' : 'voided') : lang === 'id' ? 'selesai' : 'completed';
      rows.push([s.receipt_no, time, s.cashier, METHOD_NAMES[lang][s.payment_method], s.subtotal, s.discount_total, s.total, status, s.refunded]);
      if (rows.length % PROGRESS_EVERY === 0) ctx.job.progress('rows', rows.length, total.n);
    }
    ctx.job.progress('rows', rows.length, Math.max(total.n, rows.length));
  } else if (input.by === 'payment') {
    const report = salesReport({ from: input.from, to: input.to }, ctx);
    header = PAYMENT_HEADERS[lang];
    rows = report.payments.map((p) => [METHOD_NAMES[lang][p.method], p.sales, p.taken, p.voidedSales, p.voided, p.refunds, p.refunded, p.net]);
  } else {
    const grouping = input.by === 'day' || input.by === 'week' || input.by === 'month' ? input.by : 'day';
    const report = salesReport({ from: input.from, to: input.to, groupBy: grouping, producerId: input.producerId }, ctx);
    header = [...LEADS[input.by][lang], ...FIGURES[lang]];
    rows =
      input.by === 'product'
        ? report.byProduct.map((r) => [r.productName, r.producerShortName, ...figureCells(r)])
        : input.by === 'producer'
          ? report.byProducer.map((r) => [r.producerName, ...figureCells(r)])
          : input.by === 'week'
            ? report.periods.map((r) => [r.from, r.to, ...figureCells(r)])
            : report.periods.map((r) => [input.by === 'month' ? r.from.slice(0, 7) : r.from, ...figureCells(r)]);
  }
  const kinds = {
    product: ['produk', 'product'], producer: ['produsen', 'producer'], sale: ['struk', 'receipts'], day: ['harian', 'daily'],
    week: ['mingguan', 'weekly'], month: ['bulanan', 'monthly'], payment: ['cara-bayar', 'payment'],
  } as const;
  const kind = kinds[input.by][lang === 'id' ? 0 : 1];
  const base = lang === 'id' ? 'penjualan' : 'sales';
  return { filename: `${base}-${kind}-${input.from}_${input.to}.csv`, csv: toCsv(header, rows) };
}
