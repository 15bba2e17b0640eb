/**
 * Local calendar dates in the store's time zone. Instants are ISO-8601 UTC
 * strings (`2026-11-28T04:37:00.000Z`); local dates are `YYYY-MM-DD`.
 * Uses Intl only, so it runs in Node, Electron and the browser alike.
 */
export type Instant = string;
export type LocalDate = string;

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(instant: Instant | Date, timeZone: string): LocalParts {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The local calendar date of an instant in the store's time zone. */
export function toLocalDate(instant: Instant | Date, timeZone: string): LocalDate {
  const p = localParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Offset of the zone from UTC at an instant, in minutes (Jakarta: +420). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which a local wall-clock time happens (`hour` may be 24 = next midnight). */
export function localToInstant(date: LocalDate, timeZone: string, hour = 0, minute = 0): Instant {
  const [y, m, d] = parseLocalDate(date);
  const guess = Date.UTC(y, m - 1, d, hour, minute);
  // Two passes settle the offset even across a DST change (none in Indonesia, but the zone is a setting).
  let offset = zoneOffsetMinutes(new Date(guess), timeZone);
  let instant = guess - offset * 60000;
  offset = zoneOffsetMinutes(new Date(instant), timeZone);
  instant = guess - offset * 60000;
  return new Date(instant).toISOString();
}

export function parseLocalDate(date: LocalDate): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a local date: ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return [y, m, d];
}

export function isLocalDate(value: string): boolean {
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Adds whole calendar days to a local date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parseLocalDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const [y1, m1, d1] = parseLocalDate(from);
  const [y2, m2, d2] = parseLocalDate(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const [y, m, d] = parseLocalDate(date);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/**
 * Display formatters, made once per language and zone: making an Intl.DateTimeFormat costs far more than
 * using one (a list of a few hundred dates spent most of its rendering time making them).
 */
const displayFormats = new Map<string, Intl.DateTimeFormat>();
function displayFormat(lang: 'id' | 'en', timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang} ${timeZone} ${withTime}`;
  let f = displayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone, dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' as const } : {}) });
    displayFormats.set(key, f);
  }
  return f;
}

/** `28/11/2026` or `28/11/2026 14.05` style for display, in the store zone. */
export function formatLocalDateTime(instant: Instant, timeZone: string, lang: 'id' | 'en'): string {
  return displayFormat(lang, timeZone, true).format(new Date(instant));
}

export function formatLocalDate(date: LocalDate, lang: 'id' | 'en'): string {
  const [y, m, d] = parseLocalDate(date);
  return displayFormat(lang, 'UTC', false).format(new Date(Date.UTC(y, m - 1, d)));
}
