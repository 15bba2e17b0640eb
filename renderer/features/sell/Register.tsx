import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { StoreSettings } from '../../../shared/contract/system';
import type { ParkedSale, PaymentMethod, ReceiptData, Sale, Shift } from '../../../shared/contract/till';
import { formatRupiah } from '../../../shared/money';
import { call } from '../../api';
import { allPages } from '../../allPages';
import { useI18n, useT } from '../../i18n';
import { Receipt, receiptNumber } from '../../print/Receipt';
import { printDocument } from '../../print/PrintFrame';
import { errorText } from '../staff/Modal';
import { useManagerApproval } from '../staff/ManagerPinDialog';
import { CartTable, type CartHandlers } from './CartTable';
import { cartReducer, cartTotals, discountNeedsApproval, emptyCart, lineGross, parseScan, type Sellable } from './cart';
import { CatalogueCache } from './catalogueCache';
import { ConfirmDialog, DiscountDialog } from './smallDialogs';
import { PaymentDialog } from './PaymentDialog';
import { QuickPick } from './QuickPick';
import { TillKeys } from './TillKeys';
import { ParkedDialog, useParking } from './ParkedSales';
import { customerStateOf, useCustomerDisplayPublisher } from './customerChannel';
import { SearchDialog } from './SearchDialog';
import { ErrorAlert } from '../../components/FormParts';

type Overlay = null | 'search' | 'pay' | 'cancel' | 'parked' | { discountKey: number };

