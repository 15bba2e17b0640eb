import { createHash } from 'node:crypto';
import type { MethodParsed } from '../../../../shared/contract';
import type { Refund } from '../../../../shared/contract/till';
import { refundShare } from '../../../../shared/domain/terms';
import { audit } from '../../audit';
import { nowIso, type CoreContext } from '../../context';
import { conflict, invalid } from '../../errors';
import { appendLedgerEntry } from '../../ledger/chain';
import { requireManager } from '../../staff/approval';
import { takeNumber } from '../../sequences';
import { sql } from '../db';
import { openShift } from '../rows';
import { loadRefund, requireSale } from './read';
import { appendMovement } from '../../stock/lotState';

type RefundInput = MethodParsed<'sales.refund'>;

/** The content of a refund request for idempotent retries (never the approval PIN). */
export function refundRequestHash(input: RefundInput): string {
  const canonical = JSON.stringify([
    'refund.v1',
    input.saleId,
    input.lines.map((l) => [l.saleLineId, l.quantity]),
    input.restock,
    input.method ?? null,
    input.reason,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Refunds some units of some lines of a sale, later, with a manager's PIN and a
 * reason. Never more than sold minus already refunded; amounts and producer
 * shares are split with `refundShare`, so refunding a line in parts adds up to
 * exactly the line. Writes reversing rows only.
 */
export function refundSale(input: RefundInput, ctx: CoreContext): Refund {
  const { db } = ctx;
  const requestHash = refundRequestHash(input);
  const existing = sql(db, 'SELECT request_hash FROM refunds WHERE id = ?').get(input.id) as { request_hash: string } | undefined;
  if (existing) {
    if (existing.request_hash !== requestHash) {
      conflict(
        'Id pengembalian ini sudah dipakai untuk pengembalian lain: tidak ada yang dicatat.',
        'This refund id was already used for a different refund: nothing was recorded.',
      );
    }
    return loadRefund(db, input.id)!;
  }
  const manager = requireManager(ctx, input.approval);
  const sale = requireSale(db, input.saleId);
  if (sale.status === 'voided') {
    conflict(`Struk #${sale.receiptNo} sudah dibatalkan: tidak dapat dikembalikan.`, `Receipt #${sale.receiptNo} is voided: it cannot be refunded.`);
  }
  const seen = new Set<number>();
  const planned = input.lines.map((req, i) => {
    const line = sale.lines.find((l) => l.id === req.saleLineId);
    if (!line) invalid(`Baris ${req.saleLineId} bukan bagian dari struk #${sale.receiptNo}.`, `Line ${req.saleLineId} is not on receipt #${sale.receiptNo}.`, `lines.${i}.saleLineId`);
    if (seen.has(req.saleLineId)) invalid('Baris yang sama disebut dua kali.', 'The same line is listed twice.', `lines.${i}.saleLineId`);
    seen.add(req.saleLineId);
    const left = line!.quantity - line!.refundedQuantity;
    if (req.quantity > left) {
      invalid(
        `${line!.productName}: paling banyak ${left} lagi yang dapat dikembalikan (terjual ${line!.quantity}, sudah dikembalikan ${line!.refundedQuantity}).`,
        `${line!.productName}: at most ${left} more can be refunded (sold ${line!.quantity}, already refunded ${line!.refundedQuantity}).`,
        `lines.${i}.quantity`,
      );
    }
    return {
      line: line!,
      quantity: req.quantity,
      amount: refundShare(line!.lineTotal, line!.quantity, line!.refundedQuantity, req.quantity),
      producerShare: refundShare(line!.producerShare, line!.quantity, line!.refundedQuantity, req.quantity),
    };
  });

  const at = nowIso(ctx);
  const method = input.method ?? sale.payment.method;
  const amount = planned.reduce((sum, p) => sum + p.amount, 0);
  const shift = openShift(db);
  sql(
    db,
    `INSERT INTO refunds (id, sale_id, refunded_at, shift_id, approved_by, reason, restock, method, amount, request_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(input.id, sale.id, at, shift?.id ?? null, manager.id, input.reason, input.restock ? 1 : 0, method, amount, requestHash);
  // The refund receipt's number, taken in this transaction: gapless like receipt numbers.
  sql(db, 'INSERT INTO refund_receipts (refund_id, number) VALUES (?, ?)').run(input.id, takeNumber(db, 'refund'));
  const insertLine = sql(db, 'INSERT INTO refund_lines (refund_id, sale_line_id, quantity, amount, producer_share) VALUES (?, ?, ?, ?, ?)');
  for (const p of planned) {
    const refundLineId = Number(insertLine.run(input.id, p.line.id, p.quantity, p.amount, p.producerShare).lastInsertRowid);
    if (input.restock) appendMovement(db, { productId: p.line.productId, quantity: p.quantity, kind: 'refund', refId: input.id, occurredAt: at });
    appendLedgerEntry(db, {
      producerId: p.line.producerId,
      kind: 'refund',
      amount: p.producerShare === 0 ? 0 : -p.producerShare,
      occurredAt: at,
      refType: 'refund_line',
      refId: refundLineId,
      productId: p.line.productId,
      quantity: p.quantity,
      reason: input.reason,
      createdBy: manager.id,
    });
  }
  audit(db, {
    at,
    actorId: manager.id,
    action: 'sale.refund',
    subjectType: 'sale',
    subjectId: sale.id,
    after: {
      refundId: input.id,
      receiptNo: sale.receiptNo,
      method,
      amount,
      restock: input.restock,
      lines: planned.map((p) => ({ saleLineId: p.line.id, quantity: p.quantity, amount: p.amount })),
    },
    reason: input.reason,
  });
  return loadRefund(db, input.id)!;
}
