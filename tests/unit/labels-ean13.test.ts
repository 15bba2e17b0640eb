import { describe, expect, it } from 'vitest';
import { ean13CheckDigit, inStoreEan13, inStoreSerial, isInStoreEan13, isValidEan13 } from '../../shared/domain/ean13';
import { LABEL_LAYOUTS, LABEL_LAYOUT_IDS, labelsPerPage, placeLabels, shortenName } from '../../shared/domain/labelLayouts';

describe('EAN-13 check digits', () => {
  // Published examples: GS1's own (590 1234 12345 7), Wikipedia's EAN-13 article (400 6381 33393 1),
  // an ISBN-13 (978-0-306-40615-7) and a UPC-A written as EAN-13 (0 012345 67890 5).
  it.each(['5901234123457', '4006381333931', '9780306406157', '0012345678905'])('%s is valid', (code) => {
    expect(ean13CheckDigit(code.slice(0, 12))).toBe(Number(code[12]));
    expect(isValidEan13(code)).toBe(true);
  });

  it('refuses a wrong check digit, a short code and letters', () => {
    expect(isValidEan13('5901234123458')).toBe(false);
    expect(isValidEan13('590123412345')).toBe(false);
    expect(isValidEan13('59012341234a7')).toBe(false);
    expect(() => ean13CheckDigit('12345')).toThrow();
  });

  it('numbers the store own goods in the restricted range 20–29', () => {
    const code = inStoreEan13(1);
    expect(code).toBe('2000000000015');
    expect(isValidEan13(code)).toBe(true);
    expect(isInStoreEan13(code)).toBe(true);
    expect(isInStoreEan13('5901234123457')).toBe(false);
    expect(inStoreSerial(inStoreEan13(987_654))).toBe(987_654);
    expect(inStoreSerial('5901234123457')).toBeNull();
    expect(() => inStoreEan13(0)).toThrow();
    for (let serial = 1; serial < 2000; serial += 37) expect(isValidEan13(inStoreEan13(serial))).toBe(true);
  });
});

describe('label layouts', () => {
  it('every layout fits its labels on its page', () => {
    for (const id of LABEL_LAYOUT_IDS) {
      const l = LABEL_LAYOUTS[id];
      const width = l.marginLeftMm + l.columns * l.labelWidthMm + (l.columns - 1) * l.gapXMm;
      const height = l.marginTopMm + l.rows * l.labelHeightMm + (l.rows - 1) * l.gapYMm;
      expect(width, id).toBeLessThanOrEqual(l.pageWidthMm + 1e-9);
      expect(height, id).toBeLessThanOrEqual(l.pageHeightMm + 1e-9);
    }
    expect(labelsPerPage(LABEL_LAYOUTS.tj103)).toBe(12);
    expect(labelsPerPage(LABEL_LAYOUTS.tj121)).toBe(10);
  });

  it('starts a half-used sheet at the position asked, and the next sheet at its first', () => {
    const l = LABEL_LAYOUTS.tj103;
    const slots = placeLabels(l, 5, 11);
    expect(slots.map((s) => s.page)).toEqual([0, 0, 1, 1, 1]);
    // Position 11 is the 6th row, first column.
    expect(slots[0]).toEqual({ page: 0, xMm: l.marginLeftMm, yMm: l.marginTopMm + 5 * (l.labelHeightMm + l.gapYMm) });
    expect(slots[1]!.xMm).toBe(l.marginLeftMm + l.labelWidthMm + l.gapXMm);
    expect(slots[2]).toEqual({ page: 1, xMm: l.marginLeftMm, yMm: l.marginTopMm });
    expect(() => placeLabels(l, 1, 13)).toThrow();
    expect(() => placeLabels(l, 1, 0)).toThrow();
  });

  it('shortens a long name on a word boundary', () => {
    expect(shortenName('Keripik Singkong Balado Pedas Level 5', 20)).toBe('Keripik Singkong…');
    expect(shortenName('Telur Asin', 20)).toBe('Telur Asin');
    expect(shortenName('Kelantingpedasmanisgurih', 10)).toHaveLength(10);
  });
});
