import { describe, expect, it } from 'vitest';
import { discountOverLimit, saleRequestHash, type SaleCreateParsed } from '../../electron/core/till/sales/create';
import { refundRequestHash } from '../../electron/core/till/sales/refund';
import { localDateOf } from '../../electron/core/till/today';
import { lineAmounts, refundShare, type Terms } from '../../shared/domain/terms';

const base: SaleCreateParsed = {
  id: '00000000-0000-4000-8000-000000000001',
  shiftId: 1,
  lines: [
    { productId: 1, quantity: 2, discount: 0 },
    { productId: 2, quantity: 1, discount: 500 },
  ],
  payment: { method: 'cash', tendered: 50_000 },
};

describe('the canonical sale request hash', () => {
  it('is the same for the same content and ignores the approval PIN', () => {
    expect(saleRequestHash(base)).toBe(saleRequestHash(structuredClone(base)));
    expect(saleRequestHash({ ...base, discountApproval: { staffId: 1, pin: '1234' } })).toBe(saleRequestHash(base));
    expect(saleRequestHash({ ...base, id: '00000000-0000-4000-8000-000000000002' })).toBe(saleRequestHash(base)); // the id is the key, not content
  });

  it('changes with any part of the sale: lines, their order, quantities, discounts, payment, shift', () => {
    const variants: SaleCreateParsed[] = [
      { ...base, shiftId: 2 },
      { ...base, lines: [...base.lines].reverse() },
      { ...base, lines: [{ ...base.lines[0]!, quantity: 3 }, base.lines[1]!] },
      { ...base, lines: [base.lines[0]!, { ...base.lines[1]!, discount: 501 }] },
      { ...base, payment: { method: 'cash', tendered: 50_001 } },
      { ...base, payment: { method: 'qris', reference: undefined } },
      { ...base, payment: { method: 'transfer', reference: 'BRI' } },
    ];
    const hashes = new Set([saleRequestHash(base), ...variants.map(saleRequestHash)]);
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('refund hashes follow the refund content, not the approval', () => {
    const r = { id: 'x', saleId: 's', lines: [{ saleLineId: 1, quantity: 1 }], restock: true, reason: 'rusak', approval: { staffId: 1, pin: '1234' } };
    expect(refundRequestHash({ ...r, approval: { staffId: 2, pin: '9999' } })).toBe(refundRequestHash(r));
    expect(refundRequestHash({ ...r, restock: false })).not.toBe(refundRequestHash(r));
    expect(refundRequestHash({ ...r, method: 'cash' })).not.toBe(refundRequestHash(r));
  });
});

describe('the discount limit', () => {
  it('allows up to the limit of the line amount, rounded half up, and not a rupiah more', () => {
    expect(discountOverLimit(6000, 600, 1000)).toBe(false);
    expect(discountOverLimit(6000, 601, 1000)).toBe(true);
    expect(discountOverLimit(7777, 778, 1000)).toBe(false); // 777,7 -> 778
    expect(discountOverLimit(7777, 779, 1000)).toBe(true);
    expect(discountOverLimit(5000, 1, 0)).toBe(true);
    expect(discountOverLimit(5000, 5000, 10_000)).toBe(false);
  });
});

describe('the local date of a sale', () => {
  it('switches at local midnight and follows the zone, cached or not', () => {
    expect(localDateOf(new Date('2026-11-03T16:59:59.999Z'), 'Asia/Jakarta')).toBe('2026-11-03');
    expect(localDateOf(new Date('2026-11-03T17:00:00.000Z'), 'Asia/Jakarta')).toBe('2026-11-04');
    expect(localDateOf(new Date('2026-11-03T16:59:59.999Z'), 'Asia/Jakarta')).toBe('2026-11-03');
    expect(localDateOf(new Date('2026-11-03T17:00:00.000Z'), 'Asia/Makassar')).toBe('2026-11-04');
    expect(localDateOf(new Date('2026-11-03T15:59:59.000Z'), 'Asia/Makassar')).toBe('2026-11-03');
    expect(localDateOf(new Date('2026-11-03T17:00:00.000Z'), 'UTC')).toBe('2026-11-03');
  });
});

describe('shares of a sale and of its refunds (model check)', () => {
  const terms: Terms[] = [
    { retailPrice: 3000, mode: 'fixed', producerPrice: 2500, commissionBps: null },
    { retailPrice: 7777, mode: 'percent', producerPrice: null, commissionBps: 1250 },
    { retailPrice: 12_500, mode: 'percent', producerPrice: null, commissionBps: 1500 },
    { retailPrice: 999, mode: 'percent', producerPrice: null, commissionBps: 3333 },
  ];
  it('refunding a line in any number of parts returns exactly its amount and share', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    for (let round = 0; round < 500; round++) {
      const t = terms[rnd(terms.length)]!;
      const qty = 1 + rnd(12);
      const gross = t.retailPrice * qty;
      const discount = rnd(Math.floor(gross / 10) + 1);
      const line = lineAmounts(t, t.retailPrice, qty, discount);
      expect(line.net).toBe(gross - discount);
      if (t.mode === 'fixed') expect(line.producerShare).toBe(t.producerPrice! * qty);
      let done = 0;
      let amount = 0;
      let share = 0;
      while (done < qty) {
        const part = 1 + rnd(qty - done);
        amount += refundShare(line.net, qty, done, part);
        share += refundShare(line.producerShare, qty, done, part);
        done += part;
      }
      expect([amount, share]).toEqual([line.net, line.producerShare]);
      expect(() => refundShare(line.net, qty, qty, 1)).toThrow();
    }
  });
});
