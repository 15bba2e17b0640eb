/**
 * Long work's progress and cancellation (SPEC §11: long work shows progress
 * and can be cancelled where that is safe).
 *
 * A job board is a small table in a SharedArrayBuffer, so that every thread
 * of the store runtime sees the same jobs: the long worker that runs a
 * verify registers it and checks its slot between rows, and `jobs.cancel`,
 * answered by whichever thread gets it, flips that slot. A job id names its
 * slot and the slot's generation (`"3.17"`), so an old id never cancels a
 * newer job in the same slot. The in-process core (tests) uses a board of its
 * own; there a job can only be cancelled from its own progress callback.
 *
 * The board also counts the calls in flight that someone is waiting on: the
 * till's writes and the screens' reads (`callStarted`/`callEnded`, kept by
 * the store runtime). Long work gives way to them (SPEC §11: long work never
 * stalls the till): at each progress step, while such a call is in flight,
 * the job waits for it to be answered, and then for the till to stay quiet
 * for GRACE_MS (the next scan of the same customer comes right after the
 * last), for at most YIELD_MAX_MS a step. On a two-core machine a backup's
 * compression or a verify's hashing otherwise competes with the sale for the
 * processor and the disk; this way it runs while the till is idle, at full
 * speed when the shop is quiet, and always moves on.
 */
import { AppError } from '../errors';

const SLOTS = 64;
/** Per slot: [generation, state]. */
const FIELDS = 2;
/** After the slots: how many waited-on calls (reads, writes) are in flight, and when the last one ended (Date.now() & CLOCK_MASK). */
const CALLS = SLOTS * FIELDS;
const LAST_ENDED = CALLS + 1;
const CLOCK_MASK = 0x3fffffff;
/** The longest a job waits at one progress step: a job always moves on, however busy the till. */
export const YIELD_MAX_MS = 25;
/** How long the till must have been quiet before long work goes on. */
export const GRACE_MS = 3;
const FREE = 0;
const RUNNING = 1;
const CANCEL_REQUESTED = 2;

import type { JobFinished, JobProgress } from '../../../shared/contract/jobs';

export type { JobFinished, JobProgress };

/** What a long handler reports through (`ctx.job`). */
export interface JobReporter {
  readonly id: string;
  /**
   * Reports how far the work is (done of total, in the phase's own unit).
   * Throws a CANCELLED refusal when cancellation was asked for and the job is
   * cancellable: the handler must call it only where stopping changes nothing.
   */
  progress(phase: string, done: number, total: number): void;
  cancelled(): boolean;
}

export const cancelledError = () =>
  new AppError('CONFLICT', { id: 'Dibatalkan. Tidak ada yang berubah.', en: 'Cancelled. Nothing was changed.' });

export function isCancelled(err: unknown): boolean {
  return err instanceof AppError && err.code === 'CONFLICT' && err.text.en.startsWith('Cancelled.');
}

/** A reporter for calls that are not long work: reports nothing, is never cancelled. */
export const QUIET_JOB: JobReporter = { id: '', progress: () => undefined, cancelled: () => false };

export class JobBoard {
  readonly buffer: SharedArrayBuffer;
  private readonly cells: Int32Array;

  constructor(buffer?: SharedArrayBuffer) {
    this.buffer = buffer ?? new SharedArrayBuffer((LAST_ENDED + 1) * Int32Array.BYTES_PER_ELEMENT);
    this.cells = new Int32Array(this.buffer);
    if (!buffer) Atomics.store(this.cells, LAST_ENDED, (Date.now() - 60_000) & CLOCK_MASK);
  }

  /** A call someone waits on (a read, a write) was sent; `callEnded` when it is answered. */
  callStarted(): void {
    Atomics.add(this.cells, CALLS, 1);
  }

  callEnded(): void {
    Atomics.store(this.cells, LAST_ENDED, Date.now() & CLOCK_MASK);
    Atomics.sub(this.cells, CALLS, 1);
    Atomics.notify(this.cells, CALLS);
  }

  callsInFlight(): number {
    return Atomics.load(this.cells, CALLS);
  }

