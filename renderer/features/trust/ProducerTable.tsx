import { useMemo, useState } from 'react';
import { formatRupiah } from '../../../shared/money';
import type { TrustProducerRow } from '../../../shared/contract/trust';
import { useI18n, type StringKey } from '../../i18n';
import { instantLocalDateText, rateText, tenthsText } from './format';

type Value = string | number | null;
interface Column {
  key: string;
  label: StringKey;
  num: boolean;
  value(p: TrustProducerRow): Value;
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'trust.col.producer', num: false, value: (p) => p.name.toLocaleLowerCase() },
  { key: 'due', label: 'trust.col.due', num: true, value: (p) => p.range.due },
  { key: 'onTime', label: 'trust.col.onTime', num: true, value: (p) => p.range.onTime },
  { key: 'late', label: 'trust.col.late', num: true, value: (p) => p.range.late },
  { key: 'overdue', label: 'trust.col.overdueNow', num: true, value: (p) => p.allTime.overdue },
  { key: 'rate', label: 'trust.col.rate', num: true, value: (p) => p.range.onTimeRateBps },
  { key: 'avgLate', label: 'trust.col.avgLate', num: true, value: (p) => p.range.averageDaysLateTenths },
  { key: 'maxLate', label: 'trust.col.maxLate', num: true, value: (p) => p.range.maxDaysLate },
  { key: 'outstanding', label: 'trust.col.outstanding', num: true, value: (p) => p.allTime.outstanding },
  { key: 'oldest', label: 'trust.col.oldestAge', num: true, value: (p) => p.allTime.oldestUnpaidDaysOverdue },
  { key: 'lastPayout', label: 'trust.col.lastPayout', num: false, value: (p) => p.allTime.lastPayoutAt },
];

export type SortState = { key: string; dir: 'ascending' | 'descending' };

/** Compare with empty values (null) always last, whichever the direction. */
function compare(a: Value, b: Value, dir: SortState['dir']): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const c = a < b ? -1 : a > b ? 1 : 0;
  return dir === 'ascending' ? c : -c;
}

export function sortProducers(rows: TrustProducerRow[], sort: SortState): TrustProducerRow[] {
  const col = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0]!;
  return [...rows].sort((a, b) => compare(col.value(a), col.value(b), sort.dir) || a.name.localeCompare(b.name) || a.producerId - b.producerId);
}

/** Producers with their figures; every column sorts (aria-sort on the header). */
export function ProducerTable({ rows, timeZone, onOpen }: { rows: TrustProducerRow[]; timeZone: string; onOpen(id: number): void }) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState<SortState>({ key: 'name', dir: 'ascending' });
  const sorted = useMemo(() => sortProducers(rows, sort), [rows, sort]);
  const toggle = (key: string) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' } : { key, dir: key === 'name' ? 'ascending' : 'descending' }));
  return (
    <div className="trust-table-wrap">
      <table className="trust-table trust-producers" aria-label={t('trust.producers.title')}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className={c.num ? 'num' : undefined} aria-sort={sort.key === c.key ? sort.dir : 'none'}>
                <button type="button" className="trust-sort" onClick={() => toggle(c.key)}>
                  {t(c.label)}
                  <span aria-hidden="true" className="trust-sort-icon">{sort.key === c.key ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((p) => (
            <tr key={p.producerId} data-producer={p.producerId}>
              <th scope="row">
                <button type="button" className="trust-link" onClick={() => onOpen(p.producerId)}>
                  {p.name}
                </button>
                {!p.active && <span className="badge"> {t('common.inactive')}</span>}
              </th>
              <td className="num">{p.range.due}</td>
              <td className="num">{p.range.onTime}</td>
              <td className="num">{p.range.late}</td>
              <td className="num">{p.allTime.overdue > 0 ? <span className="badge danger">⚠ {p.allTime.overdue}</span> : 0}</td>
              <td className="num">{rateText(p.range.onTimeRateBps, lang)}</td>
              <td className="num">{tenthsText(p.range.averageDaysLateTenths, lang)}</td>
              <td className="num">{p.range.maxDaysLate ?? '—'}</td>
              <td className="num">{formatRupiah(p.allTime.outstanding)}</td>
              <td className="num">{p.allTime.oldestUnpaidDaysOverdue ?? '—'}</td>
              <td>{instantLocalDateText(p.allTime.lastPayoutAt, timeZone, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
