import type { ReorderLine } from '../../../shared/contract/insight';
import type { Translate } from '../../i18n';

type Lang = 'id' | 'en';

/** Hundredths of a unit as "2,5" / "2.5" (one decimal, rounded half up). */
export function centiText(centi: number, lang: Lang): string {
  const tenths = Math.floor((centi + 5) / 10);
  return `${Math.floor(tenths / 10)}${lang === 'id' ? ',' : '.'}${tenths % 10}`;
}

/** Basis points as "40%" (whole percent, rounded down like the figure) or "—". */
export const pctText = (bps: number | null) => (bps === null ? '—' : `${Math.floor(bps / 100)}%`);

/** The weekday (1 = Monday) with the most sold, or null when nothing sold. */
export function bestWeekday(perWeekdayCenti: number[]): number | null {
  let best = -1;
  let max = 0;
  perWeekdayCenti.forEach((v, i) => {
    if (v > max) [best, max] = [i, v];
  });
  return best < 0 ? null : best + 1;
}

export interface OrderLine {
  line: ReorderLine;
  quantity: number;
}

/** The WhatsApp-ready order: greeting, one "- name: qty unit" line per product with a quantity, thanks. */
export function orderText(t: Translate, producerName: string, storeName: string, lines: OrderLine[]): string {
  const items = lines.filter((l) => l.quantity > 0).map((l) => `- ${l.line.name}: ${l.quantity} ${l.line.unit}`);
  return [t('insight.wa.greeting', { name: producerName, store: storeName }), t('insight.wa.intro'), ...items, t('insight.wa.thanks')].join('\n');
}
