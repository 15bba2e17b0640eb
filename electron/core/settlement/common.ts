import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { readSettings } from '../settings';
import type { PeriodRule } from '../../../shared/domain/settlement';
import type { LedgerEntry, ProducerRef, SlipProducer } from '../../../shared/contract/ledger';
import type { ItemisableEntry } from '../../../shared/domain/settlementItems';
import { chainCode } from '../../../shared/domain/ledgerChain';
import type { LedgerKind } from '../../../shared/domain/ledgerChain';

/** The store's settlement rule, from its settings. */
export function periodRule(db: Database.Database): PeriodRule {
  const s = readSettings(db);
  return { weekday: s.periodEndWeekday, time: s.periodEndTime, timeZone: s.timeZone, paymentTermDays: s.paymentTermDays };
}

interface ProducerRow {
  id: number;
  name: string;
  short_name: string;
  active: number;
  phone: string;
  address: string;
  payout_method: 'cash' | 'transfer' | 'ewallet';
  payout_provider: string;
  payout_account: string;
  payout_account_name: string;
  created_at: string;
}

export const toProducerRef = (r: Pick<ProducerRow, 'id' | 'name' | 'short_name' | 'active'>): ProducerRef => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  active: r.active === 1,
});

export function producerRow(db: Database.Database, producerId: number): ProducerRow {
  const row = db.prepare('SELECT * FROM producers WHERE id = ?').get(producerId) as ProducerRow | undefined;
  if (!row) return notFound(`Produsen #${producerId} tidak ditemukan`, `Producer #${producerId} not found`);
  return row;
}

export function slipProducer(db: Database.Database, producerId: number): SlipProducer {
  const r = producerRow(db, producerId);
  return {
    ...toProducerRef(r),
    phone: r.phone,
    address: r.address,
    payoutMethod: r.payout_method,
    payoutProvider: r.payout_provider,
    payoutAccount: r.payout_account,
    payoutAccountName: r.payout_account_name,
  };
}

/** Columns of a ledger entry with its product, for `toEntry`. */
export const ENTRY_COLUMNS = `le.id, le.producer_id, le.seq, le.kind, le.amount, le.occurred_at, le.ref_type, le.ref_id,
  le.product_id, p.name AS product_name, p.unit AS unit, le.quantity, le.reason, le.created_by, le.hash`;
export const ENTRY_FROM = 'ledger_entries le LEFT JOIN products p ON p.id = le.product_id';

export interface EntryRow {
  id: number;
  producer_id: number;
  seq: number;
  kind: LedgerKind;
  amount: number;
  occurred_at: string;
  ref_type: string;
  ref_id: string;
  product_id: number | null;
  product_name: string | null;
  unit: string | null;
  quantity: number | null;
  reason: string;
  created_by: number | null;
  hash: string;
  settlement_number?: string | null;
}

export const toEntry = (r: EntryRow): LedgerEntry => ({
  id: r.id,
  producerId: r.producer_id,
  seq: r.seq,
  kind: r.kind,
  amount: r.amount,
  occurredAt: r.occurred_at,
  refType: r.ref_type,
  refId: r.ref_id,
  productId: r.product_id,
  productName: r.product_name,
  quantity: r.quantity,
  reason: r.reason,
  createdBy: r.created_by,
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
});

export const staffName = (db: Database.Database, staffId: number | null): string | null =>
  staffId === null ? null : ((db.prepare('SELECT name FROM staff WHERE id = ?').get(staffId) as { name: string } | undefined)?.name ?? null);

export const nowOf = (ctx: Pick<CoreContext, 'now'>) => ctx.now().toISOString();
