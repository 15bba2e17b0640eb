import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/core';
import { checkInvariants, counts, seedProducer, seedProduct, writeEntry } from './settle-helpers';

let t: TestCore;
afterEach(() => t?.close());

function setup() {
  t = makeTestCore(); // Monday 2026-11-02 09:00 Jakarta
  const db = t.core.db!;
  const sari = seedProducer(db, 'Bu Sari');
  const darto = seedProducer(db, 'Pak Darto');
  const egg = seedProduct(db, sari, 'Telur asin', 'butir');
  return { db, sari, darto, egg };
}

describe('producer ledger: deductions and adjustments', () => {
  it('records a deduction as a negative entry with reason, approval and audit row', () => {
    const { db, sari, egg } = setup();
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 10_000, at: '2026-11-02T01:00:00.000Z', productId: egg, quantity: 5 });
    const r = t.ok('ledger.deduct', { producerId: sari, amount: 1500, reason: 'Plastik kemasan', approval: t.manager() });
    expect(r.entry).toMatchObject({ kind: 'deduction', amount: -1500, reason: 'Plastik kemasan', producerId: sari });
    expect(r.entry.code).toMatch(/^[0-9A-F]{12}$/);
    expect(r.balance).toBe(8500);
    expect(r.unsettled).toBe(8500);
    const auditRow = db.prepare("SELECT * FROM audit_log WHERE action = 'ledger.deduct'").get() as { reason: string; actor_id: number };
    expect(auditRow.reason).toBe('Plastik kemasan');
    expect(auditRow.actor_id).toBe(t.manager().staffId);
    checkInvariants(t);
  });

  it('refuses bad deductions and adjustments with a clear message and changes nothing', () => {
    const { db, sari, darto, egg } = setup();
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 10_000, at: '2026-11-02T01:00:00.000Z', productId: egg, quantity: 5 });
    const before = counts(db);
    const m = t.manager();
    expect(t.err('ledger.deduct', { producerId: sari, amount: -500, reason: 'x', approval: m })).toMatchObject({ code: 'VALIDATION', field: 'amount' });
    expect(t.err('ledger.deduct', { producerId: sari, amount: 0, reason: 'x', approval: m }).code).toBe('VALIDATION');
    expect(t.err('ledger.deduct', { producerId: sari, amount: 1.5, reason: 'x', approval: m }).code).toBe('VALIDATION');
    expect(t.err('ledger.deduct', { producerId: sari, amount: 500, reason: '  ', approval: m })).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(t.err('ledger.deduct', { producerId: sari, amount: 500, reason: 'x' }).code).toBe('VALIDATION');
    expect(t.err('ledger.deduct', { producerId: sari, amount: 500, reason: 'x', approval: t.cashier() }).code).toBe('FORBIDDEN');
    expect(t.err('ledger.deduct', { producerId: sari, amount: 500, reason: 'x', approval: { staffId: m.staffId, pin: '9999' } }).code).toBe('FORBIDDEN');
    expect(t.err('ledger.deduct', { producerId: 999, amount: 500, reason: 'x', approval: m }).code).toBe('NOT_FOUND');
    const tooMuch = t.err('ledger.deduct', { producerId: sari, amount: 10_001, reason: 'Pinjaman', approval: m });
    expect(tooMuch.code).toBe('VALIDATION');
    expect(tooMuch.message).toMatch(/di bawah nol/);
    expect(tooMuch.message).toMatch(/Rp 10\.000/);
    // nothing to deduct from
    expect(t.err('ledger.deduct', { producerId: darto, amount: 1, reason: 'x', approval: m }).code).toBe('VALIDATION');
    expect(t.err('ledger.adjust', { producerId: sari, amount: 0, reason: 'x', approval: m }).code).toBe('VALIDATION');
    expect(t.err('ledger.adjust', { producerId: sari, amount: -10_001, reason: 'salah catat', approval: m }).code).toBe('VALIDATION');
    expect(counts(db)).toEqual(before);
    // exactly down to zero is allowed; then nothing more
    t.ok('ledger.adjust', { producerId: sari, amount: -4000, reason: 'salah catat harga', approval: m });
    t.ok('ledger.deduct', { producerId: sari, amount: 6000, reason: 'Pinjaman', approval: m });
    expect(t.err('ledger.deduct', { producerId: sari, amount: 1, reason: 'x', approval: m }).code).toBe('VALIDATION');
    const plus = t.ok('ledger.adjust', { producerId: sari, amount: 250, reason: 'kembalian kurang', approval: m });
    expect(plus.balance).toBe(250);
    checkInvariants(t);
  });

  it('protects the next settlement whichever ended week is finalised first', () => {
    const { db, sari, egg } = setup();
    // last week (ended Sunday 1 Nov) sold 10 000; this week nothing yet
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 10_000, at: '2026-11-01T05:00:00.000Z', productId: egg, quantity: 5 });
    // Monday: a deduction now would land in this week's settlement, which has nothing in it
    const refused = t.err('ledger.deduct', { producerId: sari, amount: 2000, reason: 'Plastik', approval: t.manager() });
    expect(refused.message).toMatch(/Rp 0/);
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 3000, at: '2026-11-02T01:30:00.000Z', productId: egg, quantity: 1 });
    const ok = t.ok('ledger.deduct', { producerId: sari, amount: 2000, reason: 'Plastik', approval: t.manager() });
    expect(ok.unsettled).toBe(1000);
    // finalising last week takes only last week's sale; the deduction waits for this week
    t.clock.set('2026-11-03T02:00:00.000Z');
    const fin = t.ok('settlements.finalize', { periodEnd: '2026-11-01', approval: t.manager() });
    expect(fin.settlements.find((s) => s.producer.id === sari)!.totalDue).toBe(10_000);
    t.clock.set('2026-11-09T02:00:00.000Z');
    const next = t.ok('settlements.preview', {});
    expect(next.producers.find((p) => p.producer.id === sari)!.totalDue).toBe(1000);
    checkInvariants(t);
  });
});

