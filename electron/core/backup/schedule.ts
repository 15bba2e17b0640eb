import type { BackupInfo } from '../../../shared/contract/system';
import type { Core } from '../app';
import { backupsDirOf, listBackups, type BackupKind } from './files';
import { writeBackup } from './create';

export const DAY_MS = 86_400_000;

export interface ScheduleOptions {
  now?: () => Date;
  /** How often to look whether a day has passed since the last backup. */
  checkEveryMs?: number;
  nativeBinding?: string;
  /** Hears (pages copied, pages in all) while the backup copies. */
  progress?: (done: number, total: number) => void;
}

/** When the newest backup in `<data>/backups` was taken, or null. */
export function lastBackupAt(dataDir: string): Date | null {
  const newest = listBackups(backupsDirOf(dataDir))[0];
  return newest ? new Date(newest.takenAt) : null;
}

/** What takes automatic backups: the store runtime (on its long-work thread), or an in-process core (below). */
export interface BackupTaker {
  readonly dataDir: string;
  automaticBackup(kind: Exclude<BackupKind, 'manual'>): Promise<BackupInfo | null>;
}
type Target = BackupTaker | Pick<Core, 'db' | 'dataDir' | 'emit'>;
const take = (target: Target, kind: Exclude<BackupKind, 'manual'>, options: ScheduleOptions) =>
  'automaticBackup' in target ? target.automaticBackup(kind) : automaticBackup(target, kind, options);

/** An automatic backup into `<data>/backups`, rotated; null when the store is not open. Never throws. */
export async function automaticBackup(core: Pick<Core, 'db' | 'dataDir' | 'emit'>, kind: Exclude<BackupKind, 'manual'>, options: ScheduleOptions = {}) {
  const db = core.db;
  if (!db) return null;
  try {
    const info = await writeBackup(db, {
      folder: backupsDirOf(core.dataDir),
      kind,
      at: (options.now ?? (() => new Date()))(),
      rotate: true,
      ...(options.progress ? { progress: options.progress } : {}),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    core.emit('backup.completed', { file: info.file, kind });
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
  tick();
  const timer = setInterval(tick, options.checkEveryMs ?? 15 * 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
