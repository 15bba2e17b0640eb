/**
 * The trust ledger (buku kepercayaan, SPEC §8): how reliably the shop pays its
 * producers. Pure functions over settlements and payouts; used by the report
 * API, the producer trust statement and the payout slip.
 *
 * Ranges: a settlement is IN a range [from, to] (local dates, inclusive) when
 * its DUE DATE lies within it — so a settlement whose period straddles `from`
 * belongs wholly to the range if it falls due inside it, and not at all
 * otherwise — and it exists on the report date (its period ended on or before
 * `asOf`, see evaluateSettlements). `to` defaults to `asOf`, `from` to 83 days
 * earlier (the last 12 weeks, 84 days, report date included). With the default
 * `to`, "not yet due" in a range can only be a settlement due on the report
 * date itself and still open.
 * "All time" = every settlement that exists on the report date.
 * Figure definitions: see trustFigures.ts. Day rules: see trustSettlement.ts.
 */
import { addDays, type LocalDate } from './time';
import { trustFigures, trustTrend, type TrustFigures, type TrustMonth } from './trustFigures';
import { evaluateSettlements, type SettlementTrust, type TrustPayout, type TrustSettlement } from './trustSettlement';
import { asLocalDate, dayDiff, meanTenths, ratioBps } from './trustTime';

export * from './trustSettlement';
export * from './trustFigures';
export { ratioBps, meanTenths, daysPastDue, lastDayOfPeriod } from './trustTime';

export const TRUST_DEFAULT_RANGE_DAYS = 84;

export interface TrustRange {
  from: LocalDate;
  to: LocalDate;
}

export interface TrustReportOptions {
  asOf: LocalDate;
  timeZone: string;
  from?: LocalDate;
  to?: LocalDate;
}

export function defaultTrustRange(asOf: LocalDate): TrustRange {
  return { from: addDays(asOf, -(TRUST_DEFAULT_RANGE_DAYS - 1)), to: asOf };
}

export function resolveTrustRange(o: { asOf: LocalDate; from?: LocalDate; to?: LocalDate }): TrustRange {
  const to = o.to ?? o.asOf;
  const from = o.from ?? addDays(to, -(TRUST_DEFAULT_RANGE_DAYS - 1));
  return { from, to };
}

export const isInRange = (s: SettlementTrust, r: TrustRange): boolean => s.dueDate >= r.from && s.dueDate <= r.to;

export interface ProducerTrustFigures {
  producerId: number;
  range: TrustFigures;
  allTime: TrustFigures;
}

/** A producer the shop is late with now. */
export interface TrustLateNow {
  producerId: number;
  overdueSettlements: number;
  overdueAmount: number;
  /** Due date of the oldest overdue settlement. */
  oldestDueDate: LocalDate;
  /** Days that oldest settlement is overdue, as of the report date. */
  daysOverdue: number;
}

export interface TrustReportData extends TrustRange {
  asOf: LocalDate;
  store: { range: TrustFigures; allTime: TrustFigures; trend: TrustMonth[] };
  producers: ProducerTrustFigures[];
  /** Producers with an overdue settlement, the longest overdue first (then by id). */
  lateNow: TrustLateNow[];
}

function groupByProducer(items: readonly SettlementTrust[]): Map<number, SettlementTrust[]> {
  const map = new Map<number, SettlementTrust[]>();
  for (const s of items) {
    let list = map.get(s.producerId);
    if (!list) map.set(s.producerId, (list = []));
    list.push(s);
  }
  return map;
}

/**
 * Store-wide and per-producer figures. `producerIds` lists producers to show
 * even without settlements (their figures are empty: counts 0, rates null).
 */
export function buildTrustReport(
  settlements: readonly TrustSettlement[],
  payouts: readonly TrustPayout[],
  options: TrustReportOptions & { producerIds?: readonly number[] },
): TrustReportData {
  const { asOf } = options;
  const range = resolveTrustRange(options);
  const all = evaluateSettlements(settlements, payouts, options);
  const inRange = all.filter((s) => isInRange(s, range));
  const byProducer = groupByProducer(all);
  const ids = new Set<number>([...(options.producerIds ?? []), ...byProducer.keys()]);
  const producers = [...ids].sort((a, b) => a - b).map((producerId) => {
    const list = byProducer.get(producerId) ?? [];
    return {
      producerId,
      range: trustFigures(list.filter((s) => isInRange(s, range)), asOf),
      allTime: trustFigures(list, asOf),
    };
  });
  const late = new Map<number, TrustLateNow>();
  for (const s of all) {
    if (s.status !== 'overdue') continue;
    const entry = late.get(s.producerId);
    if (!entry) {
      late.set(s.producerId, { producerId: s.producerId, overdueSettlements: 1, overdueAmount: s.outstanding, oldestDueDate: s.dueDate, daysOverdue: s.daysLate });
    } else {
      entry.overdueSettlements += 1;
      entry.overdueAmount += s.outstanding;
      if (s.dueDate < entry.oldestDueDate) {
        entry.oldestDueDate = s.dueDate;
        entry.daysOverdue = s.daysLate;
      }
    }
  }
  const lateNow = [...late.values()].sort((a, b) => b.daysOverdue - a.daysOverdue || a.producerId - b.producerId);
  return {
    asOf,
    ...range,
    store: { range: trustFigures(inRange, asOf), allTime: trustFigures(all, asOf), trend: trustTrend(inRange, asOf) },
    producers,
    lateNow,
  };
}

