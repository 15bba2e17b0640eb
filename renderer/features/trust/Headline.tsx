import { formatRupiah } from '../../../shared/money';
import type { TrustFigures } from '../../../shared/contract/trust';
import { useI18n } from '../../i18n';
import { dateText, rateText, tenthsText } from './format';

/** The four headline figures: on-time rate and average days late over the range; overdue and outstanding now. */
export function Headline({ range, allTime, overdueAmount }: { range: TrustFigures; allTime: TrustFigures; overdueAmount: number }) {
  const { t, lang } = useI18n();
  const decided = range.onTimeRate?.denominator ?? 0;
  return (
    <section className="trust-headline" aria-label={t('trust.headline.label')}>
      <div className="trust-card" data-testid="headline-rate">
        <span className="trust-card-label">✓ {t('trust.fig.onTimeRate')}</span>
        <strong className="trust-card-value">{rateText(range.onTimeRateBps, lang)}</strong>
        <span className="muted">
          {decided > 0 ? t('trust.headline.rateOf', { n: range.onTime, d: decided }) : t('trust.headline.noneDue')}
        </span>
      </div>
      <div className="trust-card" data-testid="headline-late">
        <span className="trust-card-label">◷ {t('trust.fig.avgDaysLate')}</span>
        <strong className="trust-card-value">
          {range.averageDaysLateTenths === null ? '—' : t('trust.days', { n: tenthsText(range.averageDaysLateTenths, lang) })}
        </strong>
        <span className="muted">
          {range.maxDaysLate === null ? t('trust.headline.noneDue') : t('trust.headline.maxLate', { n: range.maxDaysLate })}
        </span>
      </div>
      <div className={`trust-card${allTime.overdue > 0 ? ' trust-card-alert' : ''}`} data-testid="headline-overdue">
        <span className="trust-card-label">⚠ {t('trust.fig.overdueNow')}</span>
        <strong className="trust-card-value">{allTime.overdue}</strong>
        <span className="muted">{allTime.overdue > 0 ? t('trust.headline.overdueAmount', { amount: formatRupiah(overdueAmount) }) : t('trust.headline.noOverdue')}</span>
      </div>
      <div className="trust-card" data-testid="headline-outstanding">
        <span className="trust-card-label">Rp {t('trust.fig.outstanding')}</span>
        <strong className="trust-card-value">{formatRupiah(allTime.outstanding)}</strong>
        <span className="muted">
          {allTime.oldestUnpaidDaysOverdue === null
            ? t('trust.headline.nothingOwed')
            : t('trust.headline.oldest', { n: allTime.oldestUnpaidDaysOverdue, due: dateText(allTime.oldestUnpaidDueDate, lang) })}
        </span>
      </div>
    </section>
  );
}
