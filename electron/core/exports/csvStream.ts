/**
 * Streamed CSV exports (issue 14): sale lines, sales (one row per receipt) and
 * a producer's ledger entries over any range. Rows come from an iterating
 * statement inside the long-work thread's read snapshot and leave in chunks of
 * about 64 KiB through the caller's sink (a download, a file): the whole file
 * is never one string, and a year of sale lines never one JSON reply.
 * The sales CSV has the columns of `reports.salesCsv` by receipt; the
 * statement's those of `ledger.statementCsv`.
 */
import type { CsvExportDone, CsvExportInput, CsvExportPlan } from '../../../shared/contract/exports';
import { addDays, localParts, localToInstant } from '../../../shared/domain/time';
import { csvLine, type CsvValue } from '../../../shared/csv';
import type { Lang } from '../../../shared/i18nText';
import type { CoreContext } from '../context';
import { invalid } from '../errors';
import { periodRule, producerRow } from '../settlement/common';
import { STATEMENT_CSV_HEADER, statementCsvRows } from '../settlement/statement';

/** A chunk leaves once it holds this many UTF-16 code units (about as many bytes for the shop's text). */
export const CSV_CHUNK_CHARS = 64 * 1024;

const SALE_HEADERS = {
  id: ['No. struk', 'Waktu', 'Kasir', 'Pembayaran', 'Subtotal (Rp)', 'Diskon (Rp)', 'Total (Rp)', 'Status', 'Dikembalikan (Rp)'],
  en: ['Receipt no.', 'Time', 'Cashier', 'Payment', 'Subtotal (Rp)', 'Discount (Rp)', 'Total (Rp)', 'Status', 'Refunded (Rp)'],
};
const LINE_HEADERS = {
  id: ['No. struk', 'Waktu', 'Baris', 'Produk', 'Satuan', 'Produsen', 'Jumlah', 'Harga satuan (Rp)', 'Diskon (Rp)', 'Total baris (Rp)', 'Bagian produsen (Rp)', 'Komisi toko (Rp)', 'Status'],
  en: ['Receipt no.', 'Time', 'Line', 'Product', 'Unit', 'Producer', 'Quantity', 'Unit price (Rp)', 'Discount (Rp)', 'Line total (Rp)', 'Producer share (Rp)', 'Shop commission (Rp)', 'Status'],
};
const METHOD_NAMES = { id: { cash: 'Tunai', qris: 'QRIS', transfer: 'Transfer' }, en: { cash: 'Cash', qris: 'QRIS', transfer: 'Transfer' } };
const statusWord = (voided: number, lang: Lang) => (voided ? (lang === 'id' ? 'dibatalkan' : 'voided') : lang === 'id' ? 'selesai' : 'completed');

