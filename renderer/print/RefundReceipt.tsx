import type { ReactNode } from 'react';
import type { RefundReceiptData } from '../../shared/contract/till';
import { formatLocalDateTime } from '../../shared/domain/time';
import { formatRupiah } from '../../shared/money';
import { useI18n } from '../i18n';
import { PrintFrame } from './PrintFrame';
import { methodKey, receiptNumber } from './Receipt';
import './receipt.css';

/** `RF-000001`: the refund receipt's own number, apart from sale receipts. */
export const refundNumber = (n: number) => `RF-${String(n).padStart(6, '0')}`;

/**
 * The refund receipt (struk retur, SPEC §4): numbered, marked as a refund in
 * large letters, naming the original receipt, on the same thermal paper as the
 * sale receipt. Printed by itself once when the refund is made (`autoPrint`).
 */
export function RefundReceipt({ data, timeZone, actions, autoPrint }: { data: RefundReceiptData; timeZone: string; actions?: ReactNode; autoPrint?: boolean }) {
  const { t, lang } = useI18n();
  const { refund, sale, store } = data;
  const title = t('till.refundReceipt.docTitle', { no: refundNumber(data.refundNo) });
  const lineOf = new Map(sale.lines.map((l) => [l.id, l]));
  return (
    <PrintFrame paper={data.width} title={title} actions={actions} autoPrint={autoPrint}>
      <div className="receipt refund-receipt" data-testid="refund-receipt">
        <header className="center">
          <strong className="store-name">{store.name}</strong>
          {store.address && <div>{store.address}</div>}
          {store.phone && <div>{store.phone}</div>}
        </header>
        <p className="center copy-mark">*** {t('till.refundReceipt.title')} ***</p>
        <div className="rule" />
        <div className="kv">
          <span>{t('till.refundReceipt.no')}</span>
          <strong>{refundNumber(data.refundNo)}</strong>
        </div>
        <div className="kv">
          <span>{t('till.refundReceipt.original')}</span>
          <strong>{receiptNumber(sale.receiptNo)}</strong>
        </div>
        <div className="kv">
          <span>{t('till.receipt.date')}</span>
          <span>{formatLocalDateTime(refund.refundedAt, timeZone, lang)}</span>
        </div>
        <div className="kv">
          <span>{t('till.refundReceipt.approvedBy')}</span>
          <span>{refund.approvedBy}</span>
        </div>
        <div className="rule" />
        {refund.lines.map((rl) => {
          const l = lineOf.get(rl.saleLineId);
          return (
            <div key={rl.saleLineId} className="receipt-line">
              <div>
                {l?.productName} {l && <span className="producer">[{l.producerShortName}]</span>}
              </div>
              <div className="kv">
                <span>
                  {rl.quantity} × {l ? formatRupiah(l.unitPrice) : ''}
                </span>
                <span>-{formatRupiah(rl.amount)}</span>
              </div>
            </div>
          );
        })}
        <div className="rule" />
        <div className="kv total">
          <span>{t('till.refundReceipt.total')}</span>
          <span>-{formatRupiah(refund.amount)}</span>
        </div>
        <div className="kv">
          <span>{t('till.refundReceipt.method')}</span>
          <span>{t(methodKey(refund.method))}</span>
        </div>
        <div className="kv">
          <span>{t('till.refundReceipt.reason')}</span>
          <span>{refund.reason}</span>
        </div>
        <p>{refund.restock ? t('till.refundReceipt.restocked') : t('till.refundReceipt.notRestocked')}</p>
        <div className="rule" />
        {store.footer && <p className="center footer">{store.footer}</p>}
      </div>
    </PrintFrame>
  );
}
