import fs from 'node:fs';
import Database from 'better-sqlite3';

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron uses its own build). */
  nativeBinding?: string;
  readonly?: boolean;
  /** Open for writing without switching to WAL (only to let SQLite roll back a hot journal; store.ts). */
  keepJournalMode?: boolean;
}

/** Opens the store database with the pragmas SPEC §9 requires. */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  if (!options.readonly && !options.keepJournalMode) {
    // Readable by its owner only (SPEC §9): before WAL mode, so the -wal and -shm files SQLite creates inherit it.
    if (file !== ':memory:') ownerOnly(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** chmod 600 on POSIX (and on the WAL side files if they already exist); Windows keeps its folder ACLs. */
export function ownerOnly(file: string): void {
  if (process.platform === 'win32') return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch (err) {
      // A read-only folder or someone else's file: reported by the store's own checks, never a crash here.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`[store] could not make ${f} owner-only: ${(err as Error).message}`);
    }
  }
}

export interface HealthReport {
  ok: boolean;
  quickCheck: string[];
  foreignKeyProblems: number;
}

/** `quick_check` and `foreign_key_check` on one connection (backups are checked so; start-up runs them in parallel, see health.ts). */
export function checkHealth(db: Database.Database): HealthReport {
  const quickCheck = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
  const fk = db.pragma('foreign_key_check') as unknown[];
  return {
    ok: quickCheck.length === 1 && quickCheck[0] === 'ok' && fk.length === 0,
    quickCheck,
    foreignKeyProblems: fk.length,
  };
}
