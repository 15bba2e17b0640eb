import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { lastReceiptNo } from '../db/receipts';
import { writeMarker } from '../db/shutdownMarker';

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
  let last = 0;
  const db = new Database(dbFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    last = lastReceiptNo(db);
  } finally {
    db.close();
  }
  writeMarker(dataDir, { state: 'closed', lastReceiptNo: last, lastFullCheckAt: null, at: new Date().toISOString(), pid: process.pid });
}
