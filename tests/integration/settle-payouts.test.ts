import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { makeTestCore, type TestCore } from '../helpers/core';
import { checkInvariants, counts, seedProducer, seedProduct, writeEntry } from './settle-helpers';

let t: TestCore;
afterEach(() => t?.close());

function setup() {
  t = makeTestCore();
  const db = t.core.db!;
  const sari = seedProducer(db, 'Bu Sari');
  const darto = seedProducer(db, 'Pak Darto');
  const egg = seedProduct(db, sari, 'Telur asin', 'butir');
  const chips = seedProduct(db, darto, 'Keripik');
  writeEntry(db, { producerId: sari, kind: 'sale', amount: 10_000, at: '2026-10-28T03:00:00.000Z', productId: egg, quantity: 5 });
  writeEntry(db, { producerId: darto, kind: 'sale', amount: 6000, at: '2026-10-28T03:00:00.000Z', productId: chips, quantity: 2 });
  t.clock.set('2026-11-02T03:00:00.000Z'); // Monday 10:00 local
  const fin = t.ok('settlements.finalize', { periodEnd: '2026-11-01', approval: t.manager() });
  const st = fin.settlements.find((s) => s.producer.id === sari)!;
  const other = fin.settlements.find((s) => s.producer.id === darto)!;
  return { db, sari, darto, st, other };
}

const pay = (settlementId: number, amount: number, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  settlementId,
  amount,
  method: 'cash_safe' as const,
  receiverName: 'Bu Sari',
  approval: t.manager(),
  ...extra,
});

