import { useId } from 'react';
import type { ProducerInsight, WeekFacts } from '../../shared/contract/insight';
import { sellThroughBps } from '../../shared/domain/insight';
import { formatLocalDate } from '../../shared/domain/time';
import type { Lang } from '../../shared/i18nText';
import { translate, type StringKey } from '../i18n';
import './StatementInsight.css';

/** The weekly table on paper holds at most this many weeks (the chart holds them all). */
const TABLE_WEEKS = 13;

type Week = Pick<WeekFacts, 'weekStart' | 'delivered' | 'sold' | 'returned' | 'onHandStart'>;

/** All the producer's products added up, week by week. */
export function weeklyTotals(insight: ProducerInsight): Week[] {
  const first = insight.products[0]?.weeks ?? [];
  return first.map((w, i) => {
    const week: Week = { weekStart: w.weekStart, delivered: 0, sold: 0, returned: { unsold: 0, expired: 0, damaged: 0 }, onHandStart: 0 };
    for (const p of insight.products) {
      const x = p.weeks[i]!;
      week.delivered += x.delivered;
      week.sold += x.sold;
      week.onHandStart += x.onHandStart;
      week.returned.unsold += x.returned.unsold;
      week.returned.expired += x.returned.expired;
      week.returned.damaged += x.returned.damaged;
    }
    return week;
  });
}

/** The five counts both tables show, in this order: delivered, sold, and what came back unsold, expired, damaged. */
const FLOW_COLUMNS = ['insight.col.delivered', 'insight.col.sold', 'insight.col.unsold', 'insight.col.expired', 'insight.col.damaged'] as const;
function FlowCells({ delivered, sold, returned }: { delivered: number; sold: number; returned: { unsold: number; expired: number; damaged: number } }) {
  return (
    <>
      {[delivered, sold, returned.unsold, returned.expired, returned.damaged].map((n, i) => (
        <td key={FLOW_COLUMNS[i]} className="num">
          {n}
        </td>
      ))}
    </>
  );
}

const pct = (bps: number | null) => (bps === null ? '—' : `${Math.floor(bps / 100)}%`);
const dm = (d: string) => `${Number(d.slice(8))}/${Number(d.slice(5, 7))}`;

/**
 * Sold and returned per week as stacked bars, readable in black and white:
 * sold solid black, unsold grey, expired hatched, damaged dotted (each named in
 * the legend with the same fill, never colour alone).
 */
