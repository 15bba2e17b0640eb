import { discountRupiah } from '../../../shared/domain/discount';
import type { ManagerApproval } from '../staff/ManagerPinDialog';

/** What the till needs of a product to put it on a line. */
export interface Sellable {
  productId: number;
  name: string;
  unit: string;
  producerShortName: string;
  unitPrice: number;
  tileColor: string | null;
  barcode: string | null;
  shortCode: string | null;
}

export interface CartLine extends Sellable {
  key: number;
  quantity: number;
  /** Rupiah off the whole line. */
  discount: number;
  /** Set when the discount was given in percent: the rupiah follow the quantity. */
  discountBps?: number | null;
}

export interface Cart {
  lines: CartLine[];
  /** The line touched last (highlighted, and the target of quick quantity keys). */
  lastKey: number | null;
  /** A manager's approval for discounts over the store's limit, sent with the sale. */
  discountApproval: ManagerApproval | null;
  nextKey: number;
}

export const emptyCart: Cart = { lines: [], lastKey: null, discountApproval: null, nextKey: 1 };

export type CartAction =
  | { type: 'add'; item: Sellable; quantity: number }
  | { type: 'setQuantity'; key: number; quantity: number }
  | { type: 'setDiscount'; key: number; discount: number; bps?: number | null; approval?: ManagerApproval | null }
  | { type: 'remove'; key: number }
  | { type: 'approve'; approval: ManagerApproval }
  /** A recalled parked cart replaces the (empty) cart. */
  | { type: 'load'; lines: { item: Sellable; quantity: number; discount: number; discountBps: number | null }[] }
  | { type: 'clear' };

export function cartReducer(cart: Cart, action: CartAction): Cart {
  switch (action.type) {
    case 'add': {
      const existing = cart.lines.find((l) => l.productId === action.item.productId && l.discount === 0);
      if (existing) {
        return {
          ...cart,
          lastKey: existing.key,
          lines: cart.lines.map((l) => (l === existing ? { ...l, quantity: Math.min(1_000_000, l.quantity + action.quantity) } : l)),
        };
      }
      const line: CartLine = { ...action.item, key: cart.nextKey, quantity: action.quantity, discount: 0 };
      return { ...cart, lines: [...cart.lines, line], lastKey: line.key, nextKey: cart.nextKey + 1 };
    }
    case 'setQuantity':
      return {
        ...cart,
        lastKey: action.key,
        lines: cart.lines.map((l) => (l.key === action.key ? withQuantity(l, action.quantity) : l)),
      };
    case 'setDiscount':
      return {
        ...cart,
        lastKey: action.key,
        discountApproval: action.approval === undefined ? cart.discountApproval : action.approval,
        lines: cart.lines.map((l) => (l.key === action.key ? { ...l, discount: action.discount, discountBps: action.bps ?? null } : l)),
      };
    case 'remove': {
      const lines = cart.lines.filter((l) => l.key !== action.key);
      return { ...cart, lines, lastKey: lines.at(-1)?.key ?? null };
    }
    case 'clear':
      return { ...emptyCart, nextKey: cart.nextKey };
    case 'approve':
      return { ...cart, discountApproval: action.approval };
    case 'load': {
      let nextKey = cart.nextKey;
      const lines = action.lines.map((l) => ({ ...l.item, key: nextKey++, quantity: l.quantity, discount: l.discount, discountBps: l.discountBps }));
      return { lines, lastKey: lines.at(-1)?.key ?? null, discountApproval: null, nextKey };
    }
  }
}

/** A new quantity keeps a percent discount a percent; a rupiah discount never exceeds the line. */
function withQuantity(l: CartLine, quantity: number): CartLine {
  const gross = l.unitPrice * quantity;
  const discount = l.discountBps ? discountRupiah(gross, { kind: 'percent', bps: l.discountBps }) : Math.min(l.discount, gross);
  return { ...l, quantity, discount };
}

export const lineGross = (l: CartLine) => l.unitPrice * l.quantity;
export const lineTotal = (l: CartLine) => lineGross(l) - l.discount;

export function cartTotals(cart: Cart) {
  let subtotal = 0;
  let discount = 0;
  let units = 0;
  for (const l of cart.lines) {
    subtotal += lineGross(l);
    discount += l.discount;
    units += l.quantity;
  }
  return { subtotal, discount, total: subtotal - discount, units };
}

/** True when a line discount is over the store's limit and needs a manager: the core's own rule. */
export { discountOverLimit as discountNeedsApproval } from '../../../shared/domain/discount';

/**
 * What was typed in the scan field: `KS1`, `8991234567890`, or `2*KS1`
 * (quantity, star, code). A bare `3*` only sets the quantity for the next tile.
 */
export function parseScan(text: string): { quantity: number; code: string } | { error: 'quantity' } | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const m = /^(\d+)\s*[*xX]\s*(.*)$/.exec(trimmed);
  // A star is always "quantity times code": `abc*101` has a bad quantity, it is not an unknown code.
  if (!m) return trimmed.includes('*') ? { error: 'quantity' } : { quantity: 1, code: trimmed };
  const quantity = Number(m[1]);
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > 1_000_000) return { error: 'quantity' };
  return { quantity, code: m[2]!.trim() };
}
