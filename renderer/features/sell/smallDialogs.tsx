import { useState } from 'react';
import { formatBps, formatRupiah } from '../../../shared/money';
import { useT } from '../../i18n';
import { Modal, ModalForm } from '../staff/Modal';
import { lineGross, type CartLine } from './cart';
import { parseAmount } from './CartTable';
import { FormActions } from '../../components/FormParts';

export function ConfirmDialog({ title, text, confirmLabel, onConfirm, onClose }: { title: string; text: string; confirmLabel: string; onConfirm(): void; onClose(): void }) {
  const t = useT();
  return (
    <Modal title={title} onClose={onClose}>
      <p>{text}</p>
      <div className="row">
        <button type="button" className="danger" data-autofocus onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.no')}
        </button>
      </div>
    </Modal>
  );
}

/** A line discount in rupiah; over the store's limit the caller asks a manager. */
export function DiscountDialog({ line, limitBps, onApply, onClose }: { line: CartLine; limitBps: number; onApply(discount: number): void; onClose(): void }) {
  const t = useT();
  const [text, setText] = useState(line.discount ? String(line.discount) : '');
  const [error, setError] = useState<string | null>(null);
  const gross = lineGross(line);
  const submit = () => {
    const value = parseAmount(text);
    if (value === null) return setError(t('till.discount.invalid'));
    if (value > gross) return setError(t('till.discount.tooBig', { max: formatRupiah(gross) }));
    onApply(value);
  };
  return (
    <ModalForm title={t('till.discount.title', { name: line.name })} onClose={onClose} onSubmit={() => submit()}>
      <p className="muted">
        {t('till.discount.explain', { gross: formatRupiah(gross), limit: formatBps(limitBps) })}
      </p>
      <label>
        {t('till.discount.amount')}
        <input data-autofocus inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} aria-label={t('till.discount.amount')} />
      </label>
      <FormActions error={error} submitLabel={t('till.discount.apply')} onCancel={onClose} />
    </ModalForm>
  );
}
