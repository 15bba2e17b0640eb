import { addDays, localToInstant, toLocalDate } from '../../../shared/domain/time';

/*
 * The local date of an instant, remembered for the rest of that local day:
 * Intl formatting costs ~10 µs, and sales.create needs the date on every sale
 * to pick the terms in effect. One entry per time zone.
 */
const days = new Map<string, { date: string; start: number; end: number }>();

export function localDateOf(now: Date, timeZone: string): string {
  const t = now.getTime();
  const hit = days.get(timeZone);
  if (hit && t >= hit.start && t < hit.end) return hit.date;
  const date = toLocalDate(now, timeZone);
  days.set(timeZone, {
    date,
    start: Date.parse(localToInstant(date, timeZone)),
    end: Date.parse(localToInstant(addDays(date, 1), timeZone)),
  });
  return date;
}
