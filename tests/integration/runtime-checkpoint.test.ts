/**
 * WAL checkpoints in the store runtime (electron/core/runtime): a long-work
 * thread checkpoints a moment after writes, beside the till, and restarts the
 * WAL when the till is quiet; the writer's connection checkpoints at a commit
 * only past WRITER_CHECKPOINT_FRAMES; every commit stays in the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE_NAME, WRITER_CHECKPOINT_FRAMES } from '../../electron/core/app';
import { CHECKPOINT_AFTER_MS, StoreRuntime } from '../../electron/core/runtime/storeRuntime';
import { makeTestCore, tempDir } from '../helpers/core';

const runtimes: StoreRuntime[] = [];
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
});

function store() {
  const t = makeTestCore({ dataDir: tempDir() });
  t.ok('setup.complete', { mode: 'empty', storeName: 'Toko Uji' });
  const manager = t.manager();
  t.close();
  return { dataDir: t.dataDir, manager };
}

async function signIn(runtime: StoreRuntime, who: { staffId: number; pin: string }) {
  const reply = await runtime.call('auth.signIn', who);
  if (!reply.ok) throw new Error(`auth.signIn refused: ${reply.error.message}`);
  return { sessionId: (reply.value as { sessionId: string }).sessionId };
}

const until = async (what: string, done: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('checkpoints in the store runtime', () => {
  it('a long-work thread copies the WAL into the file after the writes and restarts it', async () => {
    const { dataDir, manager } = store();
    const runtime = await StoreRuntime.start({ dataDir, backgroundChecksAfterMs: null });
    runtimes.push(runtime);
    const who = await signIn(runtime, manager);
    expect(runtime.checkpointsForTest().runs).toBe(0);
    expect(runtime.threadsForTest().long).toHaveLength(0);

    // Some writes: each commit only appends to the WAL.
    const file = path.join(dataDir, DB_FILE_NAME);
    const big = 'x'.repeat(3_000);
    for (let i = 0; i < 60; i++) {
      const reply = await runtime.call('producers.create', { name: `Produsen ${i}`, shortName: `P${i}`, address: big.slice(0, 200), phone: '0812' }, who);
      expect(reply.ok).toBe(true);
    }
    const walAfterWrites = fs.statSync(`${file}-wal`).size;

    // A moment later a long-work thread has checkpointed every frame of the WAL into the file.
    await until('a checkpoint', () => runtime.checkpointsForTest().runs > 0);
    const first = runtime.checkpointsForTest().last!;
    expect(first.passive).toMatchObject({ busy: 0, log: expect.any(Number) });
    expect(first.passive!.log).toBeGreaterThan(0);
    expect(first.passive!.checkpointed).toBe(first.passive!.log);
    // The till was quiet: RESTART finished too, so the next commit writes the WAL from its start.
    expect(first.restart!.busy).toBe(0);
    expect(first.restart!.checkpointed).toBe(first.restart!.log);
    expect(runtime.threadsForTest().long.length).toBeGreaterThan(0);
    expect(walAfterWrites).toBeGreaterThan(0);

    // The file alone (a copy without its -wal) holds every committed producer: the frames were copied, not lost.
    const copy = path.join(tempDir(), 'copy.sqlite');
    fs.copyFileSync(file, copy);
    const alone = new Database(copy, { readonly: true });
    try {
      expect(alone.prepare("SELECT COUNT(*) FROM producers WHERE name LIKE 'Produsen %'").pluck().get()).toBe(60);
    } finally {
      alone.close();
    }

    // More writes, another checkpoint, at most one at a time and not before CHECKPOINT_AFTER_MS.
    const runs = runtime.checkpointsForTest().runs;
    const t0 = Date.now();
    expect((await runtime.call('producers.create', { name: 'Sesudahnya', shortName: 'Sesudah' }, who)).ok).toBe(true);
    await until('a second checkpoint', () => runtime.checkpointsForTest().runs > runs);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(CHECKPOINT_AFTER_MS - 5);
  });

  it('waits for a quiet till: while a call is in flight no checkpoint runs; once it is answered, one does', async () => {
    const { dataDir, manager } = store();
    const runtime = await StoreRuntime.start({ dataDir, backgroundChecksAfterMs: null });
    runtimes.push(runtime);
    const who = await signIn(runtime, manager);
    const board = runtime.boardForTest();
    board.callStarted(); // someone waits on a call throughout
    expect((await runtime.call('producers.create', { name: 'Saat Sibuk', shortName: 'Sibuk' }, who)).ok).toBe(true);
    // A try came and went without checkpointing anything.
    await until('a checkpoint put off', () => runtime.checkpointsForTest().skipped > 0);
    expect(runtime.checkpointsForTest().runs).toBe(0);
    board.callEnded();
    await until('a checkpoint once the till is quiet', () => runtime.checkpointsForTest().runs > 0);
    expect(runtime.checkpointsForTest().last!.passive!.checkpointed).toBeGreaterThan(0);
  });

  it("the store's own connection checkpoints at a commit only past WRITER_CHECKPOINT_FRAMES in the runtime (an in-process core keeps SQLite's 1,000)", () => {
    const { dataDir } = store();
    const inProcess = makeTestCore({ dataDir });
    expect(inProcess.core.db!.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    inProcess.close();
    const runtimeLike = createCore({ dataDir, checkpointsElsewhere: true, backgroundChecksAfterMs: null });
    try {
      expect(runtimeLike.db!.pragma('wal_autocheckpoint', { simple: true })).toBe(WRITER_CHECKPOINT_FRAMES);
      expect(WRITER_CHECKPOINT_FRAMES).toBeGreaterThanOrEqual(10 * 1000);
    } finally {
      runtimeLike.close();
    }
  });
});
