import type { Intake } from '../../shared/contract/stock';
import { formatLocalDateTime } from '../../shared/domain/time';
import { useI18n } from '../i18n';
import { PrintFrame, type Paper } from './PrintFrame';
import { useStoreSettings } from '../components/storeSettings';
import { DocumentHeader, DocumentMeta } from './DocumentHeader';
import { IntakeLines } from './IntakeLines';
import { SignatureLines } from './SignatureLines';

/** Tanda terima titipan: what the producer delivered, signed by both. 58 mm thermal or A5. */
export function IntakeReceipt({ intake, paper, actions, autoPrint }: { intake: Intake; paper: Extract<Paper, '58mm' | 'A5'>; actions?: React.ReactNode; autoPrint?: boolean }) {
  const { t, lang } = useI18n();
  const settings = useStoreSettings();
  const tz = settings?.timeZone ?? 'Asia/Jakarta';
  const narrow = paper === '58mm';
  return (
    <PrintFrame paper={paper} title={t('stock.print.intakeTitle')} actions={actions} autoPrint={autoPrint}>
      <div className={`doc doc-${paper}`}>
        <DocumentHeader settings={settings} title={t('stock.print.intakeTitle')} number={intake.number} />
        <DocumentMeta
          rows={[
            [t('stock.print.date'), formatLocalDateTime(intake.receivedAt, tz, lang)],
            [
              t('stock.print.producer'),
              <>
                {intake.producerName}
                {intake.producerAddress && <div className="doc-sub">{intake.producerAddress}</div>}
              </>,
            ],
            [t('stock.print.deliveredBy'), intake.deliveredBy],
            [t('stock.print.receivedBy'), intake.receivedBy?.name],
          ]}
        />
        <IntakeLines intake={intake} narrow={narrow} />
        {intake.notes && <p className="doc-notes">{intake.notes}</p>}
        <p className="doc-small">{t('stock.print.intakeNote')}</p>
        <SignatureLines
          slots={[
            { above: t('stock.print.signProducer'), onLine: intake.deliveredBy || intake.producerName },
            { above: t('stock.print.signReceiver'), onLine: intake.receivedBy?.name },
          ]}
        />
      </div>
    </PrintFrame>
  );
}
