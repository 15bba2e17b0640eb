/** Dispatch by kind (electron/core/dispatch.ts): reads never take the write lock, writes do, long work is a job, batches are checked. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../electron/core/app';
import type { CoreContext } from '../../electron/core/context';
import { openDatabase } from '../../electron/core/db/open';
import { dispatchInBatch } from '../../electron/core/dispatch';
import { settlementHandlers } from '../../electron/core/settlement/handlers';
import { QUIET_JOB } from '../../electron/core/runtime/jobs';
import type { JobProgress } from '../../shared/contract/jobs';
import { makeTestCore } from '../helpers/core';

describe('dispatch by kind', () => {
  it('a read answers while another connection holds the write lock; a write does not get it', () => {
    const t = makeTestCore();
    t.ok('setup.complete', { mode: 'empty', storeName: 'Toko Kunci' });
    t.ok('producers.create', { name: 'Bu Siti', shortName: 'Siti' });
    const other = openDatabase(path.join(t.dataDir, DB_FILE_NAME));
    other.pragma('busy_timeout = 0');
    t.core.db!.pragma('busy_timeout = 50');
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const started = performance.now();
      expect(t.ok('producers.list', {}).rows.map((p) => p.name)).toEqual(['Bu Siti']);
      expect(t.ok('settlements.owed', {})).toBeTruthy();
      expect(performance.now() - started).toBeLessThan(1000);
      // The write needs the lock the other connection holds: refused, nothing written.
      expect(t.err('producers.create', { name: 'Pak Darto', shortName: 'Darto' }).code).toBe('INTERNAL');
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    expect(t.ok('producers.list', {}).rows.map((p) => p.name)).toEqual(['Bu Siti']);
    t.close();
  });

  it('long work reports progress as a job; exclusive work is refused on the synchronous entry', () => {
    const t = makeTestCore();
    t.ok('setup.complete', { mode: 'empty', storeName: 'Toko Kerja' });
    const events: JobProgress[] = [];
    t.core.on('job.progress', (p) => events.push(p));
    expect(t.ok('ledger.verify', {})).toMatchObject({ ok: true });
    expect(events[0]).toMatchObject({ method: 'ledger.verify', phase: 'start', cancellable: true });
    expect(events.some((e) => e.phase === 'hashing')).toBe(true);
    expect(t.raw('backup.restore', { file: '/tmp/none.sqlite' })).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('callAsync') } });
    t.close();
  });

  it('the batch entry point validates input and refuses unknown, long and exclusive methods', () => {
    const t = makeTestCore();
    const db = t.core.db!;
    const ctx = { db, now: t.clock.now, lang: () => 'en', timeZone: () => 'Asia/Jakarta', dataDir: t.dataDir, shell: 'browser', emit: () => undefined, job: QUIET_JOB, actor: null, session: { open: () => '', end: () => undefined }, durable: () => undefined } as CoreContext;
    db.transaction(() => {
      expect(() => dispatchInBatch(settlementHandlers, 'ledger.verify', {}, ctx)).toThrow(/long work/);
      expect(() => dispatchInBatch(settlementHandlers, 'no.such', {}, ctx)).toThrow(/Unknown method/);
      expect(() => dispatchInBatch(settlementHandlers, 'ledger.balances', { extra: 1 }, ctx)).toThrow(/Unknown field/);
      expect(dispatchInBatch(settlementHandlers, 'ledger.balances', {}, ctx)).toEqual([]);
    })();
    expect(() => dispatchInBatch(settlementHandlers, 'ledger.balances', {}, ctx)).toThrow(/inside its caller's transaction/);
    t.close();
  });
});