const pad = (n: number) => String(n).padStart(2, '0');
const localTime = (instant: string, tz: string) => {
  const p = localParts(instant, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
};

interface Source {
  filename: string;
  header: readonly string[];
  rows: () => Iterable<CsvValue[]>;
}

/** Checks the export (the range, the producer) and says how its rows are read; nothing is read yet. */
function source(ctx: CoreContext, input: CsvExportInput): Source {
  if (input.from && input.to && input.to < input.from) invalid('Tanggal akhir sebelum tanggal awal.', 'The end date is before the start date.', 'to');
  const lang = ctx.lang();
  const tz = ctx.timeZone();
  if (input.kind === 'statement') {
    const producerId = input.producerId ?? invalid('Pilih produsen untuk laporan produsen.', 'Choose a producer for the statement.', 'producerId');
    const rule = periodRule(ctx.db);
    const range = { producerId, ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) };
    const { fileName } = statementCsvRows(ctx.db, rule, ctx.now(), range);
    return { filename: fileName, header: STATEMENT_CSV_HEADER, rows: () => statementCsvRows(ctx.db, rule, ctx.now(), range).rows };
  }
  const from = input.from ?? invalid('Pilih tanggal awal.', 'Choose a start date.', 'from');
  const to = input.to ?? invalid('Pilih tanggal akhir.', 'Choose an end date.', 'to');
  const fromInstant = localToInstant(from, tz);
  const toInstant = localToInstant(addDays(to, 1), tz);
  const base = lang === 'id' ? 'penjualan' : 'sales';
  if (input.kind === 'sales') {
    return {
      filename: `${base}-${lang === 'id' ? 'struk' : 'receipts'}-${from}_${to}.csv`,
      header: SALE_HEADERS[lang],
      *rows() {
        const sales = ctx.db
          .prepare(
            `SELECT s.receipt_no, s.created_at, st.name AS cashier, s.payment_method, s.subtotal, s.discount_total, s.total,
                    (v.sale_id IS NOT NULL) AS voided, (SELECT COALESCE(SUM(r.amount), 0) FROM refunds r WHERE r.sale_id = s.id) AS refunded
               FROM sales s JOIN staff st ON st.id = s.cashier_id LEFT JOIN sale_voids v ON v.sale_id = s.id
              WHERE s.created_at >= ? AND s.created_at < ? ORDER BY s.receipt_no`,
          )
          .iterate(fromInstant, toInstant) as IterableIterator<{
          receipt_no: number; created_at: string; cashier: string; payment_method: 'cash' | 'qris' | 'transfer'; subtotal: number;
          discount_total: number; total: number; voided: number; refunded: number;
        }>;
        for (const s of sales) {
          yield [s.receipt_no, localTime(s.created_at, tz), s.cashier, METHOD_NAMES[lang][s.payment_method], s.subtotal, s.discount_total, s.total, statusWord(s.voided, lang), s.refunded];
        }
      },
    };
  }
  if (input.producerId !== undefined) producerRow(ctx.db, input.producerId);
  const byProducer = input.producerId === undefined ? '' : 'AND l.producer_id = ?';
  const args = input.producerId === undefined ? [fromInstant, toInstant] : [fromInstant, toInstant, input.producerId];
  return {
    filename: `${base}-${lang === 'id' ? 'baris' : 'lines'}-${from}_${to}.csv`,
    header: LINE_HEADERS[lang],
    *rows() {
      const lines = ctx.db
        .prepare(
          `SELECT s.receipt_no, s.created_at, l.line_no, p.name AS product, p.unit, pr.short_name AS producer, l.quantity, l.unit_price,
                  l.discount, l.line_total, l.producer_share, (v.sale_id IS NOT NULL) AS voided
             FROM sales s
             JOIN sale_lines l ON l.sale_id = s.id
             JOIN products p ON p.id = l.product_id
             JOIN producers pr ON pr.id = l.producer_id
             LEFT JOIN sale_voids v ON v.sale_id = s.id
            WHERE s.created_at >= ? AND s.created_at < ? ${byProducer}
            ORDER BY s.created_at, s.receipt_no, l.line_no`,
        )
        .iterate(...args) as IterableIterator<{
        receipt_no: number; created_at: string; line_no: number; product: string; unit: string; producer: string; quantity: number;
        unit_price: number; discount: number; line_total: number; producer_share: number; voided: number;
      }>;
      for (const l of lines) {
        yield [
          l.receipt_no, localTime(l.created_at, tz), l.line_no, l.product, l.unit, l.producer, l.quantity, l.unit_price,
          l.discount, l.line_total, l.producer_share, l.line_total - l.producer_share, statusWord(l.voided, lang),
        ];
      }
    },
  };
}

/** `export.prepare`: the checks of the export, and its file name. */
export function prepareCsvExport(ctx: CoreContext, input: CsvExportInput): CsvExportPlan {
  return { filename: source(ctx, input).filename };
}

/** `export.stream`: writes the header and every row to the caller's sink in chunks; answers what it wrote. */
export function streamCsvExport(ctx: CoreContext, input: CsvExportInput): CsvExportDone {
  const sink =
    ctx.csvSink ??
    invalid(
      'Ekspor ini dikirim sebagai unduhan berkas, bukan sebagai jawaban API: pakai tombol Ekspor CSV.',
      'This export is sent as a file download, not as an API reply: use the Export CSV button.',
    );
  const src = source(ctx, input);
  let chunk = csvLine(src.header) + '\r\n';
  let bytes = 0;
  let rows = 0;
  const flush = () => {
    bytes += Buffer.byteLength(chunk, 'utf8');
    sink(chunk);
    chunk = '';
  };
  ctx.job.progress('rows', 0, 0);
  for (const row of src.rows()) {
    chunk += csvLine(row) + '\r\n';
    rows++;
    if (chunk.length >= CSV_CHUNK_CHARS) {
      flush();
      // Progress at most once a chunk; cancelling stops here (the job throws), the iterator is closed on the way out.
      ctx.job.progress('rows', rows, 0);
    }
  }
  if (chunk.length > 0) flush();
  return { filename: src.filename, rows, bytes };
}