describe('payouts', () => {
  it('pays in part then in full; the remainder stays owed and visible; the slip adds up', () => {
    const { db, sari, st } = setup();
    const first = t.ok('payouts.create', pay(st.id, 4000, { method: 'transfer', reference: 'BRI 123' }));
    expect(first).toMatchObject({ amount: 4000, method: 'transfer', reference: 'BRI 123', paidAt: '2026-11-02T03:00:00.000Z', settlementNumber: st.number });
    const entry = db.prepare('SELECT kind, amount, ref_id FROM ledger_entries WHERE id = ?').get(first.ledgerEntryId);
    expect(entry).toEqual({ kind: 'payout', amount: -4000, ref_id: first.id });
    expect(t.ok('settlements.get', { id: st.id })).toMatchObject({ paid: 4000, remaining: 6000, state: 'partly_paid' });
    expect(t.ok('settlements.owed', {}).items.map((i) => [i.number, i.remaining])).toEqual([[st.number, 6000], [expect.any(String), 6000]]);
    expect(t.ok('ledger.balances', {}).find((b) => b.id === sari)).toMatchObject({ balance: 6000, owedOnSettlements: 6000, unsettled: 0 });
    checkInvariants(t);
    t.clock.set('2026-11-04T03:00:00.000Z'); // Wednesday: a day late
    expect(t.ok('settlements.owed', {}).items[0]).toMatchObject({ overdue: true, daysOverdue: 1 });
    const second = t.ok('payouts.create', pay(st.id, 6000));
    const slip = t.ok('settlements.get', { id: st.id, payoutId: second.id });
    expect(slip).toMatchObject({ paidNow: 6000, paidBefore: 4000, remainingAfter: 0, state: 'paid', remaining: 0 });
    expect(slip.paidBefore + slip.paidNow + slip.remainingAfter).toBe(slip.totalDue);
    const slip1 = t.ok('settlements.get', { id: st.id, payoutId: first.id });
    expect(slip1).toMatchObject({ paidNow: 4000, paidBefore: 0, remainingAfter: 6000 });
    expect(slip.trust).toMatchObject({ settlementsCounted: 1, onTimeRateBps: 0, averageDaysLateTenths: 10 });
    expect(slip.chainCode).toBe(t.ok('ledger.chainCode', { producerId: sari }).code);
    expect(slip.chainCodeAtFinalise).not.toBe(slip.chainCode);
    expect(t.ok('payouts.list', { settlementId: st.id }).rows.map((p) => p.amount)).toEqual([4000, 6000]);
    expect(t.ok('settlements.list', { status: 'paid' }).rows.map((s) => s.id)).toContain(st.id);
    expect(t.ok('settlements.list', { status: 'overdue' }).rows.map((s) => s.id)).not.toContain(st.id);
    const wa = t.ok('settlements.whatsappText', { id: st.id, payoutId: second.id }).text;
    expect(wa).toContain(st.number);
    expect(wa).toContain('Telur asin: 5 butir × Rp 2.000 = Rp 10.000');
    expect(wa).toContain('Total setoran: Rp 10.000');
    expect(wa).toContain('Dibayar sekarang: Rp 6.000');
    expect(wa).toContain('Sisa: Rp 0');
    expect(wa).toContain(slip.chainCode);
    t.ok('settings.update', { language: 'en' });
    expect(t.ok('settlements.whatsappText', { id: st.id }).text).toContain('Total due: Rp 10.000');
    checkInvariants(t);
  });

  it('refuses overpaying, another producer, future or too-early dates, a missing shift — each with no change', () => {
    const { db, sari, darto, st, other } = setup();
    t.ok('payouts.create', pay(st.id, 9000));
    const before = counts(db);
    const over = t.err('payouts.create', pay(st.id, 1001));
    expect(over).toMatchObject({ code: 'VALIDATION', field: 'amount' });
    expect(over.message).toMatch(/melebihi sisa/);
    expect(over.message).toContain('Rp 1.000');
    expect(t.err('payouts.create', pay(st.id, 500, { producerId: darto }))).toMatchObject({ code: 'VALIDATION', field: 'producerId' });
    expect(t.err('payouts.create', pay(st.id, 500, { paidAt: '2026-11-02T03:00:01.000Z' }))).toMatchObject({ code: 'VALIDATION', field: 'paidAt' });
    expect(t.err('payouts.create', pay(st.id, 500, { paidAt: '2026-11-01T16:59:00.000Z' }))).toMatchObject({ code: 'VALIDATION', field: 'paidAt' });
    const drawer = t.err('payouts.create', pay(st.id, 500, { method: 'cash_drawer' }));
    expect(drawer).toMatchObject({ code: 'VALIDATION', field: 'method' });
    expect(drawer.message).toMatch(/shift/);
    expect(t.err('payouts.create', pay(st.id, 0)).code).toBe('VALIDATION');
    expect(t.err('payouts.create', pay(st.id, -5)).code).toBe('VALIDATION');
    expect(t.err('payouts.create', pay(st.id, 500, { method: 'cheque' })).code).toBe('VALIDATION');
    expect(t.err('payouts.create', pay(st.id, 500, { receiverName: '' })).code).toBe('VALIDATION');
    expect(t.err('payouts.create', pay(st.id, 500, { approval: t.cashier() })).code).toBe('FORBIDDEN');
    expect(t.err('payouts.create', pay(999, 500)).code).toBe('NOT_FOUND');
    expect(t.err('payouts.create', { ...pay(st.id, 500), id: 'not-a-uuid' }).code).toBe('VALIDATION');
    expect(counts(db)).toEqual(before);
    // paying the right producer works, with a back-dated time
    const ok = t.ok('payouts.create', pay(other.id, 6000, { producerId: darto, paidAt: '2026-11-02T01:00:00+07:00' }));
    expect(ok.paidAt).toBe('2026-11-01T18:00:00.000Z');
    expect(t.ok('ledger.balances', {}).find((b) => b.id === sari)!.balance).toBe(1000);
    checkInvariants(t);
  });

  it('is idempotent on the client-made id: same content returns the same payout, different content is a conflict', () => {
    const { db, st } = setup();
    const request = pay(st.id, 3000);
    const a = t.ok('payouts.create', request);
    const after = counts(db);
    const b = t.ok('payouts.create', request);
    expect(b).toEqual(a);
    expect(counts(db)).toEqual(after);
    expect(t.err('payouts.create', { ...request, amount: 3001 }).code).toBe('CONFLICT');
    expect(t.err('payouts.create', { ...request, settlementId: st.id + 1 }).code).toBe('CONFLICT');
    expect(counts(db)).toEqual(after);
    // a retried full payout is not refused as an overpayment
    const full = pay(st.id, 7000);
    t.ok('payouts.create', full);
    expect(t.ok('payouts.create', full).amount).toBe(7000);
    checkInvariants(t);
  });

  it('records the open shift for a cash-from-drawer payout, not before it opened', () => {
    const { db, st } = setup();
    const cashier = t.cashier();
    const shift = Number(
      db.prepare('INSERT INTO shifts (cashier_id, opened_at, opening_float) VALUES (?, ?, ?)').run(cashier.staffId, '2026-11-02T01:00:00.000Z', 100_000)
        .lastInsertRowid,
    );
    const early = t.err('payouts.create', pay(st.id, 1000, { method: 'cash_drawer', paidAt: '2026-11-02T00:30:00.000Z' }));
    expect(early).toMatchObject({ code: 'VALIDATION', field: 'paidAt' });
    const p = t.ok('payouts.create', pay(st.id, 1000, { method: 'cash_drawer' }));
    expect(p.shiftId).toBe(shift);
    const safe = t.ok('payouts.create', pay(st.id, 1000, { method: 'cash_safe' }));
    expect(safe.shiftId).toBeNull();
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'payout.create'").get()).toEqual({ n: 2 });
    checkInvariants(t);
  });

  it('refuses any payout on a zero settlement', () => {
    t = makeTestCore();
    const db = t.core.db!;
    seedProducer(db, 'Mbok Kosong');
    const fin = t.ok('settlements.finalize', { periodEnd: '2026-11-01', approval: t.manager() });
    expect(fin.settlements[0]!.totalDue).toBe(0);
    expect(t.err('payouts.create', pay(fin.settlements[0]!.id, 1)).code).toBe('VALIDATION');
    expect(t.ok('settlements.owed', {}).items).toEqual([]);
  });
});
