import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { appendLedgerEntry } from '../../electron/core/ledger/chain';
import { TestClock } from '../helpers/core';
import { ledgerOk, makeTill, type Till } from './till-fixtures';

let till: Till | null = null;
afterEach(() => {
  till?.t.close();
  till = null;
});

let payoutNo = 0;
/** A producer payout as the settlement area writes it (settlement row, payout ledger entry, payout row). */
function payout(t: Till, amount: number, method: 'cash_drawer' | 'cash_safe', shiftId: number | null) {
  const { db } = t;
  const at = t.t.clock.now().toISOString();
  payoutNo++;
  db.transaction(() => {
    const settlementId = Number(
      db
        .prepare(
          `INSERT INTO settlements (number, producer_id, period_end, due_date, total_due, chain_head, created_at) VALUES (?, ?, ?, '2026-11-04', ?, 'x', ?)`,
        )
        .run(`ST-9${String(payoutNo).padStart(5, '0')}`, t.producers.eggs, `2026-10-${String(payoutNo).padStart(2, '0')}T17:00:00.000Z`, amount, at).lastInsertRowid,
    );
    const id = randomUUID();
    const entry = appendLedgerEntry(db, { producerId: t.producers.eggs, kind: 'payout', amount: -amount, occurredAt: at, refType: 'payout', refId: id });
    db.prepare(
      `INSERT INTO payouts (id, settlement_id, producer_id, amount, method, paid_at, shift_id, ledger_entry_id, created_at, request_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'h')`,
    ).run(id, settlementId, t.producers.eggs, amount, method, at, shiftId, entry.id, at);
  })();
}

