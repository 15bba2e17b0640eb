/**
 * Sessions in the store runtime (SPEC §5, electron/core/runtime): the runtime
 * holds them and resolves each call's before sending it to a thread, so a
 * click's read answers while the writer is still inside a write; what a
 * thread's core opens and ends (sign-in, sign-out, a member made inactive, a
 * restore) reaches the runtime before that call's reply, and the idle time is
 * the store's setting, followed when it changes.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../electron/core/app';
import { StoreRuntime } from '../../electron/core/runtime/storeRuntime';
import { makeTestCore, tempDir, TestClock } from '../helpers/core';

const runtimes: StoreRuntime[] = [];
const locks: Database.Database[] = [];
afterEach(async () => {
  for (const db of locks.splice(0)) if (db.open) db.close();
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
});

/** A set-up store with a manager and a cashier. */
function store() {
  const t = makeTestCore({ dataDir: tempDir() });
  t.ok('setup.complete', { mode: 'empty', storeName: 'Toko Uji' });
  const manager = t.manager();
  const cashier = { staffId: t.ok('staff.create', { name: 'Sari', role: 'cashier', pin: '2468' }).id, pin: '2468' };
  t.close();
  return { dataDir: t.dataDir, manager, cashier };
}

async function start(dataDir: string, clock = new TestClock()) {
  const runtime = await StoreRuntime.start({ dataDir, now: clock.now, backgroundChecksAfterMs: null });
  runtimes.push(runtime);
  return runtime;
}

async function signIn(runtime: StoreRuntime, who: { staffId: number; pin: string }) {
  const reply = await runtime.call('auth.signIn', who);
  if (!reply.ok) throw new Error(`auth.signIn refused: ${reply.error.message}`);
  return { sessionId: (reply.value as { sessionId: string }).sessionId };
}

const refusal = (reply: { ok: boolean; error?: { code: string; message: string } }) => (reply.ok ? 'OK' : `${reply.error!.code}: ${reply.error!.message}`);

describe('sessions in the store runtime', () => {
  it("a click's read answers while the writer is held inside a write (it does not wait to learn who is asking)", async () => {
    const { dataDir, manager } = store();
    const runtime = await start(dataDir);
    const who = await signIn(runtime, manager);
    // Another connection holds the write lock: the writer's next write waits inside SQLite (busy_timeout), its thread blocked.
    const lock = new Database(path.join(dataDir, DB_FILE_NAME));
    locks.push(lock);
    lock.exec('BEGIN IMMEDIATE');
    const order: string[] = [];
    const write = runtime.call('producers.create', { name: 'Menunggu Kunci', shortName: 'Kunci' }, who).then((r) => (order.push('write'), r));
    await new Promise((r) => setTimeout(r, 300));
    const started = performance.now();
    const read = await runtime.call('ledger.balances', {}, who);
    const readMs = performance.now() - started;
    order.push('read');
    expect(read).toMatchObject({ ok: true });
    // The write is still held: the read did not go through the writer (before, its session lookup waited there up to 5 s).
    expect(order).toEqual(['read']);
    expect(readMs).toBeLessThan(2_000);
    lock.exec('ROLLBACK');
    expect(await write).toMatchObject({ ok: true });
    expect(order).toEqual(['read', 'write']);
  });

  it('end on sign-out, after the idle time from Settings (followed when it changes), and when a member is made inactive', async () => {
    const { dataDir, manager, cashier } = store();
    const clock = new TestClock();
    const runtime = await start(dataDir, clock);
    const boss = await signIn(runtime, manager);

    // Sign-out ends the session for the read thread and the writer alike.
    const first = await signIn(runtime, cashier);
    expect(await runtime.call('auth.current', {}, first)).toMatchObject({ ok: true, value: { staff: { id: cashier.staffId } } });
    expect(await runtime.call('auth.signOut', {}, first)).toMatchObject({ ok: true });
    expect(refusal(await runtime.call('stock.list', {}, first))).toMatch(/^UNAUTHENTICATED/);
    expect(refusal(await runtime.call('shifts.open', { openingFloat: 100_000 }, first))).toMatch(/^UNAUTHENTICATED/);

    // The store's idle time (default 10 minutes), then the manager's new one (2 minutes), as soon as it is saved.
    const idle = await signIn(runtime, cashier);
    clock.advance(9 * 60_000);
    expect(refusal(await runtime.call('stock.list', {}, idle))).toBe('OK');
    expect(await runtime.call('settings.update', { idleLockMinutes: 2 }, boss)).toMatchObject({ ok: true, value: { idleLockMinutes: 2 } });
    clock.advance(90_000);
    expect(refusal(await runtime.call('stock.list', {}, idle))).toBe('OK'); // used: its idle time starts again
    clock.advance(119_000);
    expect(refusal(await runtime.call('stock.list', {}, idle))).toBe('OK');
    clock.advance(120_001);
    expect(refusal(await runtime.call('stock.list', {}, idle))).toMatch(/^UNAUTHENTICATED: .*tidak dipakai/);
    // Ended, and stays ended: not even the writer takes it.
    expect(refusal(await runtime.call('shifts.open', { openingFloat: 100_000 }, idle))).toMatch(/^UNAUTHENTICATED: Masuk dulu/);

    // A member made inactive: refused (on the read thread), and the session is over.
    const fresh = await signIn(runtime, cashier);
    const boss2 = await signIn(runtime, manager);
    expect(await runtime.call('staff.update', { id: cashier.staffId, active: false }, boss2)).toMatchObject({ ok: true });
    expect(refusal(await runtime.call('stock.list', {}, fresh))).toMatch(/^UNAUTHENTICATED: .*tidak aktif/);
    expect(refusal(await runtime.call('stock.list', {}, fresh))).toMatch(/^UNAUTHENTICATED: Masuk dulu/);
    // Nobody's session, and a made-up one, are nobody's.
    expect(refusal(await runtime.call('stock.list', {}))).toMatch(/^UNAUTHENTICATED/);
    expect(refusal(await runtime.call('stock.list', {}, { sessionId: 'x'.repeat(43) }))).toMatch(/^UNAUTHENTICATED/);
  });

  it('a session handed in as already resolved by a client counts for nothing: only the runtime resolves', async () => {
    const { dataDir, manager } = store();
    const runtime = await start(dataDir);
    await signIn(runtime, manager);
    const forged = { resolved: { state: 'ok' as const, staffId: manager.staffId } };
    expect(refusal(await runtime.call('ledger.balances', {}, forged))).toMatch(/^UNAUTHENTICATED/);
    expect(refusal(await runtime.call('producers.create', { name: 'Palsu', shortName: 'Palsu' }, forged))).toMatch(/^UNAUTHENTICATED/);
  });
});
