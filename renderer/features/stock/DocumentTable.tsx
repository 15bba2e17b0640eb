import type { ReactNode } from 'react';
import type { DocumentSummary } from '../../../shared/contract/stock';
import { formatLocalDateTime } from '../../../shared/domain/time';
import { useTimeZone } from '../../components/storeSettings';
import { useI18n } from '../../i18n';
import { EmptyRow } from '../../components/EmptyRow';
import { ActionsHeader } from '../../components/ActionsHeader';

/** A panel listing intake or return papers (number, date, producer, units) with a button to show each again. */
export function DocumentTable({ title, docs, showLabel, onShow, pager }: { title: string; docs: DocumentSummary[]; showLabel(number: string): string; onShow(id: number): void; pager?: ReactNode }) {
  const { t, lang } = useI18n();
  const zone = useTimeZone();
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {pager}
      <table>
        <thead>
          <tr>
            <th>{t('stock.doc.number')}</th>
            <th>{t('stock.print.date')}</th>
            <th>{t('stock.print.producer')}</th>
            <th className="num">{t('stock.print.totalUnits')}</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {docs.map((r) => (
            <tr key={r.id}>
              <td>{r.number}</td>
              <td>{formatLocalDateTime(r.at, zone, lang)}</td>
              <td>{r.producerName}</td>
              <td className="num">{r.totalUnits}</td>
              <td>
                <button type="button" aria-label={showLabel(r.number)} onClick={() => onShow(r.id)}>
                  {t('stock.intake.show')}
                </button>
              </td>
            </tr>
          ))}
          <EmptyRow show={docs.length === 0} colSpan={5} />
        </tbody>
      </table>
    </section>
  );
}
