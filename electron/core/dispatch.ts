/**
 * Dispatch by kind: every contract method declares how it runs
 * (shared/contract/define.ts), and this is the one place that acts on it.
 *
 * - `read`: on a read-only connection, inside one deferred read transaction
 *   (one snapshot for all its queries); it never takes the write lock, so in
 *   WAL mode it runs beside a write.
 * - `write`: on the write connection, in one immediate transaction; the
 *   runtime's single writer thread makes them one at a time.
 * - `long`: like a read (a snapshot on a read-only connection), run as a job
 *   that reports progress and may be cancelled (runtime/jobs.ts). A long
 *   handler that is asynchronous (a backup copying pages between event-loop
 *   turns) manages its own connection.
 * - `exclusive`: waits until the calls in flight have finished, holds every
 *   new call until it is done, and manages the database itself (restore).
 *
 * `runSync` serves `Core.call` (the in-process entry the tests use) and
 * answers every method whose work is synchronous; `runAsync` serves
 * `Core.callAsync` and the runtime's workers.
 */
import type Database from 'better-sqlite3';
import { contract, isMethodName, type Envelope, type MethodKind, type MethodName } from '../../shared/contract';
import type { Lang } from '../../shared/i18nText';
import type { Caller, CoreContext } from './context';
import { errorEnvelope, validationError } from './envelope';
import { AppError } from './errors';
import { isThenable, QUIET_JOB, type JobBoard, type JobReporter } from './runtime/jobs';
import type { CoreEventName, CoreEvents } from '../../shared/contract';

export interface Found {
  method: MethodName;
  input: unknown;
  handler: (input: unknown, ctx: CoreContext) => unknown;
  /** Who is calling and what must outlive the call: the core builds the context from these. */
  actor?: CoreContext['actor'];
  caller?: Caller;
  durable?: ((db: Database.Database) => void)[];
}

export interface DispatchDeps {
  /** The write connection; null while the store is refused, and in a read-only runtime worker. */
  writeDb(): Database.Database | null;
  /** A read-only connection to the same file; null while the store is refused. */
  readDb(): Database.Database | null;
  ctxFor(db: Database.Database | null, job: JobReporter, found?: Found): CoreContext;
  lang(): Lang;
  jobs: JobBoard;
  emit<E extends CoreEventName>(event: E, payload: CoreEvents[E]): void;
  afterSuccess(method: string): void;
  /** How a thrown error becomes the reply (the core names a full disk or a read-only folder); default errorEnvelope. */
  toErrorEnvelope?(err: unknown): Envelope<never>;
}

/** Which methods cancelling can stop without leaving anything half done: they only read. */
const CANCELLABLE_LONG = (method: MethodName) => method !== 'backup.create';

const isAsyncFunction = (fn: unknown) => typeof fn === 'function' && fn.constructor.name === 'AsyncFunction';

export const kindOf = (method: MethodName): MethodKind => contract[method].kind;

function refusal(code: 'INTERNAL' | 'UNAVAILABLE', lang: Lang, id: string, en: string): Envelope<never> {
  return { ok: false, error: { code, message: lang === 'id' ? id : en } };
}

