import type { MethodParsed } from '../../../../shared/contract';
import type { Sale } from '../../../../shared/contract/till';
import { audit } from '../../audit';
import { nowIso, type CoreContext } from '../../context';
import { conflict } from '../../errors';
import { appendLedgerEntry } from '../../ledger/chain';
import { requireManager } from '../../staff/approval';
import { sql } from '../db';
import { openShift } from '../rows';
import { requireSale } from './read';
import { appendMovement } from '../../stock/lotState';

/**
 * Voids a whole sale of the shift that is still open, with a manager's PIN and
 * a reason. Writes reversing rows only: a sale_voids row, stock back in, one
 * negative `refund` ledger entry per line. The sale keeps its receipt number.
 */
export function voidSale(input: MethodParsed<'sales.void'>, ctx: CoreContext): Sale {
  const { db } = ctx;
  const manager = requireManager(ctx, input.approval);
  const sale = requireSale(db, input.saleId);
  if (sale.status === 'voided') {
    conflict(`Struk #${sale.receiptNo} sudah dibatalkan.`, `Receipt #${sale.receiptNo} is already voided.`);
  }
  const current = openShift(db);
  if (!current || current.id !== sale.shiftId) {
    conflict(
      `Struk #${sale.receiptNo} dari shift yang sudah ditutup tidak dapat dibatalkan: gunakan pengembalian (refund).`,
      `Receipt #${sale.receiptNo} belongs to a closed shift and cannot be voided: use a refund instead.`,
    );
  }
  if (sale.refunds.length > 0) {
    conflict(
      `Struk #${sale.receiptNo} sudah punya pengembalian: kembalikan sisa barisnya, bukan membatalkan.`,
      `Receipt #${sale.receiptNo} already has refunds: refund the remaining lines instead of voiding.`,
    );
  }
  const at = nowIso(ctx);
  sql(db, 'INSERT INTO sale_voids (sale_id, voided_at, shift_id, approved_by, reason) VALUES (?, ?, ?, ?, ?)').run(
    sale.id,
    at,
    sale.shiftId,
    manager.id,
    input.reason,
  );
  for (const line of sale.lines) {
    appendMovement(db, { productId: line.productId, quantity: line.quantity, kind: 'void', refId: sale.id, occurredAt: at });
    appendLedgerEntry(db, {
      producerId: line.producerId,
      kind: 'refund',
      amount: line.producerShare === 0 ? 0 : -line.producerShare,
      occurredAt: at,
      refType: 'sale_line_void',
      refId: line.id,
      productId: line.productId,
      quantity: line.quantity,
      reason: input.reason,
      createdBy: manager.id,
    });
  }
  audit(db, {
    at,
    actorId: manager.id,
    action: 'sale.void',
    subjectType: 'sale',
    subjectId: sale.id,
    before: { receiptNo: sale.receiptNo, status: 'completed', total: sale.total },
    after: { receiptNo: sale.receiptNo, status: 'voided', total: sale.total },
    reason: input.reason,
  });
  return requireSale(db, sale.id);
}
