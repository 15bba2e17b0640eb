import { describe, expect, it } from 'vitest';
import { discountOverLimit, discountRupiah } from '../../shared/domain/discount';
import { discountNeedsApproval, cartReducer, emptyCart, type Sellable } from '../../renderer/features/sell/cart';
import { discountOverLimit as coreRule } from '../../electron/core/till/sales/create';

describe('one discount-limit rule for the till and the core (issue #10 item 6)', () => {
  it('a Rp 12.345 line with a Rp 1.235 discount fits a 10% limit (1.234,5 rounds half up), in the till and in the core', () => {
    expect(discountOverLimit(12_345, 1_235, 1_000)).toBe(false);
    expect(discountOverLimit(12_345, 1_236, 1_000)).toBe(true);
    // The till and the core use this same rule, not copies of it.
    expect(discountNeedsApproval(12_345, 1_235, 1_000)).toBe(false);
    expect(coreRule(12_345, 1_235, 1_000)).toBe(false);
    expect(discountNeedsApproval).toBe(discountOverLimit);
    expect(coreRule).toBe(discountOverLimit);
  });

  it('a percent discount becomes rupiah rounded half up and always fits a limit of the same percent', () => {
    expect(discountRupiah(12_345, { kind: 'percent', bps: 1_000 })).toBe(1_235);
    expect(discountRupiah(12_345, { kind: 'rupiah', amount: 500 })).toBe(500);
    expect(discountRupiah(1_000, { kind: 'rupiah', amount: 5_000 })).toBe(1_000);
    for (const gross of [1, 5, 999, 12_345, 77_777, 1_000_001]) {
      for (const bps of [0, 1, 250, 1_000, 3_333, 10_000]) {
        const amount = discountRupiah(gross, { kind: 'percent', bps });
        expect(discountOverLimit(gross, amount, bps)).toBe(false);
        if (amount < gross) expect(discountOverLimit(gross, amount + 1, bps)).toBe(true);
      }
    }
  });

  it('a percent discount in the cart follows the quantity', () => {
    const item: Sellable = { productId: 1, name: 'Keripik', unit: 'bks', producerShortName: 'BS', unitPrice: 12_345, tileColor: null, barcode: null, shortCode: 'KP1' };
    let cart = cartReducer(emptyCart, { type: 'add', item, quantity: 1 });
    const key = cart.lines[0]!.key;
    cart = cartReducer(cart, { type: 'setDiscount', key, discount: 1_235, bps: 1_000 });
    cart = cartReducer(cart, { type: 'setQuantity', key, quantity: 3 });
    expect(cart.lines[0]!.discount).toBe(3_704); // 10% of 37.035 = 3.703,5 -> 3.704
    cart = cartReducer(cart, { type: 'setDiscount', key, discount: 500 });
    cart = cartReducer(cart, { type: 'setQuantity', key, quantity: 1 });
    expect(cart.lines[0]!.discount).toBe(500);
  });
});
