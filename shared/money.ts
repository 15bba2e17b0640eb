/**
 * Money is an integer number of rupiah. Nothing on the money path is a float:
 * every amount that enters the app passes `assertRupiah`, and percentages are
 * integer basis points (1500 = 15%).
 */
export type Rupiah = number;
export type BasisPoints = number;

/** The largest amount the shop will ever accept: Rp 1.000.000.000.000. */
export const MAX_RUPIAH = 1_000_000_000_000;
export const FULL_BPS = 10_000;

export class MoneyError extends Error {
  constructor(readonly messages: { id: string; en: string }) {
    super(messages.en);
    this.name = 'MoneyError';
  }
}

export function isRupiah(value: unknown, opts: { allowNegative?: boolean } = {}): value is Rupiah {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return false;
  if (!opts.allowNegative && value < 0) return false;
  return Math.abs(value) <= MAX_RUPIAH;
}

export function assertRupiah(value: unknown, opts: { allowNegative?: boolean } = {}): Rupiah {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new MoneyError({
      id: 'Jumlah uang harus bilangan bulat rupiah',
      en: 'Amount must be a whole number of rupiah',
    });
  }
  if (!opts.allowNegative && value < 0) {
    throw new MoneyError({ id: 'Jumlah uang tidak boleh negatif', en: 'Amount cannot be negative' });
  }
  if (Math.abs(value) > MAX_RUPIAH) {
    throw new MoneyError({
      id: 'Jumlah uang melebihi Rp 1.000.000.000.000',
      en: 'Amount exceeds Rp 1.000.000.000.000',
    });
  }
  return value;
}

export function assertBps(value: unknown): BasisPoints {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > FULL_BPS) {
    throw new MoneyError({
      id: 'Persentase harus antara 0% dan 100%',
      en: 'Percentage must be between 0% and 100%',
    });
  }
  return value;
}

/**
 * `bps` of `amount`, rounded half up to a whole rupiah. Computed in BigInt so
 * amounts up to MAX_RUPIAH times 10 000 cannot lose precision. Negative amounts
 * round half away from zero, so a refund mirrors its sale exactly.
 */
export function percentOf(amount: Rupiah, bps: BasisPoints): Rupiah {
  assertRupiah(amount, { allowNegative: true });
  assertBps(bps);
  const negative = amount < 0;
  const scaled = BigInt(Math.abs(amount)) * BigInt(bps);
  const rounded = (scaled + 5000n) / 10000n;
  const result = Number(rounded);
  return negative ? -result : result;
}

/** Sums amounts, refusing anything that is not a safe integer along the way. */
export function sumRupiah(amounts: readonly Rupiah[]): Rupiah {
  let total = 0;
  for (const amount of amounts) {
    total += assertRupiah(amount, { allowNegative: true });
    if (!Number.isSafeInteger(total)) throw new MoneyError({ id: 'Total terlalu besar', en: 'Total too large' });
  }
  return total;
}

const groupFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0, useGrouping: true });

/** `Rp 12.500`, `-Rp 3.000`. The same in both UI languages: it is the currency's own format. */
export function formatRupiah(amount: Rupiah): string {
  const digits = groupFormat.format(Math.abs(amount));
  return amount < 0 ? `-Rp ${digits}` : `Rp ${digits}`;
}

/**
 * Parses what a person types: `12500`, `12.500`, `Rp 12.500`, `12,500`.
 * Returns null for anything that is not a whole, non-negative rupiah amount
 * (a decimal comma followed by one or two digits is refused, not rounded).
 */
export function parseRupiah(text: string): Rupiah | null {
  const trimmed = text.trim().replace(/^rp\.?\s*/i, '');
  if (trimmed === '') return null;
  if (/[.,]\d{1,2}$/.test(trimmed) && !/[.,]\d{3}$/.test(trimmed)) return null;
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(/[.,]/g, ''));
  return isRupiah(value) ? value : null;
}

/** `15%`, `12,5%` for display of basis points. */
export function formatBps(bps: BasisPoints): string {
  const whole = Math.trunc(bps / 100);
  const rest = bps % 100;
  return rest === 0 ? `${whole}%` : `${whole},${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}
