import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, TestClock, type TestCore } from '../helpers/core';
import type { CoreContext } from '../../electron/core/context';
import { QUIET_JOB } from '../../electron/core/runtime/jobs';
import { DEMO_PRODUCERS, DEMO_WEEKS, demoCatalogue, seedDemoStore } from '../../electron/core/demo/seed';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ clock: new TestClock('2026-11-28T05:00:00.000Z') });
});
afterEach(() => t.close());

function seed(core: TestCore) {
  const db = core.core.db!;
  const ctx: CoreContext = {
    db,
    now: core.clock.now,
    lang: () => 'id',
    timeZone: () => 'Asia/Jakarta',
    dataDir: core.dataDir,
    shell: 'browser',
    emit: () => undefined,
    job: QUIET_JOB,
    actor: null,
    session: { open: () => '', end: () => undefined },
    durable: (work) => work(db),
  };
  db.transaction(() => seedDemoStore(ctx)).immediate();
}

/** Everything but ids and rows that are the same by construction: the store's content. */
function content(core: TestCore) {
  const db = core.core.db!;
  return ['producers', 'products', 'product_terms', 'intakes', 'intake_lines', 'returns', 'return_lines', 'stock_movements'].map((table) =>
    db.prepare(`SELECT * FROM ${table} ORDER BY id`).all(),
  );
}

describe('demo store', () => {
  it('seeds the KTM Telang producers, products, terms, weekly deliveries and a return, all in the past', () => {
    seed(t);
    const producers = t.ok('producers.list', {}).rows;
    expect(producers.map((p) => p.shortName).sort()).toEqual(DEMO_PRODUCERS.map((p) => p.shortName).sort());
    expect(producers.filter((p) => /Telur Asin/.test(p.name))).toHaveLength(2);
    expect(producers.filter((p) => /Kelanting/.test(p.name))).toHaveLength(2);
    expect(new Set(producers.map((p) => p.payoutMethod))).toEqual(new Set(['cash', 'transfer', 'ewallet']));

    const products = t.ok('products.list', {}).rows;
    expect(products.every((p) => p.shortCode && p.terms && p.tileColor)).toBe(true);
    expect(products.some((p) => p.barcode)).toBe(true);
    expect(products.some((p) => p.perishable)).toBe(true);
    expect(new Set(products.map((p) => p.terms!.mode))).toEqual(new Set(['fixed', 'percent']));
    // The terms change three weeks ago: the boiled egg now sells at Rp 4.500, and its history keeps Rp 4.000.
    const egg = t.ok('products.lookup', { code: '101' })!;
    expect(egg.terms).toMatchObject({ retailPrice: 4500, producerPrice: 3500, effectiveFrom: '2026-11-08' });
    expect(t.ok('terms.history', { productId: egg.id }).map((h) => h.retailPrice)).toEqual([4500, 4000]);

    const intakes = t.ok('intakes.list', { limit: 500 }).rows;
    expect(intakes).toHaveLength(DEMO_WEEKS * DEMO_PRODUCERS.length);
    const now = t.clock.now().toISOString();
    expect(intakes.every((i) => i.at < now)).toBe(true);
    expect(intakes.at(-1)!.number).toBe('TT-000001');
    const returns = t.ok('returns.list', { limit: 100 }).rows;
    // Bu Siti's one return of expired eggs, and the weekly return of the mika pack that mostly expires (issue #17's story):
    // what is left of each delivery goes back at the next, from the second week on.
    expect(returns).toHaveLength(1 + (DEMO_WEEKS - 1));
    for (const r of returns) expect(t.ok('returns.get', { id: r.id }).lines.every((l) => l.reason === 'expired')).toBe(true);
    const firstIntake = t.ok('intakes.get', { id: intakes.at(-1)!.id });
    expect(firstIntake.lines.some((l) => l.expiryDate !== null)).toBe(true);
    // No money moved: no ledger yet, the chain is trivially intact.
    expect(t.ok('ledger.verify', {}).ok).toBe(true);
    // Stock is there, and the eggs show up on the expiry lists.
    expect(t.ok('stock.list', {}).rows.every((r) => r.onHand > 0)).toBe(true);
    const expiry = t.ok('expiry.list', {});
    expect(expiry.producers.some((g) => g.expired.length > 0)).toBe(true);

    const catalogue = demoCatalogue(t.core.db!);
    expect(catalogue).toHaveLength(DEMO_PRODUCERS.length);
    expect(catalogue[0]!.products[0]!.productId).toBe(egg.id);
  });

  it('is deterministic: the same "now" gives the same store', () => {
    seed(t);
    const other = makeTestCore({ clock: new TestClock('2026-11-28T05:00:00.000Z') });
    try {
      seed(other);
      expect(content(other)).toEqual(content(t));
    } finally {
      other.close();
    }
  });
});
