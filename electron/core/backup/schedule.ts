import type { BackupInfo } from '../../../shared/contract/system';
import fs from 'node:fs';
import type { Core } from '../app';
import { backupBudgetBytes } from './budget';
import { backupsDirOf, listBackups, type BackupKind } from './files';
import { writeBackup, type BackupProgress } from './create';

export const DAY_MS = 86_400_000;

export interface ScheduleOptions {
  now?: () => Date;
  /** How often to look whether a day has passed since the last backup. */
  checkEveryMs?: number;
  /** The first look, after start-up (default 60 s: a backup is never on the path to a ready till). */
  firstCheckAfterMs?: number;
  nativeBinding?: string;
  /** Hears how far the backup is (create.ts). */
  progress?: BackupProgress;
}

/** When the newest backup in `<data>/backups` was taken, or null. */
export function lastBackupAt(dataDir: string): Date | null {
  const newest = listBackups(backupsDirOf(dataDir))[0];
  return newest ? new Date(newest.takenAt) : null;
}

/** What takes automatic backups: the store runtime (on its long-work thread), or an in-process core (below). */
export interface BackupTaker {
  readonly dataDir: string;
  readonly dbFile: string;
  automaticBackup(kind: Exclude<BackupKind, 'manual'>): Promise<BackupInfo | null>;
}
type Target = BackupTaker | Pick<Core, 'db' | 'dataDir' | 'emit' | 'runBackgroundChecks'>;
const take = (target: Target, kind: Exclude<BackupKind, 'manual'>, options: ScheduleOptions) =>
  'automaticBackup' in target ? target.automaticBackup(kind) : automaticBackup(target, kind, options);

/** An automatic backup into `<data>/backups`, rotated; null when the store is not open. Never throws. */
export async function automaticBackup(core: Pick<Core, 'db' | 'dataDir' | 'emit' | 'runBackgroundChecks'>, kind: Exclude<BackupKind, 'manual'>, options: ScheduleOptions = {}) {
  const db = core.db;
  if (!db) return null;
  try {
    const info = await writeBackup(db, {
      folder: backupsDirOf(core.dataDir),
      kind,
      at: (options.now ?? (() => new Date()))(),
      rotate: true,
      ...(options.progress ? { progress: options.progress } : {}),
      budgetBytes: backupBudgetBytes(),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    core.emit('backup.completed', { file: info.file, kind });
    // SPEC §9: the full checks also run after each automatic backup (in the background).
    void core.runBackgroundChecks();
    return info;
  } catch (err) {
    console.error(`[backup] automatic ${kind} backup failed: ${(err as Error).message}`);
    return null;
  }
}

/** Takes a daily backup if the newest one is a day old or more. */
export async function backupIfDue(target: Target, options: ScheduleOptions = {}) {
  const now = (options.now ?? (() => new Date()))();
  const last = lastBackupAt(target.dataDir);
  if (last && now.getTime() - last.getTime() < DAY_MS) return null;
  return take(target, 'daily', options);
}

/**
 * Once a day: at start (when the last backup is a day old) and then whenever
 * a check finds a day has passed. Returns a stop function. Both shells use it;
 * the backup on close is `automaticBackup(core, 'close')`.
 */
export function startBackupSchedule(target: Target, options: ScheduleOptions = {}): () => void {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = backupIfDue(target, options).finally(() => {
      running = null;
    });
  };
  const first = setTimeout(tick, options.firstCheckAfterMs ?? 60_000);
  first.unref?.();
  const timer = setInterval(tick, options.checkEveryMs ?? 15 * 60_000);
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** A store this small is copied and compressed in well under a second: cheap enough to back up on every close. */
export const CHEAP_CLOSE_BYTES = 64 * 1024 * 1024;
/** The longest a close waits for its backup; an unfinished one is abandoned (its .partial files go at the next start). */
export const CLOSE_BACKUP_MAX_MS = 10_000;

/**
 * The backup on close (SPEC §9), bounded: taken only when it is cheap (a small
 * store) or a daily backup is due anyway, and never delaying the exit by more
 * than `maxMs`. A big store closed twice a day is backed up by the daily
 * timer instead of copying 680 MiB at every exit.
 */
export async function backupOnClose(
  target: Target & { readonly dbFile: string },
  options: ScheduleOptions & { maxMs?: number } = {},
): Promise<'taken' | 'skipped' | 'abandoned'> {
  if ('db' in target && !target.db) return 'skipped';
  const now = (options.now ?? (() => new Date()))();
  const last = lastBackupAt(target.dataDir);
  const due = !last || now.getTime() - last.getTime() >= DAY_MS;
  const size = fs.statSync(target.dbFile, { throwIfNoEntry: false })?.size ?? 0;
  if (!due && size > CHEAP_CLOSE_BYTES) return 'skipped';
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    take(target, 'close', options).then((info) => (info ? ('taken' as const) : ('skipped' as const))),
    new Promise<'abandoned'>((resolve) => {
      timer = setTimeout(() => resolve('abandoned'), options.maxMs ?? CLOSE_BACKUP_MAX_MS);
    }),
  ]);
  clearTimeout(timer);
  if (outcome === 'abandoned') console.warn('[backup] the backup on close took too long and was abandoned; the daily backup covers it');
  return outcome;
}
