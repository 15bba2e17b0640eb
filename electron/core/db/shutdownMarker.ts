import fs from 'node:fs';
import path from 'node:path';

/**
 * A small file beside the database that says whether the last run ended
 * cleanly, with the last receipt number at that moment (SPEC §9). It lives
 * outside the database on purpose: it must still tell the truth when the
 * database's journal (`-wal`) was deleted or the file was swapped for an
 * older copy.
 *
 *   state 'open'   — written when the store opens; still there at the next
 *                    start means the app was killed or the power went.
 *   state 'closing' — written just before the database closes: a kill after
 *                    the close removed the -wal but before 'closed' was
 *                    written is a close that finished, not a deleted journal
 *                    (the receipt number still tells a lost sale).
 *   state 'closed' — written after the database closed (its WAL checkpointed).
 */
export interface ShutdownMarker {
  state: 'open' | 'closing' | 'closed';
  /** The last receipt number handed out when the marker was written. */
  lastReceiptNo: number;
  /** When the full checks (integrity, references, ledger, stock, sales journal) last passed, ISO UTC. */
  lastFullCheckAt: string | null;
  at: string;
  pid: number;
}

export const MARKER_FILE_NAME = 'ukm-mart.shutdown.json';
export const markerFileOf = (dataDir: string) => path.join(dataDir, MARKER_FILE_NAME);

export function readMarker(dataDir: string): ShutdownMarker | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(markerFileOf(dataDir), 'utf8')) as Partial<ShutdownMarker>;
    if (parsed.state !== 'open' && parsed.state !== 'closing' && parsed.state !== 'closed') return null;
    return {
      state: parsed.state,
      lastReceiptNo: Number.isSafeInteger(parsed.lastReceiptNo) ? (parsed.lastReceiptNo as number) : 0,
      lastFullCheckAt: typeof parsed.lastFullCheckAt === 'string' ? parsed.lastFullCheckAt : null,
      at: String(parsed.at ?? ''),
      pid: Number(parsed.pid ?? 0),
    };
  } catch {
    return null;
  }
}

/** Written to a temporary name, fsynced and renamed: a kill mid-write leaves the old marker, never half a new one. */
export function writeMarker(dataDir: string, marker: ShutdownMarker): void {
  const file = markerFileOf(dataDir);
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(marker));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncFolder(dataDir);
}

/** Makes a rename or a new file in a folder durable (no-op where folders cannot be opened, e.g. Windows). */
export function fsyncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; its rename is durable through NTFS's own journal.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

export const FULL_CHECK_MAX_AGE_MS = 7 * 86_400_000;

export type StartupPlan =
  | { kind: 'quick' }
  | { kind: 'full'; why: 'no-marker' | 'unclean' | 'check-due' }
  | { kind: 'refuse-journal-missing' };

/**
 * What start-up does (SPEC §9): after a clean shutdown with a full check in the
 * last week it only checks the header, schema version and journal and trades,
 * the full checks following in the background; otherwise the full checks run
 * first. An unclean shutdown whose `-wal` is gone lost committed sales: refuse.
 */
export function planStartup(dbFile: string, marker: ShutdownMarker | null, now: Date): StartupPlan {
  if (!marker) return { kind: 'full', why: 'no-marker' };
  if (marker.state === 'open') {
    // In WAL mode the -wal file exists for as long as a connection is open; only a clean close removes it.
    if (!fs.existsSync(`${dbFile}-wal`)) return { kind: 'refuse-journal-missing' };
    return { kind: 'full', why: 'unclean' };
  }
  // Killed while closing: the -wal may be gone because the close checkpointed it; check everything, refuse nothing here.
  if (marker.state === 'closing') return { kind: 'full', why: 'unclean' };
  const last = marker.lastFullCheckAt ? Date.parse(marker.lastFullCheckAt) : NaN;
  if (!Number.isFinite(last) || now.getTime() - last > FULL_CHECK_MAX_AGE_MS) return { kind: 'full', why: 'check-due' };
  return { kind: 'quick' };
}
