import { describe, expect, it } from 'vitest';
import { checkPin, lockMsAfter, requireManager } from '../../electron/core/staff/approval';
import { hashPin, verifyPin } from '../../electron/core/staff/pin';
import { makeTestCore } from '../helpers/core';

describe('PINs and manager approval', () => {
  it('stores only a salted scrypt hash and verifies it', () => {
    const a = hashPin('1234');
    const b = hashPin('1234');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('1234$');
    expect(verifyPin('1234', a)).toBe(true);
    expect(verifyPin('1235', a)).toBe(false);
    expect(() => hashPin('12a4')).toThrow();
  });

  it('approves a manager, refuses a cashier and a wrong PIN, and throttles repeated wrong PINs', () => {
    const t = makeTestCore();
    const ctx = { db: t.core.db!, now: t.clock.now };
    const mgr = t.manager();
    const cashier = t.cashier();
    expect(requireManager(ctx, mgr).role).toBe('manager');
    expect(() => requireManager(ctx, cashier)).toThrow(/manager PIN/);
    for (let i = 0; i < 3; i++) expect(() => checkPin(ctx, mgr.staffId, '9999')).toThrow(/Wrong PIN/);
    // Locked now: even the right PIN is refused until the lock passes.
    expect(() => requireManager(ctx, mgr)).toThrow(/Too many wrong PINs/);
    t.clock.advance(lockMsAfter(3) + 1);
    expect(requireManager(ctx, mgr).id).toBe(mgr.staffId);
    expect(lockMsAfter(4)).toBe(2 * lockMsAfter(3));
    expect(lockMsAfter(50)).toBe(15 * 60_000);
    t.close();
  });
});

describe('a new PIN', () => {
  it('lifts the lock earned by guessing the old one', () => {
    const t = makeTestCore();
    const ctx = { db: t.core.db!, now: t.clock.now };
    const mgr = t.manager();
    const cashier = t.cashier('3333');
    for (let i = 0; i < 3; i++) expect(() => checkPin(ctx, cashier.staffId, '9999')).toThrow(/Wrong PIN/);
    expect(() => checkPin(ctx, cashier.staffId, '3333')).toThrow(/Too many wrong PINs/);
    t.ok('staff.update', { id: cashier.staffId, pin: '4444', approval: mgr });
    expect(checkPin(ctx, cashier.staffId, '4444').id).toBe(cashier.staffId);
    t.close();
  });
});
