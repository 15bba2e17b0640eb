/**
 * One thread of the store runtime (storeRuntime.ts). It runs the same core as
 * the tests do in-process, opened for its role, and answers the runtime's
 * messages in the order they come: in the writer that order is the write
 * queue, since a write runs to its end before the next one starts. A
 * long-work thread also checkpoints the WAL when the runtime asks
 * (`checkpoint` below).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { createCore } from '../app';
import { openDatabase } from '../db/open';
import { automaticBackup } from '../backup/schedule';
import { JobBoard, type JobFinished, type JobProgress } from './jobs';
import { flowSink } from './csvFlow';
import { CORE_EVENT_NAMES, type CheckpointPass, type CheckpointResult, type FromWorker, type ToWorker, type WorkerSetup } from './protocol';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
const clock = setup.clock ? new Float64Array(setup.clock) : null;

const now = clock ? () => new Date(clock[0]!) : () => new Date();
const jobs = new JobBoard(setup.jobs);
// The runtime holds the sessions and resolves each call's before sending it here: this core only says what it opens and ends.
const core = createCore({ ...setup.core, role: setup.role === 'writer' ? 'store' : 'reader', jobs, now, onSessionChange: (change) => send({ type: 'session', change }) });
for (const event of CORE_EVENT_NAMES) core.on(event, (payload) => send({ type: 'event', event, payload }));

/**
 * Copies the WAL's frames into the file, only while the till is quiet (no read or write in flight,
 * none answered for GRACE_MS): first PASSIVE (never waits for the writer or a reader; what an open
 * snapshot still needs stays for later), then RESTART, which copies the few frames written meanwhile
 * and lets the next commit write the WAL from its start again (a WAL that only grows makes every
 * commit extend the file). When the till is busy a pass is not run, and the runtime asks again
 * later; in a burst with no quiet moment the writer's own checkpoint bounds the WAL
 * (WRITER_CHECKPOINT_FRAMES). This connection has no busy handler: a sale or a snapshot in the way
 * makes RESTART give up at once instead of making the till wait. It is opened for this alone and
 * closed again, so no write connection outlives it on this thread (a restore swaps the file).
 */
function checkpoint(): CheckpointResult {
  let gaveWayMs = jobs.giveWay();
  if (!jobs.tillQuiet()) return { passive: null, restart: null, gaveWayMs };
  const db: Database.Database = openDatabase(core.dbFile, setup.core.nativeBinding ? { nativeBinding: setup.core.nativeBinding } : {});
  try {
    db.pragma('busy_timeout = 0');
    const pass = (mode: 'PASSIVE' | 'RESTART') => (db.pragma(`wal_checkpoint(${mode})`) as CheckpointPass[])[0]!;
    const passive = pass('PASSIVE');
    gaveWayMs += jobs.giveWay();
    const restart = jobs.tillQuiet() ? pass('RESTART') : null;
    return { passive, restart, gaveWayMs };
  } finally {
    db.close();
  }
}

/** After these the store may have changed state (set up, restored): the runtime learns the new status. */
const changesStatus = (method: string) => method.startsWith('setup.') || method === 'backup.restore';

/** Every message waits its turn in `queue` and runs one per turn of the event loop, in the order it came. */
const queue: ToWorker[] = [];
let draining = false;
const drain = () => {
  const next = queue.shift();
  if (!next) {
    draining = false;
    return;
  }
  handle(next);
  setImmediate(drain);
};

port.on('message', (message: ToWorker) => {
  queue.push(message);
  if (!draining) {
    draining = true;
    setImmediate(drain);
  }
});

function handle(message: ToWorker): void {
  if (message.type === 'call') {
    void core.callAsync(message.method, message.input, message.caller).then((reply) =>
      send({ type: 'reply', id: message.id, reply, ...(changesStatus(message.method) ? { status: core.status() } : {}) }),
    );
  } else if (message.type === 'stream') {
    // The export runs to its end on this thread (blocking while the shell catches up): no other call interleaves with its statement.
    const csvSink = flowSink(message.flow, (data) => send({ type: 'chunk', id: message.id, data }));
    void core.callAsync('export.stream', message.input, { ...message.caller, csvSink }).then((reply) => send({ type: 'reply', id: message.id, reply }));
  } else if (message.type === 'backup') {
    // The timer's backups are long work like a manager's: they report progress, on this thread's snapshot.
    const report = { cancellable: false, report: (payload: JobProgress) => send({ type: 'event', event: 'job.progress', payload }), finished: (payload: JobFinished) => send({ type: 'event', event: 'job.finished', payload }) };
    void jobs
      .run('backup.automatic', report, (job) => automaticBackup(core, message.kind, { now, progress: (done, total, phase) => job.progress(phase, done, total) }))
      .then((info) => send({ type: 'reply', id: message.id, reply: { ok: true, value: info } }));
  } else if (message.type === 'checkpoint') {
    let reply: FromWorker;
    try {
      reply = { type: 'reply', id: message.id, reply: { ok: true, value: checkpoint() } };
    } catch (err) {
      // A full disk or a locked file: the next checkpoint tries again; the WAL keeps every commit meanwhile.
      reply = { type: 'reply', id: message.id, reply: { ok: false, error: { code: 'INTERNAL', message: (err as Error).message } } };
    }
    send(reply);
  } else if (message.type === 'close') {
    core.close();
    send({ type: 'closed' });
    port.close();
  }
}

send({ type: 'ready', status: core.status() });
