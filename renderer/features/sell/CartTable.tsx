import { memo, useLayoutEffect, useRef, useState } from 'react';
import { formatRupiah, parseRupiah } from '../../../shared/money';
import { useT } from '../../i18n';
import { lineGross, lineTotal, type CartLine } from './cart';

export interface CartHandlers {
  setQuantity(key: number, quantity: number): void;
  remove(key: number): void;
  editDiscount(key: number): void;
}

/** The lines of the sale. Each row re-renders only when its own line changes. */
export function CartTable({ lines, lastKey, handlers }: { lines: CartLine[]; lastKey: number | null; handlers: CartHandlers }) {
  const t = useT();
  if (lines.length === 0) return <p className="cart-empty muted">{t('till.cart.empty')}</p>;
  return (
    // The lines scroll inside their own box, so the scan field, the total and the tiles stay put.
    <div className="cart-scroll" data-testid="cart-scroll">
    <table className="cart" aria-label={t('till.cart.title')}>
      <thead>
        <tr>
          <th>{t('till.cart.product')}</th>
          <th className="num">{t('till.cart.qty')}</th>
          <th className="num">{t('till.cart.price')}</th>
          <th className="num">{t('till.cart.discount')}</th>
          <th className="num">{t('till.cart.lineTotal')}</th>
          <th>
            <span className="visually-hidden">{t('till.cart.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <CartRow key={l.key} line={l} last={l.key === lastKey} handlers={handlers} />
        ))}
      </tbody>
    </table>
    </div>
  );
}

const CartRow = memo(function CartRow({ line, last, handlers }: { line: CartLine; last: boolean; handlers: CartHandlers }) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const rowRef = useRef<HTMLTableRowElement>(null);
  // The line just added or changed is always in view, however long the cart.
  useLayoutEffect(() => {
    if (last) rowRef.current?.scrollIntoView({ block: 'nearest' });
  }, [last, line.quantity, line.discount]);
  const commit = () => {
    if (draft === null) return;
    const q = Number(draft);
    if (Number.isSafeInteger(q) && q > 0 && q <= 1_000_000) handlers.setQuantity(line.key, q);
    setDraft(null);
  };
  return (
    <tr ref={rowRef} className={last ? 'last-line' : undefined} aria-current={last ? 'true' : undefined}>
      <td>
        <strong>{line.name}</strong> <span className="muted">[{line.producerShortName}]</span>
        <div className="muted small">
          {[line.shortCode ?? line.barcode, line.unit].filter(Boolean).join(' · ')}
        </div>
      </td>
      <td className="num">
        <div className="qty-cell">
          <button type="button" aria-label={t('till.cart.minus', { name: line.name })} disabled={line.quantity <= 1} onClick={() => handlers.setQuantity(line.key, line.quantity - 1)}>
            −
          </button>
          <input
            className="qty-input"
            inputMode="numeric"
            aria-label={t('till.cart.qtyOf', { name: line.name })}
            value={draft ?? String(line.quantity)}
            onChange={(e) => setDraft(e.target.value.replace(/\D/g, ''))}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commit();
              }
            }}
          />
          <button type="button" aria-label={t('till.cart.plus', { name: line.name })} onClick={() => handlers.setQuantity(line.key, line.quantity + 1)}>
            +
          </button>
        </div>
      </td>
      <td className="num">{formatRupiah(line.unitPrice)}</td>
      <td className="num">
        <button type="button" className="link-button" aria-label={t('till.cart.discountOf', { name: line.name })} onClick={() => handlers.editDiscount(line.key)}>
          {line.discount > 0 ? `-${formatRupiah(line.discount)}` : t('till.cart.addDiscount')}
        </button>
      </td>
      <td className="num">
        <strong>{formatRupiah(lineTotal(line))}</strong>
        {line.discount > 0 && <div className="muted small strike">{formatRupiah(lineGross(line))}</div>}
      </td>
      <td>
        <button type="button" className="danger" aria-label={t('till.cart.removeOf', { name: line.name })} onClick={() => handlers.remove(line.key)}>
          ✕
        </button>
      </td>
    </tr>
  );
});

/** Parses a typed rupiah amount; '' is zero. */
export function parseAmount(text: string): number | null {
  return text.trim() === '' ? 0 : parseRupiah(text);
}
