/**
 * The trust ledger's figures over a set of evaluated settlements (SPEC §8).
 * Pure: no I/O.
 *
 * Definitions (documented here once; the report, the payout slip and the API
 * all use these):
 * - `settlements`: every settlement in the set, zero-total ones included.
 * - `zeroTotal`: settlements with nothing due. They are "paid in full on their
 *   period end" and are left out of every punctuality figure below.
 * - `due` = settlements − zeroTotal, and always
 *   `onTime + late + overdue + notYetDue = due`.
 * - On-time rate = onTime / (onTime + late + overdue). A settlement still open
 *   but not yet past its due date (`notYetDue`) has no outcome yet and is left
 *   out; a settlement already paid in full before its due date is on time.
 *   Given as a {numerator, denominator} pair and as integer basis points
 *   (rounded half up); null when the denominator is 0 — never 0 by default.
 * - Average days late: mean of days late over the same denominator
 *   (on time = 0 days; overdue = days so far), in integer TENTHS of a day,
 *   rounded half up (`averageDaysLateTenths: 15` = 1.5 days). Null when empty.
 * - Maximum days late: over the same settlements; null when empty.
 * - totalOwed = Σ totalDue; totalPaid = Σ payouts counted; outstanding = Σ
 *   what is still unpaid (all as of the report date).
 * - Oldest unpaid amount: the earliest-due settlement with something still
 *   unpaid; its due date, its days overdue (daysPastDue, the same figure as
 *   the settlement's own "overdue N days") and its age in days from its
 *   period date (the period's last day) to the report date.
 */
import type { Instant, LocalDate } from './time';
import type { SettlementTrust } from './trustSettlement';
import { compareInstants, dayDiff, daysPastDue, meanTenths, ratioBps } from './trustTime';

const parses = (s: Instant): boolean => !Number.isNaN(Date.parse(s));

export interface TrustRatio {
  numerator: number;
  denominator: number;
}

export interface TrustFigures {
  settlements: number;
  zeroTotal: number;
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  notYetDue: number;
  onTimeRate: TrustRatio | null;
  onTimeRateBps: number | null;
  averageDaysLateTenths: number | null;
  maxDaysLate: number | null;
  totalOwed: number;
  totalPaid: number;
  outstanding: number;
  oldestUnpaidDueDate: LocalDate | null;
  oldestUnpaidAgeDays: number | null;
  /** Days the oldest unpaid amount is past its due date (0 when not yet due). */
  oldestUnpaidDaysOverdue: number | null;
  lastPayoutAt: Instant | null;
}

export interface TrustMonth extends TrustFigures {
  /** Local month of the due date, `YYYY-MM`. */
  month: string;
}

/** Figures over `items` as of the report date `asOf` (local date). */
export function trustFigures(items: readonly SettlementTrust[], asOf: LocalDate): TrustFigures {
  let zeroTotal = 0, onTime = 0, late = 0, overdue = 0, notYetDue = 0;
  let sumLate = 0, maxLate = -1, owed = 0, paid = 0, outstanding = 0;
  let oldest: SettlementTrust | null = null;
  let lastPayoutAt: Instant | null = null;
  for (const s of items) {
    owed += s.totalDue;
    paid += s.paid;
    outstanding += s.outstanding;
    if (s.outstanding > 0 && (oldest === null || s.dueDate < oldest.dueDate || (s.dueDate === oldest.dueDate && s.periodEndDate < oldest.periodEndDate))) oldest = s;
    // the latest instant that parses (as Date.parse(x) > max so far, from −∞)
    if (s.lastPayoutAt !== null && (lastPayoutAt === null ? parses(s.lastPayoutAt) : compareInstants(s.lastPayoutAt, lastPayoutAt) > 0)) lastPayoutAt = s.lastPayoutAt;
    switch (s.status) {
      case 'zeroTotal': zeroTotal += 1; continue;
      case 'notYetDue': notYetDue += 1; continue;
      case 'onTime': onTime += 1; break;
      case 'late': late += 1; break;
      case 'overdue': overdue += 1; break;
    }
    sumLate += s.daysLate;
    if (s.daysLate > maxLate) maxLate = s.daysLate;
  }
  const decided = onTime + late + overdue;
  return {
    settlements: items.length,
    zeroTotal,
    due: items.length - zeroTotal,
    onTime,
    late,
    overdue,
    notYetDue,
    onTimeRate: decided > 0 ? { numerator: onTime, denominator: decided } : null,
    onTimeRateBps: ratioBps(onTime, decided),
    averageDaysLateTenths: meanTenths(sumLate, decided),
    maxDaysLate: decided > 0 ? maxLate : null,
    totalOwed: owed,
    totalPaid: paid,
    outstanding,
    oldestUnpaidDueDate: oldest?.dueDate ?? null,
    oldestUnpaidAgeDays: oldest ? Math.max(0, dayDiff(oldest.periodEndDate, asOf)) : null,
    oldestUnpaidDaysOverdue: oldest ? daysPastDue(oldest.dueDate, asOf) : null,
    lastPayoutAt,
  };
}

/** Figures per local month of the due date, oldest month first (months without settlements omitted). */
export function trustTrend(items: readonly SettlementTrust[], asOf: LocalDate): TrustMonth[] {
  const groups = new Map<string, SettlementTrust[]>();
  for (const s of items) {
    const month = s.dueDate.slice(0, 7);
    let g = groups.get(month);
    if (!g) groups.set(month, (g = []));
    g.push(s);
  }
  return [...groups.keys()].sort().map((month) => ({ month, ...trustFigures(groups.get(month)!, asOf) }));
}
