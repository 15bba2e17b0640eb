/**
 * The independent model behind tests/integration/settle-model.test.ts: what
 * the shop should owe each producer, what each settlement should total, and
 * how much stock each product should have, worked out with its own arithmetic
 * (its own half-up rounding, its own week boundaries in Jakarta time), never
 * with the app's shared/domain code, so that a fault there shows as a
 * disagreement.
 */

export const DAY = 86_400_000;
export const WEEK = 7 * DAY;
/** Sunday 1 Nov 2026 24:00 in Jakarta (UTC+7, no DST), and every 7 days from it: the default week end. */
export const FIRST_END = Date.UTC(2026, 10, 1, 17);
export const latestEnd = (now: number) => FIRST_END + Math.floor((now - FIRST_END) / WEEK) * WEEK;
export const localDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** A seeded PRNG (mulberry32), so a failing seed replays exactly. */
export function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}
export type Rng = ReturnType<typeof rng>;

export interface MTerms { from: string; retail: number; mode: 'fixed' | 'percent'; producerPrice: number; bps: number }
export interface MProduct { id: number; producerId: number; terms: MTerms[]; onHand: number }
export interface MEntry { producerId: number; amount: number; at: number; payout: boolean; settledIn: number | null }
export interface MSettlement { id: number; number: string; producerId: number; total: number; paid: number; end: number }
export interface MLine { lineId: number; productId: number; producerId: number; qty: number; share: number; refunded: number }
export interface MSale { id: string; shiftId: number; at: number; voided: boolean; refunds: number; lines: MLine[] }

/** Half up to whole rupiah, in integers: (amount × bps + 5000) div 10000. */
export const bpsOf = (amount: number, bps: number) => Math.floor((amount * bps + 5000) / 10000);

/** The terms in force on a local day: the latest `from` not after it; of two for one day, the later written. */
export function termsOn(p: MProduct, day: string): MTerms {
  let best: MTerms | null = null;
  for (const t of p.terms) if (t.from <= day && (!best || t.from >= best.from)) best = t;
  if (!best) throw new Error(`model: product ${p.id} has no terms on ${day}`);
  return best;
}

/** The producer's share of a sale line: fixed price × qty whatever the discount, or the net less the shop's commission. */
export const lineShare = (t: MTerms, qty: number, discount: number) =>
  t.mode === 'fixed' ? t.producerPrice * qty : t.retail * qty - discount - bpsOf(t.retail * qty - discount, t.bps);

/** The share of `q` more refunded units, so that refunding every unit gives back exactly the line's share. */
export const refundPart = (share: number, sold: number, before: number, q: number) =>
  before + q === sold ? share - Math.floor((share * before) / sold) : Math.floor((share * (before + q)) / sold) - Math.floor((share * before) / sold);

/** The model's books: ledger entries, settlements, sales and stock. */
export class World {
  entries: MEntry[] = [];
  settlements: MSettlement[] = [];
  sales: MSale[] = [];
  lastFinalised = -Infinity;
  /** What each producer's last settlement carried forward: a negative week's amount (≤ 0), SPEC §7. */
  carried = new Map<number, number>();
  constructor(
    readonly producers: number[],
    readonly products: MProduct[],
    private readonly now: () => number,
  ) {}

  product(id: number): MProduct {
    return this.products.find((p) => p.id === id)!;
  }
  add(producerId: number, amount: number, payout = false): void {
    this.entries.push({ producerId, amount, at: this.now(), payout, settledIn: null });
  }
  unsettled(pid: number): MEntry[] {
    return this.entries.filter((e) => e.producerId === pid && !e.payout && e.settledIn === null);
  }
  balance(pid: number): number {
    return this.entries.filter((e) => e.producerId === pid).reduce((s, e) => s + e.amount, 0);
  }
  /** The lowest the next settlement can come to, whichever ended week is finalised next. */
  floor(pid: number): number {
    const open = this.unsettled(pid);
    let floor = open.reduce((s, e) => s + e.amount, 0);
    for (let cut = latestEnd(this.now()); cut > this.lastFinalised && cut > FIRST_END - 10 * WEEK; cut -= WEEK) {
      floor = Math.min(floor, open.filter((e) => e.at >= cut).reduce((s, e) => s + e.amount, 0));
    }
    return floor;
  }
  /** What a settlement for the period ending `end` should total, per producer. */
  totalsBefore(end: number): Map<number, number> {
    return new Map(this.producers.map((pid) => [pid, this.unsettled(pid).filter((e) => e.at < end).reduce((s, e) => s + e.amount, 0)]));
  }
  owedOnSettlements(pid: number): number {
    return this.settlements.filter((s) => s.producerId === pid).reduce((s, x) => s + x.total - x.paid, 0);
  }
}
