import { useState } from 'react';
import type { Producer } from '../../../shared/contract/catalogue';
import type { StockPage, StockRow } from '../../../shared/contract/stock';
import { formatLocalDateTime } from '../../../shared/domain/time';
import { call } from '../../api';
import { useTimeZone } from '../../components/storeSettings';
import { useI18n } from '../../i18n';
import { downloadCsv, errorText } from '../catalogue/util';
import { ErrorAlert } from '../../components/FormParts';
import { ProducerSelect } from '../../components/ProducerSelect';
import { EmptyRow } from '../../components/EmptyRow';
import { LowStockTable, lowStockAsked, useLowStock } from '../insight/LowStock';
import { Pager, usePagedList } from '../../components/Pager';

/** Stock on hand per product, from the movements; oversold products are flagged in words, not only colour. */
export function StockTable({ producers }: { producers: Producer[] }) {
  const { t, lang } = useI18n();
  const zone = useTimeZone();
  const [producerId, setProducerId] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Below the reorder point (issue #17): a marker on the row and a filter that shows the low-stock list.
  const low = useLowStock();
  const [lowOnly, setLowOnly] = useState(lowStockAsked);
  const lowById = new Map((low?.lines ?? []).map((l) => [l.productId, l]));
  const { page, rows: pageRows, setOffset } = usePagedList(
    'stock.list',
    { ...(producerId ? { producerId } : {}), ...(search.trim() ? { search: search.trim() } : {}) },
    { onError: (err) => setError(errorText(err)) },
  );
  const rows: StockRow[] = pageRows ?? [];
  // Of the whole filtered list (the core counts it), not only the rows of this page.
  const oversold = (page as StockPage | null)?.oversoldTotal ?? 0;
  return (
    <section className="stack" aria-label={t('stock.tab.onHand')}>
      <div className="row">
        <ProducerSelect label={t('stock.filterProducer')} emptyLabel={t('stock.allProducers')} producers={producers} value={producerId} onChange={setProducerId} />
        <label className="grow">
          {t('common.search')}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-label={t('stock.searchProduct')} />
        </label>
        <button type="button" onClick={() => void call('export.stockCsv', producerId ? { producerId } : {}).then(downloadCsv, (err) => setError(errorText(err)))}>
          {t('stock.exportCsv')}
        </button>
        {low && (
          <label className="inline">
            <input type="checkbox" checked={lowOnly} onChange={(e) => setLowOnly(e.target.checked)} />
            {t('insight.low.filter', { n: low.lines.length })}
          </label>
        )}
      </div>
      {lowOnly && low && <LowStockTable list={low} />}
      {oversold > 0 && (
        <p role="status" className="error">
          ⚠ {t('stock.oversoldNotice', { n: oversold })}
        </p>
      )}
      <ErrorAlert error={error} />
      {!(lowOnly && low !== null) && <Pager page={page} onOffset={setOffset} list={t('stock.tableLabel')} />}
      <table aria-label={t('stock.tableLabel')} hidden={lowOnly && low !== null}>
        <thead>
          <tr>
            <th>{t('stock.print.product')}</th>
            <th>{t('stock.print.producer')}</th>
            <th>{t('stock.code')}</th>
            <th className="num">{t('stock.onHand')}</th>
            <th>{t('stock.flags')}</th>
            <th>{t('stock.lastMovement')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.productId} className={r.oversold ? 'oversold-row' : ''}>
              <td>
                {r.productName} <span className="muted">/ {r.unit}</span>
              </td>
              <td>{r.producerShortName}</td>
              <td>{r.shortCode && <code>{r.shortCode}</code>}</td>
              <td className="num">
                <strong>{r.onHand}</strong>
              </td>
              <td>
                {r.oversold && <span className="badge danger">⚠ {t('stock.oversold')}</span>}
                {lowById.has(r.productId) && <span className="badge warn">{t('insight.low.badge')} · {t('insight.days', { n: lowById.get(r.productId)!.daysOfStockLeft ?? 0 })}</span>}
                {r.perishable && <span className="badge warn">{t('catalogue.product.perishableBadge')}</span>}
                {!r.active && <span className="badge">{t('common.inactive')}</span>}
              </td>
              <td className="muted">{r.lastMovementAt ? formatLocalDateTime(r.lastMovementAt, zone, lang) : '—'}</td>
            </tr>
          ))}
          <EmptyRow show={page !== null && rows.length === 0} colSpan={6} />
        </tbody>
      </table>
      {!(lowOnly && low !== null) && <Pager page={page} onOffset={setOffset} list={t('stock.tableLabel')} below />}
    </section>
  );
}
