import { addDays, daysBetween, isoWeekday, type LocalDate } from './time';

/**
 * What sells (SPEC §13, issue #17): a producer's goods week by week, and the
 * "Pesan ulang" (reorder) suggestion. Pure: the core turns stock movements and
 * return lines into `InsightEvent`s with store-local dates and calls these.
 *
 * Integer-safe: units are integers, percentages are basis points (10000 = 100%),
 * rates are hundredths of a unit per day. Every division states its rounding.
 */

export type ReturnReason = 'unsold' | 'expired' | 'damaged';

/**
 * One thing that moved a product's units, on a store-local date.
 * - `delivered`: an intake line (+units on the shelf);
 * - `sold`: units out through the till; a void or a restocked refund is a
 *   `sold` event with a NEGATIVE quantity (the units came back);
 * - `returned`: units handed back to the producer, with the reason;
 * - `shrinkage`: a stock count's shortfall (negative when the count found more).
 */
export type InsightEvent =
  | { date: LocalDate; kind: 'delivered' | 'sold' | 'shrinkage'; quantity: number }
  | { date: LocalDate; kind: 'returned'; quantity: number; reason: ReturnReason };

export interface WeekFacts {
  /** Monday of the week (store-local). */
  weekStart: LocalDate;
  /** Days of the week inside the window (7, or fewer for the running week). */
  days: number;
  delivered: number;
  sold: number;
  returned: Record<ReturnReason, number>;
  shrinkage: number;
  onHandStart: number;
  onHandEnd: number;
  /** Units sold per ISO weekday, index 0 = Monday … 6 = Sunday. */
  soldByWeekday: number[];
  /** sold ÷ (on hand at start + delivered), basis points, rounded down, clamped to 0–10000; null when nothing was available. */
  sellThroughBps: number | null;
  /** (expired + damaged returns) ÷ delivered, basis points, rounded down; null in a week with no delivery. */
  wasteBps: number | null;
}

/** Monday of the ISO week a local date falls in. */
export function weekStartOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** floor(a × 10000 ÷ b) for non-negative integers, or null when b ≤ 0. */
export function ratioBps(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.floor((Math.max(0, part) * 10_000) / whole);
}

/** Sell-through in basis points (rounded down, never above 100%: a sale of stock the shop never booked in does not count twice). */
export function sellThroughBps(sold: number, onHandStart: number, delivered: number): number | null {
  const available = Math.max(0, onHandStart) + delivered;
  const bps = ratioBps(sold, available);
  return bps === null ? null : Math.min(10_000, bps);
}

/** Waste in basis points (rounded down): what came back expired or damaged for each unit delivered. */
export function wasteBps(expired: number, damaged: number, delivered: number): number | null {
  return ratioBps(expired + damaged, delivered);
}

/** Units per day in hundredths (1250 = 12.5 a day), rounded half up; 0 for an empty window. */
export function perDayCenti(units: number, days: number): number {
  if (days <= 0) return 0;
  return Math.floor((Math.max(0, units) * 200 + days) / (2 * days));
}

/** Whole days the stock on hand lasts at `rateCenti` (rounded down); null when nothing sells (it lasts for ever). */
export function daysOfStockLeft(onHand: number, rateCenti: number): number | null {
  if (rateCenti <= 0) return null;
  return Math.floor((Math.max(0, onHand) * 100) / rateCenti);
}

/** Units in = units out: delivered = sold + returned + shrinkage + (on hand at end − on hand at start). */
export function balances(w: Pick<WeekFacts, 'delivered' | 'sold' | 'returned' | 'shrinkage' | 'onHandStart' | 'onHandEnd'>): boolean {
  const returned = w.returned.unsold + w.returned.expired + w.returned.damaged;
  return w.delivered === w.sold + returned + w.shrinkage + (w.onHandEnd - w.onHandStart);
}

