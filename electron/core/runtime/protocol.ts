/** Messages between the store runtime (the UI's thread) and its worker threads. */
import type { CoreEventName, CoreEvents, Envelope } from '../../../shared/contract';
import type { StoreStatus } from '../../../shared/contract/system';
import type { Caller } from '../context';
import type { CoreOptions } from '../app';
import type { SessionChange } from '../staff/sessions';

/**
 * - `writer`: opens the store (start-up checks, migrations) and runs writes and exclusive work, one at a time;
 * - `reader`: a read-only connection for reads, beside the writer;
 * - `long`: a read-only connection of its own for long work (verify, backups, exports).
 */
export type WorkerRole = 'writer' | 'reader' | 'long';

/** What a worker is started with (structured-cloned: no functions). */
export interface WorkerSetup {
  role: WorkerRole;
  core: Omit<CoreOptions, 'now' | 'jobs' | 'role' | 'onSessionChange'>;
  /** The job board every thread shares (runtime/jobs.ts). */
  jobs: SharedArrayBuffer;
  /** A relayed clock (tests, the benchmark): the runtime writes its `now()` here before each call. */
  clock?: SharedArrayBuffer;
}

export type ToWorker =
  | { type: 'call'; id: number; method: string; input: unknown; caller?: Caller }
  | { type: 'backup'; id: number; kind: 'daily' | 'close' }
  /** To a long-work thread: run `export.stream`, posting its chunks; `flow` holds the acknowledgements (csvFlow.ts). */
  | { type: 'stream'; id: number; input: unknown; caller?: Caller; flow: SharedArrayBuffer }
  /** To a long-work thread: checkpoint the WAL into the file (PASSIVE, then RESTART) if the till is quiet (worker.ts). */
  | { type: 'checkpoint'; id: number }
  | { type: 'close' };

/** SQLite's answer to `PRAGMA wal_checkpoint`: busy (1: it could not finish), WAL frames, frames copied into the file. */
export interface CheckpointPass {
  busy: number;
  log: number;
  checkpointed: number;
}

/** What a checkpoint did, pass by pass (worker.ts; null: not run, the till was busy), and how long it gave way to the till. */
export interface CheckpointResult {
  passive: CheckpointPass | null;
  restart: CheckpointPass | null;
  gaveWayMs: number;
}

export type FromWorker =
  | { type: 'ready'; status: StoreStatus }
  | { type: 'reply'; id: number; reply: Envelope<unknown>; status?: StoreStatus }
  /** A chunk of a streamed export, before its reply. */
  | { type: 'chunk'; id: number; data: string }
  | { type: 'event'; event: CoreEventName; payload: CoreEvents[CoreEventName] }
  /** A session the thread's core opened or ended (the runtime holds them), sent before the call's reply; never relayed to a window. */
  | { type: 'session'; change: SessionChange }
  | { type: 'closed' };

/** Every push event a worker relays to the runtime (and the runtime to the windows). */
export const CORE_EVENT_NAMES: readonly CoreEventName[] = ['backup.completed', 'data.changed', 'job.progress', 'job.finished', 'store.restarted'];