describe('shifts', () => {
  it('one open shift at a time for the store; sign-in tells who has it open', () => {
    till = makeTill();
    const { t, mgr, cashier } = till;
    expect(t.ok('shifts.current', {})?.id).toBe(till.shiftId);
    const asMgr = t.asStaff(mgr.staffId, mgr.pin);
    expect(asMgr.err('shifts.open', { openingFloat: 100_000 }).code).toBe('CONFLICT');
    expect(t.nobody.err('shifts.open', { openingFloat: 0 }).code).toBe('UNAUTHENTICATED');
    const signedIn = t.ok('auth.signIn', mgr);
    expect(signedIn.staff.role).toBe('manager');
    expect(signedIn.openShift).toMatchObject({ id: till.shiftId, cashierName: 'Kasir 2222', openingFloat: 200_000, closedAt: null, zNumber: null });
    t.ok('shifts.close', { shiftId: till.shiftId, countedCash: 200_000 });
    expect(t.ok('shifts.current', {})).toBeNull();
    expect(t.ok('auth.signIn', cashier).openShift).toBeNull();
    const next = asMgr.ok('shifts.open', { openingFloat: 50_000 });
    expect(next).toMatchObject({ cashierId: mgr.staffId, openingFloat: 50_000 });
    expect(t.ok('shifts.current', {})?.id).toBe(next.id);
  });

  it('expected cash = float + cash sales − cash refunds − cash payouts from the drawer; Z report stored and numbered', () => {
    till = makeTill();
    const { t, db, products, mgr } = till;
    const a = till.sale([{ productId: products.egg, quantity: 3 }], { payment: { method: 'cash', tendered: 10_000 } }); // 9.000
    till.sale([{ productId: products.chips, quantity: 1 }], { payment: { method: 'qris' } }); // 12.500
    till.sale([{ productId: products.chips, quantity: 2 }], { payment: { method: 'transfer', reference: 'BCA 1' } }); // 25.000
    const voided = till.sale([{ productId: products.egg, quantity: 1 }]); // 3.000, voided
    t.ok('sales.void', { saleId: voided.id, reason: 'salah', approval: mgr });
    t.ok('sales.refund', { id: randomUUID(), saleId: a.id, lines: [{ saleLineId: a.lines[0]!.id, quantity: 1 }], restock: true, reason: 'pecah', approval: mgr }); // cash 3.000
    payout(till, 5000, 'cash_drawer', till.shiftId);
    payout(till, 7000, 'cash_safe', null); // not from the drawer

    const x = t.ok('shifts.xReport', { shiftId: till.shiftId });
    expect(x).toMatchObject({
      kind: 'X',
      zNumber: null,
      salesCount: 3,
      salesTotal: 46_500,
      voids: { count: 1, total: 3000 },
      refunds: { count: 1, total: 3000, cashTotal: 3000 },
      drawerPayouts: { count: 1, total: 5000 },
      openingFloat: 200_000,
      expectedCash: 200_000 + 9000 - 3000 - 5000,
      countedCash: null,
      variance: null,
    });
    expect(x.byMethod).toEqual([
      { method: 'cash', count: 1, total: 9000 },
      { method: 'qris', count: 1, total: 12_500 },
      { method: 'transfer', count: 1, total: 25_000 },
    ]);
    const shiftRow = db.prepare('SELECT * FROM shifts WHERE id = ?').get(till.shiftId);
    expect(t.err('shifts.zReport', { shiftId: till.shiftId }).code).toBe('NOT_FOUND');
    const other = t.cashier('3333');
    expect(t.asStaff(other.staffId, other.pin).err('shifts.close', { shiftId: till.shiftId, countedCash: 200_500 }).code).toBe('FORBIDDEN');
    t.clock.advance(3_600_000);
    const z = t.ok('shifts.close', { shiftId: till.shiftId, countedCash: 200_500 });
    expect(z).toMatchObject({ kind: 'Z', zNumber: 1, expectedCash: 201_000, countedCash: 200_500, variance: -500 });
    expect(z.shift.closedAt).toBe(t.clock.now().toISOString());
    expect(t.ok('shifts.zReport', { shiftId: till.shiftId })).toEqual(z);
    expect(db.prepare('SELECT * FROM shifts WHERE id = ?').get(till.shiftId)).toEqual(shiftRow);
    expect(db.prepare('SELECT expected_cash, counted_cash, variance, z_number FROM shift_closes').get()).toEqual({ expected_cash: 201_000, counted_cash: 200_500, variance: -500, z_number: 1 });
    expect(t.err('shifts.close', { shiftId: till.shiftId, countedCash: 1 }).code).toBe('CONFLICT');
    expect(t.ok('shifts.get', { id: till.shiftId })).toMatchObject({ zNumber: 1, closedAt: z.shift.closedAt });

    // A cash refund of an old sale lowers the drawer of the shift open at the time; a manager may close any shift.
    const second = t.ok('shifts.open', { openingFloat: 100_000 });
    t.ok('sales.refund', { id: randomUUID(), saleId: a.id, lines: [{ saleLineId: a.lines[0]!.id, quantity: 1 }], restock: false, reason: 'pecah', approval: mgr });
    const z2 = t.asStaff(mgr.staffId, mgr.pin).ok('shifts.close', { shiftId: second.id, countedCash: 97_000 });
    expect(z2).toMatchObject({ zNumber: 2, salesCount: 0, refunds: { count: 1, cashTotal: 3000 }, expectedCash: 97_000, variance: 0 });
    expect(ledgerOk(t)).toBe(true);
  });

  it('a shift that runs past midnight stays one shift', () => {
    till = makeTill({ clock: new TestClock('2026-11-02T15:00:00.000Z'), openShift: false }); // 22:00 in Jakarta
    const { t, products } = till;
    const shift = t.ok('shifts.open', { openingFloat: 100_000 });
    t.clock.set('2026-11-02T16:30:00.000Z'); // 23:30
    const late = t.ok('sales.create', { ...till.saleInput([{ productId: products.egg, quantity: 1 }]), shiftId: shift.id });
    t.clock.set('2026-11-02T18:00:00.000Z'); // 01:00 the next day
    const after = t.ok('sales.create', { ...till.saleInput([{ productId: products.chips, quantity: 1 }]), shiftId: shift.id });
    t.clock.set('2026-11-02T19:00:00.000Z');
    const z = t.ok('shifts.close', { shiftId: shift.id, countedCash: 115_500 });
    expect(z).toMatchObject({ salesCount: 2, salesTotal: 15_500, expectedCash: 115_500, variance: 0 });
    expect([late.shiftId, after.shiftId]).toEqual([shift.id, shift.id]);
    expect(t.ok('shifts.list', { from: '2026-11-02', to: '2026-11-02' }).rows.map((s) => s.id)).toEqual([shift.id]);
    expect(t.ok('shifts.list', { from: '2026-11-03' }).rows).toEqual([]);
    expect(t.ok('sales.list', { from: '2026-11-03', to: '2026-11-03' }).rows.map((s) => s.id)).toEqual([after.id]);
  });
});
