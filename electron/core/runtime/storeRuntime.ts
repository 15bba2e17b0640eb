/**
 * The store runtime: the one place the core runs, in both shells, apart from
 * the thread that serves the UI (Electron's main process, the browser-mode
 * host). It starts worker threads and routes each call by its method's kind:
 *
 *   window / HTTP ──> StoreRuntime.call ──┬─ write, exclusive ─> writer thread (the one write queue)
 *                                         ├─ read ────────────> reader thread (read-only connection)
 *                                         └─ long ────────────> long-work threads (read-only, own snapshot)
 *
 * The runtime holds the signed-in sessions (staff/sessions.ts) and resolves each
 * call's before sending it: a click's read never waits for the writer to finish
 * the sale it is committing just to learn who is asking. What a thread's core
 * opens and ends (sign-in, sign-out, a restore ending them all) comes back to it
 * before that call's reply.
 *
 * Exclusive work (restore) waits until every call in flight has finished and
 * holds the new ones until it is done; afterwards the read-only threads are
 * started again on the restored file. Push events of every thread (progress,
 * backups, data changes) reach `on` listeners. If a thread dies it is started
 * again and `store.restarted` says so; the calls it had were answered
 * UNAVAILABLE except reads, which are asked again (a read changes nothing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { contract, isMethodName, type CoreEventName, type CoreEvents, type Envelope, type MethodKind } from '../../../shared/contract';
import type { BackupInfo, StoreStatus } from '../../../shared/contract/system';
import { DB_FILE_NAME, defaultDataDir, type CoreOptions } from '../app';
import type { Caller } from '../context';
import { SessionBook, type SessionChange } from '../staff/sessions';
import { JobBoard } from './jobs';
import { flowControl, newFlow } from './csvFlow';
import type { CsvSink } from './endpoint';
import type { CheckpointResult, FromWorker, ToWorker, WorkerRole, WorkerSetup } from './protocol';

/**
 * The young generation of each store thread, in MiB (V8's default is 48: a 16 MiB semi-space).
 * A report reads tens of thousands of rows into short-lived objects (the trust report
 * about 40 MB a call); with the default young generation many of them survive two
 * scavenges, reach the old generation, and a mark-compact of ~90 ms lands in some later
 * call. 96 MiB (a 32 MiB semi-space) lets them die young: on the five-year store the
 * trust report's p99 went from 139 to 101 ms and its GC time halved. Memory is only
 * taken as a thread allocates; `npm run bench` gives the in-process core the same
 * (`--max-semi-space-size=32`).
 */
export const STORE_THREAD_YOUNG_GENERATION_MB = 96;

/**
 * How long after a write the WAL is checkpointed into the file, on a long-work thread, when the
 * till is quiet (worker.ts: a PASSIVE pass, then RESTART, so the next commit writes the WAL from its
 * start again; while the till is busy it is asked again this long later). SQLite's automatic
 * checkpoint at every 1,000 WAL pages copied pages and synced the file inside whichever sale
 * crossed the mark, about one sale in twenty here: the till's slowest sales. The writer now
 * checkpoints only past WRITER_CHECKPOINT_FRAMES (app.ts). At most one checkpoint runs at a time.
 */
export const CHECKPOINT_AFTER_MS = 1000;

export interface RuntimeOptions extends Omit<CoreOptions, 'jobs' | 'role' | 'onSessionChange'> {
  /** Threads for long work (default 2: one verify or export never waits behind another). */
  longWorkers?: number;
}

type Pending = {
  message: Extract<ToWorker, { type: 'call' | 'backup' | 'stream' | 'checkpoint' }>;
  kind: MethodKind | 'backup' | 'checkpoint';
  resolve: (reply: Envelope<unknown>) => void;
  /** A streamed export's chunks, as they come. */
  onChunk?: (data: string) => void;
};

interface Thread {
  role: WorkerRole;
  worker: Worker;
  ready: Promise<StoreStatus>;
  pending: Map<number, Pending>;
  closing: boolean;
}

/** The compiled worker beside this file, or (tests, the benchmark under tsx) its TypeScript source through tsx. */
function workerEntry(): { file: string; execArgv: string[] } {
  const js = path.join(__dirname, 'worker.js');
  if (fs.existsSync(js)) return { file: js, execArgv: [] };
  const tsx = createRequire(path.join(__dirname, 'storeRuntime.js')).resolve('tsx/cjs');
  return { file: path.join(__dirname, 'worker.ts'), execArgv: ['--require', tsx] };
}

const restartedText = {
  id: 'Mesin toko berhenti dan sudah dinyalakan lagi. Permintaan ini tidak diulang; periksa apakah sudah tercatat sebelum mencoba lagi.',
  en: 'The store engine stopped and was started again. This request was not retried; check whether it was recorded before trying again.',
};

