import type { ProducerReturn } from '../../shared/contract/stock';
import { formatLocalDate, formatLocalDateTime } from '../../shared/domain/time';
import { useI18n } from '../i18n';
import { PrintFrame, type Paper } from './PrintFrame';
import { Signatures, StoreHeader, useStoreSettings } from './IntakeReceiptShared';

/** Slip retur: goods handed back to their producer; no money changes hands. */
export function ReturnSlip({ ret, paper, actions }: { ret: ProducerReturn; paper: Extract<Paper, '58mm' | 'A5'>; actions?: React.ReactNode }) {
  const { t, lang } = useI18n();
  const settings = useStoreSettings();
  const tz = settings?.timeZone ?? 'Asia/Jakarta';
  const narrow = paper === '58mm';
  return (
    <PrintFrame paper={paper} title={t('stock.print.returnTitle')} actions={actions}>
      <div className={`doc doc-${paper}`}>
        <StoreHeader settings={settings} title={t('stock.print.returnTitle')} number={ret.number} />
        <dl className="doc-meta">
          <dt>{t('stock.print.date')}</dt>
          <dd>{formatLocalDateTime(ret.returnedAt, tz, lang)}</dd>
          <dt>{t('stock.print.producer')}</dt>
          <dd>{ret.producerName}</dd>
          {ret.receivedBy && (
            <>
              <dt>{t('stock.print.takenBy')}</dt>
              <dd>{ret.receivedBy}</dd>
            </>
          )}
        </dl>
        <table className="doc-lines">
          <thead>
            <tr>
              <th>{t('stock.print.product')}</th>
              <th className="num">{t('stock.print.qty')}</th>
              {!narrow && <th>{t('stock.print.reason')}</th>}
            </tr>
          </thead>
          <tbody>
            {ret.lines.map((l, i) => (
              <tr key={i}>
                <td>
                  {l.productName}
                  {narrow && <div className="doc-sub">{t(`stock.reason.${l.reason}`)}</div>}
                  {l.expiryDate && <div className="doc-sub">{t('stock.print.expiryShort', { date: formatLocalDate(l.expiryDate, lang) })}</div>}
                </td>
                <td className="num">
                  {l.quantity} {l.unit}
                </td>
                {!narrow && <td>{t(`stock.reason.${l.reason}`)}</td>}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{t('stock.print.totalUnits')}</th>
              <th className="num">{ret.totalUnits}</th>
              {!narrow && <th />}
            </tr>
          </tfoot>
        </table>
        {ret.notes && <p className="doc-notes">{ret.notes}</p>}
        <p className="doc-small">{t('stock.print.returnNote')}</p>
        <Signatures left={t('stock.print.signProducer')} right={t('stock.print.signStore')} leftName={ret.receivedBy || ret.producerName} rightName={ret.createdBy?.name} />
      </div>
    </PrintFrame>
  );
}
