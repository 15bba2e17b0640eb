import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { chainCode, GENESIS_HASH } from '../../../shared/domain/ledgerChain';
import { canonicalSale, type ChainedSale } from '../../../shared/domain/salesChain';
import type { SalesJournalVerifyResult } from '../../../shared/contract/ledger';

const statements = new WeakMap<Database.Database, Record<'sale' | 'lines' | 'head' | 'insert', Database.Statement>>();
function prepared(db: Database.Database) {
  let s = statements.get(db);
  if (!s) {
    s = {
      sale: db.prepare(
        'SELECT receipt_no, created_at, subtotal, discount_total, total, payment_method, tendered, change_given, payment_ref FROM sales WHERE id = ?',
      ),
      lines: db.prepare(
        'SELECT line_no, product_id, quantity, unit_price, discount, line_total, producer_share FROM sale_lines WHERE sale_id = ? ORDER BY line_no',
      ),
      head: db.prepare('SELECT seq, hash FROM sale_journal ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare('INSERT INTO sale_journal (seq, sale_id, receipt_no, prev_hash, hash) VALUES (?, ?, ?, ?, ?)'),
    };
    statements.set(db, s);
  }
  return s;
}

interface SaleRow {
  receipt_no: number;
  created_at: string;
  subtotal: number;
  discount_total: number;
  total: number;
  payment_method: string;
  tendered: number;
  change_given: number;
  payment_ref: string;
}
interface LineRow {
  line_no: number;
  product_id: number;
  quantity: number;
  unit_price: number;
  discount: number;
  line_total: number;
  producer_share: number;
}

/** The sale as stored, in the chain's shape; null when the sale row is gone. */
function storedSale(db: Database.Database, saleId: string): ChainedSale | null {
  const s = prepared(db);
  const sale = s.sale.get(saleId) as SaleRow | undefined;
  if (!sale) return null;
  const lines = s.lines.all(saleId) as LineRow[];
  return {
    receiptNo: sale.receipt_no,
    createdAt: sale.created_at,
    subtotal: sale.subtotal,
    discountTotal: sale.discount_total,
    total: sale.total,
    paymentMethod: sale.payment_method,
    tendered: sale.tendered,
    change: sale.change_given,
    paymentRef: sale.payment_ref,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      productId: l.product_id,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      discount: l.discount,
      lineTotal: l.line_total,
      producerShare: l.producer_share,
    })),
  };
}

export const saleHash = (prev: string, sale: ChainedSale) => createHash('sha256').update(prev).update(canonicalSale(sale)).digest('hex');

/**
 * Chains a sale just written (reads it back, so what is hashed is what is
 * stored). Must run inside the sale's own transaction.
 */
export function appendSaleJournal(db: Database.Database, saleId: string): void {
  const s = prepared(db);
  const sale = storedSale(db, saleId);
  if (!sale) throw new Error(`sale ${saleId} is not written yet`);
  const head = s.head.get() as { seq: number; hash: string } | undefined;
  const prev = head?.hash ?? GENESIS_HASH;
  s.insert.run((head?.seq ?? 0) + 1, saleId, sale.receiptNo, prev, saleHash(prev, sale));
}

/** Progress every this many sales (a few ms of work: see PROGRESS_EVERY in ledger/chain.ts). */
const PROGRESS_EVERY = 128;

/** The journal's head as printed on the Z report (first 12 hex digits), or null before the first chained sale. */
export function salesChainCode(db: Database.Database): string | null {
  const head = prepared(db).head.get() as { hash: string } | undefined;
  return head ? chainCode(head.hash) : null;
}

/**
 * Recomputes the chain from the stored sales and names the first entry that
 * does not match (a changed sale, line or amount, a removed sale, a broken
 * link), and any sale after the chain's start that is missing from it.
 * `progress` hears (done, total) sales every PROGRESS_EVERY and may throw to
 * stop (a cancelled verify: it only reads).
 */
export function verifySalesJournal(db: Database.Database, progress?: (done: number, total: number) => void): SalesJournalVerifyResult {
  const total = progress ? (db.prepare('SELECT count(*) FROM sale_journal').pluck().get() as number) : 0;
  progress?.(0, total);
  const rows = db.prepare('SELECT seq, sale_id, receipt_no, prev_hash, hash FROM sale_journal ORDER BY seq').iterate() as IterableIterator<{
    seq: number;
    sale_id: string;
    receipt_no: number;
    prev_hash: string;
    hash: string;
  }>;
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let problem: SalesJournalVerifyResult['problem'] = null;
  for (const r of rows) {
    checked++;
    if (progress && checked % PROGRESS_EVERY === 0) progress(checked, total);
    if (problem) continue;
    const sale = storedSale(db, r.sale_id);
    const where = { seq: r.seq, receiptNo: r.receipt_no };
    if (r.seq !== expectedSeq) problem = { ...where, message: `Sales journal entry #${r.seq} follows #${expectedSeq - 1}: an entry is missing` };
    else if (r.prev_hash !== prev) problem = { ...where, message: `Sales journal entry #${r.seq} (receipt ${r.receipt_no}) does not follow the entry before it` };
    else if (!sale) problem = { ...where, message: `Receipt ${r.receipt_no} is in the sales journal but its sale is gone` };
    else if (sale.receiptNo !== r.receipt_no || saleHash(prev, sale) !== r.hash) {
      problem = { ...where, message: `Receipt ${r.receipt_no} does not match its journal hash: the sale was changed after it was recorded` };
    }
    prev = r.hash;
    expectedSeq = r.seq + 1;
  }
  if (!problem) {
    const missing = db
      .prepare(
        `SELECT s.receipt_no FROM sales s
          WHERE s.receipt_no > (SELECT min(receipt_no) FROM sale_journal)
            AND NOT EXISTS (SELECT 1 FROM sale_journal j WHERE j.sale_id = s.id)
          ORDER BY s.receipt_no LIMIT 1`,
      )
      .get() as { receipt_no: number } | undefined;
    if (missing) problem = { seq: null, receiptNo: missing.receipt_no, message: `Receipt ${missing.receipt_no} is missing from the sales journal` };
  }
  progress?.(checked, Math.max(total, checked));
  return { ok: problem === null, salesChecked: checked, head: checked ? prev : null, code: checked ? chainCode(prev) : null, problem };
}
