import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { formatRupiah } from '../../../shared/money';
import { translate } from '../../i18n';
import { subscribeCustomerDisplay, type CustomerState } from './customerChannel';
import './customerDisplay.css';

/**
 * What the customer sees on the second screen: the store's name, the lines as
 * they are scanned, the total, the QRIS code while paying and the change.
 * Read-only: no buttons, no API; it only shows what the till broadcasts.
 */
export function CustomerDisplay() {
  const [state, setState] = useState<CustomerState | null>(null);
  useEffect(() => subscribeCustomerDisplay(setState), []);
  const lang = state?.lang ?? 'id';
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  useEffect(() => {
    document.title = t('till.customer.title');
  });
  const lastRow = useRef<HTMLLIElement>(null);
  useLayoutEffect(() => {
    lastRow.current?.scrollIntoView({ block: 'nearest' });
  }, [state?.lastKey, state?.lines]);

  return (
    <main className="customer-display" data-testid="customer-display" lang={lang}>
      <header>
        <h1>{state?.storeName || t('till.customer.title')}</h1>
      </header>
      {!state || state.phase === 'idle' ? (
        <p className="customer-welcome">{t('till.customer.welcome')}</p>
      ) : (
        <div className="customer-body">
          <ol className="customer-lines" aria-label={t('till.cart.title')}>
            {state.lines.map((l) => (
              <li key={l.key} ref={l.key === state.lastKey ? lastRow : undefined} className={l.key === state.lastKey ? 'latest' : undefined}>
                <span className="name">
                  {l.quantity} × {l.name}
                  {l.discount > 0 && <small> ({t('till.cart.discount')} −{formatRupiah(l.discount)})</small>}
                </span>
                <span className="amount">{formatRupiah(l.lineTotal)}</span>
              </li>
            ))}
          </ol>
          <aside className="customer-side">
            <div className="customer-total">
              <span>{t('till.total.label')}</span>
              <strong data-testid="customer-total">{formatRupiah(state.total)}</strong>
            </div>
            {state.phase === 'pay' && state.method === 'qris' && (
              <div className="customer-qris">
                {state.qris ? <img src={state.qris} alt={t('till.qris.imageAlt')} /> : <p>{t('till.qris.none')}</p>}
                <p>{t('till.customer.scanQris', { amount: formatRupiah(state.total) })}</p>
              </div>
            )}
            {state.phase === 'pay' && state.method === 'cash' && state.tendered !== null && state.tendered >= state.total && (
              <div className="customer-change">
                <span>{t('till.pay.change')}</span>
                <strong>{formatRupiah(state.tendered - state.total)}</strong>
              </div>
            )}
            {state.phase === 'done' && (
              <div className="customer-change" data-testid="customer-change">
                <span>{state.change ? t('till.pay.change') : t('till.customer.thanks')}</span>
                {state.change ? <strong>{formatRupiah(state.change)}</strong> : null}
              </div>
            )}
          </aside>
        </div>
      )}
    </main>
  );
}
