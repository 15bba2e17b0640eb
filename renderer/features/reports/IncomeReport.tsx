/**
 * The shop's own income (issue 10 item 9): per day, week or month and per
 * producer — gross sales, discounts, customer refunds, voids shown apart,
 * producers' share and what the shop keeps — and the split by payment method,
 * with CSVs. Read from the kept daily sales, so a year is as quick as a day.
 */
import { useEffect, useState } from 'react';
import type { Producer } from '../../../shared/contract/catalogue';
import type { SalesFigures, SalesReport } from '../../../shared/contract/till';
import { daysBetween, formatLocalDate } from '../../../shared/domain/time';
import { formatRupiah } from '../../../shared/money';
import { call } from '../../api';
import { allPages } from '../../allPages';
import { useI18n } from '../../i18n';
import { downloadText } from '../../download';
import { ProducerSelect } from '../../components/ProducerSelect';
import { EmptyRow } from '../../components/EmptyRow';
import { formatCount } from '../../components/count';
import { autoGrouping, type Grouping } from './grouping';
const COLUMNS = [
  ['income.gross', 'gross'],
  ['income.discounts', 'discounts'],
  ['income.refunds', 'refunds'],
  ['income.net', 'net'],
  ['income.share', 'producerShare'],
  ['income.commission', 'commission'],
  ['income.voids', 'voids'],
] as const;

const monthFormats = { id: new Intl.DateTimeFormat('id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' }), en: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }) };
/** "Nov 2026" for a month's first day ('2026-11-01'). */
const monthName = (first: string, lang: 'id' | 'en') => monthFormats[lang].format(new Date(`${first.slice(0, 7)}-01T00:00:00Z`));

/**
 * `screenReport`: the screen's own report of the same range (grouped as `autoGrouping`
 * says, every producer); shown as is for that view instead of asking the store for the
 * same report twice. Unless the manager picks a grouping, long ranges are shown by
 * week or month (grouping.ts), and the table says so.
 */
