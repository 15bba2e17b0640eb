import Database from 'better-sqlite3';
import { checkHealth } from '../db/open';
import { latestVersion, loadMigrations, schemaVersion } from '../db/migrate';

export type BackupCheck = { ok: true; schemaVersion: number } | { ok: false; reason: { id: string; en: string } };

/**
 * Checks a backup before it may replace the store: it opens as SQLite, passes
 * quick_check and foreign_key_check, is a UKM Mart database, and its schema
 * is not newer than this app. Run on a private copy, so the chosen file is
 * never modified (opening a database may replay or discard its journal).
 */
export function checkBackupFile(copy: string, options: { nativeBinding?: string; migrationsDir?: string } = {}): BackupCheck {
  let db: Database.Database | null = null;
  try {
    db = new Database(copy, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    db.pragma('journal_mode = DELETE');
    const version = schemaVersion(db);
    const known = latestVersion(loadMigrations(options.migrationsDir));
    if (version > known) {
      return {
        ok: false,
        reason: {
          id: `Cadangan ini dari versi aplikasi yang lebih baru (skema ${version}, aplikasi ini ${known}).`,
          en: `This backup comes from a newer app (schema ${version}, this app knows ${known}).`,
        },
      };
    }
    const health = checkHealth(db);
    if (!health.ok) {
      const detail = [
        ...(health.quickCheck[0] === 'ok' ? [] : health.quickCheck.slice(0, 2)),
        ...(health.foreignKeyProblems ? [`${health.foreignKeyProblems} broken references`] : []),
      ].join('; ');
      return {
        ok: false,
        reason: { id: `Cadangan ini rusak (${detail}).`, en: `This backup is damaged (${detail}).` },
      };
    }
    const hasStore =
      version >= 1 &&
      (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('settings', 'producers', 'ledger_entries')").get() as {
        n: number;
      }).n === 3;
    if (!hasStore) {
      return {
        ok: false,
        reason: { id: 'Berkas ini bukan cadangan UKM Mart.', en: 'This file is not a UKM Mart backup.' },
      };
    }
    return { ok: true, schemaVersion: version };
  } catch (err) {
    const msg = (err as Error).message;
    return {
      ok: false,
      reason: { id: `Cadangan tidak dapat dibaca (${msg}).`, en: `The backup cannot be read (${msg}).` },
    };
  } finally {
    db?.close();
  }
}
