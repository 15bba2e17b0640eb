import { periodBounds, type PeriodBound } from '../../shared/domain/settlement';
import { formatLocalDate } from '../../shared/domain/time';
import type { Lang } from '../../shared/i18nText';

const bound = (b: PeriodBound, lang: Lang) => `${formatLocalDate(b.date, lang)}${b.time ? ` ${b.time.replace(':', lang === 'id' ? '.' : ':')}` : ''}`;

/** "26 Okt 2026 – 1 Nov 2026", or "s.d. 1 Nov 2026" for a producer's first settlement. */
export function periodText(periodStart: string | null, periodEnd: string, timeZone: string, lang: Lang): string {
  const { from, to } = periodBounds(periodStart, periodEnd, timeZone);
  return from ? `${bound(from, lang)} – ${bound(to, lang)}` : `${lang === 'id' ? 's.d.' : 'up to'} ${bound(to, lang)}`;
}
