import { useState } from 'react';
import { formatBps, formatRupiah } from '../../../shared/money';
import { useT } from '../../i18n';
import { Modal, ModalForm } from '../staff/Modal';
import { discountRupiah, type LineDiscount } from '../../../shared/domain/discount';
import { lineGross, type CartLine } from './cart';
import { parseAmount } from './CartTable';
import { FormActions } from '../../components/FormParts';

export function ConfirmDialog({ title, text, confirmLabel, onConfirm, onClose }: { title: string; text: string; confirmLabel: string; onConfirm(): void; onClose(): void }) {
  const t = useT();
  return (
    <Modal title={title} onClose={onClose}>
      <p>{text}</p>
      <div className="row">
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        {/* "No" has the focus: Esc then Enter must never empty the cart by accident. */}
        <button type="button" data-autofocus onClick={onClose}>
          {t('common.no')}
        </button>
      </div>
    </Modal>
  );
}

/** "10" or "2,5" (percent, up to two decimals) as basis points; null when it is not a percentage. */
export function parsePercent(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!m) return null;
  const bps = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bps <= 10_000 ? bps : null;
}

/**
 * A line discount in rupiah or in percent (typing "10%" chooses percent too);
 * over the store's limit, by the one shared rule, the caller asks a manager.
 */
export function DiscountDialog({ line, limitBps, onApply, onClose }: { line: CartLine; limitBps: number; onApply(discount: number, bps: number | null): void; onClose(): void }) {
  const t = useT();
  const [kind, setKind] = useState<LineDiscount['kind']>(line.discountBps ? 'percent' : 'rupiah');
  const [text, setText] = useState(line.discountBps ? formatBps(line.discountBps).replace('%', '') : line.discount ? String(line.discount) : '');
  const [error, setError] = useState<string | null>(null);
  const gross = lineGross(line);
  const asPercent = kind === 'percent' || text.trim().endsWith('%');
  const bps = asPercent ? parsePercent(text) : null;
  const amount = asPercent ? (bps === null ? null : discountRupiah(gross, { kind: 'percent', bps })) : parseAmount(text);
  const submit = () => {
    if (asPercent && bps === null) return setError(t('till.discount.invalidPercent'));
    if (amount === null) return setError(t('till.discount.invalid'));
    if (!asPercent && amount > gross) return setError(t('till.discount.tooBig', { max: formatRupiah(gross) }));
    onApply(amount, asPercent ? bps : null);
  };
  return (
    <ModalForm title={t('till.discount.title', { name: line.name })} onClose={onClose} onSubmit={() => submit()}>
      <p className="muted">
        {t('till.discount.explain', { gross: formatRupiah(gross), limit: formatBps(limitBps) })}
      </p>
      <fieldset className="pay-methods">
        <legend>{t('till.discount.kind')}</legend>
        {(['rupiah', 'percent'] as const).map((k) => (
          <label key={k} className={kind === k ? 'chosen' : undefined}>
            <input type="radio" name="discount-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(k === 'rupiah' ? 'till.discount.inRupiah' : 'till.discount.inPercent')}
          </label>
        ))}
      </fieldset>
      <label>
        {asPercent ? t('till.discount.percent') : t('till.discount.amount')}
        <input
          data-autofocus
          inputMode="decimal"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          aria-label={asPercent ? t('till.discount.percent') : t('till.discount.amount')}
        />
      </label>
      {asPercent && amount !== null && (
        <p className="muted" role="status" data-testid="discount-rupiah">
          {t('till.discount.isRupiah', { amount: formatRupiah(amount) })}
        </p>
      )}
      <FormActions error={error} submitLabel={t('till.discount.apply')} onCancel={onClose} />
    </ModalForm>
  );
}
