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

/*
 * The same fold, one event at a time, over a state kept somewhere (issue #14):
 * in memory to replay a history, or in the database tables of migration 0020
 * to move the kept state along with each stock movement. `lotsOnShelf` above
 * stays the reference; the property tests compare the two after every step.
 *
 * The state is what `lotsOnShelf` carries between events:
 * - each delivered lot: its units left, its expiry date and its place in the
 *   delivery order (`order`: any number that grows with the delivery order —
 *   the kept state uses the id of the movement that delivered it);
 * - the shelf: the lots with units left, leaving first by expiry date (none
 *   last), then delivery order — so it needs no storage of its own;
 * - what left, newest last, as runs: two takes in a row from the same lot are
 *   one run (a unit coming back goes to the newest run's lot either way);
 * - the units that left beyond the recorded stock (`unrecorded`).
 */
export interface LotFoldStore {
  unrecorded: number;
  /** A lot delivered, with `left` units on the shelf (0 when the whole lot covered units already sold). */
  deliver(lot: ShelfLot, order: number, left: number): void;
  /** The lot to leave first among those with units left. */
  firstOnShelf(): { id: number; left: number } | undefined;
  leftOf(lotId: number): number;
  setLeft(lotId: number, left: number): void;
  /** The newest run of what left. */
  topTaken(): { lotId: number; quantity: number } | undefined;
  /** Adds a take: to the newest run when it is the same lot's, else as a new run. */
  pushTaken(lotId: number, quantity: number): void;
  /** Shrinks the newest run to `quantity`; 0 removes it. */
  setTopTaken(quantity: number): void;
}

/** Moves the state by one event, exactly as `lotsOnShelf` does. `order`: the delivery's place (see LotFoldStore). */
export function foldShelfEvent(s: LotFoldStore, e: ShelfEvent, order: number): void {
  if (e.kind === 'delivered') {
    const cover = Math.min(s.unrecorded, e.lot.quantity);
    if (cover > 0) s.unrecorded -= cover;
    s.deliver(e.lot, order, e.lot.quantity - cover);
  } else if (e.kind === 'left') {
    let q = e.quantity;
    while (q > 0) {
      const first = s.firstOnShelf();
      if (!first) break;
      const take = Math.min(q, first.left);
      s.setLeft(first.id, first.left - take);
      s.pushTaken(first.id, take);
      q -= take;
    }
    if (q > 0) s.unrecorded += q;
  } else {
    let q = e.quantity;
    const fromUnrecorded = Math.min(q, s.unrecorded);
    if (fromUnrecorded > 0) s.unrecorded -= fromUnrecorded;
    q -= fromUnrecorded;
    while (q > 0) {
      const top = s.topTaken();
      if (!top) break;
      const give = Math.min(q, top.quantity);
      s.setTopTaken(top.quantity - give);
      s.setLeft(top.lotId, s.leftOf(top.lotId) + give);
      q -= give;
    }
  }
}

export interface KeptLot {
  id: number;
  expiryDate: LocalDate | null;
  order: number;
  left: number;
}

/** The fold's state in memory: to replay a whole history (the backfill, the check), or to read a kept state back. */
export class MemoryLotStore implements LotFoldStore {
  unrecorded = 0;
  readonly lots = new Map<number, KeptLot>();
  readonly taken: { lotId: number; quantity: number }[] = [];
  private readonly shelf: KeptLot[] = [];

  private static leavesFirst(a: KeptLot, b: KeptLot): number {
    if (a.expiryDate !== b.expiryDate) {
      if (a.expiryDate === null) return 1;
      if (b.expiryDate === null) return -1;
      return a.expiryDate < b.expiryDate ? -1 : 1;
    }
    return a.order - b.order;
  }

  private put(lot: KeptLot): void {
    let i = 0;
    while (i < this.shelf.length && MemoryLotStore.leavesFirst(this.shelf[i]!, lot) <= 0) i++;
    this.shelf.splice(i, 0, lot);
  }

  deliver(lot: ShelfLot, order: number, left: number): void {
    const kept = { id: lot.id, expiryDate: lot.expiryDate, order, left };
    this.lots.set(lot.id, kept);
    if (left > 0) this.put(kept);
  }
  firstOnShelf(): { id: number; left: number } | undefined {
    const first = this.shelf[0];
    return first && { id: first.id, left: first.left };
  }
  leftOf(lotId: number): number {
    return this.lots.get(lotId)?.left ?? 0;
  }
  setLeft(lotId: number, left: number): void {
    const lot = this.lots.get(lotId)!;
    const wasOn = lot.left > 0;
    lot.left = left;
    if (wasOn && left === 0) this.shelf.splice(this.shelf.indexOf(lot), 1);
    else if (!wasOn && left > 0) this.put(lot);
  }
  topTaken(): { lotId: number; quantity: number } | undefined {
    const top = this.taken.at(-1);
    return top && { ...top };
  }
  pushTaken(lotId: number, quantity: number): void {
    const top = this.taken.at(-1);
    if (top && top.lotId === lotId) top.quantity += quantity;
    else this.taken.push({ lotId, quantity });
  }
  setTopTaken(quantity: number): void {
    if (quantity === 0) this.taken.pop();
    else this.taken.at(-1)!.quantity = quantity;
  }
}
