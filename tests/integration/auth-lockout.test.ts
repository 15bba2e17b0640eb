/**
 * The PIN throttle holds (SPEC §5): failures are counted on disk outside the
 * refused call's rolled-back transaction, so the wait survives a restart and is
 * shared by every core on the data folder; every failure and lockout is audited;
 * an unknown id is throttled exactly like a real one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import { lockMsAfter } from '../../electron/core/staff/approval';
import { makeTestCore, tempDir, TestClock, type TestCore } from '../helpers/core';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

function store(dataDir = tempDir(), clock = new TestClock()): TestCore {
  const t = makeTestCore({ dataDir, clock });
  open.push(t);
  return t;
}
function coreOn(dataDir: string, clock: TestClock): Core {
  const core = createCore({ dataDir, now: clock.now, shell: 'browser' });
  open.push(core);
  return core;
}
const signIn = (core: Core, staffId: number, pin: string) => core.call('auth.signIn', { staffId, pin });
const codeOf = (reply: { ok: boolean; error?: { code: string } }) => (reply.ok ? 'OK' : reply.error!.code);

describe('a lockout that holds', () => {
  it('survives a restart: three wrong PINs, a new core on the same folder still makes her wait', () => {
    const clock = new TestClock();
    const dataDir = tempDir();
    const t = store(dataDir, clock);
    const wulan = t.cashier('2468');
    for (let i = 0; i < 3; i++) expect(codeOf(signIn(t.core, wulan.staffId, '1111'))).toBe('FORBIDDEN');
    expect(codeOf(signIn(t.core, wulan.staffId, '2468'))).toBe('THROTTLED');
    t.close();
    open.splice(open.indexOf(t), 1);

    const restarted = coreOn(dataDir, clock);
    const reply = signIn(restarted, wulan.staffId, '2468');
    expect(reply).toMatchObject({ ok: false, error: { code: 'THROTTLED', message: expect.stringMatching(/30 detik/) } });
    clock.advance(lockMsAfter(3) + 1);
    expect(codeOf(signIn(restarted, wulan.staffId, '2468'))).toBe('OK');
    // A right PIN clears the count: the next mistake starts from one again.
    expect(restarted.db!.prepare('SELECT COUNT(*) AS n FROM pin_attempts').get()).toEqual({ n: 0 });
  });

  it('is shared by two cores open on one data folder at the same time', () => {
    const clock = new TestClock();
    const dataDir = tempDir();
    const t = store(dataDir, clock);
    const wulan = t.cashier('2468');
    const a = t.core;
    const b = coreOn(dataDir, clock);
    expect(codeOf(signIn(a, wulan.staffId, '0000'))).toBe('FORBIDDEN');
    expect(codeOf(signIn(b, wulan.staffId, '0001'))).toBe('FORBIDDEN');
    expect(codeOf(signIn(a, wulan.staffId, '0002'))).toBe('FORBIDDEN'); // the third, counted across both
    expect(codeOf(signIn(b, wulan.staffId, '2468'))).toBe('THROTTLED');
    expect(codeOf(signIn(a, wulan.staffId, '2468'))).toBe('THROTTLED');
    // The doubling goes on across the two: after the wait, one more mistake locks for 60 s.
    clock.advance(lockMsAfter(3) + 1);
    expect(codeOf(signIn(b, wulan.staffId, '0003'))).toBe('FORBIDDEN');
    expect(signIn(a, wulan.staffId, '2468')).toMatchObject({ ok: false, error: { code: 'THROTTLED', message: expect.stringMatching(/60 detik/) } });
  });

  it('audits every failure and every lockout, naming the id tried and who was signed in', () => {
    const t = store();
    const mgr = t.manager();
    const wulan = t.cashier('2468');
    for (let i = 0; i < 3; i++) signIn(t.core, wulan.staffId, '9999');
    // A wrong approval PIN inside a money act: the act rolls back, the failure stays.
    const deduct = t.err('ledger.deduct', { producerId: 1, amount: 1, reason: 'x', approval: { staffId: mgr.staffId, pin: '0000' } });
    expect(deduct.code).toBe('FORBIDDEN');
    const rows = t.core.db!.prepare("SELECT action, actor_id, subject_id, after_json FROM audit_log WHERE action LIKE 'auth.%' ORDER BY id").all() as {
      action: string;
      actor_id: number | null;
      subject_id: string;
      after_json: string;
    }[];
    expect(rows.map((r) => [r.action, r.subject_id, JSON.parse(r.after_json).failures])).toEqual([
      ['auth.pinFailed', String(wulan.staffId), 1],
      ['auth.pinFailed', String(wulan.staffId), 2],
      ['auth.pinFailed', String(wulan.staffId), 3],
      ['auth.lockout', String(wulan.staffId), 3],
      ['auth.pinFailed', String(mgr.staffId), 1],
    ]);
    // At the lock screen nobody is signed in; the approval was typed in the manager's session.
    expect(rows.slice(0, 4).every((r) => r.actor_id === null)).toBe(true);
    expect(rows[4]!.actor_id).toBe(mgr.staffId);
    expect(JSON.parse(rows[3]!.after_json)).toMatchObject({ seconds: 30 });
    // The PINs tried are never written.
    expect(JSON.stringify(rows)).not.toMatch(/9999|0000/);
    expect(t.ok('audit.list', { action: 'auth.' }).rows.map((e) => e.action)).toHaveLength(5);
  });

  it('throttles an id nobody has exactly like a real one, and answers it the same way', () => {
    const t = store();
    const wulan = t.cashier('2468');
    const unknown = 987_654;
    const answers = (id: number) => [0, 1, 2, 3].map(() => t.core.call('auth.signIn', { staffId: id, pin: '1357' }));
    const real = answers(wulan.staffId);
    const ghost = answers(unknown);
    expect(ghost.map(codeOf)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'THROTTLED']);
    expect(ghost).toEqual(real);
  });
});
