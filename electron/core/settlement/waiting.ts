/**
 * Ended weeks still waiting to be finalised (SPEC §8). The money of a week
 * that has ended is owed from its period end and due after the payment term
 * whether or not anyone has finalised it, so the owed list, the trust figures
 * and the settlement screens count these weeks too — a shop cannot look
 * punctual by not finalising.
 *
 * Each waiting week is what finalising the weeks in order would make: the
 * first takes every unsettled entry before its end, each later one the
 * entries of its own week, and a negative week carries into the next one as
 * finalising would (settlementCarry.ts). Nothing is written.
 */
import type Database from 'better-sqlite3';
import { addDays } from '../../../shared/domain/time';
import { daysPastDue } from '../../../shared/domain/trustTime';
import { carryForward, type CarriedTotals } from '../../../shared/domain/settlementCarry';
import {
  dueDateOf,
  latestEndedPeriod,
  periodContaining,
  periodEndInstant,
  periodStartInstant,
  type PeriodRule,
} from '../../../shared/domain/settlement';
import type { ProducerRef } from '../../../shared/contract/ledger';
import { toProducerRef } from './common';
import { cursorOf, latestFinalisedEnd } from './unsettled';

export interface WaitingProducerWeek extends CarriedTotals {
  producer: ProducerRef;
}

export interface WaitingWeek {
  /** Last local day of the week. */
  periodEnd: string;
  periodEndInstant: string;
  periodStartInstant: string;
  dueDate: string;
  /** Today is after the due date. */
  overdue: boolean;
  /** Whole local days past the due date (daysPastDue). */
  daysOverdue: number;
  /** Σ what the producers' settlements of this week will pay. */
  total: number;
  producers: WaitingProducerWeek[];
}

/** At most ten years of weeks are listed; older unsettled entries fall into the first one. */
const MAX_WEEKS = 520;

interface ProducerRow {
  id: number;
  name: string;
  short_name: string;
  active: number;
  created_at: string;
}

function firstWaitingDay(db: Database.Database, rule: PeriodRule): string | null {
  const lastFinal = latestFinalisedEnd(db);
  if (lastFinal !== null) return periodContaining(lastFinal, rule);
  const earliest = (
    db
      .prepare(
        `SELECT MIN(t) AS t FROM (SELECT MIN(occurred_at) AS t FROM ledger_entries WHERE kind <> 'payout'
                                  UNION ALL SELECT MIN(created_at) FROM producers)`,
      )
      .get() as { t: string | null }
  ).t;
  return earliest === null ? null : periodContaining(earliest, rule);
}

/**
 * Per producer and week, the sum of the unsettled entries before the last
 * end: the rows of unsettledBefore() (the same cursor and conditions),
 * summed in SQLite — a week of a busy shop is thousands of entries, and
 * only their sums per week are needed. An entry belongs to the first week
 * whose end is after it (entries older than the first week fall into it).
 */
function unsettledWeekSums(db: Database.Database, ends: string[]): { producer_id: number; wk: number; amount: number }[] {
  const bounds = ends.slice(0, -1);
  const bucket = bounds.length === 0 ? '0' : `CASE ${bounds.map((_, i) => `WHEN le.occurred_at < @e${i} THEN ${i}`).join(' ')} ELSE ${bounds.length} END`;
  const grouped = db.prepare(
    `SELECT @producer AS producer_id, ${bucket} AS wk, SUM(le.amount) AS amount
       FROM ledger_entries le
      WHERE le.producer_id = @producer AND le.seq > @through AND +le.occurred_at < @end AND le.kind <> 'payout'
        AND (le.seq > @settledMax OR NOT EXISTS (SELECT 1 FROM settlement_entries se WHERE se.entry_id = le.id))
      GROUP BY wk`,
  );
  const weekBounds = Object.fromEntries(bounds.map((e, i) => [`e${i}`, e]));
  const out: { producer_id: number; wk: number; amount: number }[] = [];
  for (const id of db.prepare('SELECT id FROM producers ORDER BY id').pluck().all() as number[]) {
    const c = cursorOf(db, id);
    out.push(...(grouped.all({ producer: id, through: c.through, end: ends.at(-1)!, settledMax: c.settledMax, ...weekBounds }) as { producer_id: number; wk: number; amount: number }[]));
  }
  return out;
}

/** Every ended, unfinalised week, oldest first, with what each producer's settlement will pay. */
export function waitingWeeks(db: Database.Database, now: string, today: string, rule: PeriodRule): WaitingWeek[] {
  const latest = latestEndedPeriod(now, rule);
  let first = firstWaitingDay(db, rule);
  if (first === null || first > latest) return [];
  const days: string[] = [];
  if ((Date.parse(latest) - Date.parse(first)) / (7 * 86_400_000) >= MAX_WEEKS) first = addDays(latest, -7 * (MAX_WEEKS - 1));
  for (let d = first; d <= latest; d = addDays(d, 7)) days.push(d);
  const ends = days.map((d) => periodEndInstant(d, rule));
  // week index → producer → sum of the week's entries
  const sums = days.map(() => new Map<number, number>());
  for (const row of unsettledWeekSums(db, ends)) sums[row.wk]!.set(row.producer_id, row.amount);
  const producers = db.prepare('SELECT id, name, short_name, active, created_at FROM producers ORDER BY name COLLATE NOCASE, id').all() as ProducerRow[];
  const carryOf = db.prepare('SELECT carried_forward AS c FROM settlements WHERE producer_id = ? ORDER BY period_end DESC LIMIT 1').pluck();
  const carry = new Map(producers.map((p) => [p.id, (carryOf.get(p.id) as number | undefined) ?? 0]));
  return days.map((day, i) => {
    const end = ends[i]!;
    const list: WaitingProducerWeek[] = [];
    for (const p of producers) {
      const weekTotal = sums[i]!.get(p.id);
      if (weekTotal === undefined && !(p.active === 1 && p.created_at < end)) continue;
      const totals = carryForward(weekTotal ?? 0, carry.get(p.id)!);
      carry.set(p.id, totals.carriedForward);
      list.push({ producer: toProducerRef(p), ...totals });
    }
    const dueDate = dueDateOf(day, rule);
    const daysOverdue = daysPastDue(dueDate, today);
    return {
      periodEnd: day,
      periodEndInstant: end,
      periodStartInstant: periodStartInstant(day, rule),
      dueDate,
      overdue: daysOverdue > 0,
      daysOverdue,
      total: list.reduce((s, p) => s + p.totalDue, 0),
      producers: list,
    };
  });
}
