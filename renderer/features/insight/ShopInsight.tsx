import { useEffect, useState } from 'react';
import type { RankedProduct, ShopInsight as ShopInsightData } from '../../../shared/contract/insight';
import { formatLocalDate } from '../../../shared/domain/time';
import { call } from '../../api';
import { ErrorAlert } from '../../components/FormParts';
import { useI18n, type StringKey } from '../../i18n';
import { centiText, pctText } from './format';
import './insight.css';

const WEEK_CHOICES = [4, 8, 12] as const;

/** Best sellers and slow movers per category, shop-wide (the manager's reports). */
export function ShopInsight() {
  const { t, lang } = useI18n();
  const [weeks, setWeeks] = useState<number>(8);
  const [data, setData] = useState<ShopInsightData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    call('insight.shop', { weeks, limit: 5 })
      .then((d) => live && setData(d))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [weeks]);
  const table = (label: string, rows: RankedProduct[]) => (
    <table aria-label={label}>
      <thead>
        <tr>
          <th>{t('insight.col.product')}</th>
          <th>{t('insight.col.producer')}</th>
          <th className="num">{t('insight.col.perDayWindow')}</th>
          <th className="num">{t('insight.col.sold')}</th>
          <th className="num">{t('insight.col.sellThrough')}</th>
          <th className="num">{t('insight.col.waste')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.productId}>
            <td>{p.name}</td>
            <td>{p.producerShortName}</td>
            <td className="num">{centiText(p.perDayCenti, lang)}</td>
            <td className="num">{p.sold}</td>
            <td className="num">{pctText(p.sellThroughBps)}</td>
            <td className="num">{pctText(p.wasteBps)}</td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={6} className="muted">—</td>
          </tr>
        )}
      </tbody>
    </table>
  );
  return (
    <section className="panel stack" aria-labelledby="insight-shop-h" data-testid="insight-shop">
      <header className="row trust-head">
        <div>
          <h2 id="insight-shop-h">{t('insight.shop.title')}</h2>
          {data && <p className="muted insight-note">{t('insight.shop.sub', { weeks: data.weeks, asOf: formatLocalDate(data.asOf, lang) })}</p>}
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
      <ErrorAlert error={error} />
      {!data ? (
        !error && <p className="loading">{t('app.loading')}</p>
      ) : data.categories.length === 0 ? (
        <p className="muted">{t('insight.shop.none')}</p>
      ) : (
        data.categories.map((c) => {
          const name = t(`insight.shop.cat.${c.category}` as StringKey);
          return (
            <section key={c.category} className="stack" aria-label={name}>
              <h3>
                {name} <span className="muted insight-note">· {t('insight.shop.ranked', { n: c.ranked })}</span>
              </h3>
              <div className="insight-shop-grid">
                <div>
                  <h4>{t('insight.shop.best')}</h4>
                  {table(`${t('insight.shop.best')} · ${name}`, c.best)}
                </div>
                <div>
                  <h4>{t('insight.shop.slow')}</h4>
                  {table(`${t('insight.shop.slow')} · ${name}`, c.slow)}
                </div>
              </div>
            </section>
          );
        })
      )}
      <p className="muted insight-note">{t('insight.shop.note')}</p>
    </section>
  );
}