  /**
   * Long work's side: while calls are in flight, wait until they are
   * answered, then until none has ended for GRACE_MS; at most `maxMs` in all.
   * Returns the time waited. Blocks the calling thread, a long-work thread.
   */
  giveWay(maxMs = YIELD_MAX_MS): number {
    if (this.tillQuiet()) return 0;
    const t0 = performance.now();
    for (;;) {
      const left = maxMs - (performance.now() - t0);
      if (left <= 0) break;
      const inFlight = Atomics.load(this.cells, CALLS);
      const quiet = this.quietFor();
      // A call in flight: until one is answered. None: out the grace (a call starting meanwhile is seen after it).
      if (inFlight > 0) Atomics.wait(this.cells, CALLS, inFlight, left);
      else if (quiet < GRACE_MS) Atomics.wait(this.cells, CALLS, 0, Math.min(left, GRACE_MS - quiet));
      else break;
    }
    return performance.now() - t0;
  }

  /** No read or write in flight, and none answered in the last GRACE_MS. */
  tillQuiet(): boolean {
    return Atomics.load(this.cells, CALLS) <= 0 && this.quietFor() >= GRACE_MS;
  }

  private quietFor(): number {
    return (Date.now() - Atomics.load(this.cells, LAST_ENDED)) & CLOCK_MASK;
  }

  /** Takes a free slot; null when all are busy (the job then runs without cancellation). */
  private claim(): string | null {
    for (let slot = 0; slot < SLOTS; slot++) {
      if (Atomics.compareExchange(this.cells, slot * FIELDS + 1, FREE, RUNNING) === FREE) {
        const generation = Atomics.add(this.cells, slot * FIELDS, 1) + 1;
        return `${slot}.${generation}`;
      }
    }
    return null;
  }

  private slotOf(jobId: string): number | null {
    const m = /^(\d+)\.(\d+)$/.exec(jobId);
    if (!m) return null;
    const slot = Number(m[1]);
    if (slot >= SLOTS || Atomics.load(this.cells, slot * FIELDS) !== Number(m[2])) return null;
    return slot;
  }

  /** Asks a running job to stop at its next safe point; false when there is no such job (finished, unknown). */
  cancel(jobId: string): boolean {
    const slot = this.slotOf(jobId);
    if (slot === null) return false;
    const state = Atomics.compareExchange(this.cells, slot * FIELDS + 1, RUNNING, CANCEL_REQUESTED);
    return state === RUNNING || state === CANCEL_REQUESTED;
  }

  /**
   * Runs `work` as a job: progress goes to `report` (at most every `everyMs`,
   * and always for a new phase and the last step), and the job leaves the
   * board when the work ends, however it ends.
   */
  run<T>(
    method: string,
    options: { cancellable: boolean; everyMs?: number; report: (p: JobProgress) => void; finished?: (f: JobFinished) => void },
    work: (job: JobReporter) => T,
  ): T {
    const claimed = this.claim();
    const id = claimed ?? `x.${Date.now()}`;
    const slot = claimed ? Number(claimed.split('.')[0]) : -1;
    const everyMs = options.everyMs ?? 100;
    let lastAt = 0;
    let lastPhase = '';
    let gaveWayMs = 0;
    const cancelAsked = () => slot >= 0 && Atomics.load(this.cells, slot * FIELDS + 1) === CANCEL_REQUESTED;
    const job: JobReporter = {
      id,
      cancelled: cancelAsked,
      progress: (phase, done, total) => {
        if (options.cancellable && cancelAsked()) throw cancelledError();
        gaveWayMs += this.giveWay();
        const at = Date.now();
        if (phase !== lastPhase || done >= total || at - lastAt >= everyMs) {
          lastAt = at;
          lastPhase = phase;
          options.report({ jobId: id, method, phase, done, total, cancellable: options.cancellable });
        }
      },
    };
    const finish = (outcome: JobFinished['outcome']) => {
      if (slot >= 0) Atomics.store(this.cells, slot * FIELDS + 1, FREE);
      options.finished?.({ jobId: id, method, outcome, gaveWayMs: Math.round(gaveWayMs) });
    };
    options.report({ jobId: id, method, phase: 'start', done: 0, total: 0, cancellable: options.cancellable });
    let result: T;
    try {
      result = work(job);
    } catch (err) {
      finish(isCancelled(err) ? 'cancelled' : 'failed');
      throw err;
    }
    if (isThenable(result)) {
      return result.then(
        (v) => {
          finish('done');
          return v;
        },
        (err: unknown) => {
          finish(isCancelled(err) ? 'cancelled' : 'failed');
          throw err;
        },
      ) as T;
    }
    finish('done');
    return result;
  }
}

export const isThenable = (v: unknown): v is Promise<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
