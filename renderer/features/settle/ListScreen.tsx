import { ErrorAlert } from '../../components/FormParts';
import { useState } from 'react';
import { Pager, usePagedList } from '../../components/Pager';
import type { SettlementSummary } from '../../../shared/contract/ledger';
import { formatRupiah } from '../../../shared/money';
import { useT } from '../../i18n';
import { StatusBadge, errorText, useDates, useProducers } from './common';
import { ProducerSelect } from '../../components/ProducerSelect';
import { ActionsHeader } from '../../components/ActionsHeader';

type StatusFilter = '' | 'open' | 'overdue' | 'unpaid' | 'partly_paid' | 'paid';

/** Every settlement with its status: unpaid / partly paid / paid / overdue. */
export function ListScreen() {
  const t = useT();
  const dates = useDates();
  const { producers } = useProducers();
  const [status, setStatus] = useState<StatusFilter>('');
  const [producerId, setProducerId] = useState<number | ''>('');
  const [error, setError] = useState<string | null>(null);
  const { page, rows, setOffset } = usePagedList('settlements.list', { ...(status ? { status } : {}), ...(producerId ? { producerId } : {}) }, {
    onError: (err) => setError(errorText(err)),
  });
  return (
    <section aria-labelledby="settle-list-h">
      <h2 id="settle-list-h">{t('settle.tab.list')}</h2>
      <div className="row panel">
        <label>
          {t('settle.filter.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="">{t('settle.filter.all')}</option>
            <option value="open">{t('settle.filter.open')}</option>
            <option value="overdue">{t('settle.filter.overdue')}</option>
            <option value="unpaid">{t('settle.status.unpaid')}</option>
            <option value="partly_paid">{t('settle.status.partly_paid')}</option>
            <option value="paid">{t('settle.status.paid')}</option>
          </select>
        </label>
        <ProducerSelect
          label={t('settle.filter.producer')}
          emptyLabel={t('settle.allProducers')}
          producers={producers}
          value={producerId === '' ? null : producerId}
          onChange={(id) => setProducerId(id ?? '')}
        />
      </div>
      <ErrorAlert error={error} />
      <Pager page={page} onOffset={setOffset} list={t('settle.tab.list')} />
      {rows && rows.length === 0 && <p className="muted">{t('settle.none')}</p>}
      {rows && rows.length > 0 && <SettlementTable rows={rows} dates={dates} />}
    </section>
  );
}

/** A settlement row, or (in the owed list) an ended week not finalised yet: no id or number. */
type TableRow = Omit<SettlementSummary, 'id' | 'number' | 'createdAt'> & { id: number | null; number: string | null };

export function SettlementTable({
  rows,
  dates,
  showDays,
  label,
  hideWeek,
  totals,
}: {
  rows: TableRow[];
  dates: ReturnType<typeof useDates>;
  showDays?: boolean;
  /** The table's accessible name; the list's title by default. */
  label?: string;
  /** Leave out the week column (when every row is of the same week). */
  hideWeek?: boolean;
  /** Add a footer row with the sums of total, paid and remaining. */
  totals?: boolean;
}) {
  const t = useT();
  const sum = (f: (s: TableRow) => number) => rows.reduce((a, s) => a + f(s), 0);
  const before = hideWeek ? 3 : 4;
  const after = (showDays ? 1 : 0) + 2;
  return (
    <table aria-label={label ?? t('settle.tab.list')}>
      <thead>
        <tr>
          <th>{t('settle.number')}</th>
          <th>{t('settle.producer')}</th>
          {!hideWeek && <th>{t('settle.week')}</th>}
          <th>{t('settle.dueDate')}</th>
          <th className="num">{t('settle.total')}</th>
          <th className="num">{t('settle.paid')}</th>
          <th className="num">{t('settle.remaining')}</th>
          {showDays && <th className="num">{t('settle.daysOverdue')}</th>}
          <th>{t('settle.status')}</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.id ?? `${s.producer.id}-${s.periodEnd}`}>
            <td>{s.number ?? <span className="badge warn">{t('settle.waiting.badge')}</span>}</td>
            <td>{s.producer.name}</td>
            {!hideWeek && <td>{dates.date(s.periodEnd)}</td>}
            <td>{dates.date(s.dueDate)}</td>
            <td className="num">{formatRupiah(s.totalDue)}</td>
            <td className="num">{formatRupiah(s.paid)}</td>
            <td className="num">{formatRupiah(s.remaining)}</td>
            {showDays && <td className="num">{s.daysOverdue}</td>}
            <td>
              <StatusBadge s={s} />
            </td>
            <td>
              {s.id === null ? (
                <a href="#/settle/preview" aria-label={t('settle.waiting.finalise', { week: dates.date(s.periodEnd), name: s.producer.name })}>
                  {t('settle.waiting.go')}
                </a>
              ) : (
                <a href={`#/settle/s/${s.id}`} aria-label={t('settle.openSettlement', { number: s.number ?? '' })}>
                  {t('settle.open')}
                </a>
              )}
            </td>
          </tr>
        ))}
      </tbody>
      {totals && (
        <tfoot>
          <tr>
            <th colSpan={before}>{t('settle.grandTotal')}</th>
            <th className="num">{formatRupiah(sum((s) => s.totalDue))}</th>
            <th className="num">{formatRupiah(sum((s) => s.paid))}</th>
            <th className="num">{formatRupiah(sum((s) => s.remaining))}</th>
            <td colSpan={after} />
          </tr>
        </tfoot>
      )}
    </table>
  );
}
