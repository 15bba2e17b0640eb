import type { StockCount } from '../../shared/contract/stock';
import { formatRupiah } from '../../shared/money';
import { formatLocalDateTime } from '../../shared/domain/time';
import { useI18n } from '../i18n';
import { PrintFrame } from './PrintFrame';
import { useStoreSettings } from '../components/storeSettings';
import { DocumentHeader, DocumentMeta } from './DocumentHeader';
import { SignatureLines } from './SignatureLines';

/** Laporan stok opname: expected vs counted per product, differences, reasons and shrinkage credited. A4. */
export function StockCountReport({ count, actions }: { count: StockCount; actions?: React.ReactNode }) {
  const { t, lang } = useI18n();
  const settings = useStoreSettings();
  const tz = settings?.timeZone ?? 'Asia/Jakarta';
  const changed = count.lines.filter((l) => l.difference !== 0);
  return (
    <PrintFrame paper="A4" title={t('stock.print.countTitle')} actions={actions}>
      <div className="doc doc-A4">
        <DocumentHeader settings={settings} title={t('stock.print.countTitle')} number={count.number} />
        <DocumentMeta
          rows={[
            [t('stock.print.date'), formatLocalDateTime(count.countedAt, tz, lang)],
            [t('stock.print.approvedBy'), count.createdBy?.name ?? '—'],
            [t('stock.print.shrinkageBornBy'), t(count.shrinkageBornBy === 'shop' ? 'stock.count.bornByShop' : 'stock.count.bornByProducer')],
          ]}
        />
        <table className="doc-lines">
          <thead>
            <tr>
              <th>{t('stock.print.producer')}</th>
              <th>{t('stock.print.product')}</th>
              <th className="num">{t('stock.count.expected')}</th>
              <th className="num">{t('stock.count.counted')}</th>
              <th className="num">{t('stock.count.difference')}</th>
              <th>{t('stock.print.reason')}</th>
              <th className="num">{t('stock.count.shrinkage')}</th>
            </tr>
          </thead>
          <tbody>
            {count.lines.map((l) => (
              <tr key={l.productId}>
                <td>{l.producerName}</td>
                <td>
                  {l.productName} <span className="doc-sub">/{l.unit}</span>
                </td>
                <td className="num">{l.expected}</td>
                <td className="num">{l.counted}</td>
                <td className="num">{l.difference > 0 ? `+${l.difference}` : l.difference}</td>
                <td>{l.reason}</td>
                <td className="num">{l.shrinkageAmount ? formatRupiah(l.shrinkageAmount) : ''}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={4}>{t('stock.count.summary', { lines: count.lines.length, changed: changed.length })}</th>
              <th className="num">
                −{count.totalShortfallUnits} / +{count.totalSurplusUnits}
              </th>
              <th>{t('stock.count.totalShrinkage')}</th>
              <th className="num">{formatRupiah(count.totalShrinkage)}</th>
            </tr>
          </tfoot>
        </table>
        {count.notes && <p className="doc-notes">{count.notes}</p>}
        <SignatureLines slots={[{ above: t('stock.print.signCounter') }, { above: t('stock.print.signManager'), onLine: count.createdBy?.name }]} />
      </div>
    </PrintFrame>
  );
}
