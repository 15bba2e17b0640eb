import type { Intake } from '../../shared/contract/stock';
import { formatLocalDate } from '../../shared/domain/time';
import { formatRupiah } from '../../shared/money';
import { useI18n } from '../i18n';
import './intakeLines.css';

/** A perishable received without a date: a deliberate choice the producer sees on paper (SPEC §3). */
const noDate = (l: Intake['lines'][number]) => l.perishable && l.expiryDate === null;

/**
 * The goods table of an intake receipt with the producer's price and the
 * value of each line, and the goods' value in total: the producer takes home
 * what the shop now holds for them. On 58 mm the price and expiry go under
 * the product name and only the value has its own column.
 */
export function IntakeLines({ intake, narrow }: { intake: Intake; narrow: boolean }) {
  const { t, lang } = useI18n();
  const money = (amount: number | null) => (amount === null ? t('paper.intake.noTerms') : formatRupiah(amount));
  return (
    <table className="doc-lines intake-lines">
      <thead>
        <tr>
          <th>{t('stock.print.product')}</th>
          <th className="num">{t('stock.print.qty')}</th>
          {!narrow && <th>{t('stock.print.expiry')}</th>}
          {!narrow && <th className="num">{t('paper.intake.producerPrice')}</th>}
          <th className="num">{t('paper.intake.value')}</th>
        </tr>
      </thead>
      <tbody>
        {intake.lines.map((l, i) => (
          <tr key={i}>
            <td>
              {l.productName}
              {narrow && l.producerPrice !== null && (
                <div className="doc-sub">{t('paper.intake.perUnit', { qty: l.quantity, price: formatRupiah(l.producerPrice) })}</div>
              )}
              {narrow && l.expiryDate && <div className="doc-sub">{t('stock.print.expiryShort', { date: formatLocalDate(l.expiryDate, lang) })}</div>}
              {narrow && noDate(l) && <div className="doc-sub">{t('stock.print.noDateWarning')}</div>}
            </td>
            <td className="num">
              {l.quantity} {l.unit}
            </td>
            {!narrow && <td>{l.expiryDate ? formatLocalDate(l.expiryDate, lang) : noDate(l) ? t('stock.print.noDateWarning') : '—'}</td>}
            {!narrow && <td className="num">{money(l.producerPrice)}</td>}
            <td className="num">{money(l.producerValue)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('stock.print.totalUnits')}</th>
          <td className="num">{intake.totalUnits}</td>
          <td colSpan={narrow ? 1 : 3} />
        </tr>
        <tr className="intake-total-value">
          <th scope="row" colSpan={narrow ? 2 : 4}>
            {t('paper.intake.totalValue')}
          </th>
          <td className="num">{formatRupiah(intake.producerValue)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
