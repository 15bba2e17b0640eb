/** Everything a payout slip needs about one settlement. */
import type Database from 'better-sqlite3';
import { MAX_PAGE_SIZE } from '../../../shared/contract/paging';
import { notFound } from '../errors';
import { chainHead } from '../ledger/chain';
import { readSettings } from '../settings';
import { chainCode } from '../../../shared/domain/ledgerChain';
import { itemise } from '../../../shared/domain/settlementItems';
import { toLocalDate } from '../../../shared/domain/time';
import { payoutSlipTrustSummary } from '../../../shared/domain/trust';
import type { SettlementDetail } from '../../../shared/contract/ledger';
import { ENTRY_COLUMNS, slipProducer, staffName, toItemisable, type EntryRow } from './common';
import { settlementRow, toSummary } from './summaries';
import { listPayouts } from './payouts';
import { waitingTrustSettlements } from '../trust/waiting';
import type { PeriodRule } from '../../../shared/domain/settlement';

export function settlementDetail(db: Database.Database, now: string, rule: PeriodRule, id: number, payoutId?: string): SettlementDetail {
  const row = settlementRow(db, id);
  const settings = readSettings(db);
  const today = toLocalDate(now, rule.timeZone);
  const entries = db
    .prepare(`SELECT ${ENTRY_COLUMNS} FROM settlement_entries se JOIN ledger_entries le ON le.id = se.entry_id
        LEFT JOIN products p ON p.id = le.product_id WHERE se.settlement_id = ? ORDER BY le.seq`)
    .all(id) as EntryRow[];
  const payouts = listPayouts(db, { settlementId: id, limit: MAX_PAGE_SIZE }).rows;
  let forPayout = null;
  let paidBefore = row.paid;
  let paidNow = 0;
  if (payoutId !== undefined) {
    const index = payouts.findIndex((p) => p.id === payoutId);
    if (index < 0) notFound(`Pembayaran ${payoutId} bukan untuk setoran ${row.number}`, `Payout ${payoutId} is not for settlement ${row.number}`);
    forPayout = payouts[index]!;
    paidNow = forPayout.amount;
    paidBefore = payouts.slice(0, index).reduce((s, p) => s + p.amount, 0);
  }
  const producerSettlements = (
    db.prepare('SELECT id, producer_id, number, period_end, due_date, total_due FROM settlements WHERE producer_id = ? ORDER BY period_end, id').all(row.producer_id) as {
      id: number;
      producer_id: number;
      number: string;
      period_end: string;
      due_date: string;
      total_due: number;
    }[]
  ).map((s) => ({ id: s.id, producerId: s.producer_id, number: s.number, periodEnd: s.period_end, dueDate: s.due_date, totalDue: s.total_due }));
  // ended weeks nobody finalised count on the slip's trust summary too (SPEC §8)
  producerSettlements.push(...waitingTrustSettlements(db, new Date(now), row.producer_id));
  const producerPayouts = (
    db.prepare('SELECT settlement_id, amount, paid_at FROM payouts WHERE producer_id = ?').all(row.producer_id) as {
      settlement_id: number;
      amount: number;
      paid_at: string;
    }[]
  ).map((p) => ({ settlementId: p.settlement_id, amount: p.amount, paidAt: p.paid_at }));
  return {
    ...toSummary(row, today, rule),
    store: {
      storeName: settings.storeName,
      storeAddress: settings.storeAddress,
      storePhone: settings.storePhone,
      language: settings.language,
      timeZone: settings.timeZone,
      slipLayout: settings.slipLayout,
    },
    producerDetail: slipProducer(db, row.producer_id),
    items: itemise(entries.map(toItemisable)),
    payouts,
    paidNow,
    paidBefore,
    remainingAfter: row.total_due - paidBefore - paidNow,
    forPayout,
    trust: payoutSlipTrustSummary(producerSettlements, producerPayouts, { asOf: today, timeZone: rule.timeZone }),
    chainCode: chainCode(chainHead(db, row.producer_id)),
    chainCodeAtFinalise: chainCode(row.chain_head),
    createdByName: staffName(db, row.created_by),
    printedAt: now,
  };
}
