/**
 * Sessions held by the core and the till's owner (SPEC §5): the acting staff
 * member comes from the session, sessions end on sign-out and after the idle
 * time, a cashier cannot change what a manager owns even with a well-formed
 * call, and a shift is its cashier's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTill, type Till } from './till-fixtures';

let till: Till;
afterEach(() => till?.t.close());

const tableCounts = (till: Till) => {
  const names = (till.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
  return Object.fromEntries(names.map((n) => [n, till.count(n)]));
};

describe('sessions', () => {
  it('end on sign-out and after the idle time from Settings; a deactivated member loses theirs', () => {
    till = makeTill({ openShift: false });
    const { t, cashier, mgr } = till;
    const signInCashier = () => t.asStaff(cashier.staffId, cashier.pin).caller();
    const caller = signInCashier();
    expect(t.core.call('auth.current', {}, caller)).toMatchObject({ ok: true, value: { staff: { id: cashier.staffId } } });
    t.core.call('auth.signOut', {}, caller);
    expect(t.core.call('stock.list', {}, caller)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    t.asStaff(mgr.staffId, mgr.pin).ok('settings.update', { idleLockMinutes: 2 });
    const again = signInCashier();
    t.clock.advance(90_000);
    expect(t.core.call('stock.list', {}, again).ok).toBe(true); // used: the idle time starts again
    t.clock.advance(119_000);
    expect(t.core.call('stock.list', {}, again).ok).toBe(true);
    t.clock.advance(120_001);
    expect(t.core.call('stock.list', {}, again)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/tidak dipakai/) } });

    const fresh = signInCashier();
    t.asStaff(mgr.staffId, mgr.pin).ok('staff.update', { id: cashier.staffId, active: false });
    expect(t.core.call('stock.list', {}, fresh)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('name the real person: the receiver of an intake, the author of a product; staffId in an input is refused', () => {
    till = makeTill({ openShift: false });
    const { t, cashier, mgr, producers, products } = till;
    const asCashier = t.asStaff(cashier.staffId, cashier.pin);
    const intake = asCashier.ok('intakes.create', { producerId: producers.eggs, lines: [{ productId: products.egg, quantity: 5 }] });
    expect(intake.receivedBy).toMatchObject({ id: cashier.staffId });
    expect(asCashier.err('intakes.create', { producerId: producers.eggs, lines: [{ productId: products.egg, quantity: 5 }], staffId: mgr.staffId })).toMatchObject({ code: 'VALIDATION' });
    const made = t.ok('products.create', { producerId: producers.eggs, name: 'Telur bebek', unit: 'butir', terms: { retailPrice: 4000, mode: 'fixed', producerPrice: 3000 } });
    const row = till.db.prepare("SELECT actor_id FROM audit_log WHERE action = 'product.create' AND subject_id = ?").get(String(made.id));
    expect(row).toEqual({ actor_id: mgr.staffId });
  });

  it("a cashier changes nothing a manager owns, even with well-formed calls (the issue's list)", async () => {
    till = makeTill({ openShift: false });
    const { t, cashier, producers, products } = till;
    const asCashier = t.asStaff(cashier.staffId, cashier.pin);
    const usb = path.join(t.dataDir, 'usb-stick');
    const attempts: [string, unknown][] = [
      ['products.create', { producerId: producers.eggs, name: 'Murah', unit: 'pcs', terms: { retailPrice: 1, mode: 'fixed', producerPrice: 100_000 } }],
      ['products.setActive', { id: products.egg, active: false }],
      ['producers.setActive', { id: producers.eggs, active: false }],
      ['producers.create', { name: 'Palsu', shortName: 'Palsu' }],
      ['settings.update', { storeName: 'Toko Wulan' }],
      ['staff.create', { name: 'Teman', role: 'manager', pin: '1111' }],
      ['export.catalogueCsv', {}],
      ['reports.salesCsv', { from: '2026-11-01', to: '2026-11-02', by: 'sale' }],
      ['export.prepare', { kind: 'saleLines', from: '2026-11-01', to: '2026-11-02' }],
      ['export.stream', { kind: 'saleLines', from: '2026-11-01', to: '2026-11-02' }],
      ['backup.list', {}],
    ];
    for (const [method, input] of attempts) {
      const before = tableCounts(till);
      expect(asCashier.raw(method, input), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(tableCounts(till), method).toEqual(before);
    }
    expect(await asCashier.callAsync('backup.create', { folder: usb })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fs.existsSync(usb)).toBe(false);
    // The same calls work for the manager: the refusal was the role, not the input.
    expect(t.ok('products.setActive', { id: products.egg, active: false }).active).toBe(false);
  });
});

describe('a shift belongs to its cashier', () => {
  it('another cashier sees whose it is, cannot sell on it, closes it with a manager PIN and opens her own', () => {
    till = makeTill();
    const { t, mgr, products } = till;
    const rina = t.cashier('1357');
    const asRina = t.asStaff(rina.staffId, rina.pin);
    const signedIn = t.core.call('auth.signIn', rina);
    expect(signedIn).toMatchObject({ ok: true, value: { openShift: { id: till.shiftId, cashierName: 'Kasir 2222' } } });

    const before = tableCounts(till);
    const sale = asRina.err('sales.create', till.saleInput([{ productId: products.egg, quantity: 1 }]));
    expect(sale).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/milik Kasir 2222/) });
    expect(asRina.err('shifts.xReport', { shiftId: till.shiftId }).code).toBe('FORBIDDEN');
    expect(asRina.err('shifts.close', { shiftId: till.shiftId, countedCash: 200_000 }).code).toBe('FORBIDDEN');
    expect(tableCounts(till)).toEqual(before);
    // A manager does not ring sales on a cashier's shift either.
    expect(t.asStaff(mgr.staffId, mgr.pin).err('sales.create', till.saleInput([{ productId: products.egg, quantity: 1 }])).code).toBe('FORBIDDEN');

    const z = asRina.ok('shifts.close', { shiftId: till.shiftId, countedCash: 200_000, approval: mgr });
    expect(z).toMatchObject({ kind: 'Z', variance: 0 });
    const own = asRina.ok('shifts.open', { openingFloat: 50_000 });
    expect(own.cashierId).toBe(rina.staffId);
    const mine = asRina.ok('sales.create', { ...till.saleInput([{ productId: products.egg, quantity: 1 }]), shiftId: own.id, id: randomUUID() });
    expect(mine).toMatchObject({ cashierId: rina.staffId, cashierName: 'Kasir 1357' });
    expect(asRina.ok('sales.receipt', { saleId: mine.id }).sale.cashierName).toBe('Kasir 1357');
  });
});
