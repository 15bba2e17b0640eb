import type { Intake } from '../../shared/contract/stock';
import { formatLocalDate, formatLocalDateTime } from '../../shared/domain/time';
import { useI18n } from '../i18n';
import { PrintFrame, type Paper } from './PrintFrame';
import { Signatures, StoreHeader, useStoreSettings } from './IntakeReceiptShared';

/** Tanda terima titipan: what the producer delivered, signed by both. 58 mm thermal or A5. */
export function IntakeReceipt({ intake, paper, actions }: { intake: Intake; paper: Extract<Paper, '58mm' | 'A5'>; actions?: React.ReactNode }) {
  const { t, lang } = useI18n();
  const settings = useStoreSettings();
  const tz = settings?.timeZone ?? 'Asia/Jakarta';
  const narrow = paper === '58mm';
  return (
    <PrintFrame paper={paper} title={t('stock.print.intakeTitle')} actions={actions}>
      <div className={`doc doc-${paper}`}>
        <StoreHeader settings={settings} title={t('stock.print.intakeTitle')} number={intake.number} />
        <dl className="doc-meta">
          <dt>{t('stock.print.date')}</dt>
          <dd>{formatLocalDateTime(intake.receivedAt, tz, lang)}</dd>
          <dt>{t('stock.print.producer')}</dt>
          <dd>
            {intake.producerName}
            {intake.producerAddress && <div className="doc-sub">{intake.producerAddress}</div>}
          </dd>
          {intake.deliveredBy && (
            <>
              <dt>{t('stock.print.deliveredBy')}</dt>
              <dd>{intake.deliveredBy}</dd>
            </>
          )}
          {intake.receivedBy && (
            <>
              <dt>{t('stock.print.receivedBy')}</dt>
              <dd>{intake.receivedBy.name}</dd>
            </>
          )}
        </dl>
        <table className="doc-lines">
          <thead>
            <tr>
              <th>{t('stock.print.product')}</th>
              <th className="num">{t('stock.print.qty')}</th>
              {!narrow && <th>{t('stock.print.expiry')}</th>}
            </tr>
          </thead>
          <tbody>
            {intake.lines.map((l, i) => (
              <tr key={i}>
                <td>
                  {l.productName}
                  {narrow && l.expiryDate && <div className="doc-sub">{t('stock.print.expiryShort', { date: formatLocalDate(l.expiryDate, lang) })}</div>}
                </td>
                <td className="num">
                  {l.quantity} {l.unit}
                </td>
                {!narrow && <td>{l.expiryDate ? formatLocalDate(l.expiryDate, lang) : '—'}</td>}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{t('stock.print.totalUnits')}</th>
              <th className="num">{intake.totalUnits}</th>
              {!narrow && <th />}
            </tr>
          </tfoot>
        </table>
        {intake.notes && <p className="doc-notes">{intake.notes}</p>}
        <p className="doc-small">{t('stock.print.intakeNote')}</p>
        <Signatures left={t('stock.print.signProducer')} right={t('stock.print.signReceiver')} leftName={intake.deliveredBy || intake.producerName} rightName={intake.receivedBy?.name} />
      </div>
    </PrintFrame>
  );
}
