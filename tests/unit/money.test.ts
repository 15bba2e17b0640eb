import { describe, expect, it } from 'vitest';
import { assertRupiah, formatBps, formatRupiah, MAX_RUPIAH, parseRupiah, percentOf, sumRupiah } from '../../shared/money';

describe('money', () => {
  it('formats rupiah the Indonesian way', () => {
    expect(formatRupiah(12500)).toBe('Rp 12.500');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(1_000_000)).toBe('Rp 1.000.000');
    expect(formatRupiah(-3000)).toBe('-Rp 3.000');
  });

  it('rounds a percentage half up to whole rupiah', () => {
    expect(percentOf(10_000, 1500)).toBe(1500);
    expect(percentOf(3, 5000)).toBe(2); // 1.5 -> 2
    expect(percentOf(1, 4999)).toBe(0); // 0.4999 -> 0
    expect(percentOf(12_345, 1250)).toBe(1543); // 1543.125 -> 1543
    expect(percentOf(12_348, 1250)).toBe(1544); // 1543.5 -> 1544
    expect(percentOf(-3, 5000)).toBe(-2); // mirrors the positive case
    expect(percentOf(MAX_RUPIAH, 9999)).toBe(999_900_000_000);
  });

  it('refuses amounts that are not whole, safe, in range rupiah', () => {
    expect(() => assertRupiah(1.5)).toThrow(/whole number/);
    expect(() => assertRupiah(-1)).toThrow(/negative/);
    expect(() => assertRupiah(MAX_RUPIAH + 1)).toThrow(/exceeds/);
    expect(() => assertRupiah(Number.NaN)).toThrow();
    expect(() => assertRupiah('100')).toThrow();
    expect(assertRupiah(-5, { allowNegative: true })).toBe(-5);
    expect(() => percentOf(100, 10_001)).toThrow(/between/);
  });

  it('parses what a cashier types and refuses fractions', () => {
    expect(parseRupiah('12500')).toBe(12500);
    expect(parseRupiah('12.500')).toBe(12500);
    expect(parseRupiah('Rp 1.250.000')).toBe(1_250_000);
    expect(parseRupiah('12,5')).toBeNull();
    expect(parseRupiah('12.50')).toBeNull();
    expect(parseRupiah('-100')).toBeNull();
    expect(parseRupiah('abc')).toBeNull();
    expect(parseRupiah('')).toBeNull();
  });

  it('sums and formats basis points', () => {
    expect(sumRupiah([1, 2, -3])).toBe(0);
    expect(formatBps(1500)).toBe('15%');
    expect(formatBps(1250)).toBe('12,5%');
  });
});
