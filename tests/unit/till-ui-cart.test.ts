import { describe, expect, it } from 'vitest';
import { cartReducer, cartTotals, discountNeedsApproval, emptyCart, parseScan, type Sellable } from '../../renderer/features/sell/cart';

const telur: Sellable = { productId: 1, name: 'Telur asin', unit: 'butir', producerShortName: 'ROHMAH', unitPrice: 3_500, tileColor: null, barcode: '8991000000011', shortCode: null };
const keripik: Sellable = { productId: 2, name: 'Keripik', unit: 'bungkus', producerShortName: 'KKT', unitPrice: 10_000, tileColor: null, barcode: null, shortCode: 'KS2' };

describe('the till cart (renderer)', () => {
  it('reads a scan: a code, or quantity*code, or a bare quantity for the next tile', () => {
    expect(parseScan('8991000000011')).toEqual({ quantity: 1, code: '8991000000011' });
    expect(parseScan(' 2*KS2 ')).toEqual({ quantity: 2, code: 'KS2' });
    expect(parseScan('12 x ks2')).toEqual({ quantity: 12, code: 'ks2' });
    expect(parseScan('3*')).toEqual({ quantity: 3, code: '' });
    expect(parseScan('0*KS2')).toEqual({ error: 'quantity' });
    expect(parseScan('9999999*KS2')).toEqual({ error: 'quantity' });
    expect(parseScan('   ')).toBeNull();
    // A star that is not "quantity times code" is a bad quantity, not an unknown code (issue #15 item 4).
    expect(parseScan('abc*101')).toEqual({ error: 'quantity' });
    expect(parseScan('-2*KS2')).toEqual({ error: 'quantity' });
  });

  it('adds lines, merges a repeated product, changes quantities and removes lines; totals in whole rupiah', () => {
    let cart = cartReducer(emptyCart, { type: 'add', item: telur, quantity: 1 });
    cart = cartReducer(cart, { type: 'add', item: keripik, quantity: 2 });
    cart = cartReducer(cart, { type: 'add', item: telur, quantity: 1 });
    expect(cart.lines.map((l) => [l.name, l.quantity])).toEqual([['Telur asin', 2], ['Keripik', 2]]);
    expect(cart.lastKey).toBe(cart.lines[0]!.key);
    expect(cartTotals(cart)).toEqual({ subtotal: 27_000, discount: 0, total: 27_000, units: 4 });
    const keripikKey = cart.lines[1]!.key;
    cart = cartReducer(cart, { type: 'setDiscount', key: keripikKey, discount: 2_500 });
    cart = cartReducer(cart, { type: 'setQuantity', key: keripikKey, quantity: 3 });
    expect(cartTotals(cart)).toEqual({ subtotal: 37_000, discount: 2_500, total: 34_500, units: 5 });
    // Lowering the quantity never leaves a discount bigger than the line.
    cart = cartReducer(cart, { type: 'setQuantity', key: keripikKey, quantity: 1 });
    cart = cartReducer(cart, { type: 'setDiscount', key: keripikKey, discount: 10_000 });
    cart = cartReducer(cart, { type: 'setQuantity', key: keripikKey, quantity: 1 });
    expect(cart.lines[1]!.discount).toBe(10_000);
    cart = cartReducer(cart, { type: 'remove', key: keripikKey });
    expect(cart.lines).toHaveLength(1);
    expect(cartReducer(cart, { type: 'clear' }).lines).toEqual([]);
  });

  it('asks a manager only for a discount over the store limit (basis points of the line)', () => {
    expect(discountNeedsApproval(20_000, 2_000, 1_000)).toBe(false);
    expect(discountNeedsApproval(20_000, 2_001, 1_000)).toBe(true);
    expect(discountNeedsApproval(20_000, 0, 0)).toBe(false);
    expect(discountNeedsApproval(20_000, 1, 0)).toBe(true);
  });
});
