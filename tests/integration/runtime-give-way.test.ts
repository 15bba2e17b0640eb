/**
 * Long work gives way to the till (SPEC §11, runtime/jobs.ts): the store
 * runtime counts the reads and writes someone waits on, and a long job waits
 * at each progress step while one is in flight and until the till has been
 * quiet for GRACE_MS (at most YIELD_MAX_MS a step).
 * A backup reports its compression as a phase of its own.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { appendLedgerEntry } from '../../electron/core/ledger/chain';
import { GRACE_MS, JobBoard, YIELD_MAX_MS } from '../../electron/core/runtime/jobs';
import { StoreRuntime } from '../../electron/core/runtime/storeRuntime';
import { startFullChecks } from '../../electron/core/db/backgroundCheck';
import { DB_FILE_NAME } from '../../electron/core/app';
import path from 'node:path';
import type { JobFinished, JobProgress } from '../../shared/contract/jobs';
import { makeTestCore, tempDir } from '../helpers/core';

const runtimes: StoreRuntime[] = [];
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
});

/** A set-up store with a manager and `entries` ledger entries over 2 producers. */
function store(entries: number) {
  const t = makeTestCore({ dataDir: tempDir() });
  t.ok('setup.complete', { mode: 'empty', storeName: 'Toko Uji' });
  const approval = t.manager();
  const producers = [1, 2].map((i) => t.ok('producers.create', { name: `Produsen ${i}`, shortName: `P${i}` }).id);
  const db = t.core.db!;
  db.transaction(() => {
    for (let i = 0; i < entries; i++) appendLedgerEntry(db, { producerId: producers[i % 2]!, kind: 'adjustment', amount: 100, occurredAt: '2026-11-01T03:00:00.000Z', reason: 'fixture' });
  })();
  t.close();
  return { dataDir: t.dataDir, approval };
}

