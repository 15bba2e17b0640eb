/**
 * Weekly settlement periods (SPEC §7), as pure functions of the store's rule:
 * a period ends on an ISO weekday at a local wall-clock time (`24:00` = the
 * end of that day), and payment is due a number of days after it.
 *
 * A period is named by its LAST LOCAL DAY (`periodEnd` in the API, e.g. the
 * Sunday); its end instant is that day at the end time. The due date is the
 * last day + payment term days, so with the default rule (Sunday 24:00, 2
 * days) a week ending on Sunday is due on Tuesday.
 */
import { daysPastDue, lastDayOfPeriod } from './trustTime';
import { addDays, isoWeekday, localParts, localToInstant, toLocalDate, type Instant, type LocalDate } from './time';

export interface PeriodRule {
  /** ISO weekday of the period's last day: 1 Monday … 7 Sunday. */
  weekday: number;
  /** `HH:MM`, or `24:00` for the end of the day. */
  time: string;
  timeZone: string;
  paymentTermDays: number;
}

export function parseEndTime(time: string): { hour: number; minute: number } {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) throw new RangeError(`Not a period end time: ${time}`);
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 24 || minute > 59 || (hour === 24 && minute !== 0)) throw new RangeError(`Not a period end time: ${time}`);
  return { hour, minute };
}

/** True when `date` is the last day of a period under this rule. */
export const isPeriodLastDay = (date: LocalDate, rule: PeriodRule): boolean => isoWeekday(date) === rule.weekday;

/** The instant at which the period whose last day is `lastDay` ends. */
export function periodEndInstant(lastDay: LocalDate, rule: PeriodRule): Instant {
  const { hour, minute } = parseEndTime(rule.time);
  return localToInstant(lastDay, rule.timeZone, hour, minute);
}

/** The period's nominal start: the end of the week before. */
export const periodStartInstant = (lastDay: LocalDate, rule: PeriodRule): Instant => periodEndInstant(addDays(lastDay, -7), rule);

/** The last day of the period an instant falls in (its end is strictly after the instant). */
export function periodContaining(instant: Instant, rule: PeriodRule): LocalDate {
  const today = toLocalDate(instant, rule.timeZone);
  // back to the most recent rule weekday on or before today, then forward until its end is after the instant
  let day = addDays(today, -((isoWeekday(today) - rule.weekday + 7) % 7));
  while (Date.parse(periodEndInstant(day, rule)) <= Date.parse(instant)) day = addDays(day, 7);
  while (Date.parse(periodEndInstant(addDays(day, -7), rule)) > Date.parse(instant)) day = addDays(day, -7);
  return day;
}

/** The last day of the latest period that has ended at `now` (its end instant ≤ now). */
export const latestEndedPeriod = (now: Instant, rule: PeriodRule): LocalDate => addDays(periodContaining(now, rule), -7);

/** True when the period whose last day is `lastDay` has ended at `now`. */
export const periodHasEnded = (lastDay: LocalDate, now: Instant, rule: PeriodRule): boolean =>
  Date.parse(periodEndInstant(lastDay, rule)) <= Date.parse(now);

/** The payment due date of a period: its last day + the payment term. */
export const dueDateOf = (lastDay: LocalDate, rule: PeriodRule): LocalDate => addDays(lastDay, rule.paymentTermDays);

/**
 * The last local day of the period that ends at `endInstant`: the end belongs
 * to the NEXT period, so it is the day of the instant just before it. Needs
 * only the zone, so it stays right for settlements made under an older rule.
 */
export const lastDayOfPeriodEnding = (endInstant: Instant, timeZone: string): LocalDate => lastDayOfPeriod(endInstant, timeZone);

/** The `count` most recent ended periods at `now`, newest first (for a week picker). */
export function recentEndedPeriods(now: Instant, rule: PeriodRule, count: number): LocalDate[] {
  const latest = latestEndedPeriod(now, rule);
  return Array.from({ length: count }, (_, i) => addDays(latest, -7 * i));
}

export type SettlementPayState = 'paid' | 'partly_paid' | 'unpaid';

export interface SettlementStanding {
  state: SettlementPayState;
  remaining: number;
  /** Something remains to be paid and today is after the due date. */
  overdue: boolean;
  /** Whole local days past the due date (0 when not overdue). */
  daysOverdue: number;
}

/**
 * Where a settlement stands on a local date. A zero-total settlement is paid.
 * Overdue counts from the day after the due date.
 */
export function settlementStanding(totalDue: number, paid: number, dueDate: LocalDate, today: LocalDate): SettlementStanding {
  const remaining = totalDue - paid;
  const state: SettlementPayState = remaining <= 0 ? 'paid' : paid > 0 ? 'partly_paid' : 'unpaid';
  const late = remaining > 0 ? daysPastDue(dueDate, today) : 0;
  return { state, remaining, overdue: late > 0, daysOverdue: late };
}

export interface PeriodBound {
  date: LocalDate;
  /** `HH:MM` local, or null when the bound falls on a day boundary (the date says it all). */
  time: string | null;
}

/**
 * How a settlement period reads on paper: "26 Okt – 1 Nov" rather than
 * "26 Okt 00.00 – 2 Nov 00.00". A start at local midnight is that day; an end
 * at local midnight is the day before (the period's last day).
 */
export function periodBounds(periodStart: Instant | null, periodEnd: Instant, timeZone: string): { from: PeriodBound | null; to: PeriodBound } {
  const bound = (instant: Instant, isEnd: boolean): PeriodBound => {
    const p = localParts(instant, timeZone);
    if (p.hour === 0 && p.minute === 0 && p.second === 0) {
      return { date: isEnd ? addDays(toLocalDate(instant, timeZone), -1) : toLocalDate(instant, timeZone), time: null };
    }
    return { date: toLocalDate(instant, timeZone), time: `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}` };
  };
  return { from: periodStart ? bound(periodStart, false) : null, to: bound(periodEnd, true) };
}
