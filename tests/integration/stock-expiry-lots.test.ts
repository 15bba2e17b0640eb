/** Issue #10 item 5: units leave in order of expiry, and the expiring list shows what is really on the shelf, lot by lot. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/core';
import { makeProducer, makeProduct } from './catalogue-helpers';

let t: TestCore;
afterEach(() => t?.close());

describe('expiring lots', () => {
  it("shows today's delivery, and the units of an older lot that were not sold before it came", () => {
    t = makeTestCore(); // Monday 2 Nov 2026
    const p = makeProducer(t, 'Keripik Pisang Bu Rini');
    const chips = makeProduct(t, p.id, { name: 'Keripik Pisang Manis', shortCode: '301', perishable: true });
    t.ok('intakes.create', { producerId: p.id, lines: [{ productId: chips.id, quantity: 20, expiryDate: '2026-11-27' }] }); // TT-000001
    t.clock.advanceDays(3);
    // 12 bags leave before anything else arrives: they can only come from the first lot
    t.ok('returns.create', { producerId: p.id, lines: [{ productId: chips.id, quantity: 12, reason: 'damaged' }] });
    t.clock.advanceDays(2); // Saturday 7 Nov: 12 bags delivered today, expiring in 3 days
    t.ok('intakes.create', { producerId: p.id, lines: [{ productId: chips.id, quantity: 12, expiryDate: '2026-11-10' }] }); // TT-000002
    const soon = t.ok('expiry.list', { withinDays: 30 }).producers[0]!.expiringSoon;
    expect(soon.map((b) => [b.intakeNumber, b.expiryDate, b.remaining, b.daysLeft])).toEqual([
      ['TT-000002', '2026-11-10', 12, 3],
      ['TT-000001', '2026-11-27', 8, 20],
    ]);
    // the next 5 sold leave from the lot that expires first: today's
    t.ok('returns.create', { producerId: p.id, lines: [{ productId: chips.id, quantity: 5, reason: 'unsold' }] });
    expect(t.ok('expiry.list', { withinDays: 30 }).producers[0]!.expiringSoon.map((b) => [b.intakeNumber, b.remaining])).toEqual([
      ['TT-000002', 7],
      ['TT-000001', 8],
    ]);
  });
});
