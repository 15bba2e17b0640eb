import { createHash } from 'node:crypto';
import type { MethodParsed } from '../../../../shared/contract';
import type { ParkedSale } from '../../../../shared/contract/till';
import { nowIso, type CoreContext } from '../../context';
import { conflict, invalid, notFound } from '../../errors';
import { termsAt } from '../../catalogue/terms';
import { sql } from '../db';
import { localDateOf } from '../today';

/*
 * Parked sales (SPEC §4): a cart put aside while the next customer is served.
 * Nothing is sold, counted or owed while a cart is parked; it only waits in the
 * database so a reload cannot lose it. Recalling consumes it, once.
 */

type StoredLine = { productId: number; quantity: number; discount: number; discountBps: number | null };

interface ParkedRow {
  id: string;
  shift_id: number;
  parked_at: string;
  parked_by_name: string;
  lines: string;
  total: number;
  recalled_at: string | null;
  request_hash: string;
}

const PARKED_SELECT = `SELECT p.id, p.shift_id, p.parked_at, st.name AS parked_by_name, p.lines, p.total, p.recalled_at, p.request_hash
  FROM parked_sales p JOIN staff st ON st.id = p.parked_by`;

function toParked(ctx: CoreContext, r: ParkedRow): ParkedSale {
  const nameOf = sql(ctx.db, 'SELECT name FROM products WHERE id = ?');
  const lines = (JSON.parse(r.lines) as StoredLine[]).map((l) => ({
    ...l,
    productName: (nameOf.get(l.productId) as { name: string } | undefined)?.name ?? `#${l.productId}`,
  }));
  return { id: r.id, parkedAt: r.parked_at, parkedBy: r.parked_by_name, shiftId: r.shift_id, total: r.total, lines };
}

function requireOpenShift(ctx: CoreContext, shiftId: number): { cashier_id: number } {
  const shift = sql(ctx.db, 'SELECT s.cashier_id, c.shift_id AS closed FROM shifts s LEFT JOIN shift_closes c ON c.shift_id = s.id WHERE s.id = ?').get(shiftId) as
    | { cashier_id: number; closed: number | null }
    | undefined;
  if (!shift) notFound(`Shift #${shiftId} tidak ditemukan: buka shift dulu.`, `Shift #${shiftId} not found: open a shift first.`);
  if (shift!.closed !== null) conflict(`Shift #${shiftId} sudah ditutup: buka shift baru.`, `Shift #${shiftId} is closed: open a new shift.`);
  return shift!;
}

export function parkSale(input: MethodParsed<'sales.park'>, ctx: CoreContext): ParkedSale {
  const { db } = ctx;
  const lines: StoredLine[] = input.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, discount: l.discount ?? 0, discountBps: l.discountBps ?? null }));
  const requestHash = createHash('sha256').update(JSON.stringify(['park.v1', input.shiftId, lines])).digest('hex');
  const existing = sql(db, `${PARKED_SELECT} WHERE p.id = ?`).get(input.id) as ParkedRow | undefined;
  if (existing) {
    if (existing.request_hash !== requestHash) {
      conflict('Id ini sudah dipakai untuk keranjang lain: tidak ada yang disimpan.', 'This id was already used for another cart: nothing was saved.');
    }
    return toParked(ctx, existing);
  }
  const shift = requireOpenShift(ctx, input.shiftId);
  const today = localDateOf(ctx.now(), ctx.timeZone());
  const product = sql(db, 'SELECT name, active FROM products WHERE id = ?');
  let total = 0;
  lines.forEach((l, i) => {
    const p = product.get(l.productId) as { name: string; active: number } | undefined;
    if (!p) notFound(`Produk #${l.productId} tidak ditemukan`, `Product #${l.productId} not found`);
    const terms = termsAt(db, l.productId, today);
    if (!terms) invalid(`${p!.name} belum punya harga yang berlaku.`, `${p!.name} has no price in effect.`, `lines.${i}.productId`);
    const gross = terms!.retailPrice * l.quantity;
    if (l.discount > gross) {
      invalid(`Diskon baris ${i + 1} melebihi jumlah baris.`, `The discount on line ${i + 1} is larger than the line amount.`, `lines.${i}.discount`);
    }
    total += gross - l.discount;
  });
  sql(
    db,
    'INSERT INTO parked_sales (id, shift_id, parked_by, parked_at, lines, line_count, total, request_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(input.id, input.shiftId, shift.cashier_id, nowIso(ctx), JSON.stringify(lines), lines.length, total, requestHash);
  return toParked(ctx, sql(db, `${PARKED_SELECT} WHERE p.id = ?`).get(input.id) as ParkedRow);
}

export function listParked(_input: MethodParsed<'sales.parked'>, ctx: CoreContext): ParkedSale[] {
  return (sql(ctx.db, `${PARKED_SELECT} WHERE p.recalled_at IS NULL ORDER BY p.parked_at, p.rowid`).all() as ParkedRow[]).map((r) => toParked(ctx, r));
}

export function recallSale(input: MethodParsed<'sales.recall'>, ctx: CoreContext): ParkedSale {
  const { db } = ctx;
  const row = sql(db, `${PARKED_SELECT} WHERE p.id = ?`).get(input.id) as ParkedRow | undefined;
  if (!row) notFound('Keranjang yang ditahan ini tidak ditemukan.', 'This parked cart was not found.');
  if (row!.recalled_at !== null) {
    conflict(
      'Keranjang ini sudah diambil kembali: tidak dapat dijual dua kali.',
      'This cart was already recalled: it cannot be sold twice.',
    );
  }
  const shift = requireOpenShift(ctx, input.shiftId);
  const done = sql(db, 'UPDATE parked_sales SET recalled_at = ?, recalled_by = ?, recalled_shift_id = ? WHERE id = ? AND recalled_at IS NULL').run(
    nowIso(ctx),
    shift.cashier_id,
    input.shiftId,
    input.id,
  );
  if (done.changes !== 1) conflict('Keranjang ini sudah diambil kembali.', 'This cart was already recalled.');
  return toParked(ctx, row!);
}
