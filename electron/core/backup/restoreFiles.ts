import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { lastReceiptNo } from '../db/receipts';
import { fsyncFolder, writeMarker } from '../db/shutdownMarker';
import path from 'node:path';
import { crashPoint as killAt } from '../db/crashPoint';
import { recoverHotJournal } from '../db/store';

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

/**
 * The restore's private copy of a backup, decompressed when it is compressed; the chosen file is only read.
 * `progress` gets the bytes of the backup read so far, of its size.
 */
export async function copyOrDecompress(source: string, candidate: string, progress: (done: number, total: number) => void = () => undefined): Promise<void> {
  const total = fs.statSync(source).size;
  if (isGzip(source)) {
    try {
      const input = fs.createReadStream(source);
      let done = 0;
      input.on('data', (chunk) => progress((done += chunk.length), total));
      await pipeline(input, zlib.createGunzip(), fs.createWriteStream(candidate, { mode: 0o600 }));
    } catch (err) {
      fs.rmSync(candidate, { force: true });
      // A truncated or damaged archive: the integrity check would refuse it anyway; say what it is.
      throw Object.assign(new Error(`the compressed backup is damaged (${(err as Error).message})`), { code: 'BACKUP_DAMAGED' });
    }
  } else {
    progress(0, total);
    await fs.promises.copyFile(source, candidate);
    progress(total, total);
  }
}

/**
 * Makes the checked candidate a finished store file BEFORE it takes the
 * store's name: switched to WAL mode (the store's journal mode), closed (its
 * -wal checkpointed and removed), owner-only, and fsynced with its folder.
 *
 * A backup is a rollback-journal file; were it switched to WAL only when the
 * store reopens under its new name, a kill during that switch would leave
 * `ukm-mart.sqlite-journal` hot beside it, and the read-only start-up probe
 * cannot roll a hot journal back ("attempt to write a readonly database").
 * Switched here, such a kill leaves only a candidate and its journal, which
 * start-up removes as leftovers.
 */
export function prepareCandidate(candidate: string, nativeBinding?: string): void {
  const db = new Database(candidate, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`the restored copy could not be put in WAL mode (${String(mode)})`);
  } finally {
    db.close();
  }
  for (const side of ['-wal', '-shm', '-journal']) {
    if (fs.existsSync(candidate + side)) throw new Error(`the restored copy left ${path.basename(candidate + side)} behind on close`);
  }
  if (process.platform !== 'win32') fs.chmodSync(candidate, 0o600);
  const fd = fs.openSync(candidate, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fsyncFolder(path.dirname(candidate));
}

/** A crash point of the restore (db/crashPoint.ts): `UKM_MART_CRASH_AT=restore:<step>`. */
export const crashPoint = (step: string): void => killAt(`restore:${step}`);

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
 * journaled, from before the first rename until the restored store opened:
 * killed between the renames, start-up puts the store back (the restore did
 * not happen); killed after them, start-up completes it (the marker describes
 * the restored file). Either way the shop finds a whole store, never none and
 * never a mix.
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
  fsyncFolder(dataDir);
}

/**
 * At start-up, before the leftovers are swept: finish or undo a restore a kill
 * interrupted. The journal is written before the store is moved aside and
 * removed only once the restored store has opened, so every kill in between
 * lands in one of these cases:
 *   store and candidate both there   the swap had not begun: the old store stays (the candidate is a leftover)
 *   no store, the replaced one there the store was moved aside: it is put back (the restore did not happen)
 *   no store, only the candidate     there was no store before: the candidate becomes it
 *   the store there, no candidate    the swap was done: the restored store stays, the marker describes it
 */
export function recoverInterruptedRestore(dataDir: string, dbFile: string, nativeBinding?: string, log: (m: string) => void = (m) => console.warn(`[backup] ${m}`)): void {
  let journal: RestoreJournal;
  try {
    journal = JSON.parse(fs.readFileSync(path.join(dataDir, JOURNAL), 'utf8')) as RestoreJournal;
  } catch {
    clearRestoreJournal(dataDir);
    return;
  }
  const storeThere = fs.existsSync(dbFile);
  const candidateThere = fs.existsSync(journal.candidate);
  const replacedThere = journal.replacedFile !== null && fs.existsSync(journal.replacedFile);
  try {
    if (storeThere && candidateThere) {
      log('a restore was interrupted before it changed anything: the store is as it was before');
    } else if (!storeThere && replacedThere) {
      // Whatever of the store's own side files were moved with it go back with it.
      fs.renameSync(journal.replacedFile!, dbFile);
      for (const side of ['-wal', '-shm', '-journal']) if (fs.existsSync(journal.replacedFile + side)) fs.renameSync(journal.replacedFile + side, dbFile + side);
      fsyncFolder(dataDir);
      log('undid a restore that was interrupted before the restored file was in place: the store is as it was before');
    } else if (!storeThere && candidateThere) {
      fs.renameSync(journal.candidate, dbFile);
      fsyncFolder(dataDir);
      resetMarkerForRestore(dataDir, dbFile, nativeBinding);
      log('completed a restore that was interrupted before the restored file was in place (there was no store before it)');
    } else if (storeThere) {
      recoverHotJournal(dbFile, nativeBinding, log);
      resetMarkerForRestore(dataDir, dbFile, nativeBinding);
      log('completed a restore that was interrupted after the restored file was in place');
    }
  } catch (err) {
    // The store's own start-up checks then say what is wrong; start-up never crashes here.
    log(`could not finish or undo an interrupted restore: ${(err as Error).message}`);
  }
  clearRestoreJournal(dataDir);
}