function delta(e: InsightEvent): number {
  return e.kind === 'delivered' ? e.quantity : -e.quantity;
}

/**
 * Buckets a product's events into the ISO weeks from `firstWeek` (a Monday) to
 * the week holding `today`, inclusive. `onHandBefore` is the stock at the start
 * of `firstWeek`; events before it or after `today` are ignored (the caller
 * counts earlier ones into `onHandBefore`).
 */
export function weeklyFacts(events: readonly InsightEvent[], firstWeek: LocalDate, today: LocalDate, onHandBefore: number): WeekFacts[] {
  const weeks: WeekFacts[] = [];
  for (let start = firstWeek; start <= today; start = addDays(start, 7)) {
    weeks.push({
      weekStart: start,
      days: Math.min(7, daysBetween(start, today) + 1),
      delivered: 0,
      sold: 0,
      returned: { unsold: 0, expired: 0, damaged: 0 },
      shrinkage: 0,
      onHandStart: 0,
      onHandEnd: 0,
      soldByWeekday: [0, 0, 0, 0, 0, 0, 0],
      sellThroughBps: null,
      wasteBps: null,
    });
  }
  // Each date's week and weekday, worked out once: a window has at most 84 dates but thousands of events.
  const place = new Map<LocalDate, [week: WeekFacts, weekday: number]>();
  for (const e of events) {
    if (e.date < firstWeek || e.date > today) continue;
    let p = place.get(e.date);
    if (!p) place.set(e.date, (p = [weeks[Math.floor(daysBetween(firstWeek, e.date) / 7)]!, isoWeekday(e.date) - 1]));
    const [w, weekday] = p;
    if (e.kind === 'delivered') w.delivered += e.quantity;
    else if (e.kind === 'sold') {
      w.sold += e.quantity;
      w.soldByWeekday[weekday]! += e.quantity;
    } else if (e.kind === 'returned') w.returned[e.reason] += e.quantity;
    else w.shrinkage += e.quantity;
    w.onHandEnd += delta(e);
  }
  let onHand = onHandBefore;
  for (const w of weeks) {
    w.onHandStart = onHand;
    w.onHandEnd += onHand;
    onHand = w.onHandEnd;
    w.sellThroughBps = sellThroughBps(w.sold, w.onHandStart, w.delivered);
    w.wasteBps = wasteBps(w.returned.expired, w.returned.damaged, w.delivered);
  }
  return weeks;
}

export interface InsightTotals {
  days: number;
  delivered: number;
  sold: number;
  returned: Record<ReturnReason, number>;
  shrinkage: number;
  onHandStart: number;
  onHandEnd: number;
  soldByWeekday: number[];
  /** Average units sold on each weekday (hundredths, half up), over the weekdays the window holds. */
  perWeekdayCenti: number[];
  perDayCenti: number;
  /** The current rate: units a day over the last RATE_WEEKS weeks of the window (the running one counts its days so far). */
  recentPerDayCenti: number;
  sellThroughBps: number | null;
  wasteBps: number | null;
  /** On hand at the end ÷ the current rate (rounded down). */
  daysOfStockLeft: number | null;
}

/** The current sales rate is the last four weeks' (the reorder list uses the same window). */
export const RATE_WEEKS = 4;

