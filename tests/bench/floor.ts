/**
 * The raw better-sqlite3 floor of a sale: a bare prepared-statement
 * transaction writing the same rows sales.create writes (the sale, its lines,
 * their stock movements, one hash-chained ledger entry per line, the sale's
 * hash-chained journal row, the receipt sequence), on the same connection with the same pragmas (WAL,
 * synchronous=FULL, foreign keys) and the same BEGIN IMMEDIATE. Nothing else:
 * no validation, no lookups, no idempotency check, no answer to build.
 *
 * The stock movements go through `appendMovement`, the one helper that also
 * moves the kept lots on the shelf (migration 0020): those rows are part of
 * the write. A bare INSERT would leave the product's kept lots behind its
 * movements, and the next core sale of that product would replay its whole
 * history (14 ms of CPU a sale at five years, counted against the core).
 */
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalEntry, GENESIS_HASH } from '../../shared/domain/ledgerChain';
import { canonicalSale } from '../../shared/domain/salesChain';
import { appendMovement } from '../../electron/core/stock/lotState';

export interface FloorLine {
  productId: number;
  producerId: number;
  termsId: number;
  quantity: number;
  unitPrice: number;
  mode: 'fixed' | 'percent';
  producerPrice: number | null;
  commissionBps: number | null;
  share: number;
}

export function makeFloor(db: Database.Database) {
  const s = {
    seq: db.prepare("UPDATE sequences SET next_value = next_value + 1 WHERE name = 'receipt' RETURNING next_value - 1 AS n").pluck(),
    sale: db.prepare(
      `INSERT INTO sales (id, receipt_no, shift_id, cashier_id, created_at, subtotal, discount_total, total, payment_method, tendered, change_given, payment_ref, request_hash)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'cash', ?, 0, '', ?)`,
    ),
    line: db.prepare(
      `INSERT INTO sale_lines (sale_id, line_no, product_id, producer_id, terms_id, quantity, unit_price, discount, line_total, terms_mode, producer_price, commission_bps, producer_share)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
    ),
    head: db.prepare('SELECT seq, hash FROM ledger_entries WHERE producer_id = ? ORDER BY seq DESC LIMIT 1'),
    entry: db.prepare(
      `INSERT INTO ledger_entries (producer_id, seq, kind, amount, occurred_at, ref_type, ref_id, product_id, quantity, reason, created_by, prev_hash, hash)
       VALUES (?, ?, 'sale', ?, ?, 'sale_line', ?, ?, ?, '', ?, ?, ?)`,
    ),
    journalHead: db.prepare('SELECT seq, hash FROM sale_journal ORDER BY seq DESC LIMIT 1'),
    journal: db.prepare('INSERT INTO sale_journal (seq, sale_id, receipt_no, prev_hash, hash) VALUES (?, ?, ?, ?, ?)'),
  };
  const write = db.transaction((shiftId: number, cashierId: number, at: string, lines: FloorLine[]) => {
    const id = randomUUID();
    const receipt = s.seq.get() as number;
    let total = 0;
    for (const l of lines) total += l.unitPrice * l.quantity;
    s.sale.run(id, receipt, shiftId, cashierId, at, total, total, total, createHash('sha256').update(id).digest('hex'));
    lines.forEach((l, i) => {
      const lineId = Number(
        s.line.run(id, i + 1, l.productId, l.producerId, l.termsId, l.quantity, l.unitPrice, l.unitPrice * l.quantity, l.mode, l.producerPrice, l.commissionBps, l.share).lastInsertRowid,
      );
      appendMovement(db, { productId: l.productId, quantity: -l.quantity, kind: 'sale', refId: id, occurredAt: at });
      const head = s.head.get(l.producerId) as { seq: number; hash: string } | undefined;
      const seq = (head?.seq ?? 0) + 1;
      const prev = head?.hash ?? GENESIS_HASH;
      const fields = {
        producerId: l.producerId, seq, kind: 'sale' as const, amount: l.share, occurredAt: at, refType: 'sale_line', refId: String(lineId),
        productId: l.productId, quantity: l.quantity, reason: '', createdBy: cashierId,
      };
      const hash = createHash('sha256').update(prev).update(canonicalEntry(fields)).digest('hex');
      s.entry.run(l.producerId, seq, l.share, at, String(lineId), l.productId, l.quantity, cashierId, prev, hash);
    });
    const jh = s.journalHead.get() as { seq: number; hash: string } | undefined;
    const jprev = jh?.hash ?? GENESIS_HASH;
    const canonical = canonicalSale({
      receiptNo: receipt, createdAt: at, subtotal: total, discountTotal: 0, total, paymentMethod: 'cash', tendered: total, change: 0, paymentRef: '',
      lines: lines.map((l, i) => ({ lineNo: i + 1, productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice, discount: 0, lineTotal: l.unitPrice * l.quantity, producerShare: l.share })),
    });
    s.journal.run((jh?.seq ?? 0) + 1, id, receipt, jprev, createHash('sha256').update(jprev).update(canonical).digest('hex'));
  });
  return (shiftId: number, cashierId: number, at: string, lines: FloorLine[]) => write.immediate(shiftId, cashierId, at, lines);
}
