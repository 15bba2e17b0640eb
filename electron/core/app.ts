import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import {
  contract,
  isMethodName,
  type CoreEventName,
  type CoreEvents,
  type Envelope,
  type MethodName,
} from '../../shared/contract';
import type { StoreStatus } from '../../shared/contract/system';
import type { Lang } from '../../shared/i18nText';
import type { Caller, CoreContext } from './context';
import { checkAccess } from './access';
import { SessionBook, SessionForwarder, type SessionChange, type Sessions } from './staff/sessions';
import { errorEnvelope, validationError } from './envelope';
import { createDispatcher } from './dispatch';
import { JobBoard, type JobReporter } from './runtime/jobs';
import { openDatabase } from './db/open';
import { buildHandlers } from './handlers';
import type { Handlers } from './handlerTypes';
import { schemaVersion } from './db/migrate';
import { openStore, type StoreOpenOptions } from './db/store';
import { readFlag, readSettings } from './settings';
import { STORE_CONTROL, type StoreControl } from './backup/control';
import { backupsDirOf } from './backup/files';
import { removeLeftovers } from './backup/leftovers';
import { recoverInterruptedRestore } from './backup/restoreFiles';
import { auditFindings, closeCleanly, diagnoseStorage, markOpen, readMarker, storageRefusal } from './db/lifecycle';
import { createStoreHealth, folderIsWritable } from './db/storeHealth';
import { AppError } from './errors';
import { requireManager } from './staff/approval';
import { audit } from './audit';

export const APP_VERSION = '0.1.0';
export const DB_FILE_NAME = 'ukm-mart.sqlite';

export interface CoreOptions {
  /** Defaults to UKM_MART_DATA_DIR, then the platform's app-data folder. */
  dataDir?: string;
  shell?: 'electron' | 'browser';
  nativeBinding?: string;
  /** Replaceable clock, for tests and the benchmark. */
  now?: () => Date;
  migrationsDir?: string;
  /**
   * A fixed idle time for sessions instead of the store setting: only for
   * tests whose clock jumps by days between calls (the app never sets it).
   */
  sessionIdleMinutes?: number;
  /** How the start-up checks use threads; the defaults suit the shop's machine (tests exercise the other paths). */
  startupChecks?: StoreOpenOptions['checks'];
  /**
   * `store` (default) opens the store for writing (checks, migrations) and reads on a
   * read-only connection beside it; `reader` only opens a read-only connection to a
   * store another thread opened (the runtime's read and long-work workers).
   */
  role?: 'store' | 'reader';
  /** The jobs of long work; the runtime shares one board between its threads. */
  jobs?: JobBoard;
  /** When the full checks start in the background after opening (default 3 s; tests use 0 or turn them off with null). */
  backgroundChecksAfterMs?: number | null;
  /** The low-space warning threshold (default 500 MB; tests change it). */
  lowSpaceBytes?: number;
  /**
   * Set by the store runtime's threads: the sessions are held by the runtime, which resolves each
   * call's session before sending it (`Caller.resolved`); what this core opens and ends goes there,
   * and a `store` core also says the store's idle time whenever it may have changed (staff/sessions.ts).
   */
  onSessionChange?: (change: SessionChange) => void;
  /**
   * Set by the store runtime: a long-work thread checkpoints the WAL beside the till
   * (storeRuntime.ts), and the write connection only checkpoints at a commit when the WAL has
   * grown to WRITER_CHECKPOINT_FRAMES (SQLite's default is 1,000: about one sale in twenty paid
   * for copying pages into the file and syncing it).
   */
  checkpointsElsewhere?: boolean;
}

