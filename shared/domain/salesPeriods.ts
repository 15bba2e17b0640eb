/** Which day, week or month a local date falls in, for the sales report (pure: used by core and UI). */
import { addDays, isoWeekday, type LocalDate } from './time';

export type SalesGrouping = 'day' | 'week' | 'month';

export interface SalesPeriodKey {
  /** The first and last local day of the period (a week ends on the store's settlement weekday). */
  from: LocalDate;
  to: LocalDate;
}

/** `weekEndWeekday`: ISO weekday the store's week ends on (7 = Sunday), as the settlement period. */
export function salesPeriodOf(day: LocalDate, grouping: SalesGrouping, weekEndWeekday: number): SalesPeriodKey {
  if (grouping === 'day') return { from: day, to: day };
  if (grouping === 'week') {
    const to = addDays(day, (weekEndWeekday - isoWeekday(day) + 7) % 7);
    return { from: addDays(to, -6), to };
  }
  const [y, m] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}
