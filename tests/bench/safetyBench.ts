/**
 * Data safety at five-year scale (issue 12): the automatic backup (online copy,
 * gzip, fsync) and its size against the database, a restore (decompress,
 * integrity and schema check, reopen), a sale's latency while the automatic
 * backup runs against its quiet figure, and start-up after a clean close
 * (the full checks left to the background).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/app';
import { backupsDirOf } from '../../electron/core/backup/files';
import { writeBackup } from '../../electron/core/backup/create';
import type { CoreBenchOptions, Row } from './coreBench';
import { Rng } from './prng';
import { summarize } from './stats';

const MiB = 2 ** 20;

function call<T>(core: Core, method: string, input: unknown, who?: { sessionId: string }): T {
  const reply = core.call(method, input, who);
  if (!reply.ok) throw new Error(`${method} refused: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

export async function measureSafety(o: CoreBenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const realStart = Date.now();
  const now = () => new Date(o.startAt + 3 * 3600_000 + (Date.now() - realStart));
  let core = createCore({ dataDir: o.dataDir, now, backgroundChecksAfterMs: null });
  const db = core.db!;
  const rng = new Rng(o.meta.seed ^ 0x5afe);
  const products = (db.prepare('SELECT id FROM products WHERE active = 1').all() as { id: number }[]).map((p) => p.id);
  // Every call carries a session (SPEC §5): the shift's own cashier sells, the manager backs up and restores.
  const signIn = (staffId: number, pin: string) => ({ sessionId: call<{ sessionId: string }>(core, 'auth.signIn', { staffId, pin }).sessionId });
  const manager = signIn(o.meta.staff.managerId, o.meta.staff.managerPin);
  const current = call<{ id: number; cashierId: number } | null>(core, 'shifts.current', {}, manager);
  const cashier = o.meta.staff.cashiers.find((c) => c.id === current?.cashierId) ?? o.meta.staff.cashiers[1] ?? o.meta.staff.cashiers[0]!;
  const till = signIn(cashier.id, cashier.pin);
  const shiftId = current?.id ?? call<{ id: number }>(core, 'shifts.open', { openingFloat: 100_000 }, till).id;
  const sale = () => {
    const ids = new Set<number>();
    while (ids.size < 3) ids.add(rng.pick(products));
    const t0 = performance.now();
    const reply = core.call('sales.create', { id: rng.uuid(), shiftId, lines: [...ids].map((productId) => ({ productId, quantity: 1 })), payment: { method: 'cash', tendered: 5_000_000 } }, till);
    if (!reply.ok) throw new Error(`sales.create refused: ${reply.error.message}`);
    return performance.now() - t0;
  };
  const tick = () => new Promise((r) => setImmediate(r));

  // Quiet: sales one after another, yielding to the event loop between them as the till does.
  const n = Math.max(200, o.scale.iterations.salesCreate);
  for (let i = 0; i < 20; i++) sale();
  const quiet: number[] = [];
  for (let i = 0; i < n; i++) {
    quiet.push(sale());
    await tick();
  }

  // The automatic backup, with sales going on at the till's pace until it is done.
  db.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = fs.statSync(core.dbFile).size;
  const during: number[] = [];
  const t0 = performance.now();
  let done = false;
  const job = writeBackup(db, { folder: backupsDirOf(o.dataDir), kind: 'daily', at: now(), rotate: true }).finally(() => (done = true));
  while (!done) {
    during.push(sale());
    await tick();
  }
  const info = await job;
  const backupMs = performance.now() - t0;
  const ratio = info.sizeBytes / dbBytes;
  rows.push({
    key: 'backup_create',
    label: `automatic backup (online copy, gzip, fsync): ${(info.sizeBytes / MiB).toFixed(1)} MiB = ${(ratio * 100).toFixed(0)}% of the ${(dbBytes / MiB).toFixed(0)} MiB database`,
    time: summarize([backupMs]),
    budget: '—',
    ok: null,
    note: `backup size ${info.sizeBytes.toLocaleString('en')} bytes vs database ${dbBytes.toLocaleString('en')} bytes (${(ratio * 100).toFixed(1)}%); ${during.length} sales made while it ran`,
  });
  const q = summarize(quiet);
  const d = summarize(during);
  rows.push({
    key: 'sales_during_backup',
    label: 'sales.create while the automatic backup runs (floor = the same run, quiet)',
    time: d,
    floor: q,
    budget: 'p99 ≤ 2× quiet',
    ok: d.n >= 5 ? d.p99 <= 2 * q.p99 : null,
    note: `${d.n} sales during the backup, ${q.n} quiet`,
  });

  // Restore the backup just taken (a manager's approval, decompress, check, keep the current file aside, reopen).
  const approval = { staffId: o.meta.staff.managerId, pin: o.meta.staff.managerPin };
  const r0 = performance.now();
  const restored = await core.callAsync('backup.restore', { file: info.file, approval }, manager);
  const restoreMs = performance.now() - r0;
  if (!restored.ok) throw new Error(`backup.restore refused: ${restored.error.message}`);
  for (const f of fs.readdirSync(o.dataDir)) if (f.includes('.replaced-')) fs.rmSync(path.join(o.dataDir, f), { force: true });
  rows.push({
    key: 'backup_restore',
    label: 'backup.restore (decompress, integrity and schema check, reopen with full checks)',
    time: summarize([restoreMs]),
    budget: '—',
    ok: null,
  });

  // Start-up after a clean close: the full checks passed within the week, so they run in the background.
  const c0 = performance.now();
  await core.runBackgroundChecks();
  const checksMs = performance.now() - c0;
  const passed = core.status().health?.checks.state === 'passed';
  core.close();
  const starts: number[] = [];
  let state = '';
  for (let i = 0; i < 5; i++) {
    const s0 = performance.now();
    core = createCore({ dataDir: o.dataDir, now, backgroundChecksAfterMs: null });
    state = core.status().state;
    starts.push(performance.now() - s0);
    core.close();
  }
  const st = summarize(starts);
  rows.push({
    key: 'startup_clean',
    label: 'start-up to ready after a clean close (full checks in the background)',
    time: st,
    budget: '≤ 1 s',
    ok: state === 'ready' && passed ? st.p99 <= 1000 : false,
    note: `the background full checks (integrity_check, foreign_key_check, ledger.verify, stock.verify, sales journal) took ${(checksMs / 1000).toFixed(1)} s on a worker thread${passed ? '' : ' and FOUND PROBLEMS'}`,
  });
  return rows;
}
