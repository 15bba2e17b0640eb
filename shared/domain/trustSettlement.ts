/**
 * The trust ledger, per settlement (SPEC §8). Pure: no I/O, no clock — the
 * report date (`asOf`, a store-local date) and the time zone come in.
 *
 * Rules, all in whole LOCAL calendar days of the store's time zone:
 * - Only payouts whose local date is on or before `asOf` are counted (the
 *   ledger "as it stood" on the report date; a back-dated payout counts on the
 *   date it was paid, not the date it was recorded).
 * - Paid in full: the local date of the payout at which the cumulative amount
 *   (payouts in `paidAt` order) reaches `totalDue`. A zero-total settlement is
 *   paid in full on its period date: the period's LAST local day (a week
 *   ending Sunday 24:00 is dated Sunday).
 * - Days late = daysPastDue(due date, paid-in-full date).
 * - Overdue: not paid in full and `asOf` is after the due date; its days late
 *   so far = daysPastDue(due date, asOf).
 * - An ended week not finalised yet (`finalised: false`) is evaluated like a
 *   settlement of what it will pay: it is owed all the same (SPEC §8).
 * - Not yet due: not paid in full and `asOf` is on or before the due date.
 */
import type { Instant, LocalDate } from './time';
import { compareInstants, daysPastDue, lastDayOfPeriod, localDateOf } from './trustTime';

export interface TrustSettlement {
  id: number;
  producerId: number;
  number: string;
  /** Instant at which the settled period ended. */
  periodEnd: Instant;
  /** Local date on which the payout is due. */
  dueDate: LocalDate;
  /** Whole rupiah. */
  totalDue: number;
  /** False for an ended week still waiting to be finalised (no number yet); default true. */
  finalised?: boolean;
}

export interface TrustPayout {
  settlementId: number;
  /** Whole rupiah, > 0. */
  amount: number;
  paidAt: Instant;
}

export interface TrustOptions {
  /** Report date: a store-local date. */
  asOf: LocalDate;
  timeZone: string;
}

export type TrustStatus = 'onTime' | 'late' | 'overdue' | 'notYetDue' | 'zeroTotal';

export interface SettlementTrust {
  settlementId: number;
  producerId: number;
  number: string;
  periodEnd: Instant;
  /** The period's last local day (its date on every screen and paper). */
  periodEndDate: LocalDate;
  /** False for an ended week not finalised yet. */
  finalised: boolean;
  dueDate: LocalDate;
  totalDue: number;
  /** Sum of payouts counted (paid on or before `asOf`). */
  paid: number;
  /** totalDue − paid, never below zero. */
  outstanding: number;
  paidInFullDate: LocalDate | null;
  status: TrustStatus;
  /** late: final days late; overdue: days late so far (to `asOf`); otherwise 0. */
  daysLate: number;
  payoutsCounted: number;
  lastPayoutAt: Instant | null;
}

/** Groups payouts by settlement, sorted by `paidAt` (ties keep input order). */
export function payoutsBySettlement(payouts: readonly TrustPayout[]): Map<number, TrustPayout[]> {
  const map = new Map<number, TrustPayout[]>();
  for (const p of payouts) {
    let list = map.get(p.settlementId);
    if (!list) map.set(p.settlementId, (list = []));
    list.push(p);
  }
  for (const list of map.values()) {
    if (list.length > 1) list.sort((a, b) => compareInstants(a.paidAt, b.paidAt));
  }
  return map;
}

/** Evaluates one settlement against its payouts (already sorted by `paidAt`). */
export function evaluateSettlement(
  s: TrustSettlement,
  sortedPayouts: readonly TrustPayout[],
  { asOf, timeZone }: TrustOptions,
  knownPeriodEndDate?: LocalDate,
): SettlementTrust {
  const local = localDateOf(timeZone);
  const periodEndDate = knownPeriodEndDate ?? lastDayOfPeriod(s.periodEnd, timeZone);
  let paid = 0;
  let counted = 0;
  let lastPayoutAt: Instant | null = null;
  let paidInFullDate: LocalDate | null = s.totalDue === 0 ? periodEndDate : null;
  for (const p of sortedPayouts) {
    const day = local(p.paidAt);
    if (day > asOf) continue;
    paid += p.amount;
    counted += 1;
    if (lastPayoutAt === null || compareInstants(p.paidAt, lastPayoutAt) > 0) lastPayoutAt = p.paidAt;
    if (paidInFullDate === null && paid >= s.totalDue) paidInFullDate = day;
  }
  let status: TrustStatus;
  let daysLate = 0;
  if (s.totalDue === 0) status = 'zeroTotal';
  else if (paidInFullDate !== null) {
    daysLate = daysPastDue(s.dueDate, paidInFullDate);
    status = daysLate > 0 ? 'late' : 'onTime';
  } else if (asOf > s.dueDate) {
    status = 'overdue';
    daysLate = daysPastDue(s.dueDate, asOf);
  } else status = 'notYetDue';
  return {
    settlementId: s.id,
    producerId: s.producerId,
    number: s.number,
    periodEnd: s.periodEnd,
    periodEndDate,
    finalised: s.finalised !== false,
    dueDate: s.dueDate,
    totalDue: s.totalDue,
    paid,
    outstanding: Math.max(0, s.totalDue - paid),
    paidInFullDate,
    status,
    daysLate,
    payoutsCounted: counted,
    lastPayoutAt,
  };
}

/**
 * Evaluates every settlement that exists on the report date (its period ended
 * on or before `asOf`), sorted by due date then id. Settlements finalised later
 * than `asOf` are left out: the report shows the ledger as it stood then.
 */
export function evaluateSettlements(
  settlements: readonly TrustSettlement[],
  payouts: readonly TrustPayout[],
  options: TrustOptions,
): SettlementTrust[] {
  const byS = payoutsBySettlement(payouts);
  const local = localDateOf(options.timeZone);
  const out: SettlementTrust[] = [];
  for (const s of settlements) {
    // it exists once its end instant has passed: the local date of that instant, not the period's last day
    if (local(s.periodEnd) > options.asOf) continue;
    out.push(evaluateSettlement(s, byS.get(s.id) ?? [], options, lastDayOfPeriod(s.periodEnd, options.timeZone)));
  }
  out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.settlementId - b.settlementId));
  return out;
}
