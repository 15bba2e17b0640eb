import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/contract/system';
import { fsyncFolder } from '../db/shutdownMarker';
import { backupFileName, parseBackupName, rotateBackups, type BackupKind } from './files';

export interface BackupOptions {
  /** Folder to write into; created if missing. */
  folder: string;
  kind: BackupKind;
  at: Date;
  nativeBinding?: string;
  /** Rotate the folder afterwards (automatic backups in `<data>/backups`), within this many bytes. */
  rotate?: boolean;
  budgetBytes?: number;
  /**
   * Hears how far it is after each step: pages copied of all pages, then bytes
   * compressed of the copy's bytes. Long work gives way to the till here
   * (runtime/jobs.ts), so a step is kept short.
   */
  progress?: BackupProgress;
}

export type BackupProgress = (done: number, total: number, phase: 'copying' | 'compressing') => void;

/** Pages per step: big enough to finish a 680 MiB store in seconds, small enough to keep steps short. */
const PAGES_PER_STEP = 256;

/** gzip level: 3 compresses a store to about a third at a fraction of level 6's CPU time (measured in the bench). */
export const GZIP_LEVEL = 3;

/**
 * Copies the live database with SQLite's online backup API, then compresses
 * the copy into the backup (SPEC §9). Writes may go on meanwhile (the backup
 * steps through the pages between them and restarts the affected pages).
 * Both the raw copy and the compressed file are written under `….partial`
 * names, the compressed file and its folder are fsynced, and only then is it
 * given its final name: a half-written backup is never listed or restored,
 * and a kill leaves only `.partial` files, which start-up removes
 * (leftovers.ts).
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

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function copyInto(db: Database.Database, options: BackupOptions, name: string, file: string): Promise<BackupInfo> {
  fs.mkdirSync(options.folder, { recursive: true });
  const raw = `${file}.raw.partial`;
  const packed = `${file}.partial`;
  const scratch = [raw, `${raw}-wal`, `${raw}-shm`, `${raw}-journal`, packed];
  for (const f of scratch) fs.rmSync(f, { force: true });
  // On a read-only connection of the runtime's long-work thread, writes by the writer thread would
  // restart the copy at every commit; a read transaction held for the whole copy pins one snapshot.
  const pinSnapshot = db.readonly && !db.inTransaction;
  if (pinSnapshot) {
    db.prepare('BEGIN').run();
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  }
  try {
    try {
      await db.backup(raw, {
        progress: ({ totalPages, remainingPages }) => {
          options.progress?.(totalPages - remainingPages, totalPages, 'copying');
          return PAGES_PER_STEP;
        },
      });
    } finally {
      if (pinSnapshot && db.inTransaction) db.prepare('COMMIT').run();
    }
    const copy = new Database(raw, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    try {
      // The source is in WAL mode and the copy inherits it; a backup must be one self-contained file.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const rawBytes = fs.statSync(raw).size;
    let read = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        read += chunk.length;
        try {
          options.progress?.(read, rawBytes, 'compressing');
        } catch (err) {
          done(err as Error); // the pipeline fails and the .partial files are removed below
          return;
        }
        done(null, chunk);
      },
    });
    await pipeline(fs.createReadStream(raw), counted, zlib.createGzip({ level: GZIP_LEVEL }), fs.createWriteStream(packed, { mode: 0o600 }));
    fsyncFile(packed);
    fs.renameSync(packed, file);
    fsyncFolder(options.folder);
  } finally {
    for (const f of scratch) fs.rmSync(f, { force: true });
  }
  if (options.rotate) rotateBackups(options.folder, undefined, options.budgetBytes);
  const stat = fs.statSync(file);
  const parsed = parseBackupName(name)!;
  return { file, name, takenAt: parsed.takenAt, kind: parsed.kind, sizeBytes: stat.size };
}
