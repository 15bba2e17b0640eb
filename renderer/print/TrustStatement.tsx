import { formatRupiah } from '../../shared/money';
import type { TrustProducerDetail } from '../../shared/contract/trust';
import { useI18n } from '../i18n';
import { SignatureLines } from './SignatureLines';
import { dateText, instantLocalDateText, rateText, STATUS_ICON, STATUS_KEY, tenthsText } from '../features/trust/format';

/** Most settlements shown on the one-page statement. */
const MAX_ROWS = 14;

/** A one-page trust statement the manager hands to a producer (A4). */
export function TrustStatement({ detail }: { detail: TrustProducerDetail }) {
  const { t, lang } = useI18n();
  const inRange = detail.settlements.filter((s) => s.inRange);
  const shown = inRange.slice(-MAX_ROWS);
  const r = detail.range;
  const a = detail.allTime;
  const days = (tenths: number | null) => (tenths === null ? '—' : t('trust.days', { n: tenthsText(tenths, lang) }));
  return (
    <div className="trust-print trust-statement">
      <header className="trust-print-head">
        <strong>{detail.storeName}</strong>
        {detail.storeAddress && <div>{detail.storeAddress}</div>}
        {detail.storePhone && <div>{detail.storePhone}</div>}
        <h1>{t('trust.statement.title')}</h1>
        <p>
          {t('trust.statement.for')} <strong>{detail.producer.name}</strong>
          <br />
          {t('trust.subtitle', { from: dateText(detail.from, lang), to: dateText(detail.to, lang), asOf: dateText(detail.asOf, lang) })}
        </p>
      </header>
      <p className="trust-statement-lead">{t('trust.statement.lead')}</p>
      <table className="trust-print-figures">
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col" className="num">{t('trust.statement.thisRange')}</th>
            <th scope="col" className="num">{t('trust.statement.allTime')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('trust.fig.onTimeRate')}</th>
            <td className="num">{rateText(r.onTimeRateBps, lang)}{r.onTimeRate && ` (${r.onTimeRate.numerator}/${r.onTimeRate.denominator})`}</td>
            <td className="num">{rateText(a.onTimeRateBps, lang)}{a.onTimeRate && ` (${a.onTimeRate.numerator}/${a.onTimeRate.denominator})`}</td>
          </tr>
          <tr>
            <th scope="row">{t('trust.fig.avgDaysLate')}</th>
            <td className="num">{days(r.averageDaysLateTenths)}</td>
            <td className="num">{days(a.averageDaysLateTenths)}</td>
          </tr>
          <tr>
            <th scope="row">{t('trust.col.maxLate')}</th>
            <td className="num">{r.maxDaysLate === null ? '—' : t('trust.days', { n: r.maxDaysLate })}</td>
            <td className="num">{a.maxDaysLate === null ? '—' : t('trust.days', { n: a.maxDaysLate })}</td>
          </tr>
          <tr>
            <th scope="row">{t('trust.fig.totalOwed')}</th>
            <td className="num">{formatRupiah(r.totalOwed)}</td>
            <td className="num">{formatRupiah(a.totalOwed)}</td>
          </tr>
          <tr>
            <th scope="row">{t('trust.fig.totalPaid')}</th>
            <td className="num">{formatRupiah(r.totalPaid)}</td>
            <td className="num">{formatRupiah(a.totalPaid)}</td>
          </tr>
          <tr>
            <th scope="row">{t('trust.fig.overdueNow')}</th>
            <td className="num" aria-label="—"></td>
            <td className="num">{a.overdue}</td>
          </tr>
          <tr>
            <th scope="row">{t('trust.fig.outstanding')}</th>
            <td className="num" aria-label="—"></td>
            <td className="num">
              {formatRupiah(a.outstanding)}
              {a.oldestUnpaidDaysOverdue !== null && ` · ${t('trust.statement.oldest', { n: a.oldestUnpaidDaysOverdue })}`}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('trust.col.lastPayout')}</th>
            <td className="num" aria-label="—"></td>
            <td className="num">{instantLocalDateText(a.lastPayoutAt, detail.timeZone, lang)}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t('trust.settlements.title')}</h2>
      {shown.length === 0 ? (
        <p>{t('trust.settlements.none')}</p>
      ) : (
        <table className="trust-print-settlements">
          <thead>
            <tr>
              <th scope="col">{t('trust.col.number')}</th>
              <th scope="col">{t('trust.col.dueDate')}</th>
              <th scope="col" className="num">{t('trust.col.total')}</th>
              <th scope="col">{t('trust.col.paidInFull')}</th>
              <th scope="col">{t('trust.col.status')}</th>
              <th scope="col" className="num">{t('trust.col.remaining')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.settlementId}>
                <td>{s.finalised ? s.number : t('trust.notFinalised')}</td>
                <td>{dateText(s.dueDate, lang)}</td>
                <td className="num">{formatRupiah(s.totalDue)}</td>
                <td>{dateText(s.paidInFullDate, lang)}</td>
                <td>
                  {STATUS_ICON[s.status]} {t(STATUS_KEY[s.status])}
                  {(s.status === 'late' || s.status === 'overdue') && ` · ${t('trust.days', { n: s.daysLate })}`}
                </td>
                <td className="num">{formatRupiah(s.outstanding)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {inRange.length > shown.length && <p className="trust-print-note">{t('trust.statement.more', { n: inRange.length - shown.length })}</p>}
      <p className="trust-print-note">{t('trust.definitions')}</p>
      <SignatureLines
        slots={[
          { above: t('trust.statement.manager'), onLine: t('trust.statement.nameSign') },
          { above: t('trust.statement.producer'), onLine: detail.producer.name },
        ]}
      />
    </div>
  );
}
