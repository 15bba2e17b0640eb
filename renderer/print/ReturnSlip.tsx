import type { ProducerReturn } from '../../shared/contract/stock';
import { formatLocalDate, formatLocalDateTime } from '../../shared/domain/time';
import { useI18n } from '../i18n';
import { PrintFrame, type Paper } from './PrintFrame';
import { useStoreSettings } from '../components/storeSettings';
import { DocumentHeader, DocumentMeta } from './DocumentHeader';
import { DocumentLines } from './DocumentLines';
import { SignatureLines } from './SignatureLines';

/** Slip retur: goods handed back to their producer; no money changes hands. */
export function ReturnSlip({ ret, paper, actions }: { ret: ProducerReturn; paper: Extract<Paper, '58mm' | 'A5'>; actions?: React.ReactNode }) {
  const { t, lang } = useI18n();
  const settings = useStoreSettings();
  const tz = settings?.timeZone ?? 'Asia/Jakarta';
  const narrow = paper === '58mm';
  return (
    <PrintFrame paper={paper} title={t('stock.print.returnTitle')} actions={actions}>
      <div className={`doc doc-${paper}`}>
        <DocumentHeader settings={settings} title={t('stock.print.returnTitle')} number={ret.number} />
        <DocumentMeta
          rows={[
            [t('stock.print.date'), formatLocalDateTime(ret.returnedAt, tz, lang)],
            [t('stock.print.producer'), ret.producerName],
            [t('stock.print.takenBy'), ret.receivedBy],
          ]}
        />
        <DocumentLines
          narrow={narrow}
          wideHeader={t('stock.print.reason')}
          totalUnits={ret.totalUnits}
          lines={ret.lines.map((l) => ({
            productName: l.productName,
            notes: [narrow && t(`stock.reason.${l.reason}`), l.expiryDate && t('stock.print.expiryShort', { date: formatLocalDate(l.expiryDate, lang) })],
            quantity: l.quantity,
            unit: l.unit,
            wide: t(`stock.reason.${l.reason}`),
          }))}
        />
        {ret.notes && <p className="doc-notes">{ret.notes}</p>}
        <p className="doc-small">{t('stock.print.returnNote')}</p>
        <SignatureLines
          slots={[
            { above: t('stock.print.signProducer'), onLine: ret.receivedBy || ret.producerName },
            { above: t('stock.print.signStore'), onLine: ret.createdBy?.name },
          ]}
        />
      </div>
    </PrintFrame>
  );
}