/** The window's totals: the sums of its weeks, with the ratios computed on the sums (not averaged). */
export function totalsOf(weeks: readonly WeekFacts[]): InsightTotals {
  const sum = (f: (w: WeekFacts) => number) => weeks.reduce((a, w) => a + f(w), 0);
  const days = sum((w) => w.days);
  const delivered = sum((w) => w.delivered);
  const sold = sum((w) => w.sold);
  const returned = { unsold: sum((w) => w.returned.unsold), expired: sum((w) => w.returned.expired), damaged: sum((w) => w.returned.damaged) };
  const onHandStart = weeks[0]?.onHandStart ?? 0;
  const onHandEnd = weeks.at(-1)?.onHandEnd ?? 0;
  const soldByWeekday = [0, 1, 2, 3, 4, 5, 6].map((d) => sum((w) => w.soldByWeekday[d]!));
  // How many of each weekday the window holds: a full week has one of each; the running week only its first `days`.
  const weekdayCount = [0, 1, 2, 3, 4, 5, 6].map((d) => weeks.filter((w) => w.days > d).length);
  const rate = perDayCenti(sold, days);
  const recent = weeks.slice(-RATE_WEEKS);
  const recentRate = perDayCenti(
    recent.reduce((a, w) => a + w.sold, 0),
    recent.reduce((a, w) => a + w.days, 0),
  );
  return {
    days,
    delivered,
    sold,
    returned,
    shrinkage: sum((w) => w.shrinkage),
    onHandStart,
    onHandEnd,
    soldByWeekday,
    perWeekdayCenti: soldByWeekday.map((s, d) => perDayCenti(s, weekdayCount[d]!)),
    perDayCenti: rate,
    recentPerDayCenti: recentRate,
    sellThroughBps: sellThroughBps(sold, onHandStart, delivered),
    wasteBps: wasteBps(returned.expired, returned.damaged, delivered),
    daysOfStockLeft: daysOfStockLeft(onHandEnd, recentRate),
  };
}

/** When a producer has fewer than two delivery days on record, assume they come weekly. */
export const DEFAULT_DELIVERY_INTERVAL_DAYS = 7;
/** Safety margin on top of the expected sales, basis points of them (rounded up). */
export const SAFETY_MARGIN_BPS = 2_500;

/**
 * The producer's delivery interval in days: the median gap between their
 * distinct delivery dates (the lower middle one for an even count), so one
 * late delivery does not move it. Null with fewer than two delivery dates.
 */
export function deliveryIntervalDays(deliveryDates: readonly LocalDate[]): number | null {
  const dates = [...new Set(deliveryDates)].sort();
  if (dates.length < 2) return null;
  // Each date read once (five years of a producer's deliveries are hundreds of dates): its day number, then the gaps.
  // (A date-only ISO string parses as UTC midnight: its day number, without building the parts. The dates are the
  // app's own local dates, already valid; a malformed one would give NaN and is refused below.)
  const dayNumbers = dates.map((d) => Date.parse(d) / 86_400_000);
  if (dayNumbers.some((n) => !Number.isInteger(n))) throw new RangeError(`Not a local date among ${dates.join(', ')}`);
  const gaps = dayNumbers.slice(1).map((n, i) => n - dayNumbers[i]!).sort((a, b) => a - b);
  return gaps[Math.floor((gaps.length - 1) / 2)]!;
}

export interface ReorderInput {
  onHand: number;
  /** Current sales rate, hundredths of a unit a day. */
  rateCenti: number;
  intervalDays: number;
  perishable: boolean;
  /** Perishables: sell-through over the recent window, to cap the suggestion by what actually sold. */
  recentSellThroughBps: number | null;
  /** Perishables: units in the producer's typical (last) delivery of this product. */
  lastDelivered: number;
}

export interface ReorderSuggestion {
  daysOfStockLeft: number | null;
  runningLow: boolean;
  /** Units expected to sell until the next delivery (rate × interval, rounded up). */
  expected: number;
  /** SAFETY_MARGIN_BPS of `expected`, rounded up. */
  safety: number;
  /** For perishables: last delivery × recent sell-through (rounded down); null otherwise. */
  perishableCap: number | null;
  quantity: number;
}

/**
 * The reorder suggestion: running low when the stock lasts fewer days than the
 * gap to the next delivery; quantity = expected sales until then + safety − on
 * hand (never below 0). A perishable never gets more than its last delivery
 * times the share of it that recently sold, so a product that mostly expires
 * is not asked for in the same amount again.
 */
