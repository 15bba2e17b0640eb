import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/core';
import { UNSETTLED_SQL } from '../../electron/core/settlement/unsettled';
import { checkInvariants, counts, seedProducer, seedProduct, writeEntry } from './settle-helpers';

let t: TestCore;
afterEach(() => t?.close());

function setup() {
  t = makeTestCore(); // Monday 2026-11-02 09:00 Jakarta: the week ending Sunday 1 Nov has ended
  const db = t.core.db!;
  const sari = seedProducer(db, 'Bu Sari');
  const darto = seedProducer(db, 'Pak Darto');
  const idle = seedProducer(db, 'Mbok Idle');
  const gone = seedProducer(db, 'Pak Pensiun', { active: false });
  const late = seedProducer(db, 'Bu Baru', { createdAt: '2026-11-02T01:00:00.000Z' });
  const egg = seedProduct(db, sari, 'Telur asin', 'butir');
  const chips = seedProduct(db, darto, 'Keripik singkong');
  const cake = seedProduct(db, gone, 'Kue lapis', 'pcs');
  // week ending Sunday 1 Nov (Jakarta): ends 2026-11-01T17:00Z
  writeEntry(db, { producerId: sari, kind: 'sale', amount: 8000, at: '2026-10-28T03:00:00.000Z', productId: egg, quantity: 4 });
  writeEntry(db, { producerId: sari, kind: 'sale', amount: 2500, at: '2026-10-29T03:00:00.000Z', productId: egg, quantity: 1 });
  writeEntry(db, { producerId: sari, kind: 'refund', amount: -2000, at: '2026-10-30T03:00:00.000Z', productId: egg, quantity: 1 });
  writeEntry(db, { producerId: sari, kind: 'shrinkage', amount: 2000, at: '2026-10-31T03:00:00.000Z', productId: egg, quantity: 1 });
  writeEntry(db, { producerId: sari, kind: 'deduction', amount: -500, at: '2026-11-01T16:59:59.999Z', reason: 'Plastik' });
  writeEntry(db, { producerId: darto, kind: 'sale', amount: 12_000, at: '2026-10-27T03:00:00.000Z', productId: chips, quantity: 3 });
  writeEntry(db, { producerId: darto, kind: 'adjustment', amount: -1000, at: '2026-10-27T04:00:00.000Z', reason: 'Salah harga' });
  writeEntry(db, { producerId: gone, kind: 'sale', amount: 3000, at: '2026-10-27T03:00:00.000Z', productId: cake, quantity: 1 });
  // after the period end: belongs to the next week
  writeEntry(db, { producerId: sari, kind: 'sale', amount: 2000, at: '2026-11-01T17:00:00.000Z', productId: egg, quantity: 1 });
  return { db, sari, darto, idle, gone, late, egg };
}

