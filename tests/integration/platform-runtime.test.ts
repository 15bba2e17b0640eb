/**
 * The store runtime (electron/core/runtime): the core on worker threads, calls
 * routed by kind, long work with progress and cancel, exclusive work that
 * drains the queue, and a thread that dies is started again without
 * re-applying anything.
 */
import path from 'node:path';
import { isMainThread, threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { appendLedgerEntry } from '../../electron/core/ledger/chain';
import { STORE_THREAD_YOUNG_GENERATION_MB, StoreRuntime } from '../../electron/core/runtime/storeRuntime';
import type { JobFinished, JobProgress } from '../../shared/contract/jobs';
import { makeTestCore, tempDir } from '../helpers/core';

const runtimes: StoreRuntime[] = [];
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
});

async function start(dataDir: string) {
  const runtime = await StoreRuntime.start({ dataDir });
  runtimes.push(runtime);
  return runtime;
}

/** A set-up store with a manager and `entries` ledger entries spread over 4 producers (a fixture written in one transaction). */
function storeWithLedger(entries: number) {
  const t = makeTestCore({ dataDir: tempDir() });
  t.ok('setup.complete', { mode: 'empty', storeName: 'Toko Uji' });
  const approval = t.manager();
  const producers = [1, 2, 3, 4].map((i) => t.ok('producers.create', { name: `Produsen ${i}`, shortName: `P${i}` }).id);
  const db = t.core.db!;
  db.transaction(() => {
    for (let i = 0; i < entries; i++) {
      appendLedgerEntry(db, { producerId: producers[i % 4]!, kind: 'adjustment', amount: 100 + (i % 7), occurredAt: '2026-11-01T03:00:00.000Z', reason: 'fixture' });
    }
  })();
  t.close();
  return { dataDir: t.dataDir, approval, producers };
}

/** Signs the fixture's manager in through the runtime: every call then carries the session (SPEC §5). */
async function signIn(runtime: StoreRuntime, who: { staffId: number; pin: string }) {
  const reply = await runtime.call('auth.signIn', who);
  if (!reply.ok) throw new Error(`auth.signIn refused: ${reply.error.message}`);
  return { sessionId: (reply.value as { sessionId: string }).sessionId };
}

/** Enough entries that the verify is still hashing while a write and a read go by, even on a quick idle machine. */
const VERIFY_ENTRIES = 200_000;