export interface ProducerTrustDetailData extends TrustRange {
  asOf: LocalDate;
  producerId: number;
  /** Every settlement of the producer that exists on the report date, by due date. */
  settlements: (SettlementTrust & { inRange: boolean })[];
  range: TrustFigures;
  allTime: TrustFigures;
  /** Monthly trend over the range. */
  trend: TrustMonth[];
}

/** One producer's detail; `settlements`/`payouts` may include other producers (they are filtered). */
export function producerTrustDetail(
  producerId: number,
  settlements: readonly TrustSettlement[],
  payouts: readonly TrustPayout[],
  options: TrustReportOptions,
): ProducerTrustDetailData {
  const range = resolveTrustRange(options);
  const own = settlements.filter((s) => s.producerId === producerId);
  const all = evaluateSettlements(own, payouts, options);
  const inRange = all.filter((s) => isInRange(s, range));
  return {
    asOf: options.asOf,
    ...range,
    producerId,
    settlements: all.map((s) => ({ ...s, inRange: isInRange(s, range) })),
    range: trustFigures(inRange, options.asOf),
    allTime: trustFigures(all, options.asOf),
    trend: trustTrend(inRange, options.asOf),
  };
}

/** The trust summary printed on a payout slip. */
export interface PayoutSlipTrustSummary {
  /** Settlements with an outcome among the last 12 (≤ 12): on time, late or overdue. */
  settlementsCounted: number;
  /** On-time rate over those, basis points; null when none. */
  onTimeRateBps: number | null;
  /** Mean days late over those (on time = 0, overdue = days so far), tenths of a day; null when none. */
  averageDaysLateTenths: number | null;
  /** Settlements of this producer overdue now (all time, not only the last 12). */
  overdueNow: number;
}

export const PAYOUT_SLIP_TRUST_WINDOW = 12;

/**
 * On-time rate and average days late over the producer's LAST 12 settlements
 * that fell due on or before `asOf` and have something to pay (zero-total ones
 * skipped), as of `asOf` (a local date, or an instant converted to the store's
 * local date). Pass one producer's settlements and payouts.
 */
export function payoutSlipTrustSummary(
  settlements: readonly TrustSettlement[],
  payouts: readonly TrustPayout[],
  options: { asOf: string; timeZone: string },
): PayoutSlipTrustSummary {
  const asOf = asLocalDate(options.asOf, options.timeZone);
  const all = evaluateSettlements(settlements, payouts, { asOf, timeZone: options.timeZone });
  const eligible = all.filter((s) => s.status !== 'zeroTotal' && s.dueDate <= asOf);
  const last = eligible.slice(-PAYOUT_SLIP_TRUST_WINDOW);
  let onTime = 0, counted = 0, sumLate = 0;
  for (const s of last) {
    if (s.status === 'notYetDue') continue;
    counted += 1;
    if (s.status === 'onTime') onTime += 1;
    sumLate += s.daysLate;
  }
  return {
    settlementsCounted: counted,
    onTimeRateBps: ratioBps(onTime, counted),
    averageDaysLateTenths: meanTenths(sumLate, counted),
    overdueNow: all.filter((s) => s.status === 'overdue').length,
  };
}

/** `dayDiff` re-exported for the UI's timeline chart. */
export { dayDiff };
/** Formats tenths of a day: 15 → "1,5" (id) / "1.5" (en). */
export function formatTenths(tenths: number, lang: 'id' | 'en'): string {
  const whole = Math.floor(tenths / 10);
  const frac = tenths % 10;
  return `${whole}${lang === 'id' ? ',' : '.'}${frac}`;
}
/** Formats basis points as a percentage with one decimal: 8750 → "87,5%". */
export function formatBps(bps: number, lang: 'id' | 'en'): string {
  const tenths = Math.floor((bps + 5) / 10);
  return `${formatTenths(tenths, lang)}%`;
}
