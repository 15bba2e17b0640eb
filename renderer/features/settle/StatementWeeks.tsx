/**
 * The statement on screen: one row per settlement week, a page of weeks at a
 * time, and a week's own entries opened under its row on demand (paged too).
 */
import { Fragment, useState } from 'react';
import type { Statement } from '../../../shared/contract/ledger';
import { formatRupiah } from '../../../shared/money';
import { useT } from '../../i18n';
import { Pager, usePagedList } from '../../components/Pager';
import { weekSpan } from '../../print/Statement';
import { useDates, useTimeZone } from './common';

const money = (n: number) => (n === 0 ? '–' : formatRupiah(n));

export function StatementWeeks({ st, onOffset, range }: { st: Statement; onOffset(offset: number): void; range: { from?: string; to?: string } }) {
  const t = useT();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <Pager page={st.weeks} onOffset={onOffset} list={t('stmt.weeks')} />
      <table aria-label={t('stmt.weeks')}>
        <thead>
          <tr>
            <th>{t('stmt.week')}</th>
            <th className="num">{t('stmt.sales')}</th>
            <th className="num">{t('stmt.refunds')}</th>
            <th className="num">{t('stmt.shrinkage')}</th>
            <th className="num">{t('stmt.deductions')}</th>
            <th className="num">{t('stmt.adjustments')}</th>
            <th className="num">{t('stmt.payouts')}</th>
            <th className="num">{t('stmt.balance')}</th>
            <th className="num">{t('stmt.lines')}</th>
            <th>
              <span className="sr-only">{t('stmt.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td colSpan={7}>{t('settle.statement.opening')}</td>
            <td className="num">{formatRupiah(st.weeks.rows[0]?.openingBalance ?? st.openingBalance)}</td>
            <td colSpan={2} />
          </tr>
          {st.weeks.rows.map((w) => {
            const span = weekSpan(w.from, w.to);
            const isOpen = open === w.weekEnd;
            return (
              <Fragment key={w.weekEnd}>
                <tr>
                  <td className="nowrap">{span}</td>
                  <td className="num">{money(w.sales)}</td>
                  <td className="num">{money(w.refunds)}</td>
                  <td className="num">{money(w.shrinkage)}</td>
                  <td className="num">{money(w.deductions)}</td>
                  <td className="num">{money(w.adjustments)}</td>
                  <td className="num">{money(w.payouts)}</td>
                  <td className="num">{formatRupiah(w.closingBalance)}</td>
                  <td className="num">{w.lines}</td>
                  <td>
                    {w.lines > 0 && (
                      <button
                        type="button"
                        aria-expanded={isOpen}
                        aria-label={t(isOpen ? 'stmt.closeWeek' : 'stmt.openWeek', { week: span })}
                        onClick={() => setOpen(isOpen ? null : w.weekEnd)}
                      >
                        {t('stmt.open')}
                      </button>
                    )}
                  </td>
                </tr>
                {isOpen && (
                  <tr>
                    <td colSpan={10}>
                      <WeekLines producerId={st.producer.id} week={w.weekEnd} range={range} label={t('stmt.weekLines', { week: span })} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
          {st.weeks.rows.length === 0 && (
            <tr>
              <td colSpan={10} className="muted">
                {t('settle.statement.empty')}
              </td>
            </tr>
          )}
          <tr>
            <th colSpan={7} scope="row">
              {t('settle.statement.closing')}
            </th>
            <th className="num">{formatRupiah(st.weeks.rows.at(-1)?.closingBalance ?? st.closingBalance)}</th>
            {/* An empty filler is a data cell: an empty header cell names nothing (axe empty-table-header). */}
            <td colSpan={2} />
          </tr>
        </tbody>
      </table>
    </>
  );
}

function WeekLines({ producerId, week, range, label }: { producerId: number; week: string; range: { from?: string; to?: string }; label: string }) {
  const t = useT();
  const dates = useDates();
  const tz = useTimeZone();
  const { page, rows, setOffset } = usePagedList('ledger.statementLines', { producerId, week, ...range });
  if (!rows) return <p className="muted">{t('settle.loading')}</p>;
  return (
    <section aria-label={label}>
      <Pager page={page} onOffset={setOffset} list={label} />
      <table aria-label={label}>
        <thead>
          <tr>
            <th>{t('settle.statement.date')}</th>
            <th>{t('settle.statement.kind')}</th>
            <th>{t('settle.statement.description')}</th>
            <th className="num">{t('settle.amount')}</th>
            <th className="num">{t('settle.statement.balance')}</th>
            <th>{t('settle.statement.settlement')}</th>
            <th>{t('settle.statement.code')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => (
            <tr key={l.id}>
              <td className="nowrap">{dates.dateTime(l.occurredAt, tz)}</td>
              <td>{t(`settle.kind.${l.kind}`)}</td>
              <td>{[l.productName, l.quantity ? `× ${l.quantity}` : '', l.reason].filter(Boolean).join(' ')}</td>
              <td className="num">{formatRupiah(l.amount)}</td>
              <td className="num">{formatRupiah(l.balance)}</td>
              <td>{l.settlementNumber ?? ''}</td>
              <td>
                <code>{l.code}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