describe('settlement preview', () => {
  it('itemises every unsettled entry before the period end, per producer, and writes nothing', () => {
    const { db, sari, darto, idle, gone, late } = setup();
    const before = counts(db);
    const p = t.ok('settlements.preview', {});
    expect(p).toMatchObject({ periodEnd: '2026-11-01', periodEndInstant: '2026-11-01T17:00:00.000Z', dueDate: '2026-11-03', ended: true, finalised: false });
    const ids = p.producers.map((x) => x.producer.id);
    expect(ids).toContain(idle); // active, nothing sold: still settled (zero)
    expect(ids).toContain(gone); // inactive but owed
    expect(ids).not.toContain(late); // did not exist in the period
    const s = p.producers.find((x) => x.producer.id === sari)!;
    expect(s.products).toHaveLength(1);
    expect(s.products[0]).toMatchObject({ productName: 'Telur asin', unitsSold: 5, unitsRefunded: 1, salesShare: 10_500, refundShare: -2000 });
    expect(s.products[0]!.saleRows).toEqual([
      { sharePerUnit: 2500, units: 1, subtotal: 2500 },
      { sharePerUnit: 2000, units: 4, subtotal: 8000 },
    ]);
    expect(s.shrinkageTotal).toBe(2000);
    expect(s.deductions.map((d) => [d.reason, d.amount])).toEqual([['Plastik', -500]]);
    expect(s.totalDue).toBe(10_000);
    expect(p.producers.find((x) => x.producer.id === darto)!.totalDue).toBe(11_000);
    expect(p.producers.find((x) => x.producer.id === idle)!.totalDue).toBe(0);
    expect(p.grandTotal).toBe(10_000 + 11_000 + 3000);
    expect(counts(db)).toEqual(before);
    // an earlier week shows only what happened before its end
    const earlier = t.ok('settlements.preview', { periodEnd: '2026-10-25' });
    expect(earlier.grandTotal).toBe(0);
    expect(t.err('settlements.preview', { periodEnd: '2026-11-02' })).toMatchObject({ code: 'VALIDATION', field: 'periodEnd' });
  });

  it('uses the (producer, seq) index from the cursor, not a scan of the ledger', () => {
    const { db } = setup();
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${UNSETTLED_SQL}`).all(1, 0, '2026-11-01T17:00:00.000Z', 0) as { detail: string }[]).map((r) => r.detail);
    expect(plan.some((d) => /SEARCH le USING INDEX sqlite_autoindex_ledger_entries_1 \(producer_id=\? AND seq>\?\)/.test(d))).toBe(true);
    expect(plan.some((d) => /SCAN le\b/.test(d))).toBe(false);
  });
});

describe('settlement finalise', () => {
  it('creates one numbered, immutable settlement per producer, zero totals included', () => {
    const { db, sari, idle, egg } = setup();
    const head = t.ok('ledger.chainCode', { producerId: sari });
    t.clock.set('2026-11-02T03:00:00.000Z');
    const r = t.ok('settlements.finalize', { periodEnd: '2026-11-01', approval: t.manager() });
    expect(r.settlements.map((s) => s.number)).toEqual(['ST-000001', 'ST-000002', 'ST-000003', 'ST-000004']);
    const s = r.settlements.find((x) => x.producer.id === sari)!;
    expect(s).toMatchObject({ totalDue: 10_000, dueDate: '2026-11-03', periodEnd: '2026-11-01', periodStart: null, state: 'unpaid', remaining: 10_000 });
    expect(r.settlements.find((x) => x.producer.id === idle)!).toMatchObject({ totalDue: 0, state: 'paid' });
    const row = db.prepare('SELECT chain_head FROM settlements WHERE id = ?').get(s.id) as { chain_head: string };
    expect(row.chain_head).toBe(head.head);
    expect((db.prepare('SELECT COUNT(*) AS n FROM settlement_entries WHERE settlement_id = ?').get(s.id) as { n: number }).n).toBe(5);
    expect(db.prepare("SELECT 1 FROM audit_log WHERE action = 'settlement.finalize'").get()).toBeTruthy();
    expect(() => db.prepare('UPDATE settlements SET total_due = 1').run()).toThrow(/never change/);
    expect(() => db.prepare('DELETE FROM settlement_cursors').run()).toThrow(/never change/);
    checkInvariants(t);

    // finalising twice is refused, and so is an earlier week now
    const before = counts(db);
    expect(t.err('settlements.finalize', { periodEnd: '2026-11-01', approval: t.manager() }).code).toBe('CONFLICT');
    expect(t.err('settlements.finalize', { periodEnd: '2026-10-25', approval: t.manager() }).code).toBe('CONFLICT');
    expect(counts(db)).toEqual(before);

    // a late correction dated in the settled week lands in the next settlement
    writeEntry(db, { producerId: sari, kind: 'adjustment', amount: 300, at: '2026-10-30T05:00:00.000Z', reason: 'terlambat dicatat' });
    t.clock.set('2026-11-09T02:00:00.000Z');
    const next = t.ok('settlements.preview', {});
    const sNext = next.producers.find((x) => x.producer.id === sari)!;
    expect(sNext.totalDue).toBe(2300);
    expect(sNext.periodStart).toBe('2026-11-01T17:00:00.000Z');
    const r2 = t.ok('settlements.finalize', { periodEnd: '2026-11-08', approval: t.manager() });
    expect(r2.settlements.map((x) => x.number)[0]).toBe('ST-000005');
    expect(r2.settlements.find((x) => x.producer.id === sari)!.totalDue).toBe(2300);
    // the settled week's settlement did not change
    expect(t.ok('settlements.get', { id: s.id }).totalDue).toBe(10_000);
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 2000, at: '2026-11-10T01:00:00.000Z', productId: egg, quantity: 1 });
    checkInvariants(t);
  });

  it('settles an entry written out of time order once, and leaves a later one for the next week', () => {
    const { db, sari, egg } = setup();
    // setup wrote a sale after the period end (seq 6); now a back-dated correction inside the week (seq 7)
    writeEntry(db, { producerId: sari, kind: 'adjustment', amount: 100, at: '2026-10-31T01:00:00.000Z', reason: 'tercecer' });
    const fin = t.ok('settlements.finalize', { periodEnd: '2026-11-01', approval: t.manager() });
    expect(fin.settlements.find((s) => s.producer.id === sari)!.totalDue).toBe(10_100);
    const cursor = db.prepare('SELECT through_seq, settled_max_seq FROM settlement_cursors c JOIN settlements s ON s.id = c.settlement_id WHERE s.producer_id = ?').get(sari);
    expect(cursor).toEqual({ through_seq: 5, settled_max_seq: 7 });
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 500, at: '2026-11-03T01:00:00.000Z', productId: egg, quantity: 1 });
    t.clock.set('2026-11-09T02:00:00.000Z');
    const next = t.ok('settlements.finalize', { periodEnd: '2026-11-08', approval: t.manager() });
    expect(next.settlements.find((s) => s.producer.id === sari)!.totalDue).toBe(2500); // the 2 000 sale after the first end + 500
    checkInvariants(t);
  });

  it('refuses an open or future week, a non-period day and a cashier — writing nothing; a negative week carries forward', () => {
    const { db, sari } = setup();
    const before = counts(db);
    const m = t.manager();
    const open = t.err('settlements.finalize', { periodEnd: '2026-11-08', approval: m });
    expect(open).toMatchObject({ code: 'VALIDATION', field: 'periodEnd' });
    expect(open.message).toMatch(/belum selesai/);
    expect(t.err('settlements.finalize', { periodEnd: '2027-01-03', approval: m }).code).toBe('VALIDATION');
    expect(t.err('settlements.finalize', { periodEnd: '2026-11-03', approval: m }).message).toMatch(/Minggu/);
    expect(t.err('settlements.finalize', { periodEnd: '2026-11-01', approval: t.cashier() }).code).toBe('FORBIDDEN');
    expect(t.err('settlements.finalize', { periodEnd: '2026-11-01' }).code).toBe('VALIDATION');
    expect(counts(db).settlements).toBe(before.settlements);
    expect(counts(db).settlement_entries).toBe(0);
    // a refund after the sale was settled, with nothing sold since: the week nets below zero.
    // SPEC §7 (changed): Bu Sari settles at Rp 0 and carries −10 000; nobody else is blocked.
    writeEntry(db, { producerId: sari, kind: 'refund', amount: -20_000, at: '2026-10-31T05:00:00.000Z' });
    const preview = t.ok('settlements.preview', {});
    expect(preview.negative).toEqual([{ producerId: sari, name: 'Bu Sari', total: -10_000 }]);
    const fin = t.ok('settlements.finalize', { periodEnd: '2026-11-01', approval: m });
    expect(fin.settlements.find((s) => s.producer.id === sari)).toMatchObject({ totalDue: 0, carriedForward: -10_000 });
    expect(fin.settlements.filter((s) => s.totalDue > 0).length).toBeGreaterThan(0);
    checkInvariants(t);
  });

  it('uses the store settings for the period end and payment terms', () => {
    const { sari } = setup();
    t.ok('settings.update', { periodEndWeekday: 6, periodEndTime: '18:00', paymentTermDays: 5, approval: t.manager() });
    // now Monday 2 Nov: the latest ended period is Saturday 31 Oct 18:00 local
    const p = t.ok('settlements.preview', {});
    expect(p).toMatchObject({ periodEnd: '2026-10-31', periodEndInstant: '2026-10-31T11:00:00.000Z', dueDate: '2026-11-05' });
    expect(p.producers.find((x) => x.producer.id === sari)!.totalDue).toBe(10_500); // before Sunday's deduction
    const fin = t.ok('settlements.finalize', { periodEnd: '2026-10-31', approval: t.manager() });
    expect(fin.settlements.find((x) => x.producer.id === sari)!).toMatchObject({ dueDate: '2026-11-05', periodEnd: '2026-10-31' });
    checkInvariants(t);
  });
});

describe('settlements written without a cursor', () => {
  it('still never counts a settled entry twice', () => {
    t = makeTestCore();
    const db = t.core.db!;
    const sari = seedProducer(db, 'Bu Sari');
    const e1 = writeEntry(db, { producerId: sari, kind: 'sale', amount: 1000, at: '2026-10-20T03:00:00.000Z' });
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 700, at: '2026-10-28T03:00:00.000Z' });
    // e.g. a benchmark or an import writing settlements straight into the tables
    const sid = Number(
      db.prepare(`INSERT INTO settlements (number, producer_id, period_end, due_date, total_due, chain_head, created_at) VALUES ('ST-X', ?, '2026-10-25T17:00:00.000Z', '2026-10-27', 1000, 'x', 'now')`).run(sari).lastInsertRowid,
    );
    db.prepare('INSERT INTO settlement_entries (settlement_id, entry_id) VALUES (?, ?)').run(sid, e1);
    const p = t.ok('settlements.preview', {});
    expect(p.producers[0]!.totalDue).toBe(700);
    const fin = t.ok('settlements.finalize', { periodEnd: '2026-11-01', approval: t.manager() });
    expect(fin.settlements[0]!.totalDue).toBe(700);
    checkInvariants(t);
  });
});
