import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { documentNumber, takeNumber } from '../sequences';
import type { DocumentSummary, Intake } from '../../../shared/contract/stock';
import type { MethodParsed } from '../../../shared/contract';
import { staffRef, text, todayLocal } from '../catalogue/common';
import { addMovement } from './onHand';
import { producerRow, productsOfProducer } from './productCheck';

/** A consignment delivered by one producer: numbered TT-000001, stock goes up. */
export function createIntake(ctx: CoreContext, input: MethodParsed<'intakes.create'>): Intake {
  const producer = producerRow(ctx.db, input.producerId);
  if (producer.active !== 1) {
    conflict(`Produsen "${producer.name}" nonaktif: tidak dapat menerima titipan`, `Producer "${producer.name}" is inactive: cannot receive an intake`);
  }
  const receiver = staffRef(ctx.db, input.staffId);
  productsOfProducer(ctx.db, producer, input.lines.map((l) => l.productId), { requireActive: true });
  const today = todayLocal(ctx);
  input.lines.forEach((l, i) => {
    if (l.expiryDate !== undefined && l.expiryDate < today) {
      invalid(
        `Baris ${i + 1}: tanggal kedaluwarsa ${l.expiryDate} sudah lewat`,
        `Line ${i + 1}: expiry date ${l.expiryDate} has already passed`,
        `lines.${i}.expiryDate`,
      );
    }
  });
  const at = nowIso(ctx);
  const number = documentNumber('TT', takeNumber(ctx.db, 'intake'));
  const info = ctx.db
    .prepare('INSERT INTO intakes (number, producer_id, received_at, received_by, delivered_by, notes) VALUES (?, ?, ?, ?, ?, ?)')
    .run(number, producer.id, at, receiver?.id ?? null, text(input.deliveredBy), text(input.notes));
  const intakeId = Number(info.lastInsertRowid);
  const insertLine = ctx.db.prepare('INSERT INTO intake_lines (intake_id, product_id, quantity, expiry_date) VALUES (?, ?, ?, ?)');
  for (const l of input.lines) {
    insertLine.run(intakeId, l.productId, l.quantity, l.expiryDate ?? null);
    addMovement(ctx.db, { productId: l.productId, quantity: l.quantity, kind: 'intake', refId: intakeId, occurredAt: at });
  }
  return getIntake(ctx, intakeId);
}

export function getIntake(ctx: CoreContext, id: number): Intake {
  const row = ctx.db
    .prepare(
      `SELECT i.*, pr.name AS producer_name, pr.short_name, pr.phone, pr.address, s.name AS staff_name
         FROM intakes i JOIN producers pr ON pr.id = i.producer_id LEFT JOIN staff s ON s.id = i.received_by WHERE i.id = ?`,
    )
    .get(id) as
    | {
        id: number;
        number: string;
        producer_id: number;
        producer_name: string;
        short_name: string;
        phone: string;
        address: string;
        received_at: string;
        received_by: number | null;
        staff_name: string | null;
        delivered_by: string;
        notes: string;
      }
    | undefined;
  if (!row) return notFound(`Titipan #${id} tidak ditemukan`, `Intake #${id} not found`);
  const lines = ctx.db
    .prepare(
      `SELECT l.product_id, p.name, p.unit, l.quantity, l.expiry_date FROM intake_lines l JOIN products p ON p.id = l.product_id
        WHERE l.intake_id = ? ORDER BY l.id`,
    )
    .all(id) as { product_id: number; name: string; unit: string; quantity: number; expiry_date: string | null }[];
  return {
    id: row.id,
    number: row.number,
    producerId: row.producer_id,
    producerName: row.producer_name,
    producerShortName: row.short_name,
    producerPhone: row.phone,
    producerAddress: row.address,
    receivedAt: row.received_at,
    receivedBy: row.received_by === null ? null : { id: row.received_by, name: row.staff_name ?? '' },
    deliveredBy: row.delivered_by,
    notes: row.notes,
    lines: lines.map((l) => ({ productId: l.product_id, productName: l.name, unit: l.unit, quantity: l.quantity, expiryDate: l.expiry_date })),
    totalUnits: lines.reduce((sum, l) => sum + l.quantity, 0),
  };
}

export function listIntakes(ctx: CoreContext, input: MethodParsed<'intakes.list'>): DocumentSummary[] {
  return ctx.db
    .prepare(
      `SELECT i.id, i.number, i.producer_id AS producerId, pr.name AS producerName, i.received_at AS at,
              COUNT(l.id) AS lineCount, COALESCE(SUM(l.quantity), 0) AS totalUnits
         FROM intakes i JOIN producers pr ON pr.id = i.producer_id LEFT JOIN intake_lines l ON l.intake_id = i.id
        WHERE (? IS NULL OR i.producer_id = ?)
        GROUP BY i.id ORDER BY i.id DESC LIMIT ?`,
    )
    .all(input.producerId ?? null, input.producerId ?? null, input.limit ?? 100) as DocumentSummary[];
}