export function IncomeReport({ range, onError, screenReport }: { range: { from: string; to: string }; onError(message: string | null): void; screenReport?: SalesReport | null }) {
  const { t, lang } = useI18n();
  const [chosen, setGroupBy] = useState<Grouping | 'auto'>('auto');
  const auto = autoGrouping(range.from, range.to);
  const groupBy = chosen === 'auto' ? auto : chosen;
  const [producerId, setProducerId] = useState<number | null>(null);
  const [producers, setProducers] = useState<Producer[]>([]);
  const [fetched, setReport] = useState<SalesReport | null>(null);
  useEffect(() => {
    void allPages('producers.list', { includeInactive: true }).then(setProducers).catch(() => undefined);
  }, []);
  const shared = screenReport !== undefined && groupBy === auto && producerId === null;
  useEffect(() => {
    if (shared) return;
    let live = true;
    call('reports.sales', { ...range, groupBy, ...(producerId === null ? {} : { producerId }) })
      .then((r) => live && setReport(r))
      .catch((err: Error) => live && onError(err.message));
    return () => {
      live = false;
    };
  }, [range, groupBy, producerId, onError, shared]);
  const report = shared ? (screenReport ?? null) : fetched;

  const csv = async (by: Grouping | 'payment') => {
    try {
      const file = await call('reports.salesCsv', { ...range, by, ...(producerId === null || by === 'payment' ? {} : { producerId }) });
      downloadText(file.filename, file.csv);
    } catch (err) {
      onError((err as Error).message);
    }
  };
  // Named by the grouping of the report on screen (until a new range's report arrives, the last one stays).
  // A date never breaks inside (a week wraps between its two dates at most).
  const periodName = (p: { from: string; to: string }, grouping: Grouping) =>
    grouping === 'day' ? (
      <span className="nowrap">{formatLocalDate(p.from, lang)}</span>
    ) : grouping === 'month' ? (
      <span className="nowrap">{monthName(p.from, lang)}</span>
    ) : (
      <>
        <span className="nowrap">{formatLocalDate(p.from, lang)} –</span> <span className="nowrap">{formatLocalDate(p.to, lang)}</span>
      </>
    );

  const figureCells = (f: SalesFigures) =>
    COLUMNS.map(([, key]) => (
      <td key={key} className="num">
        {formatRupiah(f[key])}
      </td>
    ));
  const head = COLUMNS.map(([label]) => (
    <th key={label} className="num">
      {t(label)}
    </th>
  ));

  return (
    <section className="stack" aria-label={t('income.title')}>
      <h2>{t('income.title')}</h2>
      <div className="row">
        <label>
          {t('income.groupBy')}
          <select value={chosen} onChange={(e) => setGroupBy(e.target.value as Grouping | 'auto')} aria-label={t('income.groupBy')}>
            <option value="auto">{t('income.auto', { grouping: t(`income.${auto}`) })}</option>
            <option value="day">{t('income.day')}</option>
            <option value="week">{t('income.week')}</option>
            <option value="month">{t('income.month')}</option>
          </select>
        </label>
        <ProducerSelect label={t('income.producer')} emptyLabel={t('income.allProducers')} producers={producers} value={producerId} onChange={setProducerId} />
        <button type="button" onClick={() => void csv(groupBy)}>
          {t('income.csvPeriods')}
        </button>
        {groupBy !== 'day' && (
          <button type="button" onClick={() => void csv('day')}>
            {t('income.csvDays')}
          </button>
        )}
        <button type="button" onClick={() => void csv('payment')}>
          {t('income.csvPayments')}
        </button>
      </div>
      {chosen === 'auto' && auto !== 'day' && (
        <p className="muted" role="note">
          {t(`income.autoNote.${auto}`, { days: (daysBetween(range.from, range.to) + 1).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB') })}
        </p>
      )}
      {report && (
        <>
          <div className="table-scroll">
          <table aria-label={t('income.title')}>
            <thead>
              <tr>
                <th>{t('income.period')}</th>
                {head}
              </tr>
            </thead>
            <tbody>
              {report.periods.map((p) => (
                <tr key={p.from}>
                  <td>{periodName(p, report.grouping)}</td>
                  {figureCells(p)}
                </tr>
              ))}
              <EmptyRow show={report.periods.length === 0} colSpan={COLUMNS.length + 1} />
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Σ</th>
                {figureCells(report.totals)}
              </tr>
            </tfoot>
          </table>
          </div>
          <p className="muted">{t('income.voidNote')}</p>
          {report.producerId === null && (
            <table aria-label={t('income.payments')}>
              <caption>{t('income.payments')}</caption>
              <thead>
                <tr>
                  <th>{t('income.method')}</th>
                  <th className="num">{t('income.sales')}</th>
                  <th className="num">{t('income.taken')}</th>
                  <th className="num">{t('income.voidedSales')}</th>
                  <th className="num">{t('income.voids')}</th>
                  <th className="num">{t('income.refunded')}</th>
                  <th className="num">{t('income.net')}</th>
                </tr>
              </thead>
              <tbody>
                {report.payments.map((p) => (
                  <tr key={p.method}>
                    <td>{t(`income.method.${p.method}`)}</td>
                    <td className="num">{formatCount(p.sales, lang)}</td>
                    <td className="num">{formatRupiah(p.taken)}</td>
                    <td className="num">{formatCount(p.voidedSales, lang)}</td>
                    <td className="num">{formatRupiah(p.voided)}</td>
                    <td className="num">{formatRupiah(p.refunded)}</td>
                    <td className="num">{formatRupiah(p.net)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="table-scroll">
          <table aria-label={t('income.byProducer')}>
            <caption>{t('income.byProducer')}</caption>
            <thead>
              <tr>
                <th>{t('income.producer')}</th>
                {head}
              </tr>
            </thead>
            <tbody>
              {report.byProducer.map((p) => (
                <tr key={p.producerId}>
                  <td>{p.producerName}</td>
                  {figureCells(p)}
                </tr>
              ))}
              <EmptyRow show={report.byProducer.length === 0} colSpan={COLUMNS.length + 1} />
            </tbody>
          </table>
          </div>
        </>
      )}
    </section>
  );
}