/** The cashier's screen: one scan field, the cart, the total, payment, the receipt. */
export function Register({ shift, settings, onOpenSales, onCloseShift }: { shift: Shift; settings: StoreSettings; onOpenSales(): void; onCloseShift(): void }) {
  const t = useT();
  const [cart, dispatch] = useReducer(cartReducer, emptyCart);
  const [cache] = useState(() => new CatalogueCache());
  const [items, setItems] = useState<Sellable[]>([]);
  const [catalogueError, setCatalogueError] = useState<string | null>(null);
  const [scanText, setScanText] = useState('');
  const [pendingQty, setPendingQty] = useState<number | null>(null);
  const [scanError, setScanError] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [done, setDone] = useState<{ sale: Sale; receipt: ReceiptData | null; error: string | null } | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  const newSaleRef = useRef<HTMLButtonElement>(null);
  const approval = useManagerApproval();
  const { lang } = useI18n();
  const [qris, setQris] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [payProgress, setPayProgress] = useState<{ method: PaymentMethod; tendered: number | null } | null>(null);
  const say = useCallback((text: string | null, error = false) => setMessage(text ? { text, error } : null), []);
  const loadQris = useCallback(() => {
    call('qris.get', {}).then((q) => setQris(q.dataUrl), () => setQris(null));
  }, []);
  useEffect(loadQris, [loadQris]);

  const focusScan = useCallback(() => requestAnimationFrame(() => scanRef.current?.focus()), []);

  const loadCatalogue = useCallback(async () => {
    try {
      cache.load(await allPages('products.list', {}));
      setItems(cache.items);
      setCatalogueError(null);
    } catch (err) {
      setCatalogueError(errorText(err));
    }
  }, [cache]);
  useEffect(() => {
    void loadCatalogue();
  }, [loadCatalogue]);

  const add = useCallback(
    (item: Sellable, quantity: number) => {
      dispatch({ type: 'add', item, quantity });
      setScanError(null);
      setMessage(null);
      setPendingQty(null);
    },
    [],
  );

  const onScan = async () => {
    const parsed = parseScan(scanText);
    setScanText('');
    if (!parsed) return;
    if ('error' in parsed) return setScanError(t('till.scan.badQuantity'));
    if (parsed.code === '') {
      setPendingQty(parsed.quantity);
      return;
    }
    const quantity = parsed.code && pendingQty && parsed.quantity === 1 ? pendingQty : parsed.quantity;
    const known = cache.peek(parsed.code);
    if (known) return add(known, quantity);
    try {
      const found = await cache.lookup(parsed.code);
      if (found) add(found, quantity);
      else setScanError(t('till.scan.unknown', { code: parsed.code }));
    } catch (err) {
      setScanError(errorText(err));
    }
  };

  // The tile grid is memoised; it reads the pending `3*` quantity through a ref so a new quantity does not re-render it.
  const pendingQtyRef = useRef<number | null>(null);
  useLayoutEffect(() => {
    pendingQtyRef.current = pendingQty;
  }, [pendingQty]);
  const pick = useCallback(
    (item: Sellable) => {
      add(item, pendingQtyRef.current ?? 1);
      focusScan();
    },
    [add, focusScan],
  );

  const totals = cartTotals(cart);

  const handlers = useMemo<CartHandlers>(
    () => ({
      setQuantity: (key, quantity) => {
        dispatch({ type: 'setQuantity', key, quantity });
        focusScan();
      },
      remove: (key) => {
        dispatch({ type: 'remove', key });
        focusScan();
      },
      editDiscount: (key) => setOverlay({ discountKey: key }),
    }),
    [focusScan],
  );

  const closeOverlay = useCallback(() => {
    setOverlay(null);
    focusScan();
  }, [focusScan]);

  const applyDiscount = async (key: number, discount: number, bps: number | null) => {
    const line = cart.lines.find((l) => l.key === key);
    if (!line) return closeOverlay();
    if (discountNeedsApproval(lineGross(line), discount, settings.discountLimitBps)) {
      setOverlay(null);
      const ok = await approval.ask(t('till.discount.approvalTitle'));
      if (ok) dispatch({ type: 'setDiscount', key, discount, bps, approval: ok });
      return closeOverlay();
    }
    dispatch({ type: 'setDiscount', key, discount, bps });
    closeOverlay();
  };

  const parking = useParking({ cart, dispatch, shiftId: shift.id, cache, onMessage: say });
  const recall = async (p: ParkedSale) => {
    setOverlay(null);
    const got = await parking.recall(p, settings.timeZone, lang);
    // A recalled cart has no manager approval (a PIN is never stored): a discount over the limit asks again.
    const over = got?.lines.some((l) => {
      const item = cache.items.find((i) => i.productId === l.productId);
      return item && l.discount > 0 && discountNeedsApproval(item.unitPrice * l.quantity, l.discount, settings.discountLimitBps);
    });
    if (over) {
      const ok = await approval.ask(t('till.discount.approvalTitle'));
      if (ok) dispatch({ type: 'approve', approval: ok });
    }
    focusScan();
  };

  const paid = async (sale: Sale) => {
    setOverlay(null);
    setPayProgress(null);
    dispatch({ type: 'clear' });
    setDone({ sale, receipt: null, error: null });
    // The receipt arrives later; a fast cashier may already have started the
    // next sale by then, so it only lands while this sale is still on screen.
    const stillThisSale = (next: NonNullable<typeof done>) => (d: typeof done) => (d?.sale.id === sale.id ? next : d);
    try {
      const receipt = await call('sales.receipt', { saleId: sale.id });
      setDone(stillThisSale({ sale, receipt, error: null }));
    } catch (err) {
      setDone(stillThisSale({ sale, receipt: null, error: errorText(err) }));
    }
  };

  // A paid sale's receipt prints by itself once it is on screen (when the store wants that); reprints never do.
  const printedReceiptOf = useRef<string | null>(null);
  useEffect(() => {
    const receipt = done?.receipt;
    if (!receipt || !settings.autoPrintReceipt || printedReceiptOf.current === receipt.sale.id) return;
    const frame = requestAnimationFrame(() => {
      printedReceiptOf.current = receipt.sale.id;
      void printDocument(receipt.width, t('till.receipt.title', { no: receiptNumber(receipt.sale.receiptNo) }))
        .catch((err: unknown) => setDone((d) => (d ? { ...d, error: errorText(err) } : d)))
        .finally(() => newSaleRef.current?.focus());
    });
    return () => cancelAnimationFrame(frame);
  }, [done?.receipt, settings.autoPrintReceipt, t]);

  const newSale = useCallback(() => {
    setDone(null);
    setMessage(null);
    focusScan();
    loadQris();
    // Between customers: pick up catalogue changes (new tiles, prices) made elsewhere.
    void loadCatalogue();
  }, [focusScan, loadCatalogue, loadQris]);

  // Layout effects, not passive ones: they run in the same task as the commit, so no key
  // pressed after the screen changed can reach a listener (or a focus) of the screen before.
  // A passive effect can run after the paint; under load an Enter landed in that gap and was lost.
  useLayoutEffect(() => {
    if (done) newSaleRef.current?.focus();
  }, [done]);

  // The till's function keys; ignored while a dialog is open (it handles its own keys).
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      if (done) {
        // Escape, or Enter before the focus has reached the "new sale" button, starts the next sale.
        if (e.key === 'Escape' || (e.key === 'Enter' && (document.activeElement === document.body || document.activeElement === null))) {
          e.preventDefault();
          newSale();
        }
        return;
      }
      if (e.key === 'F2') {
        e.preventDefault();
        setOverlay('search');
      } else if (e.key === 'F9') {
        e.preventDefault();
        if (cart.lines.length > 0) setOverlay('pay');
      } else if (e.key === 'F6') {
        e.preventDefault();
        void parking.park();
      } else if (e.key === 'F7') {
        e.preventDefault();
        setOverlay('parked');
      } else if (e.key === 'F4') {
        e.preventDefault();
        onOpenSales();
      } else if (e.key === 'Escape' && cart.lines.length > 0) {
        e.preventDefault();
        setOverlay('cancel');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cart.lines.length, done, newSale, onOpenSales, parking]);

  useCustomerDisplayPublisher(customerStateOf({ storeName: settings.storeName, lang, cart, done: done?.sale ?? null, pay: overlay === 'pay' ? payProgress : null, qris }));

  const discountLine = overlay && typeof overlay === 'object' ? cart.lines.find((l) => l.key === overlay.discountKey) : undefined;

  return (
    <div className="register">
      {/* Every screen has one h1 for screen readers; the till's is not shown, the scan field speaks for itself. */}
      <h1 className="sr-only">{t('nav.sell')}</h1>
      <div className="register-toolbar row no-print">
        <span className="muted">
          {t('till.shift.current', { id: shift.id, name: shift.cashierName })}
        </span>
        {!window.ukmMart && (
          // Browser mode: the customer display is another tab of this address (the desktop app opens it on a second screen).
          <button type="button" onClick={() => window.open('/customer', 'ukm-mart-customer')}>
            {t('till.customer.open')}
          </button>
        )}
        <button type="button" onClick={onOpenSales}>
          {t('till.sales.open')} (F4)
        </button>
        <button type="button" onClick={onCloseShift}>
          {t('till.close.open')}
        </button>
      </div>
      {done ? (
        <section className="sale-done" aria-label={t('till.done.title')}>
          <div className="done-summary panel no-print">
            <p className="notice" role="status">
              {t('till.done.saved', { no: String(done.sale.receiptNo).padStart(6, '0') })}
            </p>
            {done.sale.payment.method === 'cash' && (
              <div className="change-big">
                <span>{t('till.pay.change')}</span>
                <strong data-testid="done-change">{formatRupiah(done.sale.payment.change)}</strong>
              </div>
            )}
            <button ref={newSaleRef} type="button" className="primary big" onClick={newSale}>
              {t('till.done.next')}
            </button>
            <ErrorAlert error={done.error} />
          </div>
          {done.receipt && <Receipt data={done.receipt} timeZone={settings.timeZone} />}
        </section>
      ) : (
        <div className="register-grid">
          <section className="register-main" aria-label={t('till.cart.title')}>
            <form
              className="scan-form"
              onSubmit={(e) => {
                e.preventDefault();
                void onScan();
              }}
            >
              <label className="scan-label">
                {t('till.scan.label')}
                <input
                  ref={scanRef}
                  className="scan-input"
                  autoFocus
                  autoComplete="off"
                  value={scanText}
                  onChange={(e) => setScanText(e.target.value)}
                  aria-label={t('till.scan.label')}
                  placeholder={t('till.scan.placeholder')}
                />
              </label>
              {pendingQty !== null && (
                <span className="badge warn" role="status">
                  {t('till.scan.pendingQty', { qty: pendingQty })}
                </span>
              )}
            </form>
            {scanError && (
              <p role="alert" className="error scan-error">
                {scanError}
              </p>
            )}
            <ErrorAlert error={catalogueError} />
            {message && (
              <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'notice'} data-testid="till-message">
                {message.text}
              </p>
            )}
            <CartTable lines={cart.lines} lastKey={cart.lastKey} handlers={handlers} />
            <QuickPick items={items} onPick={pick} />
          </section>
          <aside className="register-side" aria-label={t('till.total.region')}>
            <div className="grand-total" role="status" aria-label={t('till.total.label')}>
              <span>{t('till.total.label')}</span>
              <strong data-testid="grand-total">{formatRupiah(totals.total)}</strong>
              <span className="muted">{t('till.total.units', { units: totals.units, lines: cart.lines.length })}</span>
              {totals.discount > 0 && <span className="muted">{t('till.total.discount', { amount: formatRupiah(totals.discount) })}</span>}
            </div>
            <button type="button" className="primary pay-button" disabled={cart.lines.length === 0} onClick={() => setOverlay('pay')}>
              {t('till.pay.button')} (F9)
            </button>
            <button type="button" onClick={() => setOverlay('search')}>
              {t('till.search.button')} (F2)
            </button>
            <div className="park-buttons">
              <button type="button" disabled={cart.lines.length === 0} onClick={() => void parking.park()}>
                {t('till.park.button')} (F6)
              </button>
              <button type="button" onClick={() => setOverlay('parked')}>
                {t('till.park.list')} (F7)
              </button>
            </div>
            <button type="button" className="danger" disabled={cart.lines.length === 0} onClick={() => setOverlay('cancel')}>
              {t('till.cancel.button')} (Esc)
            </button>
            <TillKeys />
          </aside>
        </div>
      )}
      {overlay === 'search' && (
        <SearchDialog
          cache={cache}
          onClose={closeOverlay}
          onPick={(item) => {
            add(item, pendingQty ?? 1);
            closeOverlay();
          }}
        />
      )}
      {overlay === 'pay' && (
        <PaymentDialog
          cart={cart}
          total={totals.total}
          shiftId={shift.id}
          qris={qris}
          onProgress={setPayProgress}
          onPaid={(s) => void paid(s)}
          onClose={() => {
            setPayProgress(null);
            closeOverlay();
          }}
        />
      )}
      {overlay === 'parked' && <ParkedDialog timeZone={settings.timeZone} onRecall={(p) => void recall(p)} onClose={closeOverlay} />}
      {overlay === 'cancel' && (
        <ConfirmDialog
          title={t('till.cancel.title')}
          text={t('till.cancel.text', { total: formatRupiah(totals.total) })}
          confirmLabel={t('till.cancel.confirm')}
          onConfirm={() => {
            dispatch({ type: 'clear' });
            setScanError(null);
            setPendingQty(null);
            closeOverlay();
          }}
          onClose={closeOverlay}
        />
      )}
      {discountLine && (
        <DiscountDialog line={discountLine} limitBps={settings.discountLimitBps} onApply={(d, bps) => void applyDiscount(discountLine.key, d, bps)} onClose={closeOverlay} />
      )}
      {approval.dialog}
    </div>
  );
}