export class StoreRuntime {
  readonly dataDir: string;
  readonly dbFile: string;
  private readonly setupBase: Omit<WorkerSetup, 'role'>;
  private readonly now?: () => Date;
  private readonly clock?: Float64Array;
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private writer!: Thread;
  private reader: Thread | null = null;
  private long: Thread[] = [];
  private readonly longCount: number;
  private nextId = 1;
  private lastStatus!: StoreStatus;
  private exclusive: Promise<unknown> | null = null;
  private closed = false;
  private lang: 'id' | 'en' = 'id';
  /** The board every thread shares: jobs, and the calls in flight that long work gives way to (jobs.ts). */
  private readonly board = new JobBoard();
  /** The signed-in sessions; the writer's core says the store's idle time before it is ready, and again when it changes. */
  private readonly sessions = new SessionBook();
  private sessionIdleMs = 10 * 60_000;
  /** A checkpoint is due (a write since the last one began) or running; what the last one did, for tests. */
  private checkpointDue = false;
  private checkpointTimer: NodeJS.Timeout | null = null;
  private checkpoints = { runs: 0, skipped: 0, last: null as CheckpointResult | null };

  private constructor(options: RuntimeOptions) {
    this.dataDir = options.dataDir ? path.resolve(options.dataDir) : defaultDataDir();
    this.dbFile = path.join(this.dataDir, DB_FILE_NAME);
    this.longCount = Math.max(1, options.longWorkers ?? 2);
    const { now, longWorkers: _longWorkers, ...core } = options;
    let clockBuffer: SharedArrayBuffer | undefined;
    if (now) {
      this.now = now;
      clockBuffer = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT);
      this.clock = new Float64Array(clockBuffer);
      this.clock[0] = now().getTime();
    }
    this.setupBase = { core: { ...core, dataDir: this.dataDir, checkpointsElsewhere: true }, jobs: this.board.buffer, ...(clockBuffer ? { clock: clockBuffer } : {}) };
  }

  /** Starts the writer (which opens and checks the store), then the read-only threads if the store trades. */
  static async start(options: RuntimeOptions = {}): Promise<StoreRuntime> {
    const runtime = new StoreRuntime(options);
    runtime.writer = runtime.spawn('writer');
    runtime.lastStatus = await runtime.writer.ready;
    if (runtime.lastStatus.state === 'ready') await runtime.startReaders();
    return runtime;
  }

  private async startReaders(): Promise<void> {
    this.reader = this.spawn('reader');
    await this.reader.ready;
  }

  private spawn(role: WorkerRole): Thread {
    const entry = workerEntry();
    const worker = new Worker(entry.file, {
      workerData: { ...this.setupBase, role } satisfies WorkerSetup,
      execArgv: entry.execArgv,
      resourceLimits: { maxYoungGenerationSizeMb: STORE_THREAD_YOUNG_GENERATION_MB },
    });
    let markReady!: (status: StoreStatus) => void;
    const thread: Thread = { role, worker, ready: new Promise((r) => (markReady = r)), pending: new Map(), closing: false };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') markReady(message.status);
      else if (message.type === 'reply') {
        const pending = thread.pending.get(message.id);
        thread.pending.delete(message.id);
        if (message.status) this.lastStatus = message.status;
        pending?.resolve(message.reply);
      } else if (message.type === 'chunk') thread.pending.get(message.id)?.onChunk?.(message.data);
      else if (message.type === 'event') this.emit(message.event, message.payload);
      else if (message.type === 'session') this.sessionChanged(message.change);
    });
    worker.on('error', (err) => console.error(`[runtime] the ${role} thread failed:`, err));
    worker.on('exit', (code) => {
      if (thread.closing || this.closed) return;
      this.restart(thread, `the ${role} thread stopped (exit code ${code})`);
    });
    return thread;
  }

  /** A thread died: start a new one, ask its reads again, answer everything else UNAVAILABLE (never re-applied). */
  private restart(dead: Thread, reason: string): void {
    console.error(`[runtime] ${reason}; starting it again`);
    const fresh = this.spawn(dead.role);
    if (dead.role === 'writer') this.writer = fresh;
    else if (dead.role === 'reader') this.reader = fresh;
    else this.long = this.long.map((t) => (t === dead ? fresh : t));
    const text = restartedText[this.lang];
    for (const pending of dead.pending.values()) {
      if (pending.kind === 'read') void fresh.ready.then(() => this.post(fresh, pending));
      else pending.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: text } });
    }
    dead.pending.clear();
    void fresh.ready.then((status) => {
      if (dead.role === 'writer') this.lastStatus = status;
      this.emit('store.restarted', { reason });
    });
  }

  private sessionChanged(change: SessionChange): void {
    if (change.type === 'idle') this.sessionIdleMs = change.idleMs;
    else this.sessions.apply(change);
  }

  /** The caller's session as the runtime holds it (touched if live): the only `resolved` a thread ever gets. */
  private resolve(caller: Caller | undefined): Caller {
    const sessionId = typeof caller?.sessionId === 'string' ? caller.sessionId : undefined;
    const resolved = this.sessions.resolve(sessionId, this.now ? this.now().getTime() : Date.now(), this.sessionIdleMs);
    return sessionId ? { sessionId, resolved } : { resolved };
  }

  private post(thread: Thread, pending: Pending): void {
    thread.pending.set(pending.message.id, pending);
    thread.worker.postMessage(pending.message);
  }

  private send(thread: Thread, message: Pending['message'], kind: Pending['kind'], onChunk?: (data: string) => void): Promise<Envelope<unknown>> {
    if (this.clock && this.now) this.clock[0] = this.now().getTime();
    return new Promise((resolve) => this.post(thread, { message, kind, resolve, ...(onChunk ? { onChunk } : {}) }));
  }

  private longThread(): Thread {
    // The least busy long-work thread; a new one while fewer than allowed are running.
    const idle = this.long.find((t) => t.pending.size === 0);
    if (idle) return idle;
    if (this.long.length < this.longCount) {
      const thread = this.spawn('long');
      this.long.push(thread);
      return thread;
    }
    return this.long.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  private inFlight(): number {
    return [this.writer, this.reader, ...this.long].reduce((n, t) => n + (t?.pending.size ?? 0), 0);
  }

  private async drain(): Promise<void> {
    while (this.inFlight() > 0) await new Promise((r) => setTimeout(r, 5));
  }

  /** Validates and runs one contract method on the thread its kind names; never rejects. `caller` goes along unchanged. */
  async call(method: string, input: unknown, caller?: Caller): Promise<Envelope<unknown>> {
    while (this.exclusive) await this.exclusive.catch(() => undefined);
    if (this.closed) return { ok: false, error: { code: 'UNAVAILABLE', message: this.lang === 'id' ? 'Toko sudah ditutup.' : 'The store is closed.' } };
    const kind: MethodKind = isMethodName(method) ? contract[method].kind : 'read';
    // Only the session id comes from outside; the resolved session is the runtime's own word.
    const message = { type: 'call' as const, id: this.nextId++, method, input, caller: this.resolve(caller) };
    const trading = this.lastStatus.state === 'ready' && this.reader !== null;
    if (kind === 'exclusive' || !trading) return this.runExclusive(message, kind);
    const thread = kind === 'read' ? this.reader! : kind === 'long' ? this.longThread() : this.writer;
    // Someone waits on a read or a write (a click, the till): long work gives way until it is answered (jobs.ts).
    const waitedOn = kind === 'read' || kind === 'write';
    if (waitedOn) this.board.callStarted();
    let reply: Envelope<unknown>;
    try {
      if (thread !== this.writer) await thread.ready;
      reply = await this.send(thread, message, kind);
    } finally {
      if (waitedOn) this.board.callEnded();
    }
    if (kind === 'write') this.scheduleCheckpoint();
    if (method === 'settings.update' && reply.ok) this.lang = (reply.value as { language?: 'id' | 'en' }).language ?? this.lang;
    return reply;
  }

  /**
   * A streamed CSV export (`export.stream`) on a long-work thread: its chunks go to `sink` in order as they
   * come; the thread runs at most FLOW_WINDOW chunks ahead of the sink and stops when the sink's reader goes.
   */
  async streamCsv(input: unknown, caller: Caller, sink: CsvSink): Promise<Envelope<unknown>> {
    while (this.exclusive) await this.exclusive.catch(() => undefined);
    if (this.closed || this.lastStatus.state !== 'ready') {
      return { ok: false, error: { code: 'UNAVAILABLE', message: this.lang === 'id' ? 'Toko belum siap.' : 'The store is not ready.' } };
    }
    const from = this.resolve(caller);
    const thread = this.longThread();
    await thread.ready;
    const flow = newFlow();
    const control = flowControl(flow);
    sink.onStop(() => control.stop());
    let written = Promise.resolve();
    const onChunk = (data: string) => {
      written = written.then(async () => {
        if (!sink.stopped()) await sink.write(data);
        if (sink.stopped()) control.stop();
        control.ack();
      });
    };
    const reply = await this.send(thread, { type: 'stream', id: this.nextId++, input, caller: from, flow }, 'long', onChunk);
    await written;
    return reply;
  }

  /** The same as `call`: the name the in-process core and the IPC handler use. */
  callAsync(method: string, input: unknown, caller?: Caller): Promise<Envelope<unknown>> {
    return this.call(method, input, caller);
  }

  /** Holds every new call, lets the calls in flight finish, runs on the writer, then reopens the read-only threads. */
  private runExclusive(message: Extract<ToWorker, { type: 'call' }>, kind: MethodKind): Promise<Envelope<unknown>> {
    const work = (async () => {
      await this.drain();
      const before = this.lastStatus.state;
      const reply = await this.send(this.writer, message, kind);
      if (kind === 'exclusive' || before !== this.lastStatus.state) await this.recycleReaders();
      return reply;
    })();
    this.exclusive = work;
    return work.finally(() => {
      if (this.exclusive === work) this.exclusive = null;
    });
  }

  /** The read-only threads hold the old file open; after a restore (or the store opening) they start again. */
  private async recycleReaders(): Promise<void> {
    const old = [this.reader, ...this.long].filter((t): t is Thread => t !== null);
    this.reader = null;
    this.long = [];
    await Promise.all(old.map((t) => this.stopThread(t)));
    if (this.lastStatus.state === 'ready') await this.startReaders();
  }

  private async stopThread(thread: Thread): Promise<void> {
    thread.closing = true;
    const exited = new Promise<void>((resolve) => thread.worker.once('exit', () => resolve()));
    thread.worker.postMessage({ type: 'close' } satisfies ToWorker);
    const timer = setTimeout(() => void thread.worker.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }

  /** A write happened: the WAL is checkpointed CHECKPOINT_AFTER_MS later, or after the one running now. */
  private scheduleCheckpoint(): void {
    this.checkpointDue = true;
    if (this.checkpointTimer || this.closed) return;
    this.checkpointTimer = setTimeout(() => void this.checkpoint(), CHECKPOINT_AFTER_MS);
    this.checkpointTimer.unref?.();
  }

  private async checkpoint(): Promise<void> {
    try {
      while (this.exclusive) await this.exclusive.catch(() => undefined);
      // Nothing to checkpoint on a closed or refused store: the next write asks again.
      this.checkpointDue = false;
      if (this.closed || this.lastStatus.state !== 'ready') return;
      const thread = this.longThread();
      await thread.ready;
      if (this.closed) return;
      const reply = await this.send(thread, { type: 'checkpoint', id: this.nextId++ }, 'checkpoint');
      if (!reply.ok) console.error(`[runtime] a checkpoint failed: ${reply.error.message}`);
      else {
        const result = reply.value as CheckpointResult;
        // The till was busy throughout: not run; asked again.
        if (!result.passive) {
          this.checkpointDue = true;
          this.checkpoints = { ...this.checkpoints, skipped: this.checkpoints.skipped + 1 };
        } else this.checkpoints = { ...this.checkpoints, runs: this.checkpoints.runs + 1, last: result };
      }
    } finally {
      this.checkpointTimer = null;
      if (this.checkpointDue && !this.closed) this.scheduleCheckpoint();
    }
  }

  /** For tests of the checkpoints: how many ran, how many were put off (the till was busy), and what the last one did. */
  checkpointsForTest(): { runs: number; skipped: number; last: CheckpointResult | null } {
    return this.checkpoints;
  }

  /** The timer's and the close's backup: long work on a long-work thread; null when the store is not open. */
  async automaticBackup(kind: 'daily' | 'close'): Promise<BackupInfo | null> {
    if (this.closed || this.lastStatus.state !== 'ready') return null;
    const thread = this.longThread();
    await thread.ready;
    const reply = await this.send(thread, { type: 'backup', id: this.nextId++, kind }, 'backup');
    return reply.ok ? (reply.value as BackupInfo | null) : null;
  }

  status(): StoreStatus {
    return this.lastStatus;
  }

  on<E extends CoreEventName>(event: E, listener: (payload: CoreEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (p: unknown) => void);
    return () => set!.delete(listener as (p: unknown) => void);
  }

  private emit(event: CoreEventName, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (err) {
        console.error(`[runtime] a listener of ${event} failed`, err);
      }
    }
  }

  /** For tests of giving way: the board the threads share (jobs.ts). */
  boardForTest(): JobBoard {
    return this.board;
  }

  /** For tests of the restart: the threads as they run now. */
  threadsForTest(): { writer: Worker; reader: Worker | null; long: Worker[] } {
    return { writer: this.writer.worker, reader: this.reader?.worker ?? null, long: this.long.map((t) => t.worker) };
  }

  /** Lets the calls in flight finish, then closes every thread's connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.drain();
    this.closed = true;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    await Promise.all([this.reader, ...this.long].filter((t): t is Thread => t !== null).map((t) => this.stopThread(t)));
    await this.stopThread(this.writer);
  }
}
