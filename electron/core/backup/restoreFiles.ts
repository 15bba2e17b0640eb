import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { lastReceiptNo } from '../db/receipts';
import { fsyncFolder, writeMarker } from '../db/shutdownMarker';
import path from 'node:path';

/** True when the file starts with gzip's magic bytes (compressed backups; older ones are plain SQLite). */
export function isGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return fs.readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

/** The restore's private copy of a backup, decompressed when it is compressed; the chosen file is only read. */
export async function copyOrDecompress(source: string, candidate: string): Promise<void> {
  if (isGzip(source)) {
    try {
      await pipeline(fs.createReadStream(source), zlib.createGunzip(), fs.createWriteStream(candidate, { mode: 0o600 }));
    } catch (err) {
      fs.rmSync(candidate, { force: true });
      // A truncated or damaged archive: the integrity check would refuse it anyway; say what it is.
      throw Object.assign(new Error(`the compressed backup is damaged (${(err as Error).message})`), { code: 'BACKUP_DAMAGED' });
    }
  } else {
    await fs.promises.copyFile(source, candidate);
  }
}

/** After a restore the marker describes the restored file (closed, its receipt number, no full check yet). */
export function resetMarkerForRestore(dataDir: string, dbFile: string, nativeBinding?: string): void {
  let last: number;
  const db = new Database(dbFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    last = lastReceiptNo(db);
  } finally {
    db.close();
  }
  writeMarker(dataDir, { state: 'closed', lastReceiptNo: last, lastFullCheckAt: null, at: new Date().toISOString(), pid: process.pid });
}

/**
 * The swap of a restore in two renames (store aside, checked copy in) is
 * journaled: killed between them, start-up puts the store back (the restore
 * did not happen); killed after them, start-up completes it (the marker
 * describes the restored file). Either way the shop finds a store, never none.
 */
const JOURNAL = 'restore-in-progress.json';
interface RestoreJournal {
  replacedFile: string | null;
  candidate: string;
}

export function writeRestoreJournal(dataDir: string, journal: RestoreJournal): void {
  const file = path.join(dataDir, JOURNAL);
  const fd = fs.openSync(`${file}.tmp`, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(journal));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(`${file}.tmp`, file);
  fsyncFolder(dataDir);
}

export function clearRestoreJournal(dataDir: string): void {
  fs.rmSync(path.join(dataDir, JOURNAL), { force: true });
  fs.rmSync(path.join(dataDir, `${JOURNAL}.tmp`), { force: true });
}

/** At start-up, before the leftovers are swept: finish or undo a restore a kill interrupted. */
export function recoverInterruptedRestore(dataDir: string, dbFile: string, nativeBinding?: string, log: (m: string) => void = (m) => console.warn(`[backup] ${m}`)): void {
  let journal: RestoreJournal;
  try {
    journal = JSON.parse(fs.readFileSync(path.join(dataDir, JOURNAL), 'utf8')) as RestoreJournal;
  } catch {
    clearRestoreJournal(dataDir);
    return;
  }
  if (fs.existsSync(dbFile) && !fs.existsSync(journal.candidate)) {
    // Both renames happened: the restored store is in place.
    resetMarkerForRestore(dataDir, dbFile, nativeBinding);
    log('completed a restore that was interrupted after the restored file was in place');
  } else if (!fs.existsSync(dbFile) && journal.replacedFile && fs.existsSync(journal.replacedFile)) {
    // Interrupted between the renames: put the store back as it was.
    fs.renameSync(journal.replacedFile, dbFile);
    for (const side of ['-wal', '-shm', '-journal']) if (fs.existsSync(journal.replacedFile + side)) fs.renameSync(journal.replacedFile + side, dbFile + side);
    log('undid a restore that was interrupted before the restored file was in place: the store is as it was before');
  }
  clearRestoreJournal(dataDir);
}
