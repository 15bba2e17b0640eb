import type Database from 'better-sqlite3';
import type { TrustPayout, TrustSettlement } from '../../../shared/domain/trust';
import type { PayoutMethod, TrustProducerRef } from '../../../shared/contract/trust';

/**
 * Reads for the trust ledger: the settlements and payouts tables, one query
 * each, computed in memory by shared/domain/trust.ts.
 */

interface Statements {
  settlements: Database.Statement;
  payouts: Database.Statement;
  producers: Database.Statement;
  producer: Database.Statement;
  producerSettlements: Database.Statement;
  producerPayouts: Database.Statement;
}
const cache = new WeakMap<Database.Database, Statements>();
function st(db: Database.Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      settlements: db
        .prepare('SELECT id, producer_id AS producerId, number, period_end AS periodEnd, due_date AS dueDate, total_due AS totalDue FROM settlements')
        .raw(),
      payouts: db.prepare('SELECT settlement_id, amount, paid_at FROM payouts').raw(),
      producers: db.prepare('SELECT id, name, short_name, active FROM producers ORDER BY name COLLATE NOCASE, id'),
      producer: db.prepare('SELECT id, name, short_name, active, phone, address FROM producers WHERE id = ?'),
      producerSettlements: db.prepare(
        `SELECT id, producer_id, number, period_start, period_end, due_date, total_due
           FROM settlements WHERE producer_id = ? ORDER BY due_date, id`,
      ),
      producerPayouts: db.prepare(
        `SELECT id, settlement_id, amount, paid_at, method, reference FROM payouts
          WHERE settlement_id IN (SELECT id FROM settlements WHERE producer_id = ?)
          ORDER BY paid_at, created_at, id`,
      ),
    };
    cache.set(db, s);
  }
  return s;
}

/** All settlements and payouts (store-wide report). */
export function loadAll(db: Database.Database): { settlements: TrustSettlement[]; payouts: TrustPayout[] } {
  const s = st(db);
  const settlements = (s.settlements.all() as [number, number, string, string, string, number][]).map(
    ([id, producerId, number, periodEnd, dueDate, totalDue]) => ({ id, producerId, number, periodEnd, dueDate, totalDue }),
  );
  const payouts = (s.payouts.all() as [number, number, string][]).map(([settlementId, amount, paidAt]) => ({ settlementId, amount, paidAt }));
  return { settlements, payouts };
}

interface ProducerRow {
  id: number;
  name: string;
  short_name: string;
  active: number;
}
const ref = (r: ProducerRow): TrustProducerRef => ({ producerId: r.id, name: r.name, shortName: r.short_name, active: r.active === 1 });

export function loadProducers(db: Database.Database): TrustProducerRef[] {
  return (st(db).producers.all() as ProducerRow[]).map(ref);
}

export function loadProducer(db: Database.Database, producerId: number): (TrustProducerRef & { phone: string; address: string }) | null {
  const r = st(db).producer.get(producerId) as (ProducerRow & { phone: string; address: string }) | undefined;
  return r ? { ...ref(r), phone: r.phone, address: r.address } : null;
}

export interface ProducerSettlementRow extends TrustSettlement {
  periodStart: string | null;
}
export interface ProducerPayoutRow extends TrustPayout {
  id: string;
  method: PayoutMethod;
  reference: string;
}

/** One producer's settlements and the payouts on them. */
export function loadProducerLedger(db: Database.Database, producerId: number): { settlements: ProducerSettlementRow[]; payouts: ProducerPayoutRow[] } {
  const s = st(db);
  const settlements = (
    s.producerSettlements.all(producerId) as { id: number; producer_id: number; number: string; period_start: string | null; period_end: string; due_date: string; total_due: number }[]
  ).map((r) => ({ id: r.id, producerId: r.producer_id, number: r.number, periodStart: r.period_start, periodEnd: r.period_end, dueDate: r.due_date, totalDue: r.total_due }));
  const payouts = (
    s.producerPayouts.all(producerId) as { id: string; settlement_id: number; amount: number; paid_at: string; method: PayoutMethod; reference: string }[]
  ).map((r) => ({ id: r.id, settlementId: r.settlement_id, amount: r.amount, paidAt: r.paid_at, method: r.method, reference: r.reference }));
  return { settlements, payouts };
}
