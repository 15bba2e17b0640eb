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
import { latestFinalisedEnd, unsettledBefore } from './unsettled';

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

/** Every ended, unfinalised week, oldest first, with what each producer's settlement will pay. */
export function waitingWeeks(db: Database.Database, now: string, today: string, rule: PeriodRule): WaitingWeek[] {
  const latest = latestEndedPeriod(now, rule);
  let first = firstWaitingDay(db, rule);
  if (first === null || first > latest) return [];
  const days: string[] = [];
  if ((Date.parse(latest) - Date.parse(first)) / (7 * 86_400_000) >= MAX_WEEKS) first = addDays(latest, -7 * (MAX_WEEKS - 1));
  for (let d = first; d <= latest; d = addDays(d, 7)) days.push(d);
  const ends = days.map((d) => periodEndInstant(d, rule));
  const weekOf = (at: string): number => {
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at < ends[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  // week index → producer → sum of the week's entries
  const sums = days.map(() => new Map<number, number>());
  for (const row of unsettledBefore(db, ends.at(-1)!)) {
    const w = sums[weekOf(row.occurred_at)]!;
    w.set(row.producer_id, (w.get(row.producer_id) ?? 0) + row.amount);
  }
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