async function started(entries: number) {
  const { dataDir, approval } = store(entries);
  const runtime = await StoreRuntime.start({ dataDir });
  runtimes.push(runtime);
  const reply = await runtime.call('auth.signIn', approval);
  if (!reply.ok) throw new Error(reply.error.message);
  return { runtime, who: { sessionId: (reply.value as { sessionId: string }).sessionId } };
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

describe('the job board gives way to calls in flight', () => {
  it('waits nothing when no call is in flight, the whole step while one stays in flight, and wakes when it is answered', async () => {
    const board = new JobBoard();
    expect(board.giveWay(200)).toBe(0);
    board.callStarted();
    expect(board.callsInFlight()).toBe(1);
    const held = board.giveWay(60);
    expect(held).toBeGreaterThanOrEqual(55);
    expect(held).toBeLessThan(1000);
    // Another thread answers the call 30 ms from now: the wait ends then, not at its 5 s limit.
    const answerer = new Worker(
      `const { workerData } = require('node:worker_threads');
       const cells = new Int32Array(workerData);
       const calls = cells.length - 2; // the board's last two cells: calls in flight, when the last one ended (as callEnded does)
       setTimeout(() => { Atomics.store(cells, calls + 1, Date.now() & 0x3fffffff); Atomics.sub(cells, calls, 1); Atomics.notify(cells, calls); }, 30);`,
      { eval: true, workerData: board.buffer },
    );
    const waited = board.giveWay(5000);
    await answerer.terminate();
    expect(waited).toBeGreaterThanOrEqual(20);
    expect(waited).toBeLessThan(2500);
    expect(board.callsInFlight()).toBe(0);
  });

  it("a job's progress steps wait while a call is in flight, and the job says how long it gave way", () => {
    const board = new JobBoard();
    const finished: JobFinished[] = [];
    const steps = 6;
    board.callStarted();
    board.run('ledger.verify', { cancellable: true, report: () => undefined, finished: (f) => finished.push(f) }, (job) => {
      for (let i = 1; i <= steps; i++) job.progress('hashing', i, steps);
    });
    board.callEnded();
    // Right after a call: the grace. Once it is out, a job does not wait at all.
    expect(board.giveWay(1000)).toBeGreaterThanOrEqual(GRACE_MS * 0.5);
    expect(board.giveWay(1000)).toBeLessThan(GRACE_MS * 0.5);
    sleep(GRACE_MS + 2);
    board.run('ledger.verify', { cancellable: true, report: () => undefined, finished: (f) => finished.push(f) }, (job) => {
      for (let i = 1; i <= steps; i++) job.progress('hashing', i, steps);
    });
    expect(finished.map((f) => f.outcome)).toEqual(['done', 'done']);
    expect(finished[0]!.gaveWayMs).toBeGreaterThanOrEqual(steps * YIELD_MAX_MS * 0.9);
    expect(finished[1]!.gaveWayMs).toBe(0);
  });
});

describe('the store runtime counts the calls long work gives way to', () => {
  it('a read or a write is counted while in flight (also when refused), long work is not', async () => {
    const { runtime, who } = await started(10);
    const board = runtime.boardForTest();
    expect(board.callsInFlight()).toBe(0);
    const write = runtime.call('producers.create', { name: 'Keripik Bu Sri', shortName: 'Sri' }, who);
    const read = runtime.call('settlements.owed', {}, who);
    const refused = runtime.call('producers.create', { name: '' }, who);
    expect(board.callsInFlight()).toBe(3);
    expect((await write).ok).toBe(true);
    expect((await read).ok).toBe(true);
    expect((await refused).ok).toBe(false);
    expect(board.callsInFlight()).toBe(0);
    const verify = runtime.call('ledger.verify', {}, who);
    expect(board.callsInFlight()).toBe(0);
    expect((await verify).ok).toBe(true);
  });

  it('a verify gives way while the till has a call in flight, and not when it has none', async () => {
    const { runtime, who } = await started(10_000);
    const finished: JobFinished[] = [];
    runtime.on('job.finished', (f) => finished.push(f));
    const quiet = await runtime.call('ledger.verify', {}, who);
    expect(quiet).toMatchObject({ ok: true, value: { ok: true, entriesChecked: 10_000 } });
    // Nothing in flight: at most the grace after the sign-in that has just been answered.
    expect(finished.at(-1)).toMatchObject({ method: 'ledger.verify', outcome: 'done' });
    expect(finished.at(-1)!.gaveWayMs).toBeLessThanOrEqual(GRACE_MS + 2);
    // As if a sale were on its way for the whole verify: every progress step (256 entries) waits its full share.
    const board = runtime.boardForTest();
    board.callStarted();
    try {
      const busy = await runtime.call('ledger.verify', {}, who);
      expect(busy).toMatchObject({ ok: true, value: { ok: true, entriesChecked: 10_000 } });
    } finally {
      board.callEnded();
    }
    const steps = Math.floor(10_000 / 256);
    expect(finished.at(-1)!.gaveWayMs).toBeGreaterThanOrEqual(steps * YIELD_MAX_MS * 0.9);
  });

  it('a backup reports copying, then compressing up to the whole copy, and gives way like other long work', async () => {
    const { runtime, who } = await started(20_000);
    const progress: JobProgress[] = [];
    const finished: JobFinished[] = [];
    runtime.on('job.progress', (p) => progress.push(p));
    runtime.on('job.finished', (f) => finished.push(f));
    const board = runtime.boardForTest();
    board.callStarted();
    let reply;
    try {
      reply = await runtime.call('backup.create', {}, who);
    } finally {
      board.callEnded();
    }
    expect(reply).toMatchObject({ ok: true });
    const phases = progress.filter((p) => p.method === 'backup.create').map((p) => p.phase);
    expect(phases.indexOf('copying')).toBeGreaterThan(-1);
    expect(phases.lastIndexOf('copying')).toBeLessThan(phases.indexOf('compressing'));
    const last = progress.filter((p) => p.phase === 'compressing').at(-1)!;
    expect(last.total).toBeGreaterThan(0);
    expect(last.done).toBe(last.total);
    expect(finished.at(-1)).toMatchObject({ method: 'backup.create', outcome: 'done' });
    expect(finished.at(-1)!.gaveWayMs).toBeGreaterThanOrEqual(YIELD_MAX_MS * 2 * 0.9);
  });

  it('the background full checks (their own worker) give way on the same board', async () => {
    const { dataDir } = store(10_000);
    const file = path.join(dataDir, DB_FILE_NAME);
    const board = new JobBoard();
    let t0 = performance.now();
    const quiet = await startFullChecks(file, undefined, board.buffer).done;
    const quietMs = performance.now() - t0;
    expect(quiet.findings).toEqual([]);
    board.callStarted();
    t0 = performance.now();
    const held = await startFullChecks(file, undefined, board.buffer).done;
    const heldMs = performance.now() - t0;
    board.callEnded();
    expect(held.findings).toEqual([]);
    // The ledger's 10,000 entries are checked in steps of 256, each waiting its full share while the call stays in flight.
    expect(heldMs - quietMs).toBeGreaterThanOrEqual(Math.floor(10_000 / 256) * YIELD_MAX_MS * 0.8);
  });
});
