/**
 * Issue #14: the one-event-at-a-time fold (`foldShelfEvent`, the step the kept
 * lots of migration 0020 take with each movement) gives exactly what the whole
 * replay `lotsOnShelf` gives, after every event of 400 seeded random histories
 * dense in the corner cases: units back beyond every lot, units leaving beyond
 * the shelf (a debt the next delivery covers), lots sharing an expiry date,
 * lots without one, a unit coming back to a lot emptied long ago.
 */
import { describe, expect, it } from 'vitest';
import { foldShelfEvent, lotsOnShelf, MemoryLotStore, type ShelfEvent } from '../../shared/domain/stockLots';
import { Rng } from '../bench/prng';

function randomEvents(rng: Rng): ShelfEvent[] {
  const events: ShelfEvent[] = [];
  let lotId = 0;
  for (let i = rng.int(1, 60); i > 0; i--) {
    const roll = rng.int(0, 9);
    if (roll < 3) {
      const dates = [null, '2026-11-20', '2026-11-21', '2026-11-25'];
      events.push({ kind: 'delivered', lot: { id: ++lotId, quantity: rng.int(1, 10), expiryDate: dates[rng.int(0, dates.length - 1)]! } });
    } else if (roll < 7) events.push({ kind: 'left', quantity: rng.int(1, 12) });
    else events.push({ kind: 'back', quantity: rng.int(1, 8) });
  }
  return events;
}

describe('foldShelfEvent', () => {
  it('equals lotsOnShelf after every event of 400 random histories', () => {
    let compared = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const events = randomEvents(new Rng(seed));
      const store = new MemoryLotStore();
      events.forEach((e, i) => {
        foldShelfEvent(store, e, i + 1);
        const kept = new Map([...store.lots.values()].map((l) => [l.id, l.left]));
        expect(kept, `seed ${seed} event ${i}`).toEqual(lotsOnShelf(events.slice(0, i + 1)));
        compared++;
      });
      // what left is kept as runs: two in a row never name the same lot
      store.taken.forEach((run, i) => expect(i === 0 || store.taken[i - 1]!.lotId !== run.lotId).toBe(true));
    }
    expect(compared).toBeGreaterThan(5000);
  });
});
