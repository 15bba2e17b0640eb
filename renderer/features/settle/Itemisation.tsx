import type { SettlementItems } from '../../../shared/domain/settlementItems';
import { formatRupiah } from '../../../shared/money';
import type { Lang } from '../../../shared/i18nText';
import { useT } from '../../i18n';
import { itemRows } from './itemRows';

/** The itemised entries of one producer's (preview or finalised) settlement. */
export function Itemisation({ items }: { items: SettlementItems; lang: Lang }) {
  const t = useT();
  if (items.entryCount === 0) return <p className="muted">{t('settle.nothingSold')}</p>;
  // a void is a cancelled sale, not goods a customer brought back: its own columns
  const hasVoids = items.products.some((p) => p.unitsVoided > 0 || p.voidShare !== 0);
  return (
    <div className="settle-items">
      {items.products.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('settle.product')}</th>
              <th className="num">{t('settle.unitsSold')}</th>
              <th className="num">{t('settle.sharePerUnit')}</th>
              <th className="num">{t('settle.subtotal')}</th>
              <th className="num">{t('settle.unitsRefunded')}</th>
              <th className="num">{t('settle.refunds')}</th>
              {hasVoids && <th className="num">{t('settle.unitsVoided')}</th>}
              {hasVoids && <th className="num">{t('settle.voids')}</th>}
            </tr>
          </thead>
          <tbody>
            {itemRows(items.products).map((r) => (
              <tr key={r.key}>
                <td>{r.productName}</td>
                <td className="num">
                  {r.units} {r.unit}
                </td>
                <td className="num">{r.sharePerUnit === null ? (r.units ? t('settle.varies') : '') : formatRupiah(r.sharePerUnit)}</td>
                <td className="num">{formatRupiah(r.subtotal)}</td>
                <td className="num">{r.unitsRefunded || ''}</td>
                <td className="num">{r.refundShare ? formatRupiah(r.refundShare) : ''}</td>
                {hasVoids && <td className="num">{r.unitsVoided || ''}</td>}
                {hasVoids && <td className="num">{r.voidShare ? formatRupiah(r.voidShare) : ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items.shrinkage.length > 0 && (
        <>
          <h4>{t('settle.shrinkage')}</h4>
          <ul>
            {items.shrinkage.map((s) => (
              <li key={String(s.productId)}>
                {s.productName}: {s.units} {s.unit} = {formatRupiah(s.amount)}
              </li>
            ))}
          </ul>
        </>
      )}
      {items.deductions.length > 0 && (
        <>
          <h4>{t('settle.deductions')}</h4>
          <ul>
            {items.deductions.map((d) => (
              <li key={d.entryId}>
                {d.reason}: {formatRupiah(d.amount)}
              </li>
            ))}
          </ul>
        </>
      )}
      {items.adjustments.length > 0 && (
        <>
          <h4>{t('settle.adjustments')}</h4>
          <ul>
            {items.adjustments.map((d) => (
              <li key={d.entryId}>
                {d.reason}: {formatRupiah(d.amount)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
