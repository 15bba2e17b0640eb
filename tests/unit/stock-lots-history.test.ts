/**
 * Issue #14 finding: `lotsOnShelf` carries state across moments when the level is
 * exactly 0, so a replay cannot simply restart at the last empty shelf.
 * (1) units that came 'back' beyond every lot are dropped and later leave as
 *     unrecorded debt, which the next delivery covers;
 * (2) a unit coming 'back' returns to the lot it last left from, however old.
 * These pin the rule the expiry list must keep (see electron/core/stock/expiry.ts).
 */
import { describe, expect, it } from 'vitest';
import { lotsOnShelf, type ShelfEvent } from '../../shared/domain/stockLots';

const lot = (id: number, quantity: number, expiryDate: string | null = '2026-11-20'): ShelfEvent => ({ kind: 'delivered', lot: { id, quantity, expiryDate } });

describe('lotsOnShelf after a moment with the level at 0', () => {
  it('a debt from units counted in without a lot is covered by the next delivery', () => {
    // level: +5 (no lot) → 0 → +5: the same level path as "nothing, then deliver 5"
    const withHistory = lotsOnShelf([{ kind: 'back', quantity: 5 }, { kind: 'left', quantity: 5 }, lot(1, 5)]);
    const fromEmpty = lotsOnShelf([lot(1, 5)]);
    expect(withHistory.get(1)).toBe(0);
    expect(fromEmpty.get(1)).toBe(5);
  });

  it('a unit coming back after the shelf was empty returns to the lot it left from', () => {
    const withHistory = lotsOnShelf([lot(9, 5, '2026-10-01'), { kind: 'left', quantity: 5 }, { kind: 'back', quantity: 2 }]);
    expect(withHistory.get(9)).toBe(2); // the old (expired) lot is on the shelf again
    expect(lotsOnShelf([{ kind: 'back', quantity: 2 }]).size).toBe(0); // a replay from the empty moment would miss it
  });
});