describe('store runtime', () => {
  it('runs the core off this thread: writes on the writer, reads on a read-only thread, both answering', async () => {
    expect(isMainThread).toBe(true);
    const { dataDir, producers, approval } = storeWithLedger(10);
    const runtime = await start(dataDir);
    const who = await signIn(runtime, approval);
    expect(runtime.status()).toMatchObject({ state: 'ready', needsSetup: false });
    const created = await runtime.call('producers.create', { name: 'Keripik Pak Darto', shortName: 'Darto' }, who);
    expect(created).toMatchObject({ ok: true, value: { name: 'Keripik Pak Darto' } });
    // The read thread sees the writer's commit at once (WAL).
    const list = await runtime.call('producers.list', {}, who);
    expect(list.ok && (list.value as { rows: unknown[] }).rows.length).toBe(producers.length + 1);
    // A write sent to the read-only thread would fail: reads never take the write lock.
    const threads = runtime.threadsForTest();
    expect(threads.reader).not.toBeNull();
    expect(threads.writer.threadId).not.toBe(threadId);
    // Every store thread has the larger young generation (a report's rows die young: no mark-compact in a later call).
    for (const t of [threads.writer, threads.reader!]) expect(t.resourceLimits?.maxYoungGenerationSizeMb).toBe(STORE_THREAD_YOUNG_GENERATION_MB);
    expect(STORE_THREAD_YOUNG_GENERATION_MB).toBeGreaterThan(48);
    expect(await runtime.call('no.such', {}, who)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await runtime.call('producers.create', { name: '' }, who)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('streams progress of long work and a sale is recorded while a verify runs', async () => {
    const { dataDir, approval } = storeWithLedger(VERIFY_ENTRIES);
    const runtime = await start(dataDir);
    const who = await signIn(runtime, approval);
    const progress: JobProgress[] = [];
    const finished: JobFinished[] = [];
    runtime.on('job.progress', (p) => progress.push(p));
    runtime.on('job.finished', (f) => finished.push(f));
    let verifyDone = false;
    const verify = runtime.call('ledger.verify', {}, who).then((r) => {
      verifyDone = true;
      return r;
    });
    // Wait until the verify is hashing, then write and read beside it.
    while (!progress.some((p) => p.phase === 'hashing' && p.done > 0)) await new Promise((r) => setTimeout(r, 2));
    const write = await runtime.call('producers.create', { name: 'Selama Verifikasi', shortName: 'Selama' }, who);
    expect(write.ok).toBe(true);
    const read = await runtime.call('settlements.owed', {}, who);
    expect(read.ok).toBe(true);
    expect(verifyDone).toBe(false);
    const reply = await verify;
    expect(reply).toMatchObject({ ok: true, value: { ok: true, entriesChecked: VERIFY_ENTRIES } });
    const hashing = progress.filter((p) => p.method === 'ledger.verify' && p.phase === 'hashing');
    expect(hashing.length).toBeGreaterThan(1);
    expect(hashing.at(-1)).toMatchObject({ done: VERIFY_ENTRIES, total: VERIFY_ENTRIES, cancellable: true });
    expect(finished).toContainEqual({ jobId: hashing[0]!.jobId, method: 'ledger.verify', outcome: 'done', gaveWayMs: expect.any(Number) });
  });

  it('cancels a verify at its next safe point: CONFLICT "Cancelled", outcome cancelled', async () => {
    const { dataDir, approval } = storeWithLedger(60_000);
    const runtime = await start(dataDir);
    const who = await signIn(runtime, approval);
    let jobId = '';
    runtime.on('job.progress', (p) => {
      if (p.method === 'ledger.verify' && p.phase === 'hashing') jobId ||= p.jobId;
    });
    const finished: JobFinished[] = [];
    runtime.on('job.finished', (f) => finished.push(f));
    const verify = runtime.call('ledger.verify', {}, who);
    while (!jobId) await new Promise((r) => setTimeout(r, 2));
    expect(await runtime.call('jobs.cancel', { jobId }, who)).toEqual({ ok: true, value: { cancelled: true } });
    expect(await verify).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Dibatalkan') } });
    expect(finished).toContainEqual({ jobId, method: 'ledger.verify', outcome: 'cancelled', gaveWayMs: expect.any(Number) });
    // The id is spent: cancelling again finds nothing.
    expect(await runtime.call('jobs.cancel', { jobId }, who)).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('a read answers while a burst of writes waits in the write queue (the runtime resolves its session)', async () => {
    const { dataDir, approval } = storeWithLedger(10);
    const runtime = await start(dataDir);
    const who = await signIn(runtime, approval);
    const order: string[] = [];
    const writes = Array.from({ length: 150 }, (_, i) =>
      runtime.call('producers.create', { name: `Produsen Antre ${i}`, shortName: `Q${i}` }, who).then((r) => (order.push(`write ${i}`), r)),
    );
    const read = runtime.call('ledger.balances', {}, who).then((r) => (order.push('read'), r));
    expect(await read).toMatchObject({ ok: true });
    const replies = await Promise.all(writes);
    expect(replies.every((r) => r.ok)).toBe(true);
    // The read came back before the last of the writes sent ahead of it (before the fix it waited for all 150).
    expect(order.indexOf('read')).toBeLessThan(order.indexOf('write 149'));
    expect(order.indexOf('read')).toBeLessThan(100);
  });

  it('a restore waits for the calls in flight, holds new ones, and the read thread then reads the restored file', async () => {
    const { dataDir, approval } = storeWithLedger(10);
    const runtime = await start(dataDir);
    const who = await signIn(runtime, approval);
    const backup = await runtime.call('backup.create', { folder: path.join(dataDir, 'usb') }, who);
    expect(backup.ok).toBe(true);
    const file = (backup as { value: { file: string } }).value.file;
    await runtime.call('producers.create', { name: 'Setelah Cadangan', shortName: 'Sesudah' }, who);
    const order: string[] = [];
    const progress: JobProgress[] = [];
    const finished: JobFinished[] = [];
    runtime.on('job.progress', (p) => progress.push(p));
    runtime.on('job.finished', (f) => finished.push(f));
    const restore = runtime.call('backup.restore', { file, approval }, who).then((r) => (order.push('restore'), r));
    const after = runtime.call('producers.list', {}, who).then((r) => (order.push('list'), r));
    expect(await restore).toMatchObject({ ok: true, value: { restoredFrom: file } });
    // The held call ran after the restore, which ended every session (the staff table was replaced).
    expect(await after).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(order).toEqual(['restore', 'list']);
    // The restore reported its phases (unpacking with the backup's bytes, checking, swapping), never cancellable, and finished.
    const mine = progress.filter((p) => p.method === 'backup.restore');
    expect(mine.map((p) => p.phase).filter((ph, i, all) => all.indexOf(ph) === i)).toEqual(['start', 'decompressing', 'checking', 'swapping']);
    const unpacked = mine.filter((p) => p.phase === 'decompressing');
    expect(unpacked.at(-1)).toMatchObject({ done: unpacked.at(-1)!.total, cancellable: false });
    expect(unpacked.at(-1)!.total).toBeGreaterThan(0);
    expect(finished.filter((f) => f.method === 'backup.restore').map((f) => f.outcome)).toEqual(['done']);
    const listed = await runtime.call('producers.list', {}, await signIn(runtime, approval));
    expect(((listed as { value: { rows: { name: string }[] } }).value).rows.map((p) => p.name)).not.toContain('Setelah Cadangan');
  });

  it('starts a dead writer again, says so, does not re-apply the write it was doing, and keeps who was signed in', async () => {
    const { dataDir, approval } = storeWithLedger(10);
    const runtime = await start(dataDir);
    const who = await signIn(runtime, approval);
    const restarted: { reason: string }[] = [];
    runtime.on('store.restarted', (e) => restarted.push(e));
    const before = await runtime.call('producers.list', {}, who);
    const inFlight = runtime.call('producers.create', { name: 'Saat Mati', shortName: 'Mati' }, who);
    await runtime.threadsForTest().writer.terminate();
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('tidak diulang') } });
    while (restarted.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(restarted[0]!.reason).toMatch(/writer/);
    // Whatever the dead thread had done was either committed once or not at all; nothing was sent again.
    const names = ((await runtime.call('producers.list', {}, who)) as { value: { rows: { name: string }[] } }).value.rows.map((p) => p.name);
    expect(names.filter((n) => n === 'Saat Mati').length).toBeLessThanOrEqual(1);
    expect(names.length).toBeGreaterThanOrEqual((before as { value: { rows: unknown[] } }).value.rows.length);
    // The sessions are the runtime's, not the dead thread's: whoever was signed in carries on (the UI says what happened).
    expect(await runtime.call('producers.create', { name: 'Sesudah Hidup', shortName: 'Hidup' }, who)).toMatchObject({ ok: true });
  });
});
