import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { audit } from '../audit';
import type { CheckFinding } from './fullChecks';
import { crashPoint } from './crashPoint';
import { lastReceiptNo } from './receipts';
import { readMarker, writeMarker, type ShutdownMarker } from './shutdownMarker';
import { storageFault, STORAGE_TEXT, type StorageFault } from './storageFault';
import { folderIsWritable, freeBytesOf } from './storeHealth';

/** Writes the marker and says so in the log when it cannot (a full or read-only disk must not stop the till). */
export function markOpen(dataDir: string, db: Database.Database, previous: ShutdownMarker | null, lastFullCheckAt: string | null): void {
  try {
    writeMarker(dataDir, {
      state: 'open',
      // The higher of the marker's and the file's: a store whose number went back was refused before this.
      lastReceiptNo: Math.max(previous?.lastReceiptNo ?? 0, lastReceiptNo(db)),
      lastFullCheckAt,
      at: new Date().toISOString(),
      pid: process.pid,
    });
  } catch (err) {
    console.error(`[core] the shutdown marker could not be written: ${(err as Error).message}`);
  }
}

/** Closes the database (its WAL checkpointed into the file), then records the clean shutdown. */
export function closeCleanly(dataDir: string, db: Database.Database, lastFullCheckAt: string | null): void {
  let last = 0;
  try {
    last = lastReceiptNo(db);
  } catch {
    // a closed or damaged handle: the marker keeps 0 and the next start runs the full checks
  }
  try {
    // Before the close removes the -wal: a kill between that and the final marker must not read as a deleted journal.
    writeMarker(dataDir, { state: 'closing', lastReceiptNo: last, lastFullCheckAt, at: new Date().toISOString(), pid: process.pid });
  } catch (err) {
    console.error(`[core] the shutdown marker could not be written: ${(err as Error).message}`);
  }
  db.close();
  crashPoint('close:db-closed');
  // Only a real clean close may say so: with the -wal still there (a failed checkpoint), the next start checks everything.
  const walLeft = fs.existsSync(`${db.name}-wal`);
  try {
    writeMarker(dataDir, { state: walLeft ? 'open' : 'closed', lastReceiptNo: last, lastFullCheckAt, at: new Date().toISOString(), pid: process.pid });
  } catch (err) {
    console.error(`[core] the shutdown marker could not be written: ${(err as Error).message}`);
  }
}

export { readMarker };

/**
 * SQLite reports some full or read-only disks only as a generic I/O error;
 * the data folder itself then tells which it is.
 */
export function diagnoseStorage(err: unknown, dataDir: string): StorageFault | null {
  const direct = storageFault(err);
  if (direct) return direct;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_IOERR')) return null;
  if (!folderIsWritable(dataDir)) return 'READ_ONLY';
  const free = freeBytesOf(dataDir);
  if (free !== null && free < 1024 * 1024) return 'DISK_FULL';
  return null;
}

export const storageRefusal = (fault: StorageFault) => STORAGE_TEXT[fault];

/** One audit row per background finding run, so the finding outlives the banner. */
export function auditFindings(db: Database.Database | null, findings: CheckFinding[], at: string): void {
  if (!db) return;
  try {
    db.transaction(() =>
      audit(db, {
        at,
        actorId: null,
        action: 'checks.finding',
        subjectType: 'database',
        subjectId: 'ukm-mart.sqlite',
        after: { findings: findings.map((f) => ({ check: f.check, message: f.en })) },
        reason: 'background full check (integrity_check, foreign_key_check, ledger.verify, stock.verify, sales journal)',
      }),
    ).immediate();
  } catch (err) {
    console.error(`[core] a background finding could not be written to the audit log: ${(err as Error).message}`);
  }
}
