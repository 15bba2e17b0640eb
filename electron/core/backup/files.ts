import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/contract/system';
import { backupBudgetBytes } from './budget';

/** Automatic backups live here; rotation applies only to this folder. */
export const backupsDirOf = (dataDir: string) => path.join(dataDir, 'backups');

export type BackupKind = BackupInfo['kind'];

/**
 * `ukm-mart-2026-11-28T11-45-00-123Z-daily.sqlite.gz`: sortable, one per instant and kind.
 * Backups from before compression end in `.sqlite` and are still listed and restorable.
 */
const NAME = /^ukm-mart-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(daily|close|manual)\.sqlite(\.gz)?$/;

export function backupFileName(at: Date, kind: BackupKind): string {
  const iso = at.toISOString(); // 2026-11-28T11:45:00.123Z
  return `ukm-mart-${iso.slice(0, 10)}T${iso.slice(11, 13)}-${iso.slice(14, 16)}-${iso.slice(17, 19)}-${iso.slice(20, 23)}Z-${kind}.sqlite.gz`;
}

export function parseBackupName(name: string): { takenAt: string; kind: BackupKind } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return { takenAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, kind: m[6] as BackupKind };
}

/** The backups in a folder, newest first. Files that do not carry our name pattern are ignored. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    out.push({ file, name, takenAt: parsed.takenAt, kind: parsed.kind, sizeBytes: stat.size });
  }
  return out.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.name < b.name ? 1 : -1));
}

export const ROTATION = { daily: 14, weekly: 8 } as const;

/** Monday of the ISO week of a UTC date, as YYYY-MM-DD. */
function weekKey(isoInstant: string): string {
  const d = new Date(`${isoInstant.slice(0, 10)}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  d.setUTCDate(d.getUTCDate() - weekday);
  return d.toISOString().slice(0, 10);
}

/**
 * Which automatic backups to keep: the newest of each of the last 14 days
 * that have one, and the newest of each of the last 8 weeks that have one
 * (the two sets overlap). Manual backups are never rotated away: the manager
 * took them on purpose.
 */
export function backupsToKeep(backups: BackupInfo[], rotation: { daily: number; weekly: number } = ROTATION): Set<string> {
  const automatic = backups.filter((b) => b.kind !== 'manual').sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1));
  const keep = new Set<string>(backups.filter((b) => b.kind === 'manual').map((b) => b.file));
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const b of automatic) {
    const day = b.takenAt.slice(0, 10);
    if (!days.has(day) && days.size < rotation.daily) {
      days.add(day);
      keep.add(b.file);
    }
    const week = weekKey(b.takenAt);
    if (!weeks.has(week) && weeks.size < rotation.weekly) {
      weeks.add(week);
      keep.add(b.file);
    }
  }
  return keep;
}

/**
 * Deletes the automatic backups rotation does not keep, then the oldest
 * automatic ones while they together exceed the size budget (the newest is
 * always kept); returns the deleted files.
 */
export function rotateBackups(dir: string, rotation: { daily: number; weekly: number } = ROTATION, budgetBytes: number = backupBudgetBytes()): string[] {
  const backups = listBackups(dir);
  const keep = backupsToKeep(backups, rotation);
  const kept = backups.filter((b) => b.kind !== 'manual' && keep.has(b.file)); // newest first
  let total = kept.reduce((n, b) => n + b.sizeBytes, 0);
  for (const b of [...kept].reverse()) {
    if (total <= budgetBytes || b === kept[0]) break;
    keep.delete(b.file);
    total -= b.sizeBytes;
  }
  const deleted: string[] = [];
  for (const b of backups) {
    if (keep.has(b.file)) continue;
    try {
      fs.rmSync(b.file, { force: true });
      deleted.push(b.file);
    } catch (err) {
      console.error(`[backup] could not delete old backup ${b.file}`, err);
    }
  }
  return deleted;
}

/** A compact UTC timestamp for file names of files kept aside: 20261128T114500123Z. */
export const stamp = (at: Date) => at.toISOString().replace(/[-:.]/g, '');