export function reorderSuggestion(input: ReorderInput): ReorderSuggestion {
  const left = daysOfStockLeft(input.onHand, input.rateCenti);
  const runningLow = input.rateCenti > 0 && left !== null && left < input.intervalDays;
  const expected = Math.ceil((input.rateCenti * input.intervalDays) / 100);
  const safety = Math.ceil((expected * SAFETY_MARGIN_BPS) / 10_000);
  let quantity = Math.max(0, expected + safety - Math.max(0, input.onHand));
  let perishableCap: number | null = null;
  if (input.perishable) {
    perishableCap = Math.floor((input.lastDelivered * (input.recentSellThroughBps ?? 0)) / 10_000);
    quantity = Math.min(quantity, perishableCap);
  }
  return { daysOfStockLeft: left, runningLow, expected, safety, perishableCap, quantity };
}

/**
 * The shop's categories for "best sellers and slow movers". The catalogue has
 * no category field (SPEC §2), so goods are grouped the way consignment treats
 * them: perishables (they come back expired) and goods that keep.
 */
export type ShopCategory = 'perishable' | 'keeps';

export interface RankedProduct {
  productId: number;
  name: string;
  producerId: number;
  producerShortName: string;
  category: ShopCategory;
  delivered: number;
  sold: number;
  onHandStart: number;
  onHandEnd: number;
  /** Units sold a day over the window, hundredths. */
  perDayCenti: number;
  sellThroughBps: number | null;
  wasteBps: number | null;
}

export interface ShopCategoryRanking {
  category: ShopCategory;
  /** Products in the category that had stock in the window (the ranked ones). */
  ranked: number;
  /** Fastest first: units a day, then sell-through, then name. */
  best: RankedProduct[];
  /** Slowest first: sell-through, then units a day, then name; never one already among `best`. */
  slow: RankedProduct[];
}

/** Compare two products by how they sell: units a day, then sell-through (none counts as 0), then name and id (for a stable order). */
function fasterFirst(a: RankedProduct, b: RankedProduct): number {
  return (
    b.perDayCenti - a.perDayCenti ||
    (b.sellThroughBps ?? 0) - (a.sellThroughBps ?? 0) ||
    a.name.localeCompare(b.name) ||
    a.productId - b.productId
  );
}

/** Slow movers first: the lowest sell-through (none counts as 0), then the fewest units a day, then name and id. */
function slowerFirst(a: RankedProduct, b: RankedProduct): number {
  return (a.sellThroughBps ?? 0) - (b.sellThroughBps ?? 0) || a.perDayCenti - b.perDayCenti || a.name.localeCompare(b.name) || a.productId - b.productId;
}

/**
 * Best sellers and slow movers per category: only products that had anything
 * on the shelf in the window are ranked (nothing available is not "slow");
 * up to `limit` of each: best sellers by units a day, at most the faster half
 * (rounded up); slow movers from the rest by sell-through, so no product is
 * named as both and a product that sells out is not called slow for coming in small lots. Categories in a fixed order
 * (perishable first); an empty category is left out.
 */
export function rankByCategory(products: readonly RankedProduct[], limit: number): ShopCategoryRanking[] {
  const out: ShopCategoryRanking[] = [];
  for (const category of ['perishable', 'keeps'] as const) {
    const stocked = products.filter((p) => p.category === category && (p.delivered > 0 || p.onHandStart > 0)).sort(fasterFirst);
    if (stocked.length === 0) continue;
    // A small category is split in two: the faster half (rounded up) are its best sellers, the rest its slow movers.
    const best = stocked.slice(0, Math.min(limit, Math.ceil(stocked.length / 2)));
    // Slow movers by sell-through: a product that sells all it is brought is not slow, however few units that are.
    const slow = stocked.slice(best.length).sort(slowerFirst).slice(0, limit);
    out.push({ category, ranked: stocked.length, best, slow });
  }
  return out;
}
