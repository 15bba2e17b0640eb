/**
 * Which units of each delivered lot are still on the shelf (SPEC §3): units
 * leave in order of expiry — first expired, first out — among the lots that
 * were on the shelf AT THAT MOMENT. So a sale last week never takes from a lot
 * delivered today, and today's delivery shows in the expiring list. Lots
 * without an expiry date leave last; on the same date, the older lot first.
 * Pure: the history is replayed in the order it was recorded.
 */
import type { LocalDate } from './time';

export interface ShelfLot {
  id: number;
  quantity: number;
  expiryDate: LocalDate | null;
}

/** One stock movement of a product, in the order recorded. */
export type ShelfEvent =
  | { kind: 'delivered'; lot: ShelfLot }
  /** Units gone from the shelf: sold, returned to the producer, counted short. */
  | { kind: 'left'; quantity: number }
  /** Units back on the shelf: a refund with restock, a void, a count surplus. */
  | { kind: 'back'; quantity: number };

interface OnShelf {
  lot: ShelfLot;
  order: number;
  left: number;
}

const leavesFirst = (a: OnShelf, b: OnShelf): number => {
  if (a.lot.expiryDate !== b.lot.expiryDate) {
    if (a.lot.expiryDate === null) return 1;
    if (b.lot.expiryDate === null) return -1;
    return a.lot.expiryDate < b.lot.expiryDate ? -1 : 1;
  }
  return a.order - b.order;
};

/** Units remaining per lot id after the events. */
export function lotsOnShelf(events: Iterable<ShelfEvent>): Map<number, number> {
  const remaining = new Map<number, number>();
  const shelf: OnShelf[] = []; // lots with units left, the one to leave first at [0]
  const taken: { entry: OnShelf; quantity: number }[] = []; // what left, newest last (a unit coming back returns to its lot)
  let unrecorded = 0; // units that left beyond the recorded stock (the count was wrong)
  let order = 0;
  const put = (entry: OnShelf) => {
    let i = 0;
    while (i < shelf.length && leavesFirst(shelf[i]!, entry) <= 0) i++;
    shelf.splice(i, 0, entry);
  };
  for (const e of events) {
    if (e.kind === 'delivered') {
      let left = e.lot.quantity;
      const cover = Math.min(unrecorded, left); // a later delivery covers units already sold without a record
      unrecorded -= cover;
      left -= cover;
      const entry = { lot: e.lot, order: order++, left };
      remaining.set(e.lot.id, left);
      if (left > 0) put(entry);
    } else if (e.kind === 'left') {
      let q = e.quantity;
      while (q > 0 && shelf.length > 0) {
        const first = shelf[0]!;
        const take = Math.min(q, first.left);
        first.left -= take;
        q -= take;
        remaining.set(first.lot.id, first.left);
        taken.push({ entry: first, quantity: take });
        if (first.left === 0) shelf.shift();
      }
      unrecorded += q;
    } else {
      let q = e.quantity;
      const fromUnrecorded = Math.min(q, unrecorded);
      unrecorded -= fromUnrecorded;
      q -= fromUnrecorded;
      while (q > 0 && taken.length > 0) {
        const last = taken.at(-1)!;
        const give = Math.min(q, last.quantity);
        last.quantity -= give;
        q -= give;
        if (last.quantity === 0) taken.pop();
        const wasEmpty = last.entry.left === 0;
        last.entry.left += give;
        remaining.set(last.entry.lot.id, last.entry.left);
        if (wasEmpty) put(last.entry);
      }
      // anything beyond: units with no known lot (e.g. a count found more than was delivered)
    }
  }
  return remaining;
}
