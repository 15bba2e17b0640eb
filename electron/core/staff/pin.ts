import crypto from 'node:crypto';

/**
 * PINs are stored only as a salted scrypt hash: `scrypt$N$r$p$saltHex$hashHex`.
 * N = 2^14 costs ~30–60 ms here: slow enough to make guessing a stolen
 * database's 4-digit PINs expensive, fast enough for a cashier.
 */
const N = 16_384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export function hashPin(pin: string): string {
  if (!/^\d{4,8}$/.test(pin)) throw new RangeError('PIN must be 4–8 digits');
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(pin, salt, KEY_LENGTH, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('hex')}$${hash.toString('hex')}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const salt = Buffer.from(parts[4]!, 'hex');
  const expected = Buffer.from(parts[5]!, 'hex');
  const actual = crypto.scryptSync(pin, salt, expected.length, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 });
  return crypto.timingSafeEqual(actual, expected);
}
