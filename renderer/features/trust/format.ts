import { formatLocalDate, formatLocalDateTime } from '../../../shared/domain/time';
import { formatBps, formatTenths } from '../../../shared/domain/trust';
import { localDateOf } from '../../../shared/domain/trustTime';
import type { TrustStatus } from '../../../shared/contract/trust';
import type { StringKey } from '../../i18n';

export type Lang = 'id' | 'en';

/** "87,5%" or "—" when there is nothing to measure. */
export const rateText = (bps: number | null, lang: Lang) => (bps === null ? '—' : formatBps(bps, lang));
/** "1,5" (days) or "—". */
export const tenthsText = (tenths: number | null, lang: Lang) => (tenths === null ? '—' : formatTenths(tenths, lang));
export const dateText = (date: string | null, lang: Lang) => (date ? formatLocalDate(date, lang) : '—');
export const instantDateText = (instant: string | null, timeZone: string, lang: Lang) =>
  instant ? formatLocalDateTime(instant, timeZone, lang) : '—';

export function monthText(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** Status icon (never colour alone) and label key. */
export const STATUS_ICON: Record<TrustStatus, string> = {
  onTime: '✓',
  late: '◷',
  overdue: '⚠',
  notYetDue: '…',
  zeroTotal: '∅',
};
export const STATUS_KEY: Record<TrustStatus, StringKey> = {
  onTime: 'trust.status.onTime',
  late: 'trust.status.late',
  overdue: 'trust.status.overdue',
  notYetDue: 'trust.status.notYetDue',
  zeroTotal: 'trust.status.zeroTotal',
};
export const STATUS_CLASS: Record<TrustStatus, string> = {
  onTime: 'ok',
  late: 'warn',
  overdue: 'danger',
  notYetDue: '',
  zeroTotal: '',
};

/** The store-local date of an instant, formatted ("4 Nov 2026"), or "—". */
export const instantLocalDateText = (instant: string | null, timeZone: string, lang: Lang) =>
  instant ? formatLocalDate(localDateOf(timeZone)(instant), lang) : '—';
