import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/contract/system';
import { backupFileName, parseBackupName, rotateBackups, type BackupKind } from './files';

export interface BackupOptions {
  /** Folder to write into; created if missing. */
  folder: string;
  kind: BackupKind;
  at: Date;
  nativeBinding?: string;
  /** Rotate the folder afterwards (automatic backups in `<data>/backups`). */
  rotate?: boolean;
}

/**
 * Copies the live database with SQLite's online backup API. Writes may go on
 * meanwhile (the backup steps through the pages between them and restarts
 * the affected pages). The copy is written under a temporary name, switched
 * to a self-contained rollback journal, and only then given its final name,
 * so a half-written backup is never listed or restored.
 */
export function writeBackup(db: Database.Database, options: BackupOptions): Promise<BackupInfo> {
  const name = backupFileName(options.at, options.kind);
  const file = path.join(options.folder, name);
  // Two requests for the same file at the same instant (a double click, a test clock) share one backup.
  const running = inFlight.get(file);
  if (running) return running;
  const job = copyInto(db, options, name, file).finally(() => inFlight.delete(file));
  inFlight.set(file, job);
  return job;
}

const inFlight = new Map<string, Promise<BackupInfo>>();

async function copyInto(db: Database.Database, options: BackupOptions, name: string, file: string): Promise<BackupInfo> {
  fs.mkdirSync(options.folder, { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    const copy = new Database(partial, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    try {
      // The source is in WAL mode and the copy inherits it; a backup must be one file on a USB stick.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    for (const side of ['-wal', '-shm']) fs.rmSync(partial + side, { force: true });
    // A backup holds the PIN hashes and every sale: readable by its owner only (SPEC §9; a no-op on Windows).
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
  } catch (err) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) fs.rmSync(f, { force: true });
    throw err;
  }
  if (options.rotate) rotateBackups(options.folder);
  const stat = fs.statSync(file);
  const parsed = parseBackupName(name)!;
  return { file, name, takenAt: parsed.takenAt, kind: parsed.kind, sizeBytes: stat.size };
}
