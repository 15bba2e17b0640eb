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
import type { CoreContext } from './context';
import { errorEnvelope, validationError } from './envelope';
import { buildHandlers } from './handlers';
import type { Handlers } from './handlerTypes';
import { checkHealth, openDatabase } from './db/open';
import { DatabaseFromTheFutureError, latestVersion, loadMigrations, migrate, schemaVersion } from './db/migrate';
import { readFlag, readSettings } from './settings';

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
}

export interface Core {
  /** Validates and runs one contract method; never throws. */
  call(method: string, input: unknown): Envelope<unknown>;
  status(): StoreStatus;
  on<E extends CoreEventName>(event: E, listener: (payload: CoreEvents[E]) => void): () => void;
  /** The open database, for tests and the backup module. Null while refused. */
  readonly db: Database.Database | null;
  readonly dataDir: string;
  readonly dbFile: string;
  close(): void;
}

/** Methods that still answer while the store refuses to trade (so the manager can restore a backup). */
const ALLOWED_WHILE_REFUSED = new Set<string>(['system.status']);
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

interface OpenResult {
  db: Database.Database | null;
  refusal?: string;
}

/**
 * Opens the store, or explains why it will not. An existing file is checked
 * read-only first (quick_check, foreign_key_check, schema version), so a
 * damaged or newer database is never written to, and never replaced by an
 * empty one.
 */
export function openStore(dbFile: string, options: Pick<CoreOptions, 'nativeBinding' | 'migrationsDir'> = {}): OpenResult {
  const migrations = loadMigrations(options.migrationsDir);
  if (fs.existsSync(dbFile)) {
    let probe: Database.Database | null = null;
    try {
      probe = openDatabase(dbFile, { readonly: true, nativeBinding: options.nativeBinding });
      const version = schemaVersion(probe);
      if (version > latestVersion(migrations)) {
        return { db: null, refusal: new DatabaseFromTheFutureError(version, latestVersion(migrations)).message };
      }
      const health = checkHealth(probe);
      if (!health.ok) {
        return {
          db: null,
          refusal: `The database failed its integrity check (${health.quickCheck.slice(0, 3).join('; ')}${
            health.foreignKeyProblems ? `; ${health.foreignKeyProblems} broken references` : ''
          }). It was not modified; restore a backup.`,
        };
      }
    } catch (err) {
      return { db: null, refusal: `The database file cannot be read (${(err as Error).message}). It was not modified; restore a backup.` };
    } finally {
      probe?.close();
    }
  }
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const db = openDatabase(dbFile, { nativeBinding: options.nativeBinding });
  try {
    migrate(db, migrations);
  } catch (err) {
    db.close();
    return { db: null, refusal: `The database could not be upgraded (${(err as Error).message}). It was not modified.` };
  }
  return { db };
}

export function createCore(options: CoreOptions = {}): Core {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : defaultDataDir();
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  const shell = options.shell ?? 'browser';
  const now = options.now ?? (() => new Date());
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  fs.mkdirSync(dataDir, { recursive: true });
  let opened = openStore(dbFile, options);
  let db = opened.db;
  let settingsCache: ReturnType<typeof readSettings> | null = null;
  const settings = () => {
    if (!settingsCache && db) settingsCache = readSettings(db);
    return settingsCache;
  };

  const ctxFor = (database: Database.Database): CoreContext => ({
    db: database,
    now,
    lang: () => settings()?.language ?? 'id',
    timeZone: () => settings()?.timeZone ?? 'Asia/Jakarta',
    dataDir,
    shell,
    emit: (event, payload) => {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  });

  const status = (): StoreStatus => ({
    state: db ? 'ready' : 'refused',
    ...(opened.refusal ? { reason: opened.refusal } : {}),
    needsSetup: db ? readFlag(db, 'setupDone') !== true : false,
    dataDir,
    schemaVersion: db ? schemaVersion(db) : 0,
    appVersion: APP_VERSION,
    shell,
  });

  const handlers: Handlers = buildHandlers({ 'system.status': () => status() });

  const core: Core = {
    call(method, rawInput) {
      const lang: Lang = settings()?.language ?? 'id';
      if (!isMethodName(method)) {
        return {
          ok: false,
          error: {
            code: 'NOT_FOUND',
            message: lang === 'id' ? `Metode tidak dikenal: ${String(method)}` : `Unknown method: ${String(method)}`,
          },
        };
      }
      const def = contract[method];
      const parsed = def.input.safeParse(rawInput === null ? undefined : rawInput);
      if (!parsed.success) return { ok: false, error: validationError(parsed.error, lang) };
      const handler = handlers[method] as (input: unknown, ctx: CoreContext) => unknown;
      if (!db && !ALLOWED_WHILE_REFUSED.has(method)) {
        return {
          ok: false,
          error: {
            code: 'UNAVAILABLE',
            message:
              lang === 'id'
                ? `Toko tidak dapat berjualan: ${opened.refusal ?? 'basis data tidak terbuka'}`
                : `The store cannot trade: ${opened.refusal ?? 'database not open'}`,
          },
        };
      }
      try {
        let value: unknown;
        if (def.transaction === 'none' || !db) {
          value = handler(parsed.data, ctxFor(db as Database.Database));
        } else {
          const database = db;
          value = database.transaction(() => handler(parsed.data, ctxFor(database))).immediate();
        }
        if (method.startsWith('settings.') || method.startsWith('setup.')) settingsCache = null;
        return { ok: true, value };
      } catch (err) {
        return errorEnvelope(err, lang);
      }
    },
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
      opened = { db: null, refusal: 'closed' };
    },
  };
  return core;
}

export type { MethodName };
