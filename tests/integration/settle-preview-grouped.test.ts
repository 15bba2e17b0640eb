/** The preview read grouped in SQLite gives exactly the items and totals of the entries themselves. */
import { describe, expect, it } from 'vitest';
import { buildPreview } from '../../electron/core/settlement/preview';
import { periodRule } from '../../electron/core/settlement/common';
import { recentEndedPeriods } from '../../shared/domain/settlement';
import { appendLedgerEntry } from '../../electron/core/ledger/chain';
import { makeTestCore, TestClock } from '../helpers/core';

const strip = ({ entryIds: _i, entrySeqs: _s, ...rest }: ReturnType<typeof buildPreview>) => rest;

describe('grouped preview', () => {
  it('matches the entry-by-entry preview for every ended week of the demo store, and for odd entries', () => {
    const t = makeTestCore({ clock: new TestClock('2026-11-28T05:00:00.000Z') });
    t.ok('setup.complete', { mode: 'demo', storeName: 'Toko Demo' });
    const db = t.core.db!;
    // Entries the demo may lack: a sale whose share does not divide by its units, one without a product, a refund without units.
    const producer = t.ok('producers.list', {}).rows[0]!;
    const product = t.ok('products.list', { producerId: producer.id }).rows[0]!;
    db.transaction(() => {
      const at = '2026-11-24T03:00:00.000Z';
      appendLedgerEntry(db, { producerId: producer.id, kind: 'sale', amount: 1001, quantity: 3, productId: product.id, occurredAt: at, refType: 'sale', refId: 'x1' });
      appendLedgerEntry(db, { producerId: producer.id, kind: 'sale', amount: 999, quantity: 3, productId: product.id, occurredAt: at, refType: 'sale', refId: 'x2' });
      appendLedgerEntry(db, { producerId: producer.id, kind: 'sale', amount: 500, quantity: 1, productId: null, occurredAt: at, refType: 'sale', refId: 'x3' });
      appendLedgerEntry(db, { producerId: producer.id, kind: 'refund', amount: -200, quantity: null, productId: product.id, occurredAt: at, refType: 'refund', refId: 'x4' });
      appendLedgerEntry(db, { producerId: producer.id, kind: 'shrinkage', amount: 300, quantity: 1, productId: product.id, occurredAt: at, refType: 'count', refId: 'x5' });
    })();
    const rule = periodRule(db);
    const now = t.clock.now().toISOString();
    let compared = 0;
    for (const day of [...recentEndedPeriods(now, rule, 8), '2026-11-29', '2026-12-06']) {
      const later = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000 * 2).toISOString();
      const when = later > now ? later : now;
      const a = strip(buildPreview(db, when, rule, day, false));
      const b = strip(buildPreview(db, when, rule, day, true));
      expect(b).toEqual(a);
      compared += a.producers.reduce((n, p) => n + p.entryCount, 0);
    }
    expect(compared).toBeGreaterThan(100);
    t.close();
  });
});
