import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { readSettings } from '../settings';
import type { PeriodRule } from '../../../shared/domain/settlement';
import type { LedgerEntry, ProducerRef, SlipProducer } from '../../../shared/contract/ledger';
import type { ItemisableEntry } from '../../../shared/domain/settlementItems';
import { chainCode } from '../../../shared/domain/ledgerChain';
import { rowFields, type LedgerEntryRow } from '../ledger/chain';
import { contactAndPayout, type ProducerTableRow } from '../catalogue/producers';

/** The store's settlement rule, from its settings. */
export function periodRule(db: Database.Database): PeriodRule {
  const s = readSettings(db);
  return { weekday: s.periodEndWeekday, time: s.periodEndTime, timeZone: s.timeZone, paymentTermDays: s.paymentTermDays };
}

export const toProducerRef = (r: Pick<ProducerTableRow, 'id' | 'name' | 'short_name' | 'active'>): ProducerRef => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  active: r.active === 1,
});

export function producerRow(db: Database.Database, producerId: number): ProducerTableRow {
  const row = db.prepare('SELECT * FROM producers WHERE id = ?').get(producerId) as ProducerTableRow | undefined;
  if (!row) return notFound(`Produsen #${producerId} tidak ditemukan`, `Producer #${producerId} not found`);
  return row;
}

export function slipProducer(db: Database.Database, producerId: number): SlipProducer {
  const r = producerRow(db, producerId);
  return { ...toProducerRef(r), ...contactAndPayout(r) };
}

/** Columns of a ledger entry with its product, for `toEntry`. */
export const ENTRY_COLUMNS = `le.id, le.producer_id, le.seq, le.kind, le.amount, le.occurred_at, le.ref_type, le.ref_id,
  le.product_id, p.name AS product_name, p.unit AS unit, le.quantity, le.reason, le.created_by, le.hash`;
export const ENTRY_FROM = 'ledger_entries le LEFT JOIN products p ON p.id = le.product_id';

export interface EntryRow extends Omit<LedgerEntryRow, 'prev_hash'> {
  product_name: string | null;
  unit: string | null;
  settlement_number?: string | null;
}

export const toEntry = (r: EntryRow): LedgerEntry => ({
  id: r.id,
  ...rowFields(r),
  productName: r.product_name,
  code: chainCode(r.hash),
  settlementNumber: r.settlement_number ?? null,
});

export const toItemisable = (r: EntryRow): ItemisableEntry => ({
  id: r.id,
  seq: r.seq,
  kind: r.kind,
  amount: r.amount,
  occurredAt: r.occurred_at,
  productId: r.product_id,
  productName: r.product_name,
  unit: r.unit,
  quantity: r.quantity,
  reason: r.reason,
  refType: r.ref_type,
});

export const staffName = (db: Database.Database, staffId: number | null): string | null =>
  staffId === null ? null : ((db.prepare('SELECT name FROM staff WHERE id = ?').get(staffId) as { name: string } | undefined)?.name ?? null);

export const nowOf = (ctx: Pick<CoreContext, 'now'>) => ctx.now().toISOString();
