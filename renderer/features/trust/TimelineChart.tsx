import { useId } from 'react';
import { addDays } from '../../../shared/domain/time';
import { dayDiff } from '../../../shared/domain/trust';
import type { TrustSettlementLine } from '../../../shared/contract/trust';
import { useI18n } from '../../i18n';
import { monthText } from './format';

const W = 760;
const ROW = 20;
const M = { l: 84, r: 70, t: 24, b: 24 };

/**
 * Due vs paid, one row per settlement: ◇ due date, ● paid in full, a hatched
 * bar for days late, a cross-hatched bar with ⚠ for days overdue so far. The
 * settlements table below is the same data as text.
 */
export function TimelineChart({ rows, asOf }: { rows: TrustSettlementLine[]; asOf: string }) {
  const { t, lang } = useI18n();
  const pid = useId().replace(/:/g, '');
  if (rows.length === 0) return <p className="muted">{t('trust.timeline.empty')}</p>;
  const start = rows.reduce((m, s) => (s.periodEndDate < m ? s.periodEndDate : m), rows[0]!.periodEndDate);
  const endCandidates = [asOf, ...rows.map((s) => s.paidInFullDate ?? s.dueDate)];
  const end = addDays(endCandidates.reduce((m, d) => (d > m ? d : m), asOf), 1);
  const span = Math.max(1, dayDiff(start, end));
  const iw = W - M.l - M.r;
  const H = M.t + rows.length * ROW + M.b;
  const x = (d: string) => M.l + (dayDiff(start, d) / span) * iw;
  const y = (i: number) => M.t + i * ROW + ROW / 2;
  const months: string[] = [];
  for (let d = `${start.slice(0, 7)}-01`; d <= end; d = addDays(`${d.slice(0, 7)}-01`, 32).slice(0, 7) + '-01') {
    if (d >= start) months.push(d);
  }
  const counts = { onTime: 0, late: 0, overdue: 0 } as Record<string, number>;
  for (const s of rows) counts[s.status] = (counts[s.status] ?? 0) + 1;
  const label = t('trust.timeline.label', { n: rows.length, onTime: counts.onTime ?? 0, late: counts.late ?? 0, overdue: counts.overdue ?? 0 });
  return (
    <figure className="trust-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <defs>
          <pattern id={`late-${pid}`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="5" height="5" fill="#fbe8c8" />
            <line x1="0" y1="0" x2="0" y2="5" stroke="#8a4a00" strokeWidth="2" />
          </pattern>
          <pattern id={`over-${pid}`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#f8d7d7" />
            <path d="M0,0 L6,6 M6,0 L0,6" stroke="#a32121" strokeWidth="1.3" />
          </pattern>
        </defs>
        {months.map((d) => (
          <g key={d}>
            <line x1={x(d)} x2={x(d)} y1={M.t - 4} y2={H - M.b} stroke="#e4e0d6" />
            <text x={x(d) + 3} y={H - M.b + 14} fontSize="10" fill="#5d665f">{monthText(d.slice(0, 7), lang)}</text>
          </g>
        ))}
        <line x1={x(asOf)} x2={x(asOf)} y1={M.t - 8} y2={H - M.b + 2} stroke="#1f2421" strokeDasharray="3 3" />
        <text x={x(asOf)} y={M.t - 12} fontSize="10" textAnchor="middle" fill="#1f2421">{t('trust.timeline.today')}</text>
        {rows.map((s, i) => {
          const cy = y(i);
          const due = x(s.dueDate);
          return (
            <g key={s.settlementId}>
              <text x={M.l - 8} y={cy + 4} fontSize="10.5" textAnchor="end" fill="#1f2421">{s.number}</text>
              <line x1={x(s.periodEndDate)} x2={due} y1={cy} y2={cy} stroke="#9aa39c" strokeWidth="2" />
              {s.status === 'late' && s.paidInFullDate && (
                <rect x={due} y={cy - 6} width={Math.max(2, x(s.paidInFullDate) - due)} height="12" fill={`url(#late-${pid})`} stroke="#8a4a00" />
              )}
              {s.status === 'overdue' && (
                <rect x={due} y={cy - 6} width={Math.max(2, x(asOf) - due)} height="12" fill={`url(#over-${pid})`} stroke="#a32121" />
              )}
              <path d={`M${due},${cy - 6} L${due + 6},${cy} L${due},${cy + 6} L${due - 6},${cy} Z`} fill="#fff" stroke="#1f2421" strokeWidth="1.5" />
              {s.paidInFullDate && s.status !== 'zeroTotal' && <circle cx={x(s.paidInFullDate)} cy={cy} r="4.5" fill="#1f6f4a" stroke="#fff" strokeWidth="1" />}
              {s.status === 'zeroTotal' && <text x={due + 10} y={cy + 4} fontSize="10" fill="#5d665f">∅ Rp 0</text>}
              {s.status === 'late' && s.paidInFullDate && (
                <text x={x(s.paidInFullDate) + 8} y={cy + 4} fontSize="10" fill="#8a4a00">+{s.daysLate} {t('trust.chart.daysShort')}</text>
              )}
              {s.status === 'overdue' && (
                <text x={x(asOf) + 6} y={cy + 4} fontSize="10" fontWeight="700" fill="#a32121">⚠ {s.daysLate} {t('trust.chart.daysShort')}</text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="trust-legend">
        <span><svg width="14" height="14" aria-hidden="true"><path d="M7,1 L13,7 L7,13 L1,7 Z" fill="#fff" stroke="#1f2421" strokeWidth="1.5" /></svg> {t('trust.timeline.due')}</span>
        <span><svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="5" fill="#1f6f4a" /></svg> {t('trust.timeline.paid')}</span>
        <span><svg width="22" height="12" aria-hidden="true"><rect width="22" height="12" fill={`url(#late-${pid})`} stroke="#8a4a00" /></svg> {t('trust.timeline.lateBar')}</span>
        <span><svg width="22" height="12" aria-hidden="true"><rect width="22" height="12" fill={`url(#over-${pid})`} stroke="#a32121" /></svg> ⚠ {t('trust.timeline.overdueBar')}</span>
      </figcaption>
    </figure>
  );
}
