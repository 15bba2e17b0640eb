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
import { SessionBook } from './staff/sessions';
import { errorEnvelope, validationError } from './envelope';
import { buildHandlers } from './handlers';
import type { Handlers } from './handlerTypes';
import { schemaVersion } from './db/migrate';
import { openStore, type StoreOpenOptions } from './db/store';
import { readFlag, readSettings } from './settings';
import { ASYNC_METHODS } from '../../shared/contract/system';
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
  /**
   * A fixed idle time for sessions instead of the store setting: only for
   * tests whose clock jumps by days between calls (the app never sets it).
   */
  sessionIdleMinutes?: number;
  /** How the start-up checks use threads; the defaults suit the shop's machine (tests exercise the other paths). */
  startupChecks?: StoreOpenOptions['checks'];
}

export interface Core {
  /**
   * Validates and runs one synchronous contract method; never throws. An
   * asynchronous method (backup.create, backup.restore) answers INTERNAL here:
   * use `callAsync`.
   */
  call(method: string, input: unknown, caller?: Caller): Envelope<unknown>;
  /** Validates and runs any contract method, awaiting handlers that return a Promise; never rejects. */
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
  | { ok: true; method: MethodName; input: unknown; handler: (input: unknown, ctx: CoreContext) => unknown; ctx: CoreContext; durable: DurableWork[] }
  | { ok: false; reply: Envelope<never> };

type DurableWork = (db: Database.Database) => void;

export function createCore(options: CoreOptions = {}): Core {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : defaultDataDir();
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  const backupsDir = backupsDirOf(dataDir);
  const shell = options.shell ?? 'browser';
  const now = options.now ?? (() => new Date());
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const storeOptions: StoreOpenOptions = {
    nativeBinding: options.nativeBinding,
    migrationsDir: options.migrationsDir,
    backupsDir,
    ...(options.startupChecks ? { checks: options.startupChecks } : {}),
  };

  fs.mkdirSync(dataDir, { recursive: true });
  let opened = openStore(dbFile, storeOptions);
  let db = opened.db;
  let settingsCache: ReturnType<typeof readSettings> | null = null;
  const settings = () => {
    if (!settingsCache && db) settingsCache = readSettings(db);
    return settingsCache;
  };
  const lang = (): Lang => settings()?.language ?? 'id';
  const sessions = new SessionBook();

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
    state: db ? 'ready' : 'refused',
    ...(db ? {} : { reason: (opened.refusal ?? NOT_OPEN).en, reasonText: opened.refusal ?? NOT_OPEN }),
    needsSetup: db ? readFlag(db, 'setupDone') !== true : false,
    dataDir,
    schemaVersion: db ? schemaVersion(db) : 0,
    appVersion: APP_VERSION,
    shell,
  });

  const control: StoreControl = {
    dataDir,
    dbFile,
    backupsDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    db: () => db,
    status,
    closeDatabase() {
      sessions.endAll();
      db?.close();
      db = null;
      settingsCache = null;
      opened = { db: null, refusal: { id: 'Basis data ditutup untuk pemulihan.', en: 'The database is closed for a restore.' } };
    },
    reopen() {
      sessions.endAll();
      db?.close();
      settingsCache = null;
      opened = openStore(dbFile, storeOptions);
      db = opened.db;
      return status();
    },
  };

  // While refused, `db` is null: only the methods in ALLOWED_WHILE_REFUSED run then, and they do not touch ctx.db.
  const ctxFor = (
    database: Database.Database | null,
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
    [STORE_CONTROL]: control,
  }) as CoreContext;

  const handlers: Handlers = buildHandlers({ 'system.status': () => status() });

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
    if (db) {
      const access = checkAccess({
        method,
        access: contract[method].access,
        db,
        sessions,
        sessionId: typeof caller.sessionId === 'string' ? caller.sessionId : undefined,
        nowMs: now().getTime(),
        idleMs: (options.sessionIdleMinutes ?? settings()?.idleLockMinutes ?? 10) * 60_000,
      });
      if (!access.ok) return { ok: false, reply: { ok: false, error: { code: access.code, message: access.text[lang()] } } };
      actor = access.actor;
    }
    const parsed = contract[method].input.safeParse(rawInput === null ? undefined : rawInput);
    if (!parsed.success) return { ok: false, reply: { ok: false, error: validationError(parsed.error, lang()) } };
    if (!db && !ALLOWED_WHILE_REFUSED.has(method)) {
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
      ctx: ctxFor(db, actor, caller, durable),
      durable,
    };
  };

  const afterSuccess = (method: string) => {
    if (method.startsWith('settings.') || method.startsWith('setup.') || method.startsWith('backup.')) settingsCache = null;
  };

  const isThenable = (v: unknown): v is PromiseLike<unknown> =>
    typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';

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

  const runSync = (found: Extract<Lookup, { ok: true }>): Envelope<unknown> => {
    const { method, input, handler, ctx } = found;
    try {
      let value: unknown;
      if (contract[method].transaction === 'none' || !db) {
        value = handler(input, ctx);
      } else {
        const database = db;
        value = database.transaction(() => {
          const result = handler(input, ctx);
          // A Promise here would commit the transaction before its work is done.
          if (isThenable(result)) throw new Error(`${method} returned a Promise inside a write transaction`);
          return result;
        }).immediate();
      }
      if (isThenable(value)) {
        throw new Error(`${method} is asynchronous: call it with callAsync`);
      }
      afterSuccess(method);
      return { ok: true, value };
    } catch (err) {
      return errorEnvelope(err, lang());
    } finally {
      flushDurable(found);
    }
  };

  const asyncOnly = (method: string): Envelope<never> => {
    console.error(`[core] ${method} called through call(); it is asynchronous: use callAsync`);
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          lang() === 'id'
            ? `${method} berjalan asinkron: panggil lewat callAsync. Tidak ada yang berubah.`
            : `${method} is asynchronous: call it with callAsync. Nothing was changed.`,
      },
    };
  };

  const core: Core = {
    call(method, rawInput, caller) {
      if (ASYNC_METHODS.has(method)) return asyncOnly(method);
      const found = lookup(method, rawInput, caller);
      return found.ok ? runSync(found) : found.reply;
    },
    async callAsync(method, rawInput, caller) {
      const found = lookup(method, rawInput, caller);
      if (!found.ok) return found.reply;
      if (!ASYNC_METHODS.has(method)) return runSync(found);
      try {
        // Asynchronous methods declare `transaction: 'none'` and manage the database themselves.
        const value = await found.handler(found.input, found.ctx);
        afterSuccess(method);
        return { ok: true, value };
      } catch (err) {
        return errorEnvelope(err, lang());
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
    get db() {
      return db;
    },
    dataDir,
    dbFile,
    close() {
      db?.close();
      db = null;
      opened = { db: null, refusal: { id: 'Toko sudah ditutup.', en: 'The store is closed.' } };
    },
  };
  return core;
}

export type { MethodName };
