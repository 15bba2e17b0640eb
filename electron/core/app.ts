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
import { validationError } from './envelope';
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
  /** The open database, for tests and the backup module. Null while refused. */
  readonly db: Database.Database | null;
  readonly dataDir: string;
  readonly dbFile: string;
  close(): void;
}

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
  | { ok: true; method: MethodName; input: unknown; handler: (input: unknown, ctx: CoreContext) => unknown }
  | { ok: false; reply: Envelope<never> };

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
  let opened = role === 'store' ? openStore(dbFile, storeOptions) : openReader();
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

  const emit = <E extends CoreEventName>(event: E, payload: CoreEvents[E]) => {
    for (const l of listeners.get(event) ?? []) {
      try {
        l(payload);
      } catch (err) {
        console.error(`[core] a listener of ${event} failed`, err);
      }
    }
  };

  const status = (): StoreStatus => ({
    state: anyDb() ? 'ready' : 'refused',
    ...(anyDb() ? {} : { reason: (opened.refusal ?? NOT_OPEN).en, reasonText: opened.refusal ?? NOT_OPEN }),
    needsSetup: anyDb() ? readFlag(anyDb()!, 'setupDone') !== true : false,
    dataDir,
    schemaVersion: anyDb() ? schemaVersion(anyDb()!) : 0,
    appVersion: APP_VERSION,
    shell,
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
      db?.close();
      db = null;
      settingsCache = null;
      opened = { db: null, refusal: { id: 'Basis data ditutup untuk pemulihan.', en: 'The database is closed for a restore.' } };
    },
    reopen() {
      closeReader();
      db?.close();
      settingsCache = null;
      opened = openStore(dbFile, storeOptions);
      db = opened.db;
      return status();
    },
  };

  // While refused, `db` is null: only the methods in ALLOWED_WHILE_REFUSED run then, and they do not touch ctx.db.
  const ctxFor = (database: Database.Database | null, job: JobReporter): CoreContext => ({
    db: database as Database.Database,
    now,
    lang,
    timeZone: () => settings()?.timeZone ?? 'Asia/Jakarta',
    dataDir,
    shell,
    emit,
    job,
    [STORE_CONTROL]: control,
  }) as CoreContext;

  const handlers: Handlers = buildHandlers({
    'system.status': () => status(),
    'jobs.cancel': (input) => ({ cancelled: jobs.cancel(input.jobId) }),
  });

  /** The checks every call goes through, in order: known method, valid input, store open (or allowed while refused). */
  const lookup = (method: string, rawInput: unknown): Lookup => {
    if (!isMethodName(method)) {
      const text = lang() === 'id' ? `Metode tidak dikenal: ${String(method)}` : `Unknown method: ${String(method)}`;
      return { ok: false, reply: { ok: false, error: { code: 'NOT_FOUND', message: text } } };
    }
    const parsed = contract[method].input.safeParse(rawInput === null ? undefined : rawInput);
    if (!parsed.success) return { ok: false, reply: { ok: false, error: validationError(parsed.error, lang()) } };
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
    return { ok: true, method, input: parsed.data, handler: handlers[method] as (input: unknown, ctx: CoreContext) => unknown };
  };

  const afterSuccess = (method: string) => {
    if (method.startsWith('settings.') || method.startsWith('setup.') || method.startsWith('backup.')) settingsCache = null;
  };

  const dispatcher = createDispatcher({ writeDb: () => db, readDb: reader, ctxFor, lang, jobs, emit, afterSuccess });
  // A reader sees other threads' commits: it reads the settings afresh for every call.
  const beforeCall = () => {
    if (role === 'reader') settingsCache = null;
  };

  const core: Core = {
    call(method, rawInput, _caller) {
      beforeCall();
      const found = lookup(method, rawInput);
      return found.ok ? dispatcher.runSync(found) : found.reply;
    },
    async callAsync(method, rawInput, _caller) {
      beforeCall();
      const found = lookup(method, rawInput);
      return found.ok ? dispatcher.runAsync(found) : found.reply;
    },
    emit,
    status,
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: unknown) => void);
      return () => set!.delete(listener as (p: unknown) => void);
    },
    get db() {
      return db ?? readDb;
    },
    dataDir,
    dbFile,
    close() {
      closeReader();
      if (role === 'reader') readDb?.close();
      readDb = null;
      db?.close();
      db = null;
      opened = { db: null, refusal: { id: 'Toko sudah ditutup.', en: 'The store is closed.' } };
    },
  };
  return core;
}

export type { MethodName };
