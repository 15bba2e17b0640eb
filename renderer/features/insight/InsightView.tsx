import { useEffect, useState } from 'react';
import type { ProducerInsight, ReorderProducer } from '../../../shared/contract/insight';
import { formatLocalDate } from '../../../shared/domain/time';
import { call } from '../../api';
import { ErrorAlert } from '../../components/FormParts';
import { useI18n, type StringKey } from '../../i18n';
import { DeliveryRequest } from './DeliveryRequest';
import { ReorderPanel } from './ReorderPanel';
import { bestWeekday, centiText, pctText } from './format';
import './insight.css';

const WEEK_CHOICES = [4, 8, 12] as const;

/**
 * "Yang laku": what a producer's goods do on the shelf, week by week, and the
 * reorder list. Opened from the producer's trust view.
 */
export function InsightView({ producerId, onBack }: { producerId: number; onBack(): void }) {
  const { t, lang } = useI18n();
  const [weeks, setWeeks] = useState<number>(8);
  const [data, setData] = useState<{ insight: ProducerInsight; reorder: ReorderProducer; storeName: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    let live = true;
    setError(null);
    Promise.all([call('insight.producer', { producerId, weeks }), call('insight.reorder', { producerId })])
      .then(([insight, list]) => live && setData({ insight, reorder: list.producers[0]!, storeName: list.storeName }))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [producerId, weeks]);

  const back = <button type="button" onClick={onBack}>← {t('insight.back')}</button>;
  if (error) return <div className="stack"><ErrorAlert error={error} />{back}</div>;
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  const { insight, reorder } = data;
  const lines = reorder.lines.map((line) => ({ line, quantity: quantities[line.productId] ?? line.quantity }));
  if (printing) return <DeliveryRequest producerName={insight.producer.name} asOf={insight.asOf} lines={lines} onBack={() => setPrinting(false)} />;
  const interval = insight.deliveryIntervalDays === null ? t('insight.intervalUnknown') : t('insight.days', { n: insight.deliveryIntervalDays });
  const weekStarts = insight.products[0]?.weeks.map((w) => w.weekStart) ?? [];
  return (
    <div className="stack insight">
      <nav className="no-print">{back}</nav>
      <header className="row trust-head">
        <div>
          <h1>{t('insight.title', { name: insight.producer.name })}</h1>
          <p className="muted trust-sub">{t('insight.subtitle', { weeks, asOf: formatLocalDate(insight.asOf, lang), interval })}</p>
        </div>
        <label className="row">
          {t('insight.weeks')}
          <select value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {WEEK_CHOICES.map((n) => (
              <option key={n} value={n}>{t('insight.weeksOption', { n })}</option>
            ))}
          </select>
        </label>
      </header>
      <ReorderPanel reorder={reorder} storeName={data.storeName} quantities={quantities} setQuantities={setQuantities} onPrint={() => setPrinting(true)} />
      <section className="panel stack" aria-labelledby="insight-products-h">
        <h2 id="insight-products-h">{t('insight.products')}</h2>
        {insight.products.length === 0 ? (
          <p className="muted">{t('insight.none')}</p>
        ) : (
          <div className="insight-table-wrap">
            <table className="insight-table" aria-label={t('insight.products')}>
              <thead>
                <tr>
                  {(
                    ['product', 'delivered', 'sold', 'returned', 'shrinkage', 'onHand', 'perDay', 'bestDay', 'daysLeft', 'sellThrough', 'waste'] as const
                  ).map((c) => (
                    <th key={c} className={c === 'product' || c === 'bestDay' ? undefined : 'num'}>{t(`insight.col.${c}` as StringKey)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {insight.products.map((p) => {
                  const s = p.totals;
                  const day = bestWeekday(s.perWeekdayCenti);
                  return (
                    <tr key={p.productId}>
                      <td className="insight-name">
                        {p.name}
                        {p.perishable && <div className="muted insight-why">{t('insight.perishable')}</div>}
                      </td>
                      <td className="num">{s.delivered}</td>
                      <td className="num">{s.sold}</td>
                      <td className="num">
                        {s.returned.unsold + s.returned.expired + s.returned.damaged}
                        {(['unsold', 'expired', 'damaged'] as const)
                          .filter((r) => s.returned[r] > 0)
                          .map((r) => (
                            <div key={r} className="muted insight-why">{t(`insight.reason.${r}`, { n: s.returned[r] })}</div>
                          ))}
                      </td>
                      <td className="num">{s.shrinkage}</td>
                      <td className="num">{s.onHandEnd} {p.unit}</td>
                      <td className="num">{centiText(s.recentPerDayCenti, lang)}</td>
                      <td>{day === null ? '—' : t(`system.weekday.${day}` as StringKey)}</td>
                      <td className="num">{s.daysOfStockLeft === null ? '—' : t('insight.days', { n: s.daysOfStockLeft })}</td>
                      <td className="num">{pctText(s.sellThroughBps)}</td>
                      <td className="num">{pctText(s.wasteBps)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted insight-note">{t('insight.definitions')}</p>
      </section>
      {insight.products.length > 0 && (
        <section className="panel stack" aria-labelledby="insight-weekly-h">
          <h2 id="insight-weekly-h">{t('insight.weekly')}</h2>
          <div className="insight-table-wrap">
            <table className="insight-weekly" aria-label={t('insight.weekly')}>
              <thead>
                <tr>
                  <th>{t('insight.col.product')}</th>
                  {weekStarts.map((w) => (
                    <th key={w} className="num">{t('insight.weekOf', { date: `${Number(w.slice(8))}/${Number(w.slice(5, 7))}` })}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {insight.products.map((p) => (
                  <tr key={p.productId}>
                    <td>{p.name}</td>
                    {p.weeks.map((w) => (
                      <td key={w.weekStart} className="num">{w.sold} / {w.delivered}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
