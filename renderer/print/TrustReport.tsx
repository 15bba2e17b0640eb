import { formatRupiah } from '../../shared/money';
import type { TrustFigures, TrustReport } from '../../shared/contract/trust';
import { useI18n } from '../i18n';
import { dateText, instantLocalDateText, rateText, tenthsText } from '../features/trust/format';
import { TrendChart, TrendTable } from '../features/trust/TrendChart';

function FiguresRow({ label, f, outstanding }: { label: string; f: TrustFigures; outstanding: TrustFigures }) {
  const { lang } = useI18n();
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{f.due}</td>
      <td className="num">{f.onTime}</td>
      <td className="num">{f.late}</td>
      <td className="num">{outstanding.overdue}</td>
      <td className="num">{rateText(f.onTimeRateBps, lang)}</td>
      <td className="num">{tenthsText(f.averageDaysLateTenths, lang)}</td>
      <td className="num">{f.maxDaysLate ?? '—'}</td>
      <td className="num">{formatRupiah(outstanding.outstanding)}</td>
    </tr>
  );
}

/** The store-wide trust report on A4 (may run to more than one page with many producers). */
export function TrustReportPrint({ report }: { report: TrustReport }) {
  const { t, lang } = useI18n();
  const head = (
    <tr>
      <th scope="col">{t('trust.col.producer')}</th>
      <th scope="col" className="num">{t('trust.col.due')}</th>
      <th scope="col" className="num">{t('trust.col.onTime')}</th>
      <th scope="col" className="num">{t('trust.col.late')}</th>
      <th scope="col" className="num">{t('trust.col.overdueNow')}</th>
      <th scope="col" className="num">{t('trust.col.rate')}</th>
      <th scope="col" className="num">{t('trust.col.avgLate')}</th>
      <th scope="col" className="num">{t('trust.col.maxLate')}</th>
      <th scope="col" className="num">{t('trust.col.outstanding')}</th>
    </tr>
  );
  return (
    <div className="trust-print">
      <header className="trust-print-head">
        <strong>{report.storeName}</strong>
        <h1>{t('trust.print.reportTitle')}</h1>
        <p>{t('trust.subtitle', { from: dateText(report.from, lang), to: dateText(report.to, lang), asOf: dateText(report.asOf, lang) })}</p>
      </header>
      <table className="trust-print-figures">
        <thead>{head}</thead>
        <tbody>
          <FiguresRow label={t('trust.print.storeRange')} f={report.store.range} outstanding={report.store.allTime} />
        </tbody>
      </table>
      <h2>{t('trust.lateNow.title')}</h2>
      {report.lateNow.length === 0 ? (
        <p>✓ {t('trust.lateNow.none')}</p>
      ) : (
        <ol className="trust-late-now">
          {report.lateNow.map((r) => (
            <li key={r.producerId}>
              ⚠ <strong>{r.name}</strong>{' '}
              {t('trust.lateNow.line', { days: r.daysOverdue, due: dateText(r.oldestDueDate, lang), count: r.overdueSettlements, amount: formatRupiah(r.overdueAmount) })}
            </li>
          ))}
        </ol>
      )}
      <h2>{t('trust.chart.title')}</h2>
      <div className="trust-print-chart">
        <TrendChart months={report.store.trend} table={false} />
      </div>
      {report.store.trend.length > 0 && <TrendTable months={report.store.trend} />}
      <h2>{t('trust.producers.title')}</h2>
      <table className="trust-print-producers">
        <thead>{head}</thead>
        <tbody>
          {report.producers.map((p) => (
            <FiguresRow key={p.producerId} label={p.name} f={p.range} outstanding={p.allTime} />
          ))}
        </tbody>
      </table>
      <p className="trust-print-note">
        {t('trust.definitions')} {t('trust.print.lastPayout')}: {instantLocalDateText(report.store.allTime.lastPayoutAt, report.timeZone, lang)}.
      </p>
    </div>
  );
}
