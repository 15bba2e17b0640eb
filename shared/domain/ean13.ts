/**
 * EAN-13 barcodes (GS1 General Specifications §7.9): twelve digits and a check
 * digit. Prefixes 20–29 are GS1's range for restricted circulation, free for a
 * shop to number its own goods; they never clash with a maker's registered code.
 */

/** The check digit of twelve digits: weights 1,3,1,3… from the left, the ten's complement of the sum. */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error(`EAN-13 needs twelve digits, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/** Prefix 20–29: numbered by the store itself. */
export function isInStoreEan13(code: string): boolean {
  return isValidEan13(code) && code[0] === '2';
}

/** The store's own numbers: prefix "20", a ten-digit serial, the check digit. */
export const IN_STORE_PREFIX = '20';
export const MAX_IN_STORE_SERIAL = 9_999_999_999;

export function inStoreEan13(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 1 || serial > MAX_IN_STORE_SERIAL) {
    throw new Error(`in-store serial out of range: ${serial}`);
  }
  const first12 = IN_STORE_PREFIX + String(serial).padStart(10, '0');
  return first12 + String(ean13CheckDigit(first12));
}

/** The serial of a store number made by `inStoreEan13`, or null for any other code. */
export function inStoreSerial(code: string): number | null {
  if (!isValidEan13(code) || !code.startsWith(IN_STORE_PREFIX)) return null;
  return Number(code.slice(2, 12));
}
