import { useId } from 'react';
import type { TrustMonth } from '../../../shared/contract/trust';
import { useI18n } from '../../i18n';
import { monthText, rateText, tenthsText } from './format';

const W = 760;
const H = 250;
const M = { l: 46, r: 52, t: 26, b: 40 };

/**
 * On-time rate (hatched bars, left axis) and average days late (dashed line
 * with square markers, right axis) per month. Values are written on the chart
 * and repeated in a data table, so neither colour nor the picture is needed.
 */
export function TrendChart({ months, table = true }: { months: TrustMonth[]; table?: boolean }) {
  const { t, lang } = useI18n();
  const pid = useId().replace(/:/g, '');
  if (months.length === 0) return <p className="muted">{t('trust.chart.empty')}</p>;
  const iw = W - M.l - M.r;
  const ih = H - M.t - M.b;
  const step = iw / months.length;
  const barW = Math.min(46, step * 0.6);
  const maxTenths = Math.max(10, ...months.map((m) => m.averageDaysLateTenths ?? 0));
  const lateMax = Math.ceil(maxTenths / 10); // whole days on the right axis
  const x = (i: number) => M.l + step * i + step / 2;
  const yRate = (bps: number) => M.t + ih - (bps / 10_000) * ih;
  const yLate = (tenths: number) => M.t + ih - (tenths / 10 / lateMax) * ih;
  const showValues = months.length <= 18;
  const labelEvery = Math.ceil(months.length / 12);
  const points = months
    .map((m, i) => (m.averageDaysLateTenths === null ? null : `${x(i).toFixed(1)},${yLate(m.averageDaysLateTenths).toFixed(1)}`))
    .filter((p): p is string => p !== null);
  const first = monthText(months[0]!.month, lang);
  const last = monthText(months[months.length - 1]!.month, lang);
  const summary = months
    .map((m) => `${monthText(m.month, lang)}: ${rateText(m.onTimeRateBps, lang)}, ${tenthsText(m.averageDaysLateTenths, lang)} ${t('trust.chart.daysShort')}`)
    .join('; ');
  return (
    <figure className="trust-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t('trust.chart.label', { from: first, to: last })}. ${summary}`} preserveAspectRatio="xMidYMid meet">
        <defs>
          <pattern id={`hatch-${pid}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#d5eadf" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#1f6f4a" strokeWidth="2.5" />
          </pattern>
        </defs>
        {[0, 2500, 5000, 7500, 10_000].map((v) => (
          <g key={v}>
            <line x1={M.l} x2={W - M.r} y1={yRate(v)} y2={yRate(v)} stroke="#d9d5cb" strokeWidth="1" />
            <text x={M.l - 6} y={yRate(v) + 4} textAnchor="end" fontSize="11" fill="#5d665f">{v / 100}%</text>
          </g>
        ))}
        {[0, 0.5, 1].map((f) => (
          <text key={f} x={W - M.r + 6} y={M.t + ih - f * ih + 4} fontSize="11" fill="#8a4a00">
            {tenthsText(Math.round(f * lateMax * 10), lang)} {t('trust.chart.daysShort')}
          </text>
        ))}
        {months.map((m, i) => (
          <g key={m.month}>
            {m.onTimeRateBps !== null ? (
              <rect x={x(i) - barW / 2} y={yRate(m.onTimeRateBps)} width={barW} height={Math.max(0.5, ih - (yRate(m.onTimeRateBps) - M.t))} fill={`url(#hatch-${pid})`} stroke="#1f6f4a" />
            ) : null}
            {showValues && (
              <text x={x(i)} y={m.onTimeRateBps === null ? M.t + ih - 4 : yRate(m.onTimeRateBps) - 4} textAnchor="middle" fontSize="11" fontWeight="600" fill="#1f2421">
                {rateText(m.onTimeRateBps, lang)}
              </text>
            )}
            {i % labelEvery === 0 && (
              <text x={x(i)} y={H - M.b + 16} textAnchor="middle" fontSize="11" fill="#1f2421">{monthText(m.month, lang)}</text>
            )}
          </g>
        ))}
        {points.length > 1 && <polyline points={points.join(' ')} fill="none" stroke="#8a4a00" strokeWidth="2" strokeDasharray="6 4" />}
        {months.map((m, i) =>
          m.averageDaysLateTenths === null ? null : (
            <g key={`l-${m.month}`}>
              <rect x={x(i) - 4} y={yLate(m.averageDaysLateTenths) - 4} width="8" height="8" fill="#fff" stroke="#8a4a00" strokeWidth="2" />
              {showValues && m.averageDaysLateTenths > 0 && (
                <text x={x(i) + 7} y={yLate(m.averageDaysLateTenths) - 6} fontSize="10.5" fontWeight="600" fill="#8a4a00" stroke="#fff" strokeWidth="3" paintOrder="stroke">
                  {tenthsText(m.averageDaysLateTenths, lang)}
                </text>
              )}
            </g>
          ),
        )}
        <line x1={M.l} x2={W - M.r} y1={M.t + ih} y2={M.t + ih} stroke="#1f2421" />
      </svg>
      <figcaption className="trust-legend">
        <span><svg width="18" height="12" aria-hidden="true"><rect width="18" height="12" fill={`url(#hatch-${pid})`} stroke="#1f6f4a" /></svg> {t('trust.chart.rateLegend')}</span>
        <span><svg width="26" height="12" aria-hidden="true"><line x1="0" y1="6" x2="26" y2="6" stroke="#8a4a00" strokeWidth="2" strokeDasharray="6 4" /><rect x="9" y="2" width="8" height="8" fill="#fff" stroke="#8a4a00" strokeWidth="2" /></svg> {t('trust.chart.lateLegend')}</span>
      </figcaption>
      {table && (
        <details className="trust-chart-data no-print">
          <summary>{t('trust.chart.showData')}</summary>
          <TrendTable months={months} />
        </details>
      )}
    </figure>
  );
}

export function TrendTable({ months, caption }: { months: TrustMonth[]; caption?: string }) {
  const { t, lang } = useI18n();
  return (
    <table className="trust-table">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('trust.col.month')}</th>
          <th scope="col" className="num">{t('trust.col.due')}</th>
          <th scope="col" className="num">{t('trust.col.onTime')}</th>
          <th scope="col" className="num">{t('trust.col.late')}</th>
          <th scope="col" className="num">{t('trust.col.overdue')}</th>
          <th scope="col" className="num">{t('trust.col.rate')}</th>
          <th scope="col" className="num">{t('trust.col.avgLate')}</th>
        </tr>
      </thead>
      <tbody>
        {months.map((m) => (
          <tr key={m.month}>
            <th scope="row">{monthText(m.month, lang)}</th>
            <td className="num">{m.due}</td>
            <td className="num">{m.onTime}</td>
            <td className="num">{m.late}</td>
            <td className="num">{m.overdue}</td>
            <td className="num">{rateText(m.onTimeRateBps, lang)}</td>
            <td className="num">{tenthsText(m.averageDaysLateTenths, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
