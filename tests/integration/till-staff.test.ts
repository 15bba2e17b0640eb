import { describe, expect, it } from 'vitest';
import { lockMsAfter } from '../../electron/core/staff/approval';
import { makeTestCore } from '../helpers/core';

describe('staff and PINs', () => {
  it("the first staff member is a manager and needs no session; every later one needs a manager's session", () => {
    const t = makeTestCore();
    try {
      expect(t.err('staff.create', { name: 'Sri', role: 'cashier', pin: '1111' }).code).toBe('FORBIDDEN');
      const boss = t.ok('staff.create', { name: 'Bu Rina', role: 'manager', pin: '4321' });
      expect(boss).toEqual({ id: boss.id, name: 'Bu Rina', role: 'manager', active: true });
      // From now on nobody adds staff without a manager's session (SPEC §5).
      expect(t.nobody.err('staff.create', { name: 'Sri', role: 'manager', pin: '1111' }).code).toBe('UNAUTHENTICATED');
      expect(t.err('staff.create', { name: 'Sri', role: 'cashier', pin: '1111', approval: { staffId: boss.id, pin: '0000' } }).code).toBe('FORBIDDEN');
      const sri = t.ok('staff.create', { name: 'Sri', role: 'cashier', pin: '1111', approval: { staffId: boss.id, pin: '4321' } });
      expect(t.err('staff.create', { name: 'Joko', role: 'cashier', pin: '2222', approval: { staffId: sri.id, pin: '1111' } }).code).toBe('FORBIDDEN');
      expect(t.asStaff(sri.id, '1111').err('staff.create', { name: 'Joko', role: 'manager', pin: '2222' }).code).toBe('FORBIDDEN');
      expect(t.ok('staff.list', {}).map((s) => s.name)).toEqual(['Bu Rina', 'Sri']);
      expect(t.err('staff.create', { name: 'X', role: 'cashier', pin: '12' }).code).toBe('VALIDATION');
      // Only a salted hash is stored.
      const stored = t.core.db!.prepare('SELECT pin_hash FROM staff WHERE id = ?').get(sri.id) as { pin_hash: string };
      expect(stored.pin_hash).toMatch(/^scrypt\$/);
      expect(stored.pin_hash).not.toContain('1111');
    } finally {
      t.close();
    }
  });

  it('updates name, role, active and PIN with a manager approval; never the last active manager; audits without PINs', () => {
    const t = makeTestCore();
    try {
      const boss = t.ok('staff.create', { name: 'Bu Rina', role: 'manager', pin: '4321' });
      const approval = { staffId: boss.id, pin: '4321' };
      const sri = t.ok('staff.create', { name: 'Sri', role: 'cashier', pin: '1111', approval });
      expect(t.err('staff.update', { id: boss.id, active: false, approval }).code).toBe('CONFLICT');
      expect(t.err('staff.update', { id: boss.id, role: 'cashier', approval }).code).toBe('CONFLICT');
      expect(t.ok('staff.update', { id: sri.id, name: 'Sri Wahyuni', pin: '5555', approval })).toEqual({ ...sri, name: 'Sri Wahyuni' });
      expect(t.err('auth.signIn', { staffId: sri.id, pin: '1111' }).code).toBe('FORBIDDEN');
      expect(t.ok('auth.signIn', { staffId: sri.id, pin: '5555' }).staff.name).toBe('Sri Wahyuni');
      t.ok('staff.update', { id: sri.id, role: 'manager', approval });
      // Now there are two managers: the first may step down, the second may not.
      const asSri = t.asStaff(sri.id, '5555');
      asSri.ok('staff.update', { id: boss.id, role: 'cashier', approval: { staffId: sri.id, pin: '5555' } });
      // Bu Rina, a cashier now, can no longer change staff at all.
      expect(t.err('staff.update', { id: sri.id, name: 'X' }).code).toBe('FORBIDDEN');
      expect(asSri.err('staff.update', { id: sri.id, active: false, approval: { staffId: sri.id, pin: '5555' } }).code).toBe('CONFLICT');
      asSri.ok('staff.update', { id: boss.id, active: false, approval: { staffId: sri.id, pin: '5555' } });
      expect(asSri.ok('staff.list', {}).map((s) => s.id)).toEqual([sri.id]);
      expect(t.ok('staff.list', { includeInactive: true }).map((s) => [s.id, s.active])).toEqual([[sri.id, true], [boss.id, false]]);
      expect(t.err('auth.signIn', { staffId: boss.id, pin: '4321' }).code).toBe('FORBIDDEN');

      const log = asSri.ok('audit.list', { action: 'staff.' }).rows;
      expect(log.map((e) => e.action)).toEqual(['staff.update', 'staff.update', 'staff.update', 'staff.update', 'staff.create', 'staff.create']);
      expect(log.at(-1)).toMatchObject({ actorId: boss.id, after: { name: 'Bu Rina', role: 'manager', active: true } });
      const pinChange = log.find((e) => (e.after as { pinChanged?: boolean }).pinChanged);
      expect(pinChange).toMatchObject({ subjectId: String(sri.id), before: { name: 'Sri' }, after: { name: 'Sri Wahyuni' } });
      const allText = JSON.stringify(t.core.db!.prepare('SELECT * FROM audit_log').all());
      for (const secret of ['1111', '5555', '4321', 'scrypt']) expect(allText).not.toContain(secret);
    } finally {
      t.close();
    }
  });

  it('warns on the attempt before a lockout, with how long it would be', () => {
    const t = makeTestCore();
    try {
      const cashier = t.cashier();
      const wrong = () => t.err('auth.signIn', { staffId: cashier.staffId, pin: '9999' });
      expect(wrong().message).not.toMatch(/Sekali lagi/);
      const second = wrong();
      expect(second).toMatchObject({ code: 'FORBIDDEN' });
      expect(second.message).toMatch(/Sekali lagi salah: terkunci 30 detik/);
      expect(wrong().message).not.toMatch(/Sekali lagi/); // the third locks, no more warning
      expect(t.err('auth.signIn', cashier).code).toBe('THROTTLED');
    } finally {
      t.close();
    }
  });

  it('throttles repeated wrong PINs at sign-in, and approves only managers', () => {
    const t = makeTestCore();
    try {
      const mgr = t.manager();
      const cashier = t.cashier();
      expect(t.ok('auth.approve', mgr).role).toBe('manager');
      expect(t.err('auth.approve', cashier).code).toBe('FORBIDDEN');
      for (let i = 0; i < 3; i++) expect(t.err('auth.signIn', { staffId: cashier.staffId, pin: '9999' }).code).toBe('FORBIDDEN');
      // (above) the attempt before the lockout warned: see 'warns on the attempt before a lockout'.
      // Locked: even the right PIN waits, and a further wrong one is not even checked.
      expect(t.err('auth.signIn', cashier)).toMatchObject({ code: 'THROTTLED' });
      expect(t.err('auth.signIn', cashier).message).toMatch(/30 detik/);
      t.clock.advance(lockMsAfter(3) + 1);
      expect(t.ok('auth.signIn', cashier).staff.id).toBe(cashier.staffId);
      // The manager was not locked by the cashier's mistakes.
      expect(t.ok('auth.signIn', mgr).staff.id).toBe(mgr.staffId);
      expect(t.err('auth.signIn', { staffId: 999, pin: '1234' }).code).toBe('FORBIDDEN');
    } finally {
      t.close();
    }
  });
});