export function createDispatcher(deps: DispatchDeps) {
  /** Calls in flight through runAsync, and the exclusive call holding the store, if any. */
  let inFlight = 0;
  let drained: (() => void) | null = null;
  let exclusive: Promise<unknown> | null = null;

  const inReadSnapshot = (db: Database.Database, found: Found, job: JobReporter) =>
    db.transaction(() => {
      const result = found.handler(found.input, deps.ctxFor(db, job, found));
      if (isThenable(result)) throw new Error(`${found.method} returned a Promise inside a read snapshot`);
      return result;
    }).deferred();

  const inWriteTransaction = (db: Database.Database, found: Found) =>
    db.transaction(() => {
      const result = found.handler(found.input, deps.ctxFor(db, QUIET_JOB, found));
      // A Promise here would commit the transaction before its work is done.
      if (isThenable(result)) throw new Error(`${found.method} returned a Promise inside a write transaction`);
      return result;
    }).immediate();

  /** Runs the handler the way its kind says; may return a Promise only for asynchronous long or exclusive work. */
  const execute = (found: Found): unknown => {
    const kind = kindOf(found.method);
    const writeDb = deps.writeDb();
    if (kind === 'write') {
      if (!writeDb) throw new Error(`${found.method} is a write and this connection is read-only`);
      return inWriteTransaction(writeDb, found);
    }
    // Exclusive work (a restore) reports progress like long work, and is never cancellable: it is not safe to stop half-way.
    if (kind === 'exclusive') {
      return deps.jobs.run(found.method, { cancellable: false, report: (p) => deps.emit('job.progress', p), finished: (f) => deps.emit('job.finished', f) }, (job) =>
        found.handler(found.input, deps.ctxFor(writeDb, job, found)),
      );
    }
    const readDb = deps.readDb();
    if (kind === 'read') return readDb ? inReadSnapshot(readDb, found, QUIET_JOB) : found.handler(found.input, deps.ctxFor(null, QUIET_JOB, found));
    // long
    return deps.jobs.run(
      found.method,
      { cancellable: CANCELLABLE_LONG(found.method), report: (p) => deps.emit('job.progress', p), finished: (f) => deps.emit('job.finished', f) },
      (job) => {
        if (isAsyncFunction(found.handler) || !readDb) return found.handler(found.input, deps.ctxFor(writeDb ?? readDb, job, found));
        return inReadSnapshot(readDb, found, job);
      },
    );
  };

  const runSync = (found: Found): Envelope<unknown> => {
    const lang = deps.lang();
    if (exclusive) {
      return refusal('UNAVAILABLE', lang, 'Toko sedang dipulihkan; coba lagi sebentar lagi. Tidak ada yang berubah.', 'The store is being restored; try again in a moment. Nothing was changed.');
    }
    if (kindOf(found.method) === 'exclusive' || isAsyncFunction(found.handler)) {
      console.error(`[core] ${found.method} called through call(); it is asynchronous: use callAsync`);
      return refusal(
        'INTERNAL',
        lang,
        `${found.method} berjalan asinkron: panggil lewat callAsync. Tidak ada yang berubah.`,
        `${found.method} is asynchronous: call it with callAsync. Nothing was changed.`,
      );
    }
    try {
      const value = execute(found);
      if (isThenable(value)) throw new Error(`${found.method} is asynchronous: call it with callAsync`);
      deps.afterSuccess(found.method);
      return { ok: true, value };
    } catch (err) {
      return deps.toErrorEnvelope ? deps.toErrorEnvelope(err) : errorEnvelope(err, deps.lang());
    }
  };

  const settle = async (found: Found): Promise<Envelope<unknown>> => {
    try {
      const value = await execute(found);
      deps.afterSuccess(found.method);
      return { ok: true, value };
    } catch (err) {
      return deps.toErrorEnvelope ? deps.toErrorEnvelope(err) : errorEnvelope(err, deps.lang());
    }
  };

  const runAsync = async (found: Found): Promise<Envelope<unknown>> => {
    while (exclusive) await exclusive.catch(() => undefined);
    if (kindOf(found.method) === 'exclusive') {
      const mine = (async () => {
        // Hold the store first (new calls wait above), then wait for the calls in flight to finish.
        if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
        return settle(found);
      })();
      exclusive = mine;
      try {
        return await mine;
      } finally {
        exclusive = null;
      }
    }
    inFlight++;
    try {
      return await settle(found);
    } finally {
      inFlight--;
      if (inFlight === 0 && drained) {
        const resolve = drained;
        drained = null;
        resolve();
      }
    }
  };

  return { runSync, runAsync, busy: () => exclusive !== null };
}

/**
 * The batch entry point: calls that the core's own work makes inside its
 * caller's transaction (the demo history of setup.complete). Each is checked
 * like any call: a known method, its input parsed by the contract (defaults
 * applied), and a kind that fits in a transaction (a read or a write; long
 * and exclusive work cannot run inside another call). It throws instead of
 * answering an envelope, so a failed step rolls the whole batch back.
 */
export function dispatchInBatch(
  handlers: Partial<Record<MethodName, (input: never, ctx: CoreContext) => unknown>>,
  method: string,
  rawInput: unknown,
  ctx: CoreContext,
): unknown {
  if (!isMethodName(method)) throw new Error(`Unknown method in a batch: ${method}`);
  const kind = kindOf(method);
  if (kind !== 'write' && kind !== 'read') throw new Error(`${method} is ${kind} work: it cannot run inside a batch`);
  if (!ctx.db.inTransaction) throw new Error(`A batch runs inside its caller's transaction (${method})`);
  const handler = handlers[method] as ((input: unknown, ctx: CoreContext) => unknown) | undefined;
  if (!handler) throw new Error(`No handler for ${method} in this batch`);
  const parsed = contract[method].input.safeParse(rawInput);
  if (!parsed.success) {
    const en = validationError(parsed.error, 'en');
    throw new AppError('VALIDATION', { id: validationError(parsed.error, 'id').message, en: en.message }, en.field);
  }
  const result = handler(parsed.data, ctx);
  if (isThenable(result)) throw new Error(`${method} returned a Promise inside a batch`);
  return result;
}
