/**
 * Consignment terms (syarat titip) and the producer's share of a sale line.
 * The rule is written once here and used by selling, refunds, stock-count
 * shrinkage, settlement previews and the model-based tests.
 */
import { assertBps, assertRupiah, percentOf, type BasisPoints, type Rupiah } from '../money';

export type TermsMode = 'fixed' | 'percent';

export interface Terms {
  retailPrice: Rupiah;
  mode: TermsMode;
  /** `fixed`: what the producer gets per unit sold (harga setor). */
  producerPrice: Rupiah | null;
  /** `percent`: the shop's commission on the net line amount (bagi hasil). */
  commissionBps: BasisPoints | null;
}

export interface LineAmounts {
  /** unit price × quantity, before discount */
  gross: Rupiah;
  discount: Rupiah;
  /** what the customer pays for the line */
  net: Rupiah;
  producerShare: Rupiah;
  /** what the shop keeps: net − producer share (negative when a fixed-price line is discounted below the producer price) */
  shopMargin: Rupiah;
}

/**
 * The amounts of one sale line. `fixed`: the producer gets producerPrice × qty
 * whatever discount the shop gives. `percent`: the shop keeps commissionBps of
 * the net amount, rounded half up once per line, and the producer gets the rest.
 */
export function lineAmounts(terms: Terms, unitPrice: Rupiah, quantity: number, discount: Rupiah = 0): LineAmounts {
  assertRupiah(unitPrice);
  assertRupiah(discount);
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new RangeError('quantity must be a positive whole number');
  const gross = assertRupiah(unitPrice * quantity);
  if (discount > gross) throw new RangeError('discount larger than the line amount');
  const net = gross - discount;
  let producerShare: Rupiah;
  if (terms.mode === 'fixed') {
    producerShare = assertRupiah(assertRupiah(terms.producerPrice) * quantity);
  } else {
    const commission = percentOf(net, assertBps(terms.commissionBps));
    producerShare = net - commission;
  }
  return { gross, discount, net, producerShare, shopMargin: net - producerShare };
}

/** The producer's share of `quantity` units at full retail price: used for shrinkage (lost units). */
export function shareAtRetail(terms: Terms, quantity: number): Rupiah {
  return lineAmounts(terms, terms.retailPrice, quantity, 0).producerShare;
}

/**
 * The producer's share of refunding `refundQty` of a line sold as `soldQty`
 * units with `lineShare` in total: proportional, and the last refunded unit
 * takes the remainder so refunding everything returns exactly the line's share.
 */
export function refundShare(lineShare: Rupiah, soldQty: number, alreadyRefundedQty: number, refundQty: number): Rupiah {
  if (refundQty <= 0 || alreadyRefundedQty + refundQty > soldQty) throw new RangeError('refund quantity out of range');
  const before = Math.floor((lineShare * alreadyRefundedQty) / soldQty);
  const after = alreadyRefundedQty + refundQty === soldQty ? lineShare : Math.floor((lineShare * (alreadyRefundedQty + refundQty)) / soldQty);
  return after - before;
}

/** A terms change must make sense on its own: a clear reason when it does not. */
export function termsProblem(terms: Terms): { id: string; en: string } | null {
  if (terms.mode === 'fixed') {
    if (terms.producerPrice === null) return { id: 'Harga setor wajib diisi', en: 'Producer price is required' };
    if (terms.producerPrice > terms.retailPrice)
      return { id: 'Harga setor tidak boleh melebihi harga jual', en: 'Producer price cannot exceed the retail price' };
  } else {
    if (terms.commissionBps === null) return { id: 'Komisi wajib diisi', en: 'Commission is required' };
    if (terms.commissionBps > 10_000) return { id: 'Komisi tidak boleh lebih dari 100%', en: 'Commission cannot exceed 100%' };
  }
  return null;
}
