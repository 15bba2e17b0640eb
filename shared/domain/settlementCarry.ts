/**
 * Carrying a negative week forward (SPEC §7). A producer whose week nets below
 * zero (e.g. a refund of last week's sale, after that sale was settled) gets a
 * settlement of Rp 0 payable; the negative amount is carried into their next
 * settlement, which pays that much less. Nothing is written to the ledger for
 * it: the entries stay as they were, so balance = sum of entries holds, and
 * (entries of the week) + carriedIn = totalDue + carriedForward.
 */
export interface CarriedTotals {
  /** The week's own entries summed (may be below zero). */
  weekTotal: number;
  /** Negative amount brought from the producer's previous settlement (≤ 0). */
  carriedIn: number;
  /** What the settlement pays (≥ 0). */
  totalDue: number;
  /** Negative amount passed on to the producer's next settlement (≤ 0). */
  carriedForward: number;
}

export function carryForward(weekTotal: number, carriedIn: number): CarriedTotals {
  const net = weekTotal + Math.min(0, carriedIn);
  return { weekTotal, carriedIn: Math.min(0, carriedIn), totalDue: Math.max(0, net), carriedForward: Math.min(0, net) };
}
