import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { bi, type BiText } from '../../../shared/i18nText';
import { checkHealthParallel, type ParallelCheckOptions } from './health';
import { openDatabase } from './open';
import { planStartup, type ShutdownMarker } from './shutdownMarker';
import { lastReceiptNo } from './receipts';
import { DatabaseFromTheFutureError, latestVersion, loadMigrations, migrate, schemaVersion, type Migration } from './migrate';
import { syncDailySalesClock } from '../reports/dailySales';
import { catchUpLotState } from '../stock/lotState';
import { readSettings } from '../settings';

export interface StoreOpenOptions {
  nativeBinding?: string;
  migrationsDir?: string;
  /** The folder of automatic backups; their presence means a store existed here before. */
  backupsDir?: string;
  /** How the start-up checks use threads (tests exercise the worker and the single-threaded paths). */
  checks?: Omit<ParallelCheckOptions, 'nativeBinding'>;
  /** What the shutdown marker says (shutdownMarker.ts); absent: full checks, as for a store from before the marker. */
  marker?: ShutdownMarker | null;
  now?: Date;
}

export interface OpenResult {
  db: Database.Database | null;
  /** Why the store refuses to trade, in both languages. */
  refusal?: BiText;
  /** Whether the full checks ran before trading ('full') or are left to the background ('quick'). */
  checks?: 'full' | 'quick';
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function hasBackups(dir: string | undefined): boolean {
  if (!dir || !fs.existsSync(dir)) return false;
  // Compressed backups (`….sqlite.gz`) as well as plain ones from before compression.
  return fs.readdirSync(dir).some((f) => f.endsWith('.sqlite') || f.endsWith('.sqlite.gz'));
}

/**
 * Rolls back a hot rollback journal (`ukm-mart.sqlite-journal`) left by a
 * process killed mid-transaction while the file was not in WAL mode. The
 * read-only probe cannot do it: it refuses such a file with "attempt to write
 * a readonly database". A rollback only puts back the pages the interrupted
 * transaction had changed (SQLite's own crash recovery, which any writing
 * connection runs on open); it adds nothing. The store itself is in WAL mode
 * and never has one; a file switched to WAL when it was killed can.
 */
export function recoverHotJournal(dbFile: string, nativeBinding?: string, log: (m: string) => void = (m) => console.warn(`[store] ${m}`)): void {
  const journal = `${dbFile}-journal`;
  if (!fs.existsSync(journal) || !fs.existsSync(dbFile)) return;
  const size = fs.statSync(journal).size;
  let db: Database.Database | null = null;
  try {
    db = openDatabase(dbFile, { readonly: false, nativeBinding, keepJournalMode: true });
    // The first read takes the shared lock, which finds the hot journal and rolls it back.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    // The probe then explains what is wrong with the file.
    log(`could not roll back ${path.basename(journal)}: ${(err as Error).message}`);
    return;
  } finally {
    db?.close();
  }
  log(`rolled back ${path.basename(journal)} (${size.toLocaleString('en')} bytes), left by a transaction that was killed`);
}

/**
 * Probes an existing file read-only. Returns a refusal, or null when it may be
 * opened for writing. Nothing here writes to the file. The integrity checks run
 * on this connection and on worker threads' read-only connections (health.ts);
 * the store opens for writing only after every check has passed.
 */
function probe(dbFile: string, migrations: Migration[], options: StoreOpenOptions, fullChecks: boolean): BiText | null {
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
    const marker = options.marker;
    if (marker && version > 0) {
      const last = lastReceiptNo(db);
      if (last < marker.lastReceiptNo) {
        return bi(
          `Nomor struk terakhir di basis data (${last}) lebih kecil dari yang tercatat saat aplikasi terakhir ditutup (${marker.lastReceiptNo}): penjualan yang sudah dicetak hilang (berkas lama atau jurnal terhapus). Tidak diubah dan tidak berjualan, agar nomor struk tidak terpakai dua kali; pulihkan cadangan terbaru.`,
          `The last receipt number in the database (${last}) is lower than the one recorded when the app last closed (${marker.lastReceiptNo}): printed sales are missing (an old file or a deleted journal). Nothing was changed and the store does not trade, so no receipt number is used twice; restore the newest backup.`,
        );
      }
    }
    // A clean last shutdown: the header and schema were read above; the full checks follow in the background.
    const health = fullChecks
      ? checkHealthParallel(db, dbFile, { ...options.checks, nativeBinding: options.nativeBinding })
      : { ok: true, quickCheck: ['ok'], foreignKeyProblems: 0 as number, failure: undefined as string | undefined };
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
  let checks: 'full' | 'quick' = 'full';
  if (fs.existsSync(dbFile)) {
    if (!fs.statSync(dbFile).isFile()) {
      return { db: null, refusal: bi(`${dbFile} bukan berkas. Tidak ada yang diubah.`, `${dbFile} is not a file. Nothing was changed.`) };
    }
    const plan = planStartup(dbFile, options.marker ?? null, options.now ?? new Date());
    if (plan.kind === 'refuse-journal-missing') {
      return {
        db: null,
        refusal: bi(
          'Aplikasi tidak ditutup dengan benar, dan jurnal basis data (ukm-mart.sqlite-wal) hilang: penjualan terakhir yang sudah dicetak mungkin hilang dan nomor struknya akan terpakai lagi. Tidak diubah dan tidak berjualan; pulihkan cadangan terbaru, atau kembalikan berkas -wal jika masih ada.',
          'The app was not shut down cleanly and the database journal (ukm-mart.sqlite-wal) is missing: the last printed sales may be lost and their receipt numbers would be used again. Nothing was changed and the store does not trade; restore the newest backup, or put the -wal file back if you still have it.',
        ),
      };
    }
    checks = plan.kind === 'quick' ? 'quick' : 'full';
    recoverHotJournal(dbFile, options.nativeBinding);
    const refusal = probe(dbFile, migrations, options, checks === 'full');
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
    // The kept lots on the shelf (0020) are filled from the history: the first time, and for any product that lags its movements.
    db.transaction(() => catchUpLotState(db)).immediate();
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
  return { db, checks };
}
