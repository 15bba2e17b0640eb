import { useCallback, useEffect, useRef, useState } from 'react';
import type { ParkedSale } from '../../../shared/contract/till';
import { formatLocalDateTime } from '../../../shared/domain/time';
import { formatRupiah } from '../../../shared/money';
import { call, newRequestId } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/FormParts';
import { Modal, errorText } from '../staff/Modal';
import type { Cart, CartAction } from './cart';
import type { CatalogueCache } from './catalogueCache';

/*
 * Hold a sale (SPEC §4): the cart goes into the database (so a reload keeps it),
 * the till is free for the next customer, and the cart comes back later. The core
 * consumes a parked cart when it is recalled, so it can never be sold twice; the
 * recalled cart is paid like any other, with a fresh sale id made by the payment dialog.
 */

export const timeOf = (iso: string, timeZone: string, lang: 'id' | 'en') => formatLocalDateTime(iso, timeZone, lang);

export function useParking({ cart, dispatch, shiftId, cache, onMessage }: { cart: Cart; dispatch(a: CartAction): void; shiftId: number; cache: CatalogueCache; onMessage(text: string | null, error?: boolean): void }) {
  const { t } = useI18n();
  const busy = useRef(false);
  const park = useCallback(async () => {
    if (busy.current || cart.lines.length === 0) return;
    busy.current = true;
    try {
      const parked = await call('sales.park', {
        id: newRequestId(),
        shiftId,
        lines: cart.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, discount: l.discount, discountBps: l.discountBps ?? null })),
      });
      dispatch({ type: 'clear' });
      onMessage(t('till.park.done', { total: formatRupiah(parked.total) }));
    } catch (err) {
      onMessage(errorText(err), true);
    } finally {
      busy.current = false;
    }
  }, [cart.lines, dispatch, onMessage, shiftId, t]);

  /** Recalls a parked cart into the empty till; returns it (for the caller's discount check) or null. */
  const recall = useCallback(
    async (p: ParkedSale, timeZone: string, lang: 'id' | 'en'): Promise<ParkedSale | null> => {
      if (cart.lines.length > 0) {
        onMessage(t('till.park.cartNotEmpty'), true);
        return null;
      }
      try {
        const got = await call('sales.recall', { id: p.id, shiftId });
        const missing: string[] = [];
        const lines = got.lines.flatMap((l) => {
          const item = cache.items.find((i) => i.productId === l.productId);
          if (!item) {
            missing.push(l.productName);
            return [];
          }
          return [{ item, quantity: l.quantity, discount: l.discount, discountBps: l.discountBps }];
        });
        dispatch({ type: 'load', lines });
        const said = [t('till.park.recalled', { time: timeOf(got.parkedAt, timeZone, lang) }), ...missing.map((name) => t('till.park.missing', { name }))];
        onMessage(said.join(' '), missing.length > 0);
        return got;
      } catch (err) {
        onMessage(errorText(err), true);
        return null;
      }
    },
    [cache, cart.lines.length, dispatch, onMessage, shiftId, t],
  );
  return { park, recall };
}

/** The held carts, oldest first, with time, cashier, items and total; Enter or a click recalls one. */
export function ParkedDialog({ timeZone, onRecall, onClose }: { timeZone: string; onRecall(p: ParkedSale): void; onClose(): void }) {
  const { t, lang } = useI18n();
  const [list, setList] = useState<ParkedSale[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    call('sales.parked', {}).then(setList, (err: unknown) => setError(errorText(err)));
  }, []);
  // The list arrives after the dialog opened: then the oldest cart's button takes the focus (Enter recalls it).
  useEffect(() => {
    first.current?.focus();
  }, [list]);
  return (
    <Modal title={t('till.park.title')} onClose={onClose} wide>
      <ErrorAlert error={error} />
      {list && list.length === 0 && <p data-autofocus tabIndex={-1}>{t('till.park.none')}</p>}
      {list && list.length > 0 && (
        <table className="parked-table" data-testid="parked-list">
          <thead>
            <tr>
              <th>{t('till.park.when')}</th>
              <th>{t('till.park.by')}</th>
              <th>{t('till.park.items')}</th>
              <th className="num">{t('till.park.total')}</th>
              <th>
                <span className="visually-hidden">{t('till.park.recall')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((p, i) => {
              const when = timeOf(p.parkedAt, timeZone, lang);
              return (
                <tr key={p.id}>
                  <td>{when}</td>
                  <td>{p.parkedBy}</td>
                  <td className="items">{p.lines.map((l) => `${l.quantity}× ${l.productName}`).join(', ')}</td>
                  <td className="num">
                    <strong>{formatRupiah(p.total)}</strong>
                  </td>
                  <td>
                    <button type="button" className="primary" ref={i === 0 ? first : undefined} onClick={() => onRecall(p)} aria-label={t('till.park.recallOf', { time: when, total: formatRupiah(p.total) })}>
                      {t('till.park.recall')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="row">
        <button type="button" onClick={onClose}>
          {t('common.cancel')} (Esc)
        </button>
      </div>
    </Modal>
  );
}
