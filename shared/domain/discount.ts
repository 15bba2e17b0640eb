import { percentOf, type BasisPoints, type Rupiah } from '../money';

/**
 * A line discount as the cashier gives it: rupiah off the line, or a percentage
 * (basis points) of the line. The sale records rupiah; a percentage becomes
 * rupiah here, rounded half up like every other percentage in the shop.
 */
export type LineDiscount = { kind: 'rupiah'; amount: Rupiah } | { kind: 'percent'; bps: BasisPoints };

/** The rupiah a discount takes off a line of `gross` rupiah, never more than the line. */
export function discountRupiah(gross: Rupiah, discount: LineDiscount): Rupiah {
  const amount = discount.kind === 'rupiah' ? discount.amount : percentOf(gross, discount.bps);
  return Math.min(amount, gross);
}

/**
 * The store's one discount-limit rule (SPEC §4), used by the till before it asks
 * for a manager PIN and by the core when it records the sale: a discount is over
 * the limit when it is more than `limitBps` of the line's gross amount, that
 * share rounded half up to a whole rupiah. So a 10% discount on a line always
 * fits a 10% limit, whichever way the cashier typed it.
 */
export function discountOverLimit(gross: Rupiah, discount: Rupiah, limitBps: BasisPoints): boolean {
  return discount > percentOf(gross, limitBps);
}
