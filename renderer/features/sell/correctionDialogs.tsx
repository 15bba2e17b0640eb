import { useState } from 'react';
import type { PaymentMethod, Refund, Sale } from '../../../shared/contract/till';
import { formatRupiah } from '../../../shared/money';
import { call, newRequestId } from '../../api';
import { useT } from '../../i18n';
import { receiptNumber } from '../../print/Receipt';
import { ModalForm, errorText } from '../staff/Modal';
import type { ManagerApproval } from '../staff/ManagerPinDialog';
import { FormActions } from '../../components/FormParts';

type Ask = (title: string) => Promise<ManagerApproval | null>;

/** Voids a whole sale of this shift: a reason, then a manager's PIN. */
export function VoidDialog({ sale, askApproval, onClose, onDone }: { sale: Sale; askApproval: Ask; onClose(): void; onDone(sale: Sale): void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) return setError(t('till.void.needReason'));
    setBusy(true);
    setError(null);
    const approval = await askApproval(t('till.void.approvalTitle', { no: receiptNumber(sale.receiptNo) }));
    if (!approval) return setBusy(false);
    try {
      onDone(await call('sales.void', { saleId: sale.id, reason: reason.trim(), approval }));
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  return (
    <ModalForm title={t('till.void.title', { no: receiptNumber(sale.receiptNo) })} onClose={onClose} onSubmit={() => void submit()}>
      <p>{t('till.void.explain', { total: formatRupiah(sale.total) })}</p>
      <label>
        {t('till.reason')}
        <input data-autofocus value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} aria-label={t('till.reason')} />
      </label>
      <FormActions error={error} submitLabel={t('till.void.submit')} submitClassName="danger" submitDisabled={busy} onCancel={onClose} />
    </ModalForm>
  );
}

/** Refunds some units of some lines, with or without restocking; the id is made once so a retry refunds once. */
export function RefundDialog({ sale, askApproval, onClose, onDone }: { sale: Sale; askApproval: Ask; onClose(): void; onDone(refund: Refund): void }) {
  const t = useT();
  const [refundId] = useState(newRequestId);
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [restock, setRestock] = useState(true);
  const [method, setMethod] = useState<PaymentMethod>(sale.payment.method);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = sale.lines.filter((l) => (quantities[l.id] ?? 0) > 0);
  const estimate = chosen.reduce((sum, l) => sum + Math.round((l.lineTotal * (quantities[l.id] ?? 0)) / l.quantity), 0);
  const submit = async () => {
    if (chosen.length === 0) return setError(t('till.refund.needLines'));
    if (!reason.trim()) return setError(t('till.void.needReason'));
    setBusy(true);
    setError(null);
    const approval = await askApproval(t('till.refund.approvalTitle', { no: receiptNumber(sale.receiptNo) }));
    if (!approval) return setBusy(false);
    try {
      onDone(
        await call('sales.refund', {
          id: refundId,
          saleId: sale.id,
          lines: chosen.map((l) => ({ saleLineId: l.id, quantity: quantities[l.id]! })),
          restock,
          method,
          reason: reason.trim(),
          approval,
        }),
      );
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  return (
    <ModalForm title={t('till.refund.title', { no: receiptNumber(sale.receiptNo) })} onClose={onClose} wide onSubmit={() => void submit()}>
      <table>
        <thead>
          <tr>
            <th>{t('till.cart.product')}</th>
            <th className="num">{t('till.refund.sold')}</th>
            <th className="num">{t('till.refund.already')}</th>
            <th className="num">{t('till.refund.qty')}</th>
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((l, i) => {
            const left = l.quantity - l.refundedQuantity;
            return (
              <tr key={l.id}>
                <td>
                  {l.productName} <span className="muted">[{l.producerShortName}]</span>
                </td>
                <td className="num">{l.quantity}</td>
                <td className="num">{l.refundedQuantity}</td>
                <td className="num">
                  <input
                    type="number"
                    min={0}
                    max={left}
                    data-autofocus={i === 0 ? true : undefined}
                    disabled={left === 0}
                    value={quantities[l.id] ?? 0}
                    onChange={(e) => setQuantities((q) => ({ ...q, [l.id]: Math.max(0, Math.min(left, Math.trunc(Number(e.target.value) || 0))) }))}
                    aria-label={t('till.refund.qtyOf', { name: l.productName })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>{t('till.refund.estimate', { amount: formatRupiah(estimate) })}</p>
      <label className="checkbox">
        <input type="checkbox" checked={restock} onChange={(e) => setRestock(e.target.checked)} />
        {t('till.refund.restock')}
      </label>
      <label>
        {t('till.refund.method')}
        <select value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)} aria-label={t('till.refund.method')}>
          {(['cash', 'qris', 'transfer'] as const).map((m) => (
            <option key={m} value={m}>
              {t(`till.pay.method.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('till.reason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} aria-label={t('till.reason')} />
      </label>
      <FormActions error={error} submitLabel={t('till.refund.submit')} submitClassName="danger" submitDisabled={busy} onCancel={onClose} />
    </ModalForm>
  );
}
