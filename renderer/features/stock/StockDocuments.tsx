import { useEffect, useState } from 'react';
import type { DocumentSummary, ProducerReturn, StockCount, StockCountSummary } from '../../../shared/contract/stock';
import { formatRupiah } from '../../../shared/money';
import { formatLocalDateTime } from '../../../shared/domain/time';
import { call } from '../../api';
import { useTimeZone } from '../catalogue/useTimeZone';
import { useI18n } from '../../i18n';

/** Past returns and stock counts, to show and reprint their papers. */
export function StockDocuments({ onShowReturn, onShowCount }: { onShowReturn(r: ProducerReturn): void; onShowCount(c: StockCount): void }) {
  const { t, lang } = useI18n();
  const zone = useTimeZone();
  const [returns, setReturns] = useState<DocumentSummary[]>([]);
  const [counts, setCounts] = useState<StockCountSummary[]>([]);
  useEffect(() => {
    void call('returns.list', { limit: 30 }).then(setReturns);
    void call('stockCounts.list', { limit: 30 }).then(setCounts);
  }, []);
  const when = (at: string) => formatLocalDateTime(at, zone, lang);
  return (
    <div className="stack">
      <section className="panel" aria-label={t('stock.doc.returns')}>
        <h2>{t('stock.doc.returns')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('stock.doc.number')}</th>
              <th>{t('stock.print.date')}</th>
              <th>{t('stock.print.producer')}</th>
              <th className="num">{t('stock.print.totalUnits')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {returns.map((r) => (
              <tr key={r.id}>
                <td>{r.number}</td>
                <td>{when(r.at)}</td>
                <td>{r.producerName}</td>
                <td className="num">{r.totalUnits}</td>
                <td>
                  <button type="button" aria-label={t('stock.doc.show', { number: r.number })} onClick={() => void call('returns.get', { id: r.id }).then(onShowReturn)}>
                    {t('stock.intake.show')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-label={t('stock.doc.counts')}>
        <h2>{t('stock.doc.counts')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('stock.doc.number')}</th>
              <th>{t('stock.print.date')}</th>
              <th className="num">{t('stock.doc.lines')}</th>
              <th className="num">{t('stock.doc.differences')}</th>
              <th className="num">{t('stock.count.totalShrinkage')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.id}>
                <td>{c.number}</td>
                <td>{when(c.countedAt)}</td>
                <td className="num">{c.lineCount}</td>
                <td className="num">{c.differences}</td>
                <td className="num">{formatRupiah(c.totalShrinkage)}</td>
                <td>
                  <button type="button" aria-label={t('stock.doc.show', { number: c.number })} onClick={() => void call('stockCounts.get', { id: c.id }).then(onShowCount)}>
                    {t('stock.intake.show')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
