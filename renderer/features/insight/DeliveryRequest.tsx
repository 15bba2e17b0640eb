import { formatLocalDate } from '../../../shared/domain/time';
import { useStoreSettings } from '../../components/storeSettings';
import { useI18n } from '../../i18n';
import { DocumentHeader, DocumentMeta } from '../../print/DocumentHeader';
import { DocumentLines } from '../../print/DocumentLines';
import { PrintFrame } from '../../print/PrintFrame';
import { SignatureLines } from '../../print/SignatureLines';
import type { OrderLine } from './format';

/** Permintaan kirim barang: the edited reorder list on A5, for the producer to take home. */
export function DeliveryRequest({ producerName, asOf, lines, onBack }: { producerName: string; asOf: string; lines: OrderLine[]; onBack(): void }) {
  const { t, lang } = useI18n();
  const settings = useStoreSettings();
  const shown = lines.filter((l) => l.quantity > 0);
  return (
    <PrintFrame
      paper="A5"
      title={`${t('insight.request.title')} ${producerName}`}
      actions={<button type="button" onClick={onBack}>{t('insight.back')}</button>}
    >
      <div className="doc doc-A5">
        <DocumentHeader settings={settings} title={t('insight.request.title')} number="" />
        <DocumentMeta rows={[[t('insight.request.date'), formatLocalDate(asOf, lang)], [t('insight.request.producer'), producerName]]} />
        <DocumentLines
          narrow={false}
          wideHeader={t('insight.col.onHand')}
          totalUnits={shown.reduce((n, l) => n + l.quantity, 0)}
          lines={shown.map((l) => ({ productName: l.line.name, notes: [], quantity: l.quantity, unit: l.line.unit, wide: `${l.line.onHand} ${l.line.unit}` }))}
        />
        <p className="doc-small">{t('insight.request.note')}</p>
        <SignatureLines slots={[{ onLine: producerName }, { onLine: settings?.storeName ?? 'UKM Mart' }]} />
      </div>
    </PrintFrame>
  );
}
