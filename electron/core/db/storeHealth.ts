import fs from 'node:fs';
import path from 'node:path';
import type { StoreHealth } from '../../../shared/contract/system';
import type { StorageFault } from './storageFault';
import { startFullChecks, type RunningCheck } from './backgroundCheck';
import type { CheckFinding } from './fullChecks';
import { listBackups } from '../backup/files';
import { backupBudgetBytes } from '../backup/budget';

/** SPEC §9 / issue 12: warn below 500 MB free, or below what the next backup needs. */
export const LOW_SPACE_BYTES = 500 * 1024 * 1024;

export interface HealthOptions {
  dataDir: string;
  dbFile: string;
  backupsDir: string;
  nativeBinding?: string;
  /** The runtime's job board: the checks give way to the till's calls on it (runtime/jobs.ts). */
  jobs?: SharedArrayBuffer;
  now: () => Date;
  /** Override of the 500 MB warning threshold (tests). */
  lowSpaceBytes?: number;
  /** A finding was made: the core writes it to the audit log. */
  onFindings(findings: CheckFinding[]): void;
  /** The checks passed: the core records when (the shutdown marker). */
  onPassed(at: string): void;
}

export function freeBytesOf(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/** A write test in the folder itself: root ignores permission bits, so only a real write tells a read-only mount. */
export function folderIsWritable(dir: string): boolean {
  const probe = path.join(dir, `.write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
    return true;
  } catch (err) {
    const code = (err as { code?: string }).code;
    return !(code === 'EROFS' || code === 'EACCES' || code === 'EPERM');
  }
}

const fileSize = (f: string) => fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0;

/**
 * The store's health as the banner shows it: the storage fault the last write
 * met, free space, and the background checks. One per core.
 */
export function createStoreHealth(options: HealthOptions) {
  let fault: { kind: StorageFault; freeAtFault: number | null } | null = null;
  let running: RunningCheck | null = null;
  let checks: StoreHealth['checks'] = { state: 'idle', startedAt: null, finishedAt: null, findings: [], acknowledged: true, lastFullCheckAt: null };
  let generation = 0;

  /** The next backup is about the size of the newest (compressed) one; before the first, the database's size. */
  const nextBackupBytes = () => {
    const newest = listBackups(options.backupsDir).find((b) => b.kind !== 'manual') ?? listBackups(options.backupsDir)[0];
    return newest ? newest.sizeBytes : fileSize(options.dbFile) + fileSize(`${options.dbFile}-wal`);
  };

  return {
    setLastFullCheckAt(at: string | null) {
      checks = { ...checks, lastFullCheckAt: at };
    },
    recordFault(kind: StorageFault) {
      fault = { kind, freeAtFault: freeBytesOf(options.dataDir) };
    },
    /** A write succeeded: whatever was wrong with the disk is over. */
    writeSucceeded() {
      fault = null;
    },
    fault: () => fault?.kind ?? null,
    /** Starts the full checks in the background (again, if one is running it is replaced). */
    startChecks() {
      running?.cancel();
      const mine = ++generation;
      checks = { ...checks, state: 'running', startedAt: options.now().toISOString(), finishedAt: null };
      const run = startFullChecks(options.dbFile, options.nativeBinding, options.jobs);
      running = run;
      return run.done.then((result) => {
        if (mine !== generation) return result; // replaced or stopped: its answer no longer counts
        running = null;
        const at = options.now().toISOString();
        const damage = result.findings.filter((f) => f.check !== 'error');
        if (damage.length < result.findings.length) {
          // The check could not run (a worker that did not start, the file busy): not damage, so nothing is refused; said in the log.
          console.error(`[core] the background full check could not run: ${result.findings.map((f) => f.en).join('; ')}`);
        }
        if (damage.length < result.findings.length && damage.length === 0) {
          checks = { ...checks, state: 'idle', finishedAt: options.now().toISOString() };
          return result;
        }
        if (damage.length) {
          checks = { ...checks, state: 'findings', finishedAt: at, findings: damage.map(({ id, en }) => ({ id, en })), acknowledged: false };
          options.onFindings(damage);
        } else {
          checks = { ...checks, state: 'passed', finishedAt: at, lastFullCheckAt: at };
          options.onPassed(at);
        }
        return result;
      });
    },
    stopChecks() {
      generation++;
      running?.cancel();
      running = null;
    },
    /** True while findings wait for a manager: the next settlement finalise is refused. */
    findingsUnacknowledged: () => checks.state === 'findings' && !checks.acknowledged,
    acknowledge() {
      checks = { ...checks, acknowledged: true };
    },
    findings: () => checks.findings,
    report(): StoreHealth {
      const freeBytes = freeBytesOf(options.dataDir);
      // Space came back (or the folder became writable): the fault is over without waiting for the next write.
      // Only when the disk really was nearly full at the fault (a quota or a size limit leaves plenty free: a write must succeed then).
      if (
        fault?.kind === 'DISK_FULL' &&
        freeBytes !== null &&
        fault.freeAtFault !== null &&
        fault.freeAtFault < 64 * 1024 * 1024 &&
        freeBytes > fault.freeAtFault + 16 * 1024 * 1024
      )
        fault = null;
      if (fault?.kind === 'READ_ONLY' && folderIsWritable(options.dataDir)) fault = null;
      const next = nextBackupBytes();
      const needed = Math.max(options.lowSpaceBytes ?? LOW_SPACE_BYTES, next);
      const backups = listBackups(options.backupsDir);
      return {
        diskFull: fault?.kind === 'DISK_FULL',
        readOnly: fault?.kind === 'READ_ONLY',
        freeBytes,
        lowSpace: freeBytes !== null && freeBytes < needed ? { freeBytes, neededBytes: needed } : null,
        checks,
        backups: {
          usedBytes: backups.filter((b) => b.kind !== 'manual').reduce((n, b) => n + b.sizeBytes, 0),
          budgetBytes: backupBudgetBytes(fileSize(options.dbFile)),
          nextBackupBytes: next,
        },
      };
    },
  };
}

export type StoreHealthState = ReturnType<typeof createStoreHealth>;
