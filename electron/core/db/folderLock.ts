import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One process owns a data folder (SPEC §9). Node has no portable flock, so the
 * lock is a file created exclusively (`wx`: atomic on every file system the
 * shop will use) holding the owner's pid, host and start time. A lock whose
 * process is gone (a crash, a pulled plug) is stale and taken over; a live
 * owner makes the second instance say who it is and exit.
 */
export const LOCK_FILE_NAME = 'ukm-mart.lock';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  shell: string;
  /** The owner's command line where the system tells it (Linux /proc). */
  command?: string;
}

export class FolderLockedError extends Error {
  constructor(
    readonly owner: LockOwner,
    readonly dataDir: string,
  ) {
    super(
      `Folder data ${dataDir} sedang dipakai oleh UKM Mart lain (proses ${owner.pid}${owner.command ? `: ${owner.command}` : ''}, ${owner.shell}, sejak ${owner.startedAt}). Tutup yang itu dulu.\n` +
        `The data folder ${dataDir} is in use by another UKM Mart (process ${owner.pid}${owner.command ? `: ${owner.command}` : ''}, ${owner.shell}, since ${owner.startedAt}). Close that one first.`,
    );
    this.name = 'FolderLockedError';
  }
}

function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM'; // exists, owned by someone else
  }
}

function commandOf(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 200) || undefined;
  } catch {
    return undefined;
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/** Locks this process holds: a lock file with our own pid that is not in here was left by an earlier process that had our pid. */
const heldHere = new Set<string>();

export interface FolderLock {
  readonly file: string;
  release(): void;
}

/** Takes the data folder's lock or throws FolderLockedError naming the process that holds it. */
export function lockDataFolder(dataDir: string, shell: string): FolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), shell };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      heldHere.add(file);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          heldHere.delete(file);
          // Only our own lock: a stale-lock takeover by another process must not be undone by us.
          if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(file);
    if (heldHere.has(file)) throw new FolderLockedError(owner ?? me, dataDir);
    // Half-written (the owner is writing it right now) or held by a live process on this machine: not ours.
    if (owner && owner.host === me.host && owner.pid !== process.pid && alive(owner.pid)) {
      throw new FolderLockedError({ ...owner, command: commandOf(owner.pid) }, dataDir);
    }
    if (!owner) {
      // Unreadable: wait a moment for a writer, then treat it as stale.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      if (attempt < 2) continue;
    } else if (owner.host !== me.host && owner.pid !== process.pid) {
      // A folder shared over a network by another computer: we cannot see its processes, so it counts as held.
      throw new FolderLockedError(owner, dataDir);
    }
    // Stale: move it aside atomically (only one of two racing takers wins the rename), then try again.
    const aside = `${file}.stale-${process.pid}-${attempt}`;
    try {
      fs.renameSync(file, aside);
      fs.rmSync(aside, { force: true });
    } catch {
      // another process took it over first: loop and look again
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