export interface Core {
  /**
   * Validates and runs one contract method synchronously, the way its kind
   * says (dispatch.ts); never throws. Exclusive work and asynchronous long work
   * (backup.create) answer INTERNAL here: use `callAsync`.
   */
  call(method: string, input: unknown, caller?: Caller): Envelope<unknown>;
  /** Validates and runs any contract method by its kind, awaiting asynchronous work; never rejects. */
  callAsync(method: string, input: unknown, caller?: Caller): Promise<Envelope<unknown>>;
  /** Pushes an event to the listeners (the Electron window, the backup timer's reports). */
  emit<E extends CoreEventName>(event: E, payload: CoreEvents[E]): void;
  status(): StoreStatus;
  on<E extends CoreEventName>(event: E, listener: (payload: CoreEvents[E]) => void): () => void;
  /** Runs the full checks in the background now (after an automatic backup); resolves when they have answered. */
  runBackgroundChecks(): Promise<void>;
  /** The open database, for tests and the backup module. Null while refused. */
  readonly db: Database.Database | null;
  readonly dataDir: string;
  readonly dbFile: string;
  close(): void;
}

/**
 * With the runtime's checkpoints (`checkpointsElsewhere`), the WAL length at which a commit still
 * checkpoints: only when a sustained burst leaves the long-work thread no quiet moment to finish
 * (about 200 sales of the five-year store at some 47 WAL pages a sale), so the WAL stays bounded.
 */
export const WRITER_CHECKPOINT_FRAMES = 10_000;

/** Methods that still answer while the store refuses to trade (so the manager can restore a backup). */
const ALLOWED_WHILE_REFUSED = new Set<string>(['system.status', 'backup.list', 'backup.restore']);
export function allowWhileRefused(method: string): void {
  ALLOWED_WHILE_REFUSED.add(method);
}

export function defaultDataDir(): string {
  if (process.env.UKM_MART_DATA_DIR) return path.resolve(process.env.UKM_MART_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'UKM Mart');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'UKM Mart');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'ukm-mart');
}

export { openStore, type OpenResult } from './db/store';

const NOT_OPEN = { id: 'Basis data tidak terbuka.', en: 'The database is not open.' };

type Lookup =
  | { ok: true; method: MethodName; input: unknown; handler: (input: unknown, ctx: CoreContext) => unknown; actor: CoreContext['actor']; caller: Caller; durable: DurableWork[] }
  | { ok: false; reply: Envelope<never> };

type DurableWork = (db: Database.Database) => void;

