import { useEffect, useRef, useState } from 'react';
import type { PaymentMethod, Sale, SaleCreateInput } from '../../../shared/contract/till';
import { formatRupiah, parseRupiah } from '../../../shared/money';
import { call, newRequestId } from '../../api';
import { useT } from '../../i18n';
import { ModalForm, errorText } from '../staff/Modal';
import type { Cart } from './cart';
import { FormActions } from '../../components/FormParts';

const NOTES = [2_000, 5_000, 10_000, 20_000, 50_000, 100_000];

/**
 * Takes the payment and records the sale. The sale id is made once, when the
 * dialog opens, and reused on every retry: a double-clicked Pay, or a retry
 * after a lost answer, records one sale.
 */
export function PaymentDialog({
  cart,
  total,
  shiftId,
  qris,
  onProgress,
  onPaid,
  onClose,
}: {
  cart: Cart;
  total: number;
  shiftId: number;
  /** The store's static QRIS image (a data URL), shown large when paying by QRIS. */
  qris: string | null;
  /** What the customer display shows while paying. */
  onProgress?(p: { method: PaymentMethod; tendered: number | null }): void;
  onPaid(sale: Sale): void;
  onClose(): void;
}) {
  const t = useT();
  const [saleId] = useState(newRequestId);
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [tenderedText, setTenderedText] = useState('');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);
  const tenderedRef = useRef<HTMLInputElement>(null);

  const tendered = method === 'cash' ? parseRupiah(tenderedText) : total;
  const short = method === 'cash' && (tendered === null || tendered < total);
  const change = method === 'cash' && tendered !== null && tendered >= total ? tendered - total : 0;
  const needsReference = method === 'transfer' && reference.trim() === '';
  useEffect(() => {
    onProgress?.({ method, tendered: method === 'cash' ? tendered : null });
  }, [method, tendered, onProgress]);

  const pay = async (amount: number | null = tendered) => {
    if (submitting.current) return;
    if (method === 'cash' && (amount === null || amount < total)) {
      setError(t('till.pay.tooLittle', { total: formatRupiah(total) }));
      return;
    }
    if (needsReference) {
      setError(t('till.pay.needReference'));
      return;
    }
    submitting.current = true;
    setBusy(true);
    setError(null);
    const payment: SaleCreateInput['payment'] =
      method === 'cash'
        ? { method: 'cash', tendered: amount! }
        : method === 'qris'
          ? { method: 'qris', ...(reference.trim() ? { reference: reference.trim() } : {}) }
          : { method: 'transfer', reference: reference.trim() };
    try {
      const sale = await call('sales.create', {
        id: saleId,
        shiftId,
        lines: cart.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, discount: l.discount })),
        payment,
        ...(cart.discountApproval ? { discountApproval: cart.discountApproval } : {}),
      });
      onPaid(sale);
    } catch (err) {
      setError(errorText(err));
      submitting.current = false;
      setBusy(false);
    }
  };

  return (
    <ModalForm title={t('till.pay.title')} onClose={() => !busy && onClose()} className="payment" onSubmit={() => void pay()}>
      <div className="pay-total" aria-live="polite">
        <span>{t('till.pay.toPay')}</span>
        <strong data-testid="pay-total">{formatRupiah(total)}</strong>
      </div>
      <fieldset className="pay-methods">
        <legend>{t('till.pay.method')}</legend>
        {(['cash', 'qris', 'transfer'] as const).map((m) => (
          <label key={m} className={method === m ? 'chosen' : undefined}>
            <input type="radio" name="pay-method" value={m} checked={method === m} onChange={() => setMethod(m)} />
            {t(`till.pay.method.${m}`)}
          </label>
        ))}
      </fieldset>
      {method === 'cash' ? (
        <>
          <label>
            {t('till.pay.tendered')}
            <input
              ref={tenderedRef}
              data-autofocus
              inputMode="numeric"
              className="big-input"
              value={tenderedText}
              onChange={(e) => {
                setTenderedText(e.target.value);
                setError(null);
              }}
              aria-label={t('till.pay.tendered')}
              aria-invalid={tenderedText !== '' && short}
            />
          </label>
          <div className="notes" role="group" aria-label={t('till.pay.quick')}>
            <button type="button" onClick={() => void pay(total)} disabled={busy}>
              {t('till.pay.exact')}
            </button>
            {NOTES.map((n) => (
              <button key={n} type="button" onClick={() => {
                  setTenderedText(String(n));
                  setError(null);
                  // Back to the amount field, inside the form: Enter now pays, as the button says.
                  tenderedRef.current?.focus();
                }} disabled={busy} aria-label={t('till.pay.note', { amount: formatRupiah(n) })}>
                {formatRupiah(n).replace('Rp ', '')}
              </button>
            ))}
          </div>
          <div className={`change${short ? ' short' : ''}`} role="status" aria-label={t('till.pay.changeLabel')}>
            <span>{short ? t('till.pay.shortBy') : t('till.pay.change')}</span>
            <strong data-testid="change">{short ? formatRupiah(total - (tendered ?? 0)) : formatRupiah(change)}</strong>
          </div>
        </>
      ) : (
        <>
        {method === 'qris' && (
          // The store's static QRIS, large, with the amount: the customer scans it and types the amount.
          <div className="qris-pay" data-testid="qris-pay">
            {qris ? <img src={qris} alt={t('till.qris.imageAlt')} /> : <p className="error">{t('till.qris.none')}</p>}
            <div>
              <strong className="qris-amount">{formatRupiah(total)}</strong>
              <p className="muted">{t('till.qris.confirmHint')}</p>
            </div>
          </div>
        )}
        <label>
          {method === 'transfer' ? t('till.pay.referenceRequired') : t('till.pay.reference')}
          <input data-autofocus value={reference} onChange={(e) => setReference(e.target.value)} maxLength={80} aria-label={t('till.pay.reference')} />
        </label>
        </>
      )}
      <FormActions
        error={error}
        submitLabel={busy ? t('till.pay.saving') : method === 'qris' ? t('till.qris.confirm') : t('till.pay.confirm')}
        submitClassName="primary big"
        submitDisabled={busy}
        onCancel={onClose}
        cancelLabel={`${t('common.cancel')} (Esc)`}
        cancelDisabled={busy}
      />
    </ModalForm>
  );
}
