/** Settlement rows as the UI and the slip see them: with what was paid and where they stand. */
import type Database from 'better-sqlite3';
import type { Page } from '../../../shared/contract/paging';
import { pagedRows } from '../paging';
import { notFound } from '../errors';
import { settlementStanding, lastDayOfPeriodEnding, periodEndInstant, type PeriodRule } from '../../../shared/domain/settlement';
import type { OwedItem, OwedResult, SettlementSummary } from '../../../shared/contract/ledger';
import { waitingWeeks } from './waiting';
import { toProducerRef } from './common';

export interface SettlementRow {
  id: number;
  number: string;
  producer_id: number;
  period_start: string | null;
  period_end: string;
  due_date: string;
  total_due: number;
  carried_in: number;
  carried_forward: number;
  chain_head: string;
  created_at: string;
  created_by: number | null;
  name: string;
  short_name: string;
  active: number;
  paid: number;
}

export const SUMMARY_SELECT = `SELECT s.*, pr.name, pr.short_name, pr.active,
    COALESCE((SELECT SUM(po.amount) FROM payouts po WHERE po.settlement_id = s.id), 0) AS paid
  FROM settlements s JOIN producers pr ON pr.id = s.producer_id`;

export function toSummary(r: SettlementRow, today: string, rule: PeriodRule): SettlementSummary {
  const standing = settlementStanding(r.total_due, r.paid, r.due_date, today);
  return {
    id: r.id,
    number: r.number,
    producer: toProducerRef({ ...r, id: r.producer_id }),
    periodStart: r.period_start,
    periodEndInstant: r.period_end,
    periodEnd: lastDayOfPeriodEnding(r.period_end, rule.timeZone),
    dueDate: r.due_date,
    totalDue: r.total_due,
    carriedIn: r.carried_in,
    carriedForward: r.carried_forward,
    paid: r.paid,
    remaining: standing.remaining,
    state: standing.state,
    overdue: standing.overdue,
    daysOverdue: standing.daysOverdue,
    createdAt: r.created_at,
  };
}

export function settlementRow(db: Database.Database, id: number): SettlementRow {
  const row = db.prepare(`${SUMMARY_SELECT} WHERE s.id = ?`).get(id) as SettlementRow | undefined;
  if (!row) return notFound(`Setoran #${id} tidak ditemukan`, `Settlement #${id} not found`);
  return row;
}

export interface ListFilter {
  producerId?: number;
  status?: 'unpaid' | 'partly_paid' | 'paid' | 'overdue' | 'open';
  periodEnd?: string;
  offset?: number;
  limit?: number;
}

/** What was paid on a settlement, as SQL (the status filters need it before the page is cut). */
const PAID_SQL = 'COALESCE((SELECT SUM(po.amount) FROM payouts po WHERE po.settlement_id = s.id), 0)';

/**
 * Newest first (by period end, then number), a page at a time. The status
 * filters are the rules of `settlementStanding` in SQL, so only the page's
 * rows are read whole.
 */
export function listSettlements(db: Database.Database, filter: ListFilter, today: string, rule: PeriodRule): Page<SettlementSummary> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.producerId !== undefined) {
    where.push('s.producer_id = ?');
    args.push(filter.producerId);
  }
  if (filter.periodEnd !== undefined) {
    where.push('s.period_end = ?');
    args.push(periodEndInstant(filter.periodEnd, rule));
  }
  switch (filter.status) {
    case 'paid':
      where.push(`s.total_due <= ${PAID_SQL}`);
      break;
    case 'open':
      where.push(`s.total_due > ${PAID_SQL}`);
      break;
    case 'unpaid':
      where.push(`s.total_due > 0 AND ${PAID_SQL} = 0`);
      break;
    case 'partly_paid':
      where.push(`${PAID_SQL} > 0 AND s.total_due > ${PAID_SQL}`);
      break;
    case 'overdue':
      where.push(`s.total_due > ${PAID_SQL} AND s.due_date < ?`);
      args.push(today);
      break;
  }
  return pagedRows<SettlementRow, SettlementSummary>(
    db,
    {
      select: `s.*, pr.name, pr.short_name, pr.active, ${PAID_SQL} AS paid`,
      from: 'settlements s JOIN producers pr ON pr.id = s.producer_id',
      countFrom: 'settlements s',
      where,
      args,
      orderBy: 's.period_end DESC, s.number DESC',
    },
    filter,
    (r) => toSummary(r, today, rule),
  );
}

/** Everything still owed, finalised or not (SPEC §8), oldest due date first. */
export function owed(db: Database.Database, now: string, today: string, rule: PeriodRule): OwedResult {
  // Only the open settlements get their details read: most of five years' settlements are paid.
  const rows = db
    .prepare(
      `${SUMMARY_SELECT} WHERE s.id IN (
         SELECT s2.id FROM settlements s2
          WHERE s2.total_due > COALESCE((SELECT SUM(po.amount) FROM payouts po WHERE po.settlement_id = s2.id), 0))
       ORDER BY s.due_date, s.period_end, s.number`,
    )
    .all() as SettlementRow[];
  const waiting: OwedItem[] = waitingWeeks(db, now, today, rule).flatMap((w) =>
    w.producers
      .filter((p) => p.totalDue > 0)
      .map((p) => ({
        id: null,
        number: null,
        createdAt: null,
        finalised: false,
        producer: p.producer,
        periodStart: w.periodStartInstant,
        periodEndInstant: w.periodEndInstant,
        periodEnd: w.periodEnd,
        dueDate: w.dueDate,
        totalDue: p.totalDue,
        carriedIn: p.carriedIn,
        carriedForward: p.carriedForward,
        paid: 0,
        ...standing(p.totalDue, w.dueDate, today),
      })),
  );
  const items: OwedItem[] = [...rows.map((r) => ({ ...toSummary(r, today, rule), finalised: true })), ...waiting].sort(
    (a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0),
  );
  return {
    items,
    totalRemaining: items.reduce((s, i) => s + i.remaining, 0),
    totalOverdue: items.filter((i) => i.overdue).reduce((s, i) => s + i.remaining, 0),
    today,
  };
}

function standing(totalDue: number, dueDate: string, today: string) {
  const s = settlementStanding(totalDue, 0, dueDate, today);
  return { remaining: s.remaining, state: s.state, overdue: s.overdue, daysOverdue: s.daysOverdue };
}