export function WeeklyChart({ weeks, lang }: { weeks: Week[]; lang: Lang }) {
  const t = (key: StringKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const uid = useId().replace(/:/g, '');
  const W = 640;
  const H = 170;
  const left = 34;
  const top = 8;
  const plotW = W - left - 6;
  const plotH = H - top - 22;
  const totals = weeks.map((w) => w.sold + w.returned.unsold + w.returned.expired + w.returned.damaged);
  const max = Math.max(1, ...totals);
  const slot = plotW / Math.max(1, weeks.length);
  const barW = Math.max(1, slot * 0.72);
  const y = (units: number) => (units / max) * plotH;
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 12));
  const fills = {
    sold: '#000',
    unsold: '#9a9a9a',
    expired: `url(#${uid}-hatch)`,
    damaged: `url(#${uid}-dots)`,
  } as const;
  const parts = ['sold', 'unsold', 'expired', 'damaged'] as const;
  return (
    <figure className="stmt-insight-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('insight.stmt.chartLabel', { weeks: weeks.length, max })} data-testid="insight-chart">
        <defs>
          <pattern id={`${uid}-hatch`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="5" height="5" fill="#fff" />
            <line x1="0" y1="0" x2="0" y2="5" stroke="#000" strokeWidth="2" />
          </pattern>
          <pattern id={`${uid}-dots`} width="4" height="4" patternUnits="userSpaceOnUse">
            <rect width="4" height="4" fill="#fff" />
            <circle cx="2" cy="2" r="1" fill="#000" />
          </pattern>
        </defs>
        <line x1={left} y1={top} x2={left + plotW} y2={top} stroke="#999" strokeWidth="0.5" strokeDasharray="2 2" />
        <line x1={left} y1={top + plotH} x2={left + plotW} y2={top + plotH} stroke="#000" strokeWidth="1" />
        <text x={left - 4} y={top + 4} textAnchor="end" fontSize="10">{max}</text>
        <text x={left - 4} y={top + plotH} textAnchor="end" fontSize="10">0</text>
        {weeks.map((w, i) => {
          const x = left + i * slot + (slot - barW) / 2;
          let base = top + plotH;
          const values = { sold: w.sold, ...w.returned };
          return (
            <g key={w.weekStart}>
              {parts.map((k) => {
                const h = y(Math.max(0, values[k]));
                if (h <= 0) return null;
                base -= h;
                return <rect key={k} data-part={k} x={x} y={base} width={barW} height={h} fill={fills[k]} stroke="#000" strokeWidth={k === 'sold' ? 0 : 0.6} />;
              })}
              {i % labelEvery === 0 && (
                <text x={x + barW / 2} y={H - 8} textAnchor="middle" fontSize="9">{dm(w.weekStart)}</text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="stmt-insight-legend">
        {parts.map((k) => (
          <span key={k}>
            <svg width="14" height="10" aria-hidden="true">
              <rect x="0.5" y="0.5" width="13" height="9" fill={fills[k]} stroke="#000" strokeWidth="0.8" />
            </svg>{' '}
            {t(`insight.stmt.legend.${k}` as StringKey)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/**
 * "Yang laku dan yang kembali": the producer statement's page of what sold and
 * what came back in its range, with the weekly chart and, per product,
 * sell-through and waste. On screen under the statement, on paper its own page.
 */
export function StatementInsight({ insight, lang, from, to }: { insight: ProducerInsight; lang: Lang; from: string; to: string }) {
  const t = (key: StringKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const weeks = weeklyTotals(insight);
  const products = insight.products.filter((p) => p.totals.delivered || p.totals.sold || p.totals.onHandStart || p.totals.onHandEnd);
  const shownWeeks = weeks.slice(-TABLE_WEEKS);
  const flowHeads = FLOW_COLUMNS.map((key) => (
    <th key={key} className="num">
      {t(key)}
    </th>
  ));
  return (
    <section className="stmt-insight" aria-labelledby={`stmt-insight-h-${insight.producer.producerId}`} data-testid="statement-insight">
      <h3 id={`stmt-insight-h-${insight.producer.producerId}`}>{t('insight.stmt.title')}</h3>
      <p className="stmt-insight-sub">
        {t('insight.stmt.sub', { from: formatLocalDate(from, lang), to: formatLocalDate(to, lang), name: insight.producer.name })}
      </p>
      {products.length === 0 ? (
        <p>{t('insight.stmt.none')}</p>
      ) : (
        <>
          <WeeklyChart weeks={weeks} lang={lang} />
          <h4>{weeks.length > TABLE_WEEKS ? t('insight.stmt.weekTableLast', { n: TABLE_WEEKS }) : t('insight.stmt.weekTable')}</h4>
          <table className="stmt-insight-table" aria-label={t('insight.stmt.weekTable')}>
            <thead>
              <tr>
                <th>{t('insight.col.week')}</th>
                {flowHeads}
                <th className="num">{t('insight.col.sellThrough')}</th>
              </tr>
            </thead>
            <tbody>
              {shownWeeks.map((w) => (
                <tr key={w.weekStart}>
                  <td className="week">{formatLocalDate(w.weekStart, lang)}</td>
                  <FlowCells {...w} />
                  <td className="num">{pct(sellThroughBps(w.sold, w.onHandStart, w.delivered))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>{t('insight.stmt.products')}</h4>
          <table className="stmt-insight-table" aria-label={t('insight.stmt.products')}>
            <thead>
              <tr>
                <th>{t('insight.col.product')}</th>
                {flowHeads}
                <th className="num">{t('insight.col.sellThrough')}</th>
                <th className="num">{t('insight.col.waste')}</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.productId}>
                  <td>{p.name}</td>
                  <FlowCells {...p.totals} />
                  <td className="num">{pct(p.totals.sellThroughBps)}</td>
                  <td className="num">{pct(p.totals.wasteBps)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="stmt-insight-note">{t('insight.definitions')}</p>
        </>
      )}
    </section>
  );
}
