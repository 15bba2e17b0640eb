import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { HealthReport } from './open';

/**
 * The start-up checks of SPEC §9 (`quick_check`, `foreign_key_check`), run in
 * parallel so a five-year store is ready within the budget of SPEC §11.
 *
 * The work is a queue of read-only tasks: the whole `quick_check` (never split:
 * it also checks page accounting across every tree) and one
 * `foreign_key_check(<table>)` per table with references, biggest first. The
 * calling thread and the worker threads each take the next task from a shared
 * counter until the queue is empty, each on its own read-only connection. The
 * caller stays synchronous: it waits on a SharedArrayBuffer with Atomics.wait
 * for the workers' last tasks. If no worker starts, the caller runs every
 * task itself (the single-threaded fallback); if a worker never finishes a task
 * it took, the wait times out and the store refuses to trade.
 */

export interface ParallelCheckOptions {
  nativeBinding?: string;
  /**
   * Worker threads besides the calling thread. Default: one less than the cores, at most 2, and none for a
   * file under WORKER_MIN_BYTES (starting a worker costs more than it saves there).
   */
  workers?: number;
  /** Whether the calling thread takes tasks too (tests turn it off to prove the workers check). */
  callerTakesTasks?: boolean;
  /** mmap_size of the read-only check connections (0 turns it off). Default: the file's size plus room. */
  mmapBytes?: number;
  /** How long to wait for the workers' tasks once the caller has none left. */
  timeoutMs?: number;
  /** The better-sqlite3 module the workers load (tests give a broken one to exercise the fallback). */
  moduleId?: string;
  log?: (message: string) => void;
}

export interface TaskResult {
  task: string;
  /** 0 for the calling thread, else the worker's threadId. */
  thread: number;
  ms: number;
  /** quick_check lines, or the number of broken references. */
  quickCheck?: string[];
  foreignKeyProblems?: number;
  error?: string;
}

export interface ParallelHealthReport extends HealthReport {
  /** Why the checks could not complete (a task failed to run, or timed out). The store refuses then. */
  failure?: string;
  tasks: TaskResult[];
  workersStarted: number;
}

/** Below this the checks take well under 100 ms on one thread. */
export const WORKER_MIN_BYTES = 16 * 1024 * 1024;
const NEXT = 0;
const DONE = 1;
/** Map the whole file for the read-only checks (measured: ~10–15% faster than the page cache; a bigger cache_size did not help). */
const MMAP_CAP_BYTES = 2000 * 1024 * 1024;
function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
function probeMmapBytes(file: string): number {
  return Math.min(MMAP_CAP_BYTES, fileSize(file) + 64 * 1024 * 1024);
}

/** Plain JS: runs under vitest (TypeScript sources) and in the Electron main process alike. */
const WORKER_CODE = `
const { workerData, threadId } = require('node:worker_threads');
const { moduleId, file, nativeBinding, tasks, shared, port, mmap } = workerData;
const counter = new Int32Array(shared);
(function main() {
let db;
try {
  const Database = require(moduleId);
  db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('mmap_size = ' + mmap);
} catch (err) {
  // Took no task: the others run them all. The error reaches the main thread's log.
  port.close();
  throw new Error('cannot open the database: ' + String(err && err.message || err));
}
for (;;) {
  const i = Atomics.add(counter, 0, 1);
  if (i >= tasks.length) break;
  const task = tasks[i];
  const start = Date.now();
  const result = { task, thread: threadId };
  try {
    if (task === 'quick_check') result.quickCheck = db.pragma('quick_check').map((r) => r.quick_check);
    else result.foreignKeyProblems = db.pragma('foreign_key_check(' + JSON.stringify(task.slice(3)) + ')').length;
  } catch (err) {
    result.error = String(err && err.message || err);
  }
  result.ms = Date.now() - start;
  port.postMessage({ kind: 'result', index: i, result });
  Atomics.add(counter, 1, 1);
  Atomics.notify(counter, 1);
}
db.close();
port.close();
})();
`.replace(/^\n/, '');

function resolveModule(): string {
  const resolved = createRequire(path.join(__dirname, 'health.js')).resolve('better-sqlite3');
  // Packaged: better-sqlite3 is unpacked beside the archive (package.json asarUnpack); load the real files.
  const unpacked = resolved.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  return unpacked !== resolved && fs.existsSync(unpacked) ? unpacked : resolved;
}

/** Tasks, biggest first: quick_check, then `fk:<table>` for each table with references, by approximate size. */
export function planTasks(db: Database.Database): string[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  const maxRowid = (table: string): number | null => {
    try {
      // max(rowid) is one b-tree descent: a cheap stand-in for the row count.
      return Number((db.prepare(`SELECT max(rowid) AS n FROM ${JSON.stringify(table)}`).get() as { n: number | null }).n ?? 0);
    } catch {
      return null; // WITHOUT ROWID
    }
  };
  const weighted: { task: string; weight: number }[] = [];
  for (const { name } of tables) {
    const refs = db.pragma(`foreign_key_list(${JSON.stringify(name)})`) as { table: string }[];
    if (refs.length === 0) continue;
    // A WITHOUT ROWID table has no cheap size: assume it grows like the biggest table it references.
    const rows = maxRowid(name) ?? Math.max(0, ...refs.map((r) => maxRowid(r.table) ?? 0));
    weighted.push({ task: `fk:${name}`, weight: rows * (1 + refs.length) });
  }
  weighted.sort((a, b) => b.weight - a.weight);
  return ['quick_check', ...weighted.map((w) => w.task)];
}

