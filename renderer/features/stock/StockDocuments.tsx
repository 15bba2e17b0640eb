import type { ProducerReturn, StockCount } from '../../../shared/contract/stock';
import { Pager, usePagedList } from '../../components/Pager';
import { formatRupiah } from '../../../shared/money';
import { formatLocalDateTime } from '../../../shared/domain/time';
import { call } from '../../api';
import { useTimeZone } from '../../components/storeSettings';
import { useI18n } from '../../i18n';
import { DocumentTable } from './DocumentTable';
import { ActionsHeader } from '../../components/ActionsHeader';

/** Past returns and stock counts, to show and reprint their papers. */
export function StockDocuments({ onShowReturn, onShowCount }: { onShowReturn(r: ProducerReturn): void; onShowCount(c: StockCount): void }) {
  const { t, lang } = useI18n();
  const zone = useTimeZone();
  const returns = usePagedList('returns.list', {}, { pageSize: 30 });
  const countPage = usePagedList('stockCounts.list', {}, { pageSize: 30 });
  const counts = countPage.rows ?? [];
  const when = (at: string) => formatLocalDateTime(at, zone, lang);
  return (
    <div className="stack">
      <DocumentTable
        title={t('stock.doc.returns')}
        docs={returns.rows ?? []}
        pager={<Pager page={returns.page} onOffset={returns.setOffset} list={t('stock.doc.returns')} />}
        showLabel={(number) => t('stock.doc.show', { number })}
        onShow={(id) => void call('returns.get', { id }).then(onShowReturn)}
      />
      <section className="panel" aria-label={t('stock.doc.counts')}>
        <h2>{t('stock.doc.counts')}</h2>
        <Pager page={countPage.page} onOffset={countPage.setOffset} list={t('stock.doc.counts')} />
        <table>
          <thead>
            <tr>
              <th>{t('stock.doc.number')}</th>
              <th>{t('stock.print.date')}</th>
              <th className="num">{t('stock.doc.lines')}</th>
              <th className="num">{t('stock.doc.differences')}</th>
              <th className="num">{t('stock.count.totalShrinkage')}</th>
              <ActionsHeader />
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
