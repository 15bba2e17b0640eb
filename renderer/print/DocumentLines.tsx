import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/** One goods line of an intake or return paper: the product, small notes under it, the quantity, the wide-paper column. */
export interface DocumentLine {
  productName: string;
  notes: ReactNode[];
  quantity: number;
  unit: string;
  wide: ReactNode;
}

/** The goods table of intake receipts and return slips, with the total units; the third column only on wide paper. */
export function DocumentLines({ lines, narrow, wideHeader, totalUnits }: { lines: DocumentLine[]; narrow: boolean; wideHeader: string; totalUnits: number }) {
  const { t } = useI18n();
  return (
    <table className="doc-lines">
      <thead>
        <tr>
          <th>{t('stock.print.product')}</th>
          <th className="num">{t('stock.print.qty')}</th>
          {!narrow && <th>{wideHeader}</th>}
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={i}>
            <td>
              {l.productName}
              {l.notes.filter(Boolean).map((note, j) => (
                <div key={j} className="doc-sub">
                  {note}
                </div>
              ))}
            </td>
            <td className="num">
              {l.quantity} {l.unit}
            </td>
            {!narrow && <td>{l.wide}</td>}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th>{t('stock.print.totalUnits')}</th>
          <th className="num">{totalUnits}</th>
          {!narrow && <td />}
        </tr>
      </tfoot>
    </table>
  );
}
