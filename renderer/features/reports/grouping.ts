/**
 * How the reports screen groups its income table when the manager has not
 * chosen: a day a row up to two months, a week a row up to a year, a month a
 * row beyond (five years by day are 1,842 rows the screen took seconds to lay
 * out). The screen says so, and a row per day stays one choice or one CSV away.
 */
import { daysBetween } from '../../../shared/domain/time';

export type Grouping = 'day' | 'week' | 'month';

/** Longest range shown a day a row, and a week a row, without being asked. */
export const AUTO_DAYS_MAX = 62;
export const AUTO_WEEKS_MAX_DAYS = 366;

export function autoGrouping(from: string, to: string): Grouping {
  const days = daysBetween(from, to) + 1;
  return days <= AUTO_DAYS_MAX ? 'day' : days <= AUTO_WEEKS_MAX_DAYS ? 'week' : 'month';
}
