import { formatRupiah } from '../../../shared/money';
import type { TrustPayoutLine, TrustSettlementLine } from '../../../shared/contract/trust';
import { useI18n, type StringKey } from '../../i18n';
import { dateText, STATUS_CLASS, STATUS_ICON, STATUS_KEY } from './format';

export const METHOD_KEY: Record<TrustPayoutLine['method'], StringKey> = {
  cash_drawer: 'trust.method.cash_drawer',
  cash_safe: 'trust.method.cash_safe',
  transfer: 'trust.method.transfer',
  ewallet: 'trust.method.ewallet',
};

export function StatusBadge({ s }: { s: TrustSettlementLine }) {
  const { t } = useI18n();
  const days = s.status === 'late' || s.status === 'overdue' ? ` · ${t('trust.days', { n: s.daysLate })}` : '';
  return (
    <span className={`badge ${STATUS_CLASS[s.status]}`} data-status={s.status}>
      <span aria-hidden="true">{STATUS_ICON[s.status]} </span>
      {t(STATUS_KEY[s.status])}
      {days}
    </span>
  );
}

/** A producer's settlements with their payouts, as text (also the timeline chart's data alternative). */
export function SettlementsTable({ rows, compact = false }: { rows: TrustSettlementLine[]; compact?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <table className="trust-table trust-settlements" aria-label={t('trust.settlements.title')}>
      <thead>
        <tr>
          <th scope="col">{t('trust.col.number')}</th>
          <th scope="col">{t('trust.col.period')}</th>
          <th scope="col">{t('trust.col.dueDate')}</th>
          <th scope="col" className="num">{t('trust.col.total')}</th>
          <th scope="col">{t('trust.col.payouts')}</th>
          <th scope="col">{t('trust.col.paidInFull')}</th>
          <th scope="col">{t('trust.col.status')}</th>
          <th scope="col" className="num">{t('trust.col.remaining')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.settlementId} data-settlement={s.number}>
            <th scope="row">{s.finalised ? s.number : <span className="badge warn">{t('trust.notFinalised')}</span>}</th>
            <td>
              {s.periodStartDate ? `${dateText(s.periodStartDate, lang)} – ` : '… – '}
              {dateText(s.periodEndDate, lang)}
            </td>
            <td>{dateText(s.dueDate, lang)}</td>
            <td className="num">{formatRupiah(s.totalDue)}</td>
            <td>
              {s.payouts.length === 0 ? (
                '—'
              ) : (
                <ul className="trust-payouts">
                  {s.payouts.map((p) => (
                    <li key={p.id}>
                      {dateText(p.paidDate, lang)} · {formatRupiah(p.amount)}
                      {!compact && <> · {t(METHOD_KEY[p.method])}{p.reference ? ` (${p.reference})` : ''}</>}
                      {!p.counted && <em> · {t('trust.payout.afterReport')}</em>}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td>{dateText(s.paidInFullDate, lang)}</td>
            <td><StatusBadge s={s} /></td>
            <td className="num">{formatRupiah(s.outstanding)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
