import { useEffect, useState } from 'react';
import type { ExpiryBatch, ExpiryGroup, ExpiryReport } from '../../../shared/contract/stock';
import { formatLocalDate } from '../../../shared/domain/time';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { errorText } from '../catalogue/util';
import { ErrorAlert } from '../../components/FormParts';

export interface ReturnDraftLine {
  productId: number;
  quantity: number;
  reason: 'unsold' | 'expired' | 'damaged';
  expiryDate?: string;
}

/** Expired and expiring-soon batches per producer, with a shortcut to return them. */
export function ExpiryLists({ onReturn }: { onReturn?(producerId: number, lines: ReturnDraftLine[]): void }) {
  const { t } = useI18n();
  const [report, setReport] = useState<ExpiryReport | null>(null);
  const [days, setDays] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('expiry.list', days === null ? {} : { withinDays: days }).then(setReport, (err) => setError(errorText(err)));
  }, [days]);
  if (error) return <ErrorAlert error={error} />;
  if (!report) return <p className="muted">{t('app.loading')}</p>;
  return (
    <section className="stack" aria-label={t('stock.tab.expiry')}>
      <div className="row">
        <label>
          {t('stock.expiry.window')}
          <input type="number" min={0} max={60} value={days ?? report.withinDays} onChange={(e) => setDays(Math.max(0, Math.min(60, Number(e.target.value) || 0)))} aria-label={t('stock.expiry.window')} />
        </label>
        <p className="muted">{t('stock.expiry.explain')}</p>
      </div>
      {report.producers.length === 0 && <p className="notice">{t('stock.expiry.none')}</p>}
      {report.producers.map((g) => (
        <ProducerExpiry key={g.producerId} group={g} onReturn={onReturn} />
      ))}
    </section>
  );
}

function ProducerExpiry({ group, onReturn }: { group: ExpiryGroup; onReturn?(producerId: number, lines: ReturnDraftLine[]): void }) {
  const { t } = useI18n();
  const all = [...group.expired, ...group.expiringSoon];
  return (
    <article className="panel stack" aria-label={group.producerName}>
      <div className="row spread">
        <h3>{group.producerName}</h3>
        {onReturn && (
        <button
          type="button"
          className="primary"
          aria-label={t('stock.expiry.returnThese', { name: group.producerName })}
          onClick={() =>
            onReturn(
              group.producerId,
              all.map((b) => ({ productId: b.productId, quantity: b.remaining, reason: b.daysLeft < 0 ? 'expired' : 'unsold', expiryDate: b.expiryDate })),
            )
          }
        >
          {t('stock.expiry.returnButton')}
        </button>
        )}
      </div>
      <BatchTable title={t('stock.expiry.expired')} batches={group.expired} />
      <BatchTable title={t('stock.expiry.soon')} batches={group.expiringSoon} />
    </article>
  );
}

function BatchTable({ title, batches }: { title: string; batches: ExpiryBatch[] }) {
  const { t, lang } = useI18n();
  if (batches.length === 0) return null;
  return (
    <table aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th>{t('stock.print.product')}</th>
          <th>{t('stock.print.expiry')}</th>
          <th className="num">{t('stock.expiry.remaining')}</th>
          <th>{t('stock.expiry.intake')}</th>
        </tr>
      </thead>
      <tbody>
        {batches.map((b, i) => (
          <tr key={i}>
            <td>{b.productName}</td>
            <td>
              {formatLocalDate(b.expiryDate, lang)}{' '}
              <span className={`badge ${b.daysLeft < 0 ? 'danger' : 'warn'}`}>
                {b.daysLeft < 0 ? t('stock.expiry.daysAgo', { n: -b.daysLeft }) : b.daysLeft === 0 ? t('stock.expiry.today') : t('stock.expiry.daysLeft', { n: b.daysLeft })}
              </span>
            </td>
            <td className="num">
              {b.remaining} {b.unit}
            </td>
            <td className="muted">{b.intakeNumber}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
