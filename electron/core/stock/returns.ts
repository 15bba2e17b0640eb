import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { conflict, notFound } from '../errors';
import { documentNumber, takeNumber } from '../sequences';
import type { ProducerReturn, ReturnReason } from '../../../shared/contract/stock';
import type { MethodParsed } from '../../../shared/contract';
import { text } from '../catalogue/common';
import { addMovement, onHand } from './onHand';
import { producerRow, productsOfProducer } from './productCheck';
import { documentLines, listDocuments, staffOf } from './documents';

/**
 * Goods handed back to their producer (unsold, expired, damaged): numbered
 * RT-000001, stock goes down, and no money moves, so there is no ledger entry.
 * Handing back more than the shop holds is refused: it would hide a count error.
 */
export function createReturn(ctx: CoreContext, input: MethodParsed<'returns.create'>): ProducerReturn {
  const producer = producerRow(ctx.db, input.producerId);
  const actor = ctx.actor;
  // Inactive products and producers may still take their goods back.
  const products = productsOfProducer(ctx.db, producer, input.lines.map((l) => l.productId), { requireActive: false });
  const wanted = new Map<number, number>();
  for (const l of input.lines) wanted.set(l.productId, (wanted.get(l.productId) ?? 0) + l.quantity);
  for (const [productId, qty] of wanted) {
    const have = onHand(ctx.db, productId);
    if (qty > have) {
      const p = products.get(productId)!;
      conflict(
        `Stok "${p.name}" hanya ${have} ${p.unit}: tidak dapat meretur ${qty}`,
        `Only ${have} ${p.unit} of "${p.name}" in stock: cannot return ${qty}`,
      );
    }
  }
  const at = nowIso(ctx);
  const number = documentNumber('RT', takeNumber(ctx.db, 'return'));
  const info = ctx.db
    .prepare('INSERT INTO returns (number, producer_id, returned_at, created_by, received_by, notes) VALUES (?, ?, ?, ?, ?, ?)')
    .run(number, producer.id, at, actor?.id ?? null, text(input.receivedBy), text(input.notes));
  const returnId = Number(info.lastInsertRowid);
  const insertLine = ctx.db.prepare('INSERT INTO return_lines (return_id, product_id, quantity, reason, expiry_date) VALUES (?, ?, ?, ?, ?)');
  for (const l of input.lines) {
    insertLine.run(returnId, l.productId, l.quantity, l.reason, l.expiryDate ?? null);
    addMovement(ctx.db, { productId: l.productId, quantity: -l.quantity, kind: 'return', refId: returnId, occurredAt: at });
  }
  return getReturn(ctx, returnId);
}

export function getReturn(ctx: CoreContext, id: number): ProducerReturn {
  const row = ctx.db
    .prepare(
      `SELECT r.*, pr.name AS producer_name, pr.short_name, s.name AS staff_name
         FROM returns r JOIN producers pr ON pr.id = r.producer_id LEFT JOIN staff s ON s.id = r.created_by WHERE r.id = ?`,
    )
    .get(id) as
    | {
        id: number;
        number: string;
        producer_id: number;
        producer_name: string;
        short_name: string;
        returned_at: string;
        created_by: number | null;
        staff_name: string | null;
        received_by: string;
        notes: string;
      }
    | undefined;
  if (!row) return notFound(`Retur #${id} tidak ditemukan`, `Return #${id} not found`);
  const { rows, lines, totalUnits } = documentLines<{ reason: ReturnReason }>(ctx.db, 'return', id);
  return {
    id: row.id,
    number: row.number,
    producerId: row.producer_id,
    producerName: row.producer_name,
    producerShortName: row.short_name,
    returnedAt: row.returned_at,
    createdBy: staffOf(row.created_by, row.staff_name),
    receivedBy: row.received_by,
    notes: row.notes,
    lines: lines.map((l, i) => ({ ...l, reason: rows[i]!.reason })),
    totalUnits,
  };
}

export const listReturns = (ctx: CoreContext, input: MethodParsed<'returns.list'>) => listDocuments(ctx.db, 'return', input);
