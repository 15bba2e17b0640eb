import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { documentNumber, takeNumber } from '../sequences';
import type { Intake } from '../../../shared/contract/stock';
import type { MethodParsed } from '../../../shared/contract';
import { text, todayLocal } from '../catalogue/common';
import { addMovement } from './onHand';
import { producerRow, productsOfProducer } from './productCheck';
import { documentLines, listDocuments, staffOf } from './documents';
import { priceIntakeLines } from './intakeValue';

/** A consignment delivered by one producer: numbered TT-000001, stock goes up. */
export function createIntake(ctx: CoreContext, input: MethodParsed<'intakes.create'>): Intake {
  const producer = producerRow(ctx.db, input.producerId);
  if (producer.active !== 1) {
    conflict(`Produsen "${producer.name}" nonaktif: tidak dapat menerima titipan`, `Producer "${producer.name}" is inactive: cannot receive an intake`);
  }
  const receiver = ctx.actor;
  const products = productsOfProducer(ctx.db, producer, input.lines.map((l) => l.productId), { requireActive: true });
  const today = todayLocal(ctx);
  input.lines.forEach((l, i) => {
    const product = products.get(l.productId)!;
    if (l.expiryDate !== undefined && l.noExpiryDate) {
      invalid(
        `Baris ${i + 1} · Kedaluwarsa: isi tanggal atau pilih "tanpa tanggal", tidak keduanya`,
        `Line ${i + 1} · Expiry: give a date or choose "no date", not both`,
        `lines.${i}.expiryDate`,
      );
    }
    if (product.perishable === 1 && l.expiryDate === undefined && !l.noExpiryDate) {
      invalid(
        `Baris ${i + 1} · Kedaluwarsa: "${product.name}" mudah basi — isi tanggal kedaluwarsa, atau pilih "tanpa tanggal" dengan sengaja`,
        `Line ${i + 1} · Expiry: "${product.name}" is perishable — give its expiry date, or deliberately choose "no date"`,
        `lines.${i}.expiryDate`,
      );
    }
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
  const plain = documentLines(ctx.db, 'intake', id);
  const { lines, producerValue } = priceIntakeLines(ctx.db, plain.lines, row.received_at, ctx.timeZone());
  return {
    id: row.id,
    number: row.number,
    producerId: row.producer_id,
    producerName: row.producer_name,
    producerShortName: row.short_name,
    producerPhone: row.phone,
    producerAddress: row.address,
    receivedAt: row.received_at,
    receivedBy: staffOf(row.received_by, row.staff_name),
    deliveredBy: row.delivered_by,
    notes: row.notes,
    lines,
    totalUnits: plain.totalUnits,
    producerValue,
  };
}

export const listIntakes = (ctx: CoreContext, input: MethodParsed<'intakes.list'>) => listDocuments(ctx.db, 'intake', input);
