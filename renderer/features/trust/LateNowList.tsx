import { formatRupiah } from '../../../shared/money';
import type { TrustLateNowRow } from '../../../shared/contract/trust';
import { useI18n } from '../../i18n';
import { dateText } from './format';

/** Producers the shop is late with now, the longest overdue first. */
export function LateNowList({ rows, onOpen }: { rows: TrustLateNowRow[]; onOpen?(id: number): void }) {
  const { t, lang } = useI18n();
  if (rows.length === 0) return <p className="notice" role="status">✓ {t('trust.lateNow.none')}</p>;
  return (
    <ol className="trust-late-now" aria-label={t('trust.lateNow.title')}>
      {rows.map((r) => (
        <li key={r.producerId} data-producer={r.producerId}>
          <span className="badge danger" aria-hidden="true">⚠</span>{' '}
          {onOpen ? (
            <button type="button" className="trust-link" onClick={() => onOpen(r.producerId)}>{r.name}</button>
          ) : (
            <strong>{r.name}</strong>
          )}{' '}
          <span>
            {t('trust.lateNow.line', {
              days: r.daysOverdue,
              due: dateText(r.oldestDueDate, lang),
              count: r.overdueSettlements,
              amount: formatRupiah(r.overdueAmount),
            })}
          </span>
        </li>
      ))}
    </ol>
  );
}
