import type { ReactNode } from 'react';
import type { PaymentMethod, ReceiptData } from '../../shared/contract/till';
import { formatLocalDateTime } from '../../shared/domain/time';
import { formatRupiah } from '../../shared/money';
import { useI18n, type StringKey } from '../i18n';
import { PrintFrame } from './PrintFrame';
import './receipt.css';

export const receiptNumber = (n: number) => String(n).padStart(6, '0');
export const methodKey = (m: PaymentMethod): StringKey => `till.pay.method.${m}`;

/** The customer's receipt, on 58 mm or 80 mm thermal paper. Reprints say "SALINAN / COPY". */
export function Receipt({ data, timeZone, copy, actions }: { data: ReceiptData; timeZone: string; copy?: boolean; actions?: ReactNode }) {
  const { t, lang } = useI18n();
  const { sale, store } = data;
  const voided = sale.status === 'voided';
  return (
    <PrintFrame paper={data.width} title={t('till.receipt.title', { no: receiptNumber(sale.receiptNo) })} actions={actions}>
      <div className="receipt">
        <header className="center">
          <strong className="store-name">{store.name}</strong>
          {store.address && <div>{store.address}</div>}
          {store.phone && <div>{store.phone}</div>}
        </header>
        {copy && <p className="center copy-mark">*** SALINAN / COPY ***</p>}
        {voided && <p className="center copy-mark">*** {t('till.receipt.voided')} ***</p>}
        <div className="rule" />
        <div className="kv">
          <span>{t('till.receipt.no')}</span>
          <span>{receiptNumber(sale.receiptNo)}</span>
        </div>
        <div className="kv">
          <span>{t('till.receipt.date')}</span>
          <span>{formatLocalDateTime(sale.createdAt, timeZone, lang)}</span>
        </div>
        <div className="kv">
          <span>{t('till.receipt.cashier')}</span>
          <span>{sale.cashierName}</span>
        </div>
        <div className="rule" />
        {sale.lines.map((l) => (
          <div key={l.id} className="receipt-line">
            <div>
              {l.productName} <span className="producer">[{l.producerShortName}]</span>
            </div>
            <div className="kv">
              <span>
                {l.quantity} × {formatRupiah(l.unitPrice)}
              </span>
              <span>{formatRupiah(l.quantity * l.unitPrice)}</span>
            </div>
            {l.discount > 0 && (
              <div className="kv">
                <span>{t('till.receipt.discount')}</span>
                <span>-{formatRupiah(l.discount)}</span>
              </div>
            )}
          </div>
        ))}
        <div className="rule" />
        {sale.discountTotal > 0 && (
          <>
            <div className="kv">
              <span>{t('till.receipt.subtotal')}</span>
              <span>{formatRupiah(sale.subtotal)}</span>
            </div>
            <div className="kv">
              <span>{t('till.receipt.discount')}</span>
              <span>-{formatRupiah(sale.discountTotal)}</span>
            </div>
          </>
        )}
        <div className="kv total">
          <span>{t('till.receipt.total')}</span>
          <span>{formatRupiah(sale.total)}</span>
        </div>
        <div className="kv">
          <span>{t(methodKey(sale.payment.method))}</span>
          <span>{formatRupiah(sale.payment.method === 'cash' ? sale.payment.tendered : sale.total)}</span>
        </div>
        {sale.payment.method === 'cash' && (
          <div className="kv">
            <span>{t('till.receipt.change')}</span>
            <span>{formatRupiah(sale.payment.change)}</span>
          </div>
        )}
        {sale.payment.reference && (
          <div className="kv">
            <span>{t('till.receipt.reference')}</span>
            <span>{sale.payment.reference}</span>
          </div>
        )}
        {sale.refunds.length > 0 && (
          <div className="kv">
            <span>{t('till.receipt.refunded')}</span>
            <span>-{formatRupiah(sale.refunds.reduce((s, r) => s + r.amount, 0))}</span>
          </div>
        )}
        <div className="rule" />
        {store.footer && <p className="center footer">{store.footer}</p>}
      </div>
    </PrintFrame>
  );
}
