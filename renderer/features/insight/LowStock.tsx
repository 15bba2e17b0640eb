import { useEffect, useState } from 'react';
import type { LowStockList } from '../../../shared/contract/insight';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { centiText } from './format';
import './insight.css';

/** The low-stock list (the reorder rule across all producers), loaded once; null while loading or if it failed. */
export function useLowStock(): LowStockList | null {
  const [list, setList] = useState<LowStockList | null>(null);
  useEffect(() => {
    let live = true;
    call('insight.lowStock', {})
      .then((l) => live && setList(l))
      .catch(() => live && setList(null));
    return () => {
      live = false;
    };
  }, []);
  return list;
}

/** The stock screen opens with the low-stock filter on from the landing tile: #/stock/low. */
export const LOW_STOCK_HASH = '#/stock/low';
export const lowStockAsked = () => typeof window !== 'undefined' && window.location.hash.startsWith(LOW_STOCK_HASH);

/** Products below their reorder point, fewest days left first. Selling them is never blocked. */
export function LowStockTable({ list }: { list: LowStockList }) {
  const { t, lang } = useI18n();
  return (
    <section className="stack" aria-labelledby="low-stock-h">
      <h2 id="low-stock-h">{t('insight.low.title')}</h2>
      <p className="muted insight-note">{t('insight.low.hint')}</p>
      <table aria-label={t('insight.low.title')}>
        <thead>
          <tr>
            <th>{t('insight.col.product')}</th>
            <th>{t('insight.col.producer')}</th>
            <th className="num">{t('insight.col.onHand')}</th>
            <th className="num">{t('insight.col.perDay')}</th>
            <th className="num">{t('insight.low.lasts')}</th>
            <th className="num">{t('insight.low.interval')}</th>
          </tr>
        </thead>
        <tbody>
          {list.lines.map((l) => (
            <tr key={l.productId}>
              <td>
                {l.name} <span className="badge warn">{t('insight.low.badge')}</span>
              </td>
              <td>{l.producerShortName}</td>
              <td className="num">
                <strong>{l.onHand}</strong> {l.unit}
              </td>
              <td className="num">{centiText(l.rateCenti, lang)}</td>
              <td className="num">{l.daysOfStockLeft === null ? '—' : t('insight.days', { n: l.daysOfStockLeft })}</td>
              <td className="num">{t('insight.days', { n: l.intervalDays })}</td>
            </tr>
          ))}
          {list.lines.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">{t('insight.low.tileNone')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

/** The landing tile: how many products are low on stock, opening the list on the stock screen. */
export function LowStockTile() {
  const { t } = useI18n();
  const list = useLowStock();
  if (!list) return null;
  const n = list.lines.length;
  return (
    <section className="panel low-stock-tile" aria-label={t('insight.low.title')} data-testid="low-stock-tile">
      <strong>{n > 0 ? `⚠ ${t('insight.low.tile', { n })}` : `✓ ${t('insight.low.tileNone')}`}</strong>
      {n > 0 && (
        <a href={LOW_STOCK_HASH}>
          {t('insight.low.open')} →
        </a>
      )}
    </section>
  );
}
