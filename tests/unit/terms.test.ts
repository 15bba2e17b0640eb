import { describe, expect, it } from 'vitest';
import { lineAmounts, refundShare, shareAtRetail, termsProblem, type Terms } from '../../shared/domain/terms';

const fixed: Terms = { retailPrice: 3000, mode: 'fixed', producerPrice: 2500, commissionBps: null };
const percent: Terms = { retailPrice: 12_500, mode: 'percent', producerPrice: null, commissionBps: 1500 };

describe('producer share', () => {
  it('fixed terms: the producer gets the producer price per unit, the shop bears the discount', () => {
    expect(lineAmounts(fixed, 3000, 4)).toMatchObject({ net: 12_000, producerShare: 10_000, shopMargin: 2000 });
    expect(lineAmounts(fixed, 3000, 4, 3000)).toMatchObject({ net: 9000, producerShare: 10_000, shopMargin: -1000 });
  });
  it('percent terms: the shop keeps the commission of the net after discount, rounded half up once per line', () => {
    // 3 × 12.500 = 37.500; 15% = 5.625 -> producer 31.875
    expect(lineAmounts(percent, 12_500, 3)).toMatchObject({ net: 37_500, producerShare: 31_875 });
    // net 37.497 -> 15% = 5624.55 -> 5625 -> producer 31.872
    expect(lineAmounts(percent, 12_500, 3, 3)).toMatchObject({ net: 37_497, producerShare: 31_872 });
    // 12,5% of 1.001 = 125.125 -> 125
    expect(lineAmounts({ ...percent, commissionBps: 1250 }, 1001, 1).producerShare).toBe(876);
  });
  it('refuses a discount larger than the line and fractional quantities', () => {
    expect(() => lineAmounts(fixed, 3000, 1, 3001)).toThrow();
    expect(() => lineAmounts(fixed, 3000, 1.5)).toThrow();
  });
  it('shrinkage is valued at the producer share of full retail', () => {
    expect(shareAtRetail(fixed, 2)).toBe(5000);
    expect(shareAtRetail(percent, 2)).toBe(21_250);
  });
  it('partial refunds add up to exactly the line share', () => {
    const parts = [refundShare(10_001, 3, 0, 1), refundShare(10_001, 3, 1, 1), refundShare(10_001, 3, 2, 1)];
    expect(parts.reduce((a, b) => a + b, 0)).toBe(10_001);
    expect(() => refundShare(100, 2, 1, 2)).toThrow();
  });
  it('names what is wrong with bad terms', () => {
    expect(termsProblem({ ...fixed, producerPrice: 3500 })?.en).toMatch(/exceed/);
    expect(termsProblem(percent)).toBeNull();
  });
});