export function createCore(options: CoreOptions = {}): Core {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : defaultDataDir();
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  const backupsDir = backupsDirOf(dataDir);
  const shell = options.shell ?? 'browser';
  const now = options.now ?? (() => new Date());
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const role = options.role ?? 'store';
  const jobs = options.jobs ?? new JobBoard();
  const storeOptions: StoreOpenOptions = {
    nativeBinding: options.nativeBinding,
    migrationsDir: options.migrationsDir,
    backupsDir,
    ...(options.startupChecks ? { checks: options.startupChecks } : {}),
  };

  fs.mkdirSync(dataDir, { recursive: true });
  if (role === 'store') {
    recoverInterruptedRestore(dataDir, dbFile, options.nativeBinding);
    removeLeftovers(dataDir, backupsDir);
  }
  let lastFullCheckAt: string | null = null;
  const health = createStoreHealth({
    dataDir,
    dbFile,
    backupsDir,
    now,
    jobs: jobs.buffer,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.lowSpaceBytes !== undefined ? { lowSpaceBytes: options.lowSpaceBytes } : {}),
    onFindings: (findings) => auditFindings(db, findings, now().toISOString()),
    onPassed: (at) => {
      lastFullCheckAt = at;
      if (db) markOpen(dataDir, db, readMarker(dataDir), at);
    },
  });
  let checkTimer: NodeJS.Timeout | null = null;
  /** Opens the store with what the shutdown marker says; a read-only folder is its own refusal (SPEC §9). */
  const openWithMarker = () => {
    const marker = readMarker(dataDir);
    lastFullCheckAt = marker?.lastFullCheckAt ?? null;
    health.setLastFullCheckAt(lastFullCheckAt);
    if (fs.existsSync(dbFile) && !folderIsWritable(dataDir)) {
      health.recordFault('READ_ONLY');
      return { db: null, refusal: storageRefusal('READ_ONLY') };
    }
    const result = openStore(dbFile, { ...storeOptions, marker, now: now() });
    if (result.db) {
      if (options.checkpointsElsewhere) result.db.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_FRAMES}`);
      markOpen(dataDir, result.db, marker, lastFullCheckAt);
      const delay = options.backgroundChecksAfterMs === undefined ? 3000 : options.backgroundChecksAfterMs;
      if (delay !== null) {
        if (checkTimer) clearTimeout(checkTimer);
        checkTimer = setTimeout(() => void health.startChecks(), delay);
        checkTimer.unref?.();
      }
    }
    return result;
  };
  let opened = role === 'store' ? openWithMarker() : openReader();
  let db = role === 'store' ? opened.db : null;
  /** Reads run here (dispatch.ts); in a reader it is the only connection. */
  let readDb: Database.Database | null = role === 'store' ? null : opened.db;
  function openReader() {
    try {
      return { db: openDatabase(dbFile, { readonly: true, nativeBinding: options.nativeBinding }) } as ReturnType<typeof openStore>;
    } catch (err) {
      return { db: null, refusal: { id: `Basis data tidak dapat dibaca (${(err as Error).message}).`, en: `The database cannot be read (${(err as Error).message}).` } };
    }
  }
  const reader = (): Database.Database | null => {
    if (role === 'store' && db && !readDb) readDb = openDatabase(dbFile, { readonly: true, nativeBinding: options.nativeBinding });
    return readDb;
  };
  const closeReader = () => {
    if (role === 'store') {
      readDb?.close();
      readDb = null;
    }
  };
  const anyDb = () => db ?? readDb;
  let settingsCache: ReturnType<typeof readSettings> | null = null;
  const settings = () => {
    const from = db ?? readDb;
    if (!settingsCache && from) settingsCache = readSettings(from);
    return settingsCache;
  };
  const lang = (): Lang => settings()?.language ?? 'id';
  const sessions: Sessions = options.onSessionChange ? new SessionForwarder(options.onSessionChange) : new SessionBook();

  const emit = <E extends CoreEventName>(event: E, payload: CoreEvents[E]) => {
    for (const l of listeners.get(event) ?? []) {
      try {
        l(payload);
      } catch (err) {
        console.error(`[core] a listener of ${event} failed`, err);
      }
    }
  };

  const status = (): StoreStatus => {
    // A read-only folder that has become writable again: open the store by itself (SPEC §9: it recovers when fixed).
    if (role === 'store' && health.fault() === 'READ_ONLY' && folderIsWritable(dataDir)) {
      health.writeSucceeded();
      control.reopen();
    }
    return statusNow();
  };
  const statusNow = (): StoreStatus => ({
    state: anyDb() ? 'ready' : 'refused',
    ...(anyDb() ? {} : { reason: (opened.refusal ?? NOT_OPEN).en, reasonText: opened.refusal ?? NOT_OPEN }),
    needsSetup: anyDb() ? readFlag(anyDb()!, 'setupDone') !== true : false,
    dataDir,
    schemaVersion: anyDb() ? schemaVersion(anyDb()!) : 0,
    appVersion: APP_VERSION,
    shell,
    health: health.report(),
  });

  const control: StoreControl = {
    dataDir,
    dbFile,
    backupsDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    db: () => db ?? readDb,
    status,
    closeDatabase() {
      closeReader();
      health.stopChecks();
      sessions.endAll();
      // A clean close as far as the marker goes: a restore killed after this must not look like a crash with its -wal gone.
      if (db) closeCleanly(dataDir, db, lastFullCheckAt);
      db = null;
      settingsCache = null;
      opened = { db: null, refusal: { id: 'Basis data ditutup untuk pemulihan.', en: 'The database is closed for a restore.' } };
    },
    reopen() {
      closeReader();
      health.stopChecks();
      sessions.endAll();
      db?.close();
      settingsCache = null;
      opened = openWithMarker();
      db = opened.db;
      return statusNow();
    },
  };

  // While refused, `db` is null: only the methods in ALLOWED_WHILE_REFUSED run then, and they do not touch ctx.db.
  const ctxFor = (
    database: Database.Database | null,
    job: JobReporter,
    actor: CoreContext['actor'] = null,
    caller: Caller = {},
    durable: DurableWork[] = [],
  ): CoreContext => ({
    db: database as Database.Database,
    actor,
    session: {
      open: (staffId: number) => sessions.open(staffId, now().getTime()),
      end: () => sessions.end(caller.sessionId),
    },
    durable: (work: DurableWork) => void durable.push(work),
    now,
    lang,
    timeZone: () => settings()?.timeZone ?? 'Asia/Jakarta',
    dataDir,
    shell,
    emit,
    job,
    ...(caller.csvSink ? { csvSink: caller.csvSink } : {}),
    [STORE_CONTROL]: control,
  }) as CoreContext;

  const handlers: Handlers = buildHandlers({
    'system.status': () => status(),
    'jobs.cancel': (input) => ({ cancelled: jobs.cancel(input.jobId) }),
    // The manager has looked at the background findings: finalise may go on; the look is audited.
    'system.acknowledgeChecks': (input, ctx) => {
      const manager = requireManager(ctx, input.approval);
      audit(ctx.db, {
        at: ctx.now().toISOString(),
        actorId: manager.id,
        action: 'checks.acknowledge',
        subjectType: 'database',
        subjectId: 'ukm-mart.sqlite',
        before: { findings: health.findings().map((f) => f.en) },
      });
      health.acknowledge();
      return statusNow();
    },
  });

  /**
   * The checks every call goes through, in order: known method, who may call it
   * (SPEC §5: before the input is even read), valid input, store open (or allowed while refused).
   */
  const lookup = (method: string, rawInput: unknown, caller: Caller = {}): Lookup => {
    if (!isMethodName(method)) {
      const text = lang() === 'id' ? `Metode tidak dikenal: ${String(method)}` : `Unknown method: ${String(method)}`;
      return { ok: false, reply: { ok: false, error: { code: 'NOT_FOUND', message: text } } };
    }
    let actor: CoreContext['actor'] = null;
    // While refused there is no staff table to check a session against: only the methods allowed then run (restore).
    const staffDb = anyDb();
    if (staffDb) {
      // A thread of the store runtime gets the session already resolved by the runtime, which holds the sessions.
      const resolved = caller.resolved;
      const book = resolved ? { resolve: () => resolved, end: (id: string | undefined) => sessions.end(id) } : sessions;
      const access = checkAccess({
        method,
        access: contract[method].access,
        db: staffDb,
        sessions: book,
        sessionId: typeof caller.sessionId === 'string' ? caller.sessionId : undefined,
        nowMs: now().getTime(),
        idleMs: sessionIdleMs(),
      });
      if (!access.ok) return { ok: false, reply: { ok: false, error: { code: access.code, message: access.text[lang()] } } };
      actor = access.actor;
    }
    const parsed = contract[method].input.safeParse(rawInput === null ? undefined : rawInput);
    if (!parsed.success) return { ok: false, reply: { ok: false, error: validationError(parsed.error, lang()) } };
    if (!anyDb() && !ALLOWED_WHILE_REFUSED.has(method) && health.fault()) {
      return { ok: false, reply: { ok: false, error: { code: health.fault()!, message: storageRefusal(health.fault()!)[lang()] } } };
    }
    if (method === 'settlements.finalize' && health.findingsUnacknowledged()) {
      const list = health.findings().slice(0, 3).map((f) => f[lang()]).join('; ');
      return {
        ok: false,
        reply: {
          ok: false,
          error: {
            code: 'CONFLICT',
            message:
              lang() === 'id'
                ? `Pemeriksaan latar belakang menemukan masalah (${list}). Setoran tidak difinalkan sampai pengelola memeriksanya (Pengaturan → Pemeriksaan data). Tidak ada yang berubah.`
                : `The background check found problems (${list}). No settlement is finalised until a manager has looked (Settings → Data checks). Nothing was changed.`,
          },
        },
      };
    }
    if (!anyDb() && !ALLOWED_WHILE_REFUSED.has(method)) {
      const why = (opened.refusal ?? NOT_OPEN)[lang()];
      return {
        ok: false,
        reply: {
          ok: false,
          error: { code: 'UNAVAILABLE', message: lang() === 'id' ? `Toko tidak dapat berjualan: ${why}` : `The store cannot trade: ${why}` },
        },
      };
    }
    const durable: DurableWork[] = [];
    return {
      ok: true,
      method,
      input: parsed.data,
      handler: handlers[method] as (input: unknown, ctx: CoreContext) => unknown,
      actor,
      caller,
      durable,
    };
  };

  const sessionIdleMs = () => (options.sessionIdleMinutes ?? settings()?.idleLockMinutes ?? 10) * 60_000;

  /** Writes that outlive the call's own transaction (failed PIN attempts), each committed on its own. */
  const flushDurable = (found: Extract<Lookup, { ok: true }>) => {
    for (const work of found.durable.splice(0)) {
      try {
        if (db) db.transaction(() => work(db!)).immediate();
      } catch (err) {
        console.error(`[core] a durable write after ${found.method} failed`, err);
      }
    }
  };

  // The runtime's book needs the store's idle time: said once, then whenever the settings may have changed.
  let idleSaid: number | null = null;
  const sayIdle = () => {
    if (!options.onSessionChange || role !== 'store' || sessionIdleMs() === idleSaid) return;
    idleSaid = sessionIdleMs();
    options.onSessionChange({ type: 'idle', idleMs: idleSaid });
  };

  const afterSuccess = (method: string) => {
    if (method.startsWith('settings.') || method.startsWith('setup.') || method.startsWith('backup.')) {
      settingsCache = null;
      sayIdle();
    }
  };

  /** A full disk or a read-only folder answers with its own code and words, and the banner shows it until it is over. */
  const storageAware = (err: unknown): Envelope<never> => {
    const fault = err instanceof AppError ? null : diagnoseStorage(err, dataDir);
    if (!fault) return errorEnvelope(err, lang());
    health.recordFault(fault);
    console.error(`[core] ${fault}: ${(err as Error).message}`);
    return { ok: false, error: { code: fault, message: storageRefusal(fault)[lang()] } };
  };

  const dispatcher = createDispatcher({
    writeDb: () => db,
    readDb: reader,
    ctxFor: (database, job, found) => ctxFor(database, job, found?.actor ?? null, found?.caller ?? {}, found?.durable ?? []),
    lang,
    jobs,
    emit,
    afterSuccess(method) {
      afterSuccess(method);
      // Only a real write proves the disk takes writes again (reads run in transactions too).
      if (isMethodName(method) && (contract[method].kind === 'write' || contract[method].kind === 'exclusive')) health.writeSucceeded();
    },
    toErrorEnvelope: storageAware,
  });
  // A reader sees other threads' commits: it reads the settings afresh for every call.
  const beforeCall = () => {
    if (role === 'reader') settingsCache = null;
  };

  const core: Core = {
    call(method, rawInput, caller) {
      beforeCall();
      const found = lookup(method, rawInput, caller);
      if (!found.ok) return found.reply;
      try {
        return dispatcher.runSync(found);
      } finally {
        flushDurable(found);
      }
    },
    async callAsync(method, rawInput, caller) {
      beforeCall();
      const found = lookup(method, rawInput, caller);
      if (!found.ok) return found.reply;
      try {
        return await dispatcher.runAsync(found);
      } finally {
        flushDurable(found);
      }
    },
    emit,
    status,
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: unknown) => void);
      return () => set!.delete(listener as (p: unknown) => void);
    },
    async runBackgroundChecks() {
      if (db) await health.startChecks();
    },
    get db() {
      return db ?? readDb;
    },
    dataDir,
    dbFile,
    close() {
      if (checkTimer) clearTimeout(checkTimer);
      health.stopChecks();
      closeReader();
      if (role === 'reader') readDb?.close();
      readDb = null;
      if (db) closeCleanly(dataDir, db, lastFullCheckAt);
      db = null;
      opened = { db: null, refusal: { id: 'Toko sudah ditutup.', en: 'The store is closed.' } };
    },
  };
  sayIdle();
  return core;
}

export type { MethodName };
