/**
 * Fast store-local dates for the trust ledger. The report turns tens of
 * thousands of instants into local dates; Intl per instant is too slow for the
 * 100 ms budget, so the zone offset is looked up once per UTC day and reused
 * (falling back to Intl on a day where the offset changes). Pure, no I/O.
 */
import { toLocalDate, zoneOffsetMinutes, type Instant, type LocalDate } from './time';

const DAY_MS = 86_400_000;
const fnCache = new Map<string, (instant: Instant) => LocalDate>();

interface DayInfo {
  /** Zone offset in minutes for the whole UTC day, or null when it changes during the day. */
  offset: number | null;
  prev: LocalDate;
  next: LocalDate;
}

export const CANONICAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/;
const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const isDigit = (s: string, i: number): boolean => (s.charCodeAt(i) - 48) >>> 0 < 10;
/** CANONICAL.test(s), by character codes. */
export function isCanonicalStart(s: string): boolean {
  return (
    s.length >= 16 && s.charCodeAt(4) === 45 /* - */ && s.charCodeAt(7) === 45 && s.charCodeAt(10) === 84 /* T */ && s.charCodeAt(13) === 58 /* : */ &&
    isDigit(s, 0) && isDigit(s, 1) && isDigit(s, 2) && isDigit(s, 3) && isDigit(s, 5) && isDigit(s, 6) &&
    isDigit(s, 8) && isDigit(s, 9) && isDigit(s, 11) && isDigit(s, 12) && isDigit(s, 14) && isDigit(s, 15)
  );
}

/** A memoised `instant → local date` converter for one time zone. */
export function localDateOf(timeZone: string): (instant: Instant) => LocalDate {
  let fn = fnCache.get(timeZone);
  if (fn) return fn;
  // per UTC calendar day: the offset (when constant all day) and the neighbouring dates
  const days = new Map<string, DayInfo>();
  const dayInfo = (utcDate: string): DayInfo => {
    let info = days.get(utcDate);
    if (!info) {
      const start = Date.parse(`${utcDate}T00:00:00Z`);
      const a = zoneOffsetMinutes(new Date(start), timeZone);
      const b = zoneOffsetMinutes(new Date(start + DAY_MS - 1000), timeZone);
      info = {
        offset: a === b ? a : null,
        prev: new Date(start - DAY_MS).toISOString().slice(0, 10),
        next: new Date(start + DAY_MS).toISOString().slice(0, 10),
      };
      days.set(utcDate, info);
    }
    return info;
  };
  fn = (instant: Instant): LocalDate => {
    // Fast path for canonical UTC instants (`2026-11-04T16:30:00.000Z`), as the core stores them.
    // (Read by character codes: the same strings CANONICAL matches, without a match array per instant.)
    if (instant.endsWith('Z') && isCanonicalStart(instant)) {
      const utcDate = instant.slice(0, 10);
      const info = dayInfo(utcDate);
      if (info.offset !== null) {
        const minutes = (digit(instant, 11) * 10 + digit(instant, 12)) * 60 + digit(instant, 14) * 10 + digit(instant, 15) + info.offset;
        return minutes < 0 ? info.prev : minutes >= 1440 ? info.next : utcDate;
      }
    }
    return toLocalDate(instant, timeZone);
  };
  fnCache.set(timeZone, fn);
  return fn;
}

/** Accepts a local date or an instant and returns the store-local date. */
export function asLocalDate(value: string, timeZone: string): LocalDate {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : localDateOf(timeZone)(value);
}

/** Whole days from `from` to `to` (local dates, `YYYY-MM-DD`); fast, no validation. */
export function dayDiff(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}
const dayNumbers = new Map<string, number>();
function dayNumber(date: LocalDate): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

/**
 * Days late / days overdue (SPEC §8), the ONE definition every screen, paper,
 * CSV and API figure uses: whole local calendar days after the due date, never
 * below zero. A settlement due 1 Dec is 0 days late when paid on 1 Dec and
 * 1 day overdue when still open on 2 Dec.
 */
export function daysPastDue(dueDate: LocalDate, on: LocalDate): number {
  return Math.max(0, dayDiff(dueDate, on));
}

/**
 * The period's own date: its LAST local day (SPEC §7). A period ending at
 * Sunday 24:00 is dated Sunday, never the Monday its end instant falls on.
 */
export function lastDayOfPeriod(endInstant: Instant, timeZone: string): LocalDate {
  // A store has one period end a week and every producer's settlement of the week shares it: remembered per zone and end.
  let byEnd = periodDays.get(timeZone);
  if (!byEnd) periodDays.set(timeZone, (byEnd = new Map()));
  let day = byEnd.get(endInstant);
  if (day === undefined) {
    day = localDateOf(timeZone)(new Date(Date.parse(endInstant) - 1).toISOString());
    if (byEnd.size > 100_000) byEnd.clear();
    byEnd.set(endInstant, day);
  }
  return day;
}
const periodDays = new Map<string, Map<Instant, LocalDate>>();

/** The shape toISOString writes (`YYYY-MM-DDTHH:MM:SS.sssZ`), as the core stores every instant; the digits are not checked. */
const isIsoShaped = (s: string): boolean => s.length === 24 && s.charCodeAt(23) === 90 /* Z */ && s.charCodeAt(10) === 84 /* T */ && s.charCodeAt(19) === 46; /* . */

/**
 * Orders two instants as Date.parse(a) − Date.parse(b) does (the same sign).
 * Two instants in toISOString's shape order as strings, so the report's many
 * comparisons parse nothing; any other form is parsed. (A string of that shape
 * that does not parse, which the core never writes, would not give NaN.)
 */
export function compareInstants(a: Instant, b: Instant): number {
  if (isIsoShaped(a) && isIsoShaped(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Date.parse(a) - Date.parse(b);
}

/** Integer ratio rounded half up to basis points (0‥10 000); null when the denominator is 0. */
export function ratioBps(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.floor((numerator * 20_000 + denominator) / (2 * denominator));
}

/** A mean of whole days in tenths of a day, rounded half up; null when there is nothing to average. */
export function meanTenths(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.floor((sum * 20 + count) / (2 * count));
}
