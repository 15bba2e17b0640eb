/**
 * Issue #14: `expiry.list` reads the movements through a covering index (and
 * sorts them by id itself) instead of jumping to the table for every sale.
 * Property: on seeded random histories the report is IDENTICAL to the reference
 * that reads every movement row from the table (`expiryReportReplayAll`).
 * The histories mix deliveries with and without expiry dates (several lots per
 * intake, the same product twice in one intake), sales, oversells, voids and
 * refunds with restock, returns, counts up and down — and movements whose
 * occurred_at is out of step with their id, so index order is not id order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/core';
import { makeProducer, makeProduct } from './catalogue-helpers';
import { Rng } from '../bench/prng';
import { expiryReport, expiryReportReplayAll } from '../../electron/core/stock/expiry';
import type { CoreContext } from '../../electron/core/context';
import { addDays } from '../../shared/domain/time';

let t: TestCore;
afterEach(() => t?.close());

const KINDS = [
  { kind: 'sale', sign: -1 },
  { kind: 'sale', sign: -1 },
  { kind: 'sale', sign: -1 },
  { kind: 'void', sign: 1 },
  { kind: 'refund', sign: 1 },
  { kind: 'return', sign: -1 },
  { kind: 'count', sign: -1 },
  { kind: 'count', sign: 1 },
] as const;

function randomHistory(seed: number): { ctx: CoreContext; producers: number[] } {
  const rng = new Rng(seed);
  t = makeTestCore();
  const db = t.core.db!;
  const ctx = { db, now: t.clock.now, timeZone: () => 'Asia/Jakarta' } as unknown as CoreContext;
  const producers = [makeProducer(t, 'Keripik Bu Rini').id, makeProducer(t, 'Roti Pak Budi').id];
  const products = [
    makeProduct(t, producers[0]!, { name: 'Keripik Pisang', shortCode: '301', perishable: true }),
    makeProduct(t, producers[0]!, { name: 'Keripik Singkong', shortCode: '302', perishable: true }),
    makeProduct(t, producers[1]!, { name: 'Roti Sobek', shortCode: '303', perishable: true }),
    makeProduct(t, producers[1]!, { name: 'Bolu Kukus', shortCode: '304', perishable: false }),
  ];
  const insert = db.prepare('INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (?, ?, ?, ?, ?)');
  const steps = rng.int(20, 90);
  for (let s = 0; s < steps; s++) {
    if (rng.chance(0.25)) {
      const today = t.ok('expiry.list', {}).today;
      const lines = Array.from({ length: rng.int(1, 4) }, () => {
        const p = products[rng.int(0, products.length - 1)]!;
        return { productId: p.id, quantity: rng.int(1, 12), ...(rng.chance(0.75) ? { expiryDate: addDays(today, rng.int(0, 30)) } : p.perishable ? { noExpiryDate: true as const } : {}) };
      });
      const producerId = producers[rng.int(0, 1)]!;
      const own = lines.filter((l) => products.find((p) => p.id === l.productId)!.producerId === producerId);
      if (own.length > 0) t.ok('intakes.create', { producerId, lines: own });
    } else {
      const p = products[rng.int(0, products.length - 1)]!;
      const k = KINDS[rng.int(0, KINDS.length - 1)]!;
      const quantity = k.sign * (rng.chance(0.1) ? rng.int(10, 30) : rng.int(1, 5)); // sometimes more than is on the shelf
      const at = new Date(t.clock.now().getTime() - rng.int(0, 3) * 86_400_000 * (rng.chance(0.3) ? 1 : 0)).toISOString();
      insert.run(p.id, quantity, k.kind, `R${s}`, at);
    }
    if (rng.chance(0.3)) t.clock.advanceDays(rng.int(1, 4));
  }
  return { ctx, producers };
}

describe('expiry list read through the covering index (issue #14)', () => {
  it('gives the same report as the plain replay of every movement, on 30 random histories', () => {
    let shown = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { ctx, producers } = randomHistory(seed);
      for (const input of [{}, { withinDays: 60 }, { withinDays: 0 }, { producerId: producers[1]!, withinDays: 60 }]) {
        const fast = expiryReport(ctx, input);
        expect(fast, `seed ${seed} ${JSON.stringify(input)}`).toEqual(expiryReportReplayAll(ctx, input));
        shown += fast.producers.reduce((n, g) => n + g.expired.length + g.expiringSoon.length, 0);
      }
      t.close();
    }
    expect(shown).toBeGreaterThan(50); // the histories do leave lots on the shelf to compare
  });
});
