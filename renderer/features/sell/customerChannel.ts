import { useEffect, useLayoutEffect, useRef } from 'react';
import type { PaymentMethod, Sale } from '../../../shared/contract/till';
import { cartTotals, lineTotal, type Cart } from './cart';

/*
 * The customer display (SPEC §4) is a read-only second window: a tab at
 * `/customer` in browser mode, a window on the second screen in the desktop
 * app. It has no API access at all; the till tells it what to show over a
 * BroadcastChannel, which reaches every page of the same origin.
 */

export const CUSTOMER_CHANNEL = 'ukm-mart-customer-display';

export interface CustomerLine {
  key: number;
  name: string;
  quantity: number;
  lineTotal: number;
  discount: number;
}

export interface CustomerState {
  storeName: string;
  lang: 'id' | 'en';
  phase: 'idle' | 'cart' | 'pay' | 'done';
  lines: CustomerLine[];
  /** The line just added or changed (highlighted on the display). */
  lastKey: number | null;
  total: number;
  /** While paying: the method, and for QRIS the store's image to scan. */
  method: 'cash' | 'qris' | 'transfer' | null;
  qris: string | null;
  tendered: number | null;
  change: number | null;
}

type Message = { type: 'state'; state: CustomerState } | { type: 'hello' };

/** True when this page is the customer display rather than the till. */
export function isCustomerDisplayUrl(loc: Pick<Location, 'pathname' | 'hash'>): boolean {
  return loc.pathname.replace(/\/+$/, '') === '/customer' || loc.hash === '#customer';
}

/** The till side: publishes every state, and answers a display that (re)opens with the latest one. */
export function useCustomerDisplayPublisher(state: CustomerState): void {
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });
  const channel = useRef<BroadcastChannel | null>(null);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const ch = new BroadcastChannel(CUSTOMER_CHANNEL);
    channel.current = ch;
    ch.onmessage = (e: MessageEvent<Message>) => {
      if (e.data?.type === 'hello') ch.postMessage({ type: 'state', state: latest.current } satisfies Message);
    };
    return () => {
      channel.current = null;
      ch.close();
    };
  }, []);
  const json = JSON.stringify(state);
  useEffect(() => {
    channel.current?.postMessage({ type: 'state', state: JSON.parse(json) as CustomerState } satisfies Message);
  }, [json]);
}

/** The display side: the latest state the till sent, asking for it once on opening. */
export function subscribeCustomerDisplay(onState: (s: CustomerState) => void): () => void {
  const ch = new BroadcastChannel(CUSTOMER_CHANNEL);
  ch.onmessage = (e: MessageEvent<Message>) => {
    if (e.data?.type === 'state') onState(e.data.state);
  };
  ch.postMessage({ type: 'hello' } satisfies Message);
  return () => ch.close();
}

/** What the display shows, from the till's own state. */
export function customerStateOf(x: {
  storeName: string;
  lang: 'id' | 'en';
  cart: Cart;
  done: Sale | null;
  pay: { method: PaymentMethod; tendered: number | null } | null;
  qris: string | null;
}): CustomerState {
  if (x.done) {
    const s = x.done;
    return {
      storeName: x.storeName,
      lang: x.lang,
      phase: 'done',
      lines: s.lines.map((l) => ({ key: l.lineNo, name: l.productName, quantity: l.quantity, lineTotal: l.lineTotal, discount: l.discount })),
      lastKey: null,
      total: s.total,
      method: s.payment.method,
      qris: null,
      tendered: s.payment.tendered,
      change: s.payment.method === 'cash' ? s.payment.change : null,
    };
  }
  const lines = x.cart.lines.map((l) => ({ key: l.key, name: l.name, quantity: l.quantity, lineTotal: lineTotal(l), discount: l.discount }));
  return {
    storeName: x.storeName,
    lang: x.lang,
    phase: x.pay ? 'pay' : lines.length > 0 ? 'cart' : 'idle',
    lines,
    lastKey: x.cart.lastKey,
    total: cartTotals(x.cart).total,
    method: x.pay?.method ?? null,
    qris: x.pay?.method === 'qris' ? x.qris : null,
    tendered: x.pay?.tendered ?? null,
    change: null,
  };
}
