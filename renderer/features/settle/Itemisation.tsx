import type { SettlementItems } from '../../../shared/domain/settlementItems';
import { formatRupiah } from '../../../shared/money';
import type { Lang } from '../../../shared/i18nText';
import { useT } from '../../i18n';

/** The itemised entries of one producer's (preview or finalised) settlement. */
export function Itemisation({ items }: { items: SettlementItems; lang: Lang }) {
  const t = useT();
  if (items.entryCount === 0) return <p className="muted">{t('settle.nothingSold')}</p>;
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
            </tr>
          </thead>
          <tbody>
            {items.products.map((p) =>
              (p.saleRows.length ? p.saleRows : [{ sharePerUnit: null, units: 0, subtotal: 0 }]).map((r, i) => (
                <tr key={`${p.productId}-${i}`}>
                  <td>{i === 0 ? p.productName : ''}</td>
                  <td className="num">
                    {r.units} {p.unit}
                  </td>
                  <td className="num">{r.sharePerUnit === null ? (r.units ? t('settle.varies') : '') : formatRupiah(r.sharePerUnit)}</td>
                  <td className="num">{formatRupiah(r.subtotal)}</td>
                  <td className="num">{i === 0 && p.unitsRefunded ? p.unitsRefunded : ''}</td>
                  <td className="num">{i === 0 && p.refundShare ? formatRupiah(p.refundShare) : ''}</td>
                </tr>
              )),
            )}
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
