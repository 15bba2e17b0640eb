/** Payouts: paying a settlement, in part or in full, never more than what remains. */
import { createHash } from 'node:crypto';
import type { Page } from '../../../shared/contract/paging';
import { pagedRows } from '../paging';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import { conflict, invalid } from '../errors';
import { audit } from '../audit';
import { appendLedgerEntry } from '../ledger/chain';
import { requireManager } from '../staff/approval';
import { formatRupiah } from '../../../shared/money';
import { formatLocalDateTime } from '../../../shared/domain/time';
import type { Payout, PayoutMethod, payoutInput } from '../../../shared/contract/ledger';
import { nowOf } from './common';
import { settlementRow } from './summaries';

type PayoutInput = z.output<typeof payoutInput>;

interface PayoutRow {
  id: string;
  settlement_id: number;
  number: string;
  producer_id: number;
  amount: number;
  method: PayoutMethod;
  reference: string;
  paid_at: string;
  receiver_name: string;
  shift_id: number | null;
  ledger_entry_id: number;
  created_at: string;
  created_by: number | null;
  created_by_name: string | null;
  request_hash: string;
}

const PAYOUT_SELECT = `SELECT po.*, s.number, st.name AS created_by_name
  FROM payouts po JOIN settlements s ON s.id = po.settlement_id LEFT JOIN staff st ON st.id = po.created_by`;

const toPayout = (r: PayoutRow): Payout => ({
  id: r.id,
  settlementId: r.settlement_id,
  settlementNumber: r.number,
  producerId: r.producer_id,
  amount: r.amount,
  method: r.method,
  reference: r.reference,
  paidAt: r.paid_at,
  receiverName: r.receiver_name,
  shiftId: r.shift_id,
  ledgerEntryId: r.ledger_entry_id,
  createdAt: r.created_at,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
});

/** In the order they were recorded, a page at a time. */
export function listPayouts(db: Database.Database, filter: { settlementId?: number; producerId?: number; offset?: number; limit?: number }): Page<Payout> {
  const where: string[] = [];
  const args: number[] = [];
  if (filter.settlementId !== undefined) {
    where.push('po.settlement_id = ?');
    args.push(filter.settlementId);
  }
  if (filter.producerId !== undefined) {
    where.push('po.producer_id = ?');
    args.push(filter.producerId);
  }
  const from = PAYOUT_SELECT.slice(PAYOUT_SELECT.indexOf(' FROM ') + ' FROM '.length);
  return pagedRows<PayoutRow, Payout>(
    db,
    { select: PAYOUT_SELECT.slice('SELECT '.length, PAYOUT_SELECT.indexOf(' FROM ')), from, countFrom: 'payouts po', where, args, orderBy: 'po.ledger_entry_id' },
    filter,
    toPayout,
  );
}

/** The content a retry must repeat exactly (the approval is not part of it). */
function requestHash(i: PayoutInput): string {
  const content = [i.settlementId, i.producerId ?? null, i.amount, i.method, i.reference ?? '', i.paidAt ? new Date(i.paidAt).toISOString() : null, i.receiverName];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function openShift(db: Database.Database): { id: number; opened_at: string } | undefined {
  return db
    .prepare(
      `SELECT s.id, s.opened_at FROM shifts s WHERE NOT EXISTS (SELECT 1 FROM shift_closes c WHERE c.shift_id = s.id)
        ORDER BY s.opened_at DESC, s.id DESC LIMIT 1`,
    )
    .get() as { id: number; opened_at: string } | undefined;
}

export function createPayout(ctx: CoreContext, input: PayoutInput): Payout {
  const manager = requireManager(ctx, input.approval);
  const db = ctx.db;
  const hash = requestHash(input);
  const existing = db.prepare(`${PAYOUT_SELECT} WHERE po.id = ?`).get(input.id) as PayoutRow | undefined;
  if (existing) {
    if (existing.request_hash === hash) return toPayout(existing);
    conflict(
      'Id pembayaran ini sudah dipakai untuk pembayaran lain dengan isi berbeda.',
      'This payout id was already used for a different payout.',
    );
  }
  const s = settlementRow(db, input.settlementId);
  if (input.producerId !== undefined && input.producerId !== s.producer_id) {
    invalid(
      `Setoran ${s.number} milik ${s.name}, bukan produsen #${input.producerId}.`,
      `Settlement ${s.number} belongs to ${s.name}, not producer #${input.producerId}.`,
      'producerId',
    );
  }
  const now = nowOf(ctx);
  const tz = ctx.timeZone();
  const lang = ctx.lang();
  const paidAt = input.paidAt ? new Date(input.paidAt).toISOString() : now;
  if (paidAt > now) invalid('Tanggal bayar tidak boleh di masa depan.', 'The payment date cannot be in the future.', 'paidAt');
  if (paidAt < s.period_end) {
    const end = formatLocalDateTime(s.period_end, tz, lang);
    invalid(
      `Tanggal bayar tidak boleh sebelum akhir periode setoran (${end}).`,
      `The payment date cannot be before the settlement period ended (${end}).`,
      'paidAt',
    );
  }
  const remaining = s.total_due - s.paid;
  if (input.amount > remaining) {
    invalid(
      `Pembayaran ${formatRupiah(input.amount)} melebihi sisa setoran ${s.number}: ${formatRupiah(remaining)}.`,
      `A payout of ${formatRupiah(input.amount)} exceeds what remains on ${s.number}: ${formatRupiah(remaining)}.`,
      'amount',
    );
  }
  let shiftId: number | null = null;
  if (input.method === 'cash_drawer') {
    const shift = openShift(db);
    if (!shift) {
      invalid(
        'Tidak ada shift kasir yang terbuka: bayar tunai dari laci hanya bisa saat shift terbuka. Pilih "tunai dari brankas" atau buka shift.',
        'No till shift is open: a cash payout from the drawer needs an open shift. Choose "cash from the safe" or open a shift.',
        'method',
      );
    }
    if (paidAt < shift!.opened_at) {
      invalid(
        'Pembayaran dari laci tidak boleh bertanggal sebelum shift yang terbuka dimulai.',
        'A payout from the drawer cannot be dated before the open shift started.',
        'paidAt',
      );
    }
    shiftId = shift!.id;
  }
  const entry = appendLedgerEntry(db, {
    producerId: s.producer_id,
    kind: 'payout',
    amount: -input.amount,
    occurredAt: paidAt,
    refType: 'payout',
    refId: input.id,
    reason: s.number,
    createdBy: manager.id,
  });
  db.prepare(
    `INSERT INTO payouts (id, settlement_id, producer_id, amount, method, reference, paid_at, receiver_name, shift_id, ledger_entry_id, created_at, created_by, request_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(input.id, s.id, s.producer_id, input.amount, input.method, input.reference ?? '', paidAt, input.receiverName, shiftId, entry.id, now, manager.id, hash);
  audit(db, {
    at: now,
    actorId: manager.id,
    action: 'payout.create',
    subjectType: 'settlement',
    subjectId: s.id,
    before: { paid: s.paid, remaining },
    // number and producer so the audit log can say it in words without looking anything up
    after: { payoutId: input.id, settlementNumber: s.number, producer: s.name, amount: input.amount, method: input.method, paidAt, remaining: remaining - input.amount },
  });
  return toPayout(db.prepare(`${PAYOUT_SELECT} WHERE po.id = ?`).get(input.id) as PayoutRow);
}
