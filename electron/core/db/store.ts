import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { bi, type BiText } from '../../../shared/i18nText';
import { checkHealthParallel, type ParallelCheckOptions } from './health';
import { openDatabase } from './open';
import { DatabaseFromTheFutureError, latestVersion, loadMigrations, migrate, schemaVersion, type Migration } from './migrate';
import { syncDailySalesClock } from '../reports/dailySales';
import { readSettings } from '../settings';

export interface StoreOpenOptions {
  nativeBinding?: string;
  migrationsDir?: string;
  /** The folder of automatic backups; their presence means a store existed here before. */
  backupsDir?: string;
  /** How the start-up checks use threads (tests exercise the worker and the single-threaded paths). */
  checks?: Omit<ParallelCheckOptions, 'nativeBinding'>;
}

export interface OpenResult {
  db: Database.Database | null;
  /** Why the store refuses to trade, in both languages. */
  refusal?: BiText;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function hasBackups(dir: string | undefined): boolean {
  if (!dir || !fs.existsSync(dir)) return false;
  return fs.readdirSync(dir).some((f) => f.endsWith('.sqlite'));
}

/**
 * Probes an existing file read-only. Returns a refusal, or null when it may be
 * opened for writing. Nothing here writes to the file. The integrity checks run
 * on this connection and on worker threads' read-only connections (health.ts);
 * the store opens for writing only after every check has passed.
 */
function probe(dbFile: string, migrations: Migration[], options: StoreOpenOptions): BiText | null {
  let db: Database.Database | null = null;
  try {
    db = openDatabase(dbFile, { readonly: true, nativeBinding: options.nativeBinding });
    const version = schemaVersion(db);
    if (version > latestVersion(migrations)) {
      return bi(
        `Basis data ini dari versi aplikasi yang lebih baru (skema ${version}, aplikasi ini ${latestVersion(migrations)}). Tidak diubah; pasang versi UKM Mart yang lebih baru.`,
        new DatabaseFromTheFutureError(version, latestVersion(migrations)).message,
      );
    }
    const health = checkHealthParallel(db, dbFile, { ...options.checks, nativeBinding: options.nativeBinding });
    if (health.failure) throw new Error(health.failure);
    if (!health.ok) {
      const problems = [
        ...(health.quickCheck.length === 1 && health.quickCheck[0] === 'ok' ? [] : health.quickCheck.slice(0, 3)),
        ...(health.foreignKeyProblems ? [`${health.foreignKeyProblems} broken references`] : []),
      ];
      return bi(
        `Basis data gagal pemeriksaan keutuhan (${problems.join('; ')}). Tidak diubah; pulihkan cadangan.`,
        `The database failed its integrity check (${problems.join('; ')}). It was not modified; restore a backup.`,
      );
    }
    if (version === 0) {
      const objects = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as { n: number }).n;
      if (objects > 0) {
        return bi(
          'Berkas basis data ini bukan milik UKM Mart (ada tabel tetapi tanpa versi skema). Tidak diubah.',
          'The database file is not a UKM Mart database (it has tables but no schema version). It was not modified.',
        );
      }
      // An empty file from an interrupted first start. Creating the schema in it loses nothing,
      // unless backups show that a store lived here: then it is a lost store, not a new one.
      if (hasBackups(options.backupsDir)) {
        return bi(
          'Berkas basis data kosong, padahal cadangan toko ini ada. Tidak diubah; pulihkan cadangan terbaru.',
          'The database file is empty but backups of this store exist. It was not modified; restore the newest backup.',
        );
      }
    }
    return null;
  } catch (err) {
    const why = (err as Error).message;
    return bi(
      `Berkas basis data tidak dapat dibaca (${why}). Tidak diubah; pulihkan cadangan.`,
      `The database file cannot be read (${why}). It was not modified; restore a backup.`,
    );
  } finally {
    db?.close();
  }
}

/**
 * Opens the store, or explains why it will not. An existing file is checked
 * read-only first (schema version, quick_check, foreign_key_check), so a
 * damaged or newer database is never written to, and never replaced by an
 * empty one. A missing file is created only when nothing says a store lived
 * here before (no leftover journal, no backups).
 */
export function openStore(dbFile: string, options: StoreOpenOptions = {}): OpenResult {
  let migrations: Migration[];
  try {
    migrations = loadMigrations(options.migrationsDir);
  } catch (err) {
    const why = (err as Error).message;
    return { db: null, refusal: bi(`Berkas skema aplikasi tidak dapat dibaca (${why}).`, `The app's schema files cannot be read (${why}).`) };
  }
  if (fs.existsSync(dbFile)) {
    if (!fs.statSync(dbFile).isFile()) {
      return { db: null, refusal: bi(`${dbFile} bukan berkas. Tidak ada yang diubah.`, `${dbFile} is not a file. Nothing was changed.`) };
    }
    const refusal = probe(dbFile, migrations, options);
    if (refusal) return { db: null, refusal };
  } else {
    const orphan = SIDE_FILES.map((s) => dbFile + s).find((f) => fs.existsSync(f));
    if (orphan) {
      return {
        db: null,
        refusal: bi(
          `Berkas basis data hilang, tetapi jurnalnya (${path.basename(orphan)}) masih ada. Tidak ada yang diubah; pulihkan cadangan.`,
          `The database file is missing but its journal (${path.basename(orphan)}) is still there. Nothing was changed; restore a backup.`,
        ),
      };
    }
    if (hasBackups(options.backupsDir)) {
      return {
        db: null,
        refusal: bi(
          'Berkas basis data hilang, padahal cadangan toko ini ada. Tidak ada yang dibuat; pulihkan cadangan terbaru.',
          'The database file is missing but backups of this store exist. Nothing was created; restore the newest backup.',
        ),
      };
    }
  }
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  let db: Database.Database;
  try {
    db = openDatabase(dbFile, { nativeBinding: options.nativeBinding });
  } catch (err) {
    const why = (err as Error).message;
    return { db: null, refusal: bi(`Basis data tidak dapat dibuka untuk ditulis (${why}).`, `The database cannot be opened for writing (${why}).`) };
  }
  try {
    migrate(db, migrations);
    // A zone the migration could not name (0014 knows Indonesia's) gets its days re-keyed once.
    db.transaction(() => syncDailySalesClock(db, readSettings(db).timeZone)).immediate();
  } catch (err) {
    db.close();
    // Each migration runs in its own transaction: a failed one left nothing behind.
    const why = (err as Error).message;
    return {
      db: null,
      refusal: bi(
        `Basis data tidak dapat diperbarui (${why}). Langkah yang gagal dibatalkan.`,
        `The database could not be upgraded (${why}). The failed step was rolled back.`,
      ),
    };
  }
  return { db };
}
