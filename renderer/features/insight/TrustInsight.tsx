import { useEffect, useState } from 'react';
import type { ProducerInsight, ReorderProducer } from '../../../shared/contract/insight';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { pctText } from './format';
import { sellThroughBps, wasteBps } from '../../../shared/domain/insight';
import './insight.css';

const WEEKS = 8;

/**
 * How a producer's goods sell, next to their payment punctuality in the trust
 * ledger (both sides of the conversation on one screen): sell-through, waste,
 * units sold per week over the last eight weeks, the best sellers, and how many
 * are running low; a link opens the full "Yang laku" view.
 */
export function TrustInsight({ producerId, onOpen }: { producerId: number; onOpen(): void }) {
  const { t } = useI18n();
  const [data, setData] = useState<{ insight: ProducerInsight; reorder: ReorderProducer } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([call('insight.producer', { producerId, weeks: WEEKS }), call('insight.reorder', { producerId })])
      .then(([insight, list]) => live && setData({ insight, reorder: list.producers[0]! }))
      .catch((e: Error) => live && setFailed(e.message));
    return () => {
      live = false;
    };
  }, [producerId]);
  const open = (
    <button type="button" className="trust-link" onClick={onOpen}>
      {t('insight.trust.more')} →
    </button>
  );
  if (failed) return <section className="panel" aria-label={t('insight.trust.title', { weeks: WEEKS })}><p className="error">{failed}</p>{open}</section>;
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  const products = data.insight.products;
  const weeks = (products[0]?.weeks ?? []).map((w, i) => ({ weekStart: w.weekStart, sold: products.reduce((n, p) => n + p.weeks[i]!.sold, 0) }));
  const sum = (f: (p: (typeof products)[number]) => number) => products.reduce((n, p) => n + f(p), 0);
  const delivered = sum((p) => p.totals.delivered);
  const sold = sum((p) => p.totals.sold);
  const st = sellThroughBps(sold, sum((p) => p.totals.onHandStart), delivered);
  const waste = wasteBps(sum((p) => p.totals.returned.expired), sum((p) => p.totals.returned.damaged), delivered);
  const top = products.filter((p) => p.totals.sold > 0).slice(0, 3);
  const max = Math.max(1, ...weeks.map((w) => w.sold));
  const low = data.reorder.lines.length;
  return (
    <section className="panel stack trust-insight" aria-labelledby="trust-insight-h" data-testid="trust-insight">
      <div className="row trust-head">
        <h2 id="trust-insight-h">{t('insight.trust.title', { weeks: WEEKS })}</h2>
        {open}
      </div>
      {delivered === 0 && sold === 0 ? (
        <p className="muted">{t('insight.trust.none')}</p>
      ) : (
        <div className="trust-insight-grid">
          <div className="trust-card">
            <span className="trust-card-label">{t('insight.col.sellThrough')}</span>
            <strong className="trust-card-value">{pctText(st)}</strong>
            <span className="muted">{t('insight.trust.sold')}: {sold} / {t('insight.col.delivered').toLowerCase()} {delivered}</span>
          </div>
          <div className="trust-card">
            <span className="trust-card-label">{t('insight.col.waste')}</span>
            <strong className="trust-card-value">{pctText(waste)}</strong>
            <span className="muted">{low > 0 ? `⚠ ${t('insight.trust.low', { n: low })}` : t('insight.reorderNone')}</span>
          </div>
          <div className="trust-card">
            <span className="trust-card-label">{t('insight.trust.perWeek')}</span>
            <svg className="trust-insight-bars" viewBox={`0 0 ${weeks.length * 12} 40`} role="img" aria-label={`${t('insight.trust.perWeek')}: ${weeks.map((w) => w.sold).join(', ')}`}>
              {weeks.map((w, i) => {
                const h = Math.max(w.sold > 0 ? 1 : 0, Math.round((w.sold / max) * 38));
                return <rect key={w.weekStart} x={i * 12 + 1} y={40 - h} width={9} height={h} fill="currentColor" />;
              })}
            </svg>
            <span className="muted">{weeks.map((w) => w.sold).join(' · ')}</span>
          </div>
          <div className="trust-card">
            <span className="trust-card-label">{t('insight.trust.top')}</span>
            <ol className="trust-insight-top">
              {top.map((p) => (
                <li key={p.productId}>
                  {p.name} <span className="muted">· {p.totals.sold} · {pctText(p.totals.sellThroughBps)}</span>
                </li>
              ))}
            </ol>
          </div>
        </div>
      )}
    </section>
  );
}