describe('producer ledger: statement, balances, chain codes', () => {
  it('gives a running balance with the balance before the range, a CSV, and balances per producer', () => {
    const { db, sari, darto, egg } = setup();
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 4000, at: '2026-10-30T03:00:00.000Z', productId: egg, quantity: 2 });
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 6000, at: '2026-10-31T18:00:00.000Z', productId: egg, quantity: 3 }); // 1 Nov 01:00 local
    writeEntry(db, { producerId: sari, kind: 'refund', amount: -2000, at: '2026-11-01T04:00:00.000Z', productId: egg, quantity: 1 });
    writeEntry(db, { producerId: darto, kind: 'adjustment', amount: 700, at: '2026-11-01T04:00:00.000Z', reason: 'koreksi, "lama"' });
    const st = t.ok('ledger.statement', { producerId: sari, from: '2026-11-01', to: '2026-11-01' });
    expect(st.openingBalance).toBe(4000);
    // One week (ending Sunday 1 Nov), cut to the range: a summary line, its entries on demand.
    expect(st.weeks).toMatchObject({ total: 1, offset: 0 });
    expect(st.weeks.rows).toEqual([
      { weekEnd: '2026-11-01', from: '2026-11-01', to: '2026-11-01', sales: 6000, refunds: -2000, shrinkage: 0, deductions: 0, adjustments: 0, payouts: 0, lines: 2, openingBalance: 4000, closingBalance: 8000 },
    ]);
    const lines = t.ok('ledger.statementLines', { producerId: sari, week: '2026-11-01', from: '2026-11-01', to: '2026-11-01' });
    expect(lines.rows.map((l) => [l.localDate, l.amount, l.balance])).toEqual([
      ['2026-11-01', 6000, 10_000],
      ['2026-11-01', -2000, 8000],
    ]);
    expect(st.closingBalance).toBe(8000);
    const all = t.ok('ledger.statement', { producerId: sari });
    expect([all.from, all.to, all.weeks.total, all.weeks.rows.map((w) => w.lines)]).toEqual(['2026-10-30', '2026-11-02', 2, [3, 0]]);
    expect(t.err('ledger.statement', { producerId: sari, from: '2026-11-02', to: '2026-11-01' }).code).toBe('VALIDATION');
    expect(t.err('ledger.statement', { producerId: sari, from: '2026-02-30' }).code).toBe('VALIDATION');
    const csv = t.ok('ledger.statementCsv', { producerId: darto });
    expect(csv.fileName).toMatch(/\.csv$/);
    expect(csv.csv.split('\r\n')[0]).toBe('date,occurred_at,seq,kind,product,quantity,reason,amount,balance,settlement,code');
    expect(csv.csv).toContain('"koreksi, ""lama"""');
    const balances = t.ok('ledger.balances', {});
    expect(balances.find((b) => b.id === sari)).toMatchObject({ balance: 8000, unsettled: 8000, owedOnSettlements: 0, entries: 3 });
    expect(balances.find((b) => b.id === darto)).toMatchObject({ balance: 700 });
    checkInvariants(t);
  });

  it('finds an old slip code in the chain, and verify names a tampered entry', () => {
    const { db, sari, egg } = setup();
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 4000, at: '2026-11-01T03:00:00.000Z', productId: egg, quantity: 2 });
    const old = t.ok('ledger.chainCode', { producerId: sari });
    expect(old.code).toHaveLength(12);
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 2000, at: '2026-11-01T04:00:00.000Z', productId: egg, quantity: 1 });
    const found = t.ok('ledger.findCode', { producerId: sari, code: old.code });
    expect(found).toMatchObject({ found: true, entriesAfter: 1, isHead: false, chainOk: true });
    expect(found.found && found.entry.seq).toBe(1);
    expect(t.ok('ledger.findCode', { producerId: sari, code: 'ABCDEF123456' })).toEqual({ found: false, chainOk: true });
    expect(t.err('ledger.findCode', { producerId: sari, code: 'xyz' }).code).toBe('VALIDATION');
    db.exec('DROP TRIGGER ledger_entries_no_update');
    const victim = db.prepare('SELECT id FROM ledger_entries WHERE producer_id = ? AND seq = 1').get(sari) as { id: number };
    db.prepare('UPDATE ledger_entries SET amount = 40000 WHERE id = ?').run(victim.id);
    const v = t.ok('ledger.verify', {});
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatchObject({ producerId: sari, entryId: victim.id, problem: 'hash' });
    expect(t.ok('ledger.findCode', { producerId: sari, code: old.code })).toMatchObject({ found: true, chainOk: false });
  });
});