function runTask(db: Database.Database, task: string): TaskResult {
  const start = Date.now();
  const result: TaskResult = { task, thread: 0, ms: 0 };
  try {
    if (task === 'quick_check') result.quickCheck = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    else result.foreignKeyProblems = (db.pragma(`foreign_key_check(${JSON.stringify(task.slice(3))})`) as unknown[]).length;
  } catch (err) {
    result.error = (err as Error).message;
  }
  result.ms = Date.now() - start;
  return result;
}

export function defaultWorkerCount(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(2, cores - 1));
}

/**
 * Runs the start-up checks on `db` (a read-only connection to `file`, used by the
 * calling thread) and on worker threads. Synchronous; never writes.
 */
export function checkHealthParallel(db: Database.Database, file: string, options: ParallelCheckOptions = {}): ParallelHealthReport {
  const log = options.log ?? ((m: string) => console.warn(`[core] ${m}`));
  const mmap = options.mmapBytes ?? probeMmapBytes(file);
  db.pragma(`mmap_size = ${mmap}`);
  const tasks = planTasks(db);
  const shared = new SharedArrayBuffer(8);
  const counter = new Int32Array(shared);
  const results: (TaskResult | undefined)[] = new Array(tasks.length);
  const ports: MessagePortLike[] = [];
  const workers: Worker[] = [];
  const wanted = options.workers ?? (fileSize(file) < WORKER_MIN_BYTES ? 0 : defaultWorkerCount());
  let moduleId: string | undefined;
  if (wanted > 0) {
    try {
      moduleId = options.moduleId ?? resolveModule();
    } catch (err) {
      log(`start-up checks run on one thread: better-sqlite3 cannot be located for workers (${(err as Error).message})`);
    }
  }
  for (let n = 0; moduleId && n < wanted; n++) {
    try {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(WORKER_CODE, {
        eval: true,
        workerData: {
          moduleId,
          file,
          nativeBinding: options.nativeBinding,
          tasks,
          shared,
          port: port2,
          mmap,
        },
        transferList: [port2],
      });
      worker.unref();
      // Reported after the fact (the caller has run the worker's share by then): visible in the log.
      worker.on('error', (err) => log(`a start-up check worker failed; the other threads ran its share (${err.message})`));
      workers.push(worker);
      ports.push(port1);
    } catch (err) {
      log(`start-up check worker could not start; the checks run on fewer threads (${(err as Error).message})`);
    }
  }
  if (wanted > 0 && workers.length === 0) log('start-up checks run on one thread (no worker thread started)');

  const drain = () => {
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const msg = m.message as { kind: string; index?: number; result?: TaskResult };
        if (msg.kind === 'result' && msg.index !== undefined && msg.result) results[msg.index] = msg.result;
      }
    }
  };

  if (options.callerTakesTasks !== false || workers.length === 0) {
    for (;;) {
      const i = Atomics.add(counter, NEXT, 1);
      if (i >= tasks.length) break;
      results[i] = runTask(db, tasks[i] as string);
      Atomics.add(counter, DONE, 1);
    }
  }

  const timeoutMs = options.timeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  let failure: string | undefined;
  for (;;) {
    const done = Atomics.load(counter, DONE);
    if (done >= tasks.length) break;
    const left = deadline - Date.now();
    if (left <= 0) {
      failure = `the integrity checks did not finish within ${Math.round(timeoutMs / 1000)} s`;
      break;
    }
    Atomics.wait(counter, DONE, done, Math.min(left, 250));
  }
  drain();
  // A worker posts its result before counting it done; give the message a moment to land.
  for (let spin = 0; !failure && results.some((r) => !r) && spin < 200; spin++) {
    Atomics.wait(counter, DONE, -1, 5);
    drain();
  }
  // Finished workers exit on their own; one still inside a check only reads, and is let go.
  if (failure) for (const worker of workers) void worker.terminate();
  for (const port of ports) port.close();

  const missing = tasks.filter((_, i) => !results[i]);
  if (!failure && missing.length) failure = `the integrity checks did not report (${missing.join(', ')})`;
  const done = results.filter((r): r is TaskResult => !!r);
  const errored = done.find((r) => r.error);
  if (!failure && errored?.error) failure = errored.error;
  const quick = done.find((r) => r.task === 'quick_check')?.quickCheck ?? [];
  const fkProblems = done.reduce((n, r) => n + (r.foreignKeyProblems ?? 0), 0);
  return {
    ok: !failure && quick.length === 1 && quick[0] === 'ok' && fkProblems === 0,
    quickCheck: quick,
    foreignKeyProblems: fkProblems,
    ...(failure ? { failure } : {}),
    tasks: done,
    workersStarted: workers.length,
  };
}

type MessagePortLike = import('node:worker_threads').MessagePort;
