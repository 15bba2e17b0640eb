import type { Intake } from '../../shared/contract/stock';
import { formatLocalDate, formatLocalDateTime } from '../../shared/domain/time';
import { useI18n } from '../i18n';
import { PrintFrame, type Paper } from './PrintFrame';
import { useStoreSettings } from '../components/storeSettings';
import { DocumentHeader, DocumentMeta } from './DocumentHeader';
import { DocumentLines } from './DocumentLines';
import { SignatureLines } from './SignatureLines';

/** A perishable received without a date: a deliberate choice the producer sees on paper (SPEC §3). */
const noDate = (l: Intake['lines'][number]) => l.perishable && l.expiryDate === null;

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
        <DocumentLines
          narrow={narrow}
          wideHeader={t('stock.print.expiry')}
          totalUnits={intake.totalUnits}
          lines={intake.lines.map((l) => ({
            productName: l.productName,
            notes: [
              narrow && l.expiryDate && t('stock.print.expiryShort', { date: formatLocalDate(l.expiryDate, lang) }),
              narrow && noDate(l) && t('stock.print.noDateWarning'),
            ],
            quantity: l.quantity,
            unit: l.unit,
            wide: l.expiryDate ? formatLocalDate(l.expiryDate, lang) : noDate(l) ? t('stock.print.noDateWarning') : '—',
          }))}
        />
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
