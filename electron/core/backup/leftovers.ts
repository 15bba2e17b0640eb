import fs from 'node:fs';
import path from 'node:path';

/**
 * Files an interrupted backup or restore leaves behind (SPEC §9): the
 * half-written copy and its journals (`….partial`, `….partial-journal`,
 * `….partial-wal`, `….gz.partial`), and a restore's candidate copy. None of
 * them carries a backup's name, so none is ever listed or restored; they are
 * removed at start-up, and the log says so.
 */
const LEFTOVER_IN_BACKUPS = /\.partial(-journal|-wal|-shm)?$/;
const LEFTOVER_IN_DATA = /^restore-candidate-.*\.sqlite(-journal|-wal|-shm)?$|\.partial(-journal|-wal|-shm)?$/;

export function removeLeftovers(dataDir: string, backupsDir: string, log: (m: string) => void = (m) => console.warn(`[backup] ${m}`)): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, pattern: RegExp) => {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!pattern.test(name)) continue;
      const file = path.join(dir, name);
      try {
        if (!fs.statSync(file).isFile()) continue;
        const size = fs.statSync(file).size;
        fs.rmSync(file, { force: true });
        removed.push(file);
        log(`removed ${name} (${size.toLocaleString('en')} bytes), left by an interrupted backup or restore`);
      } catch (err) {
        log(`could not remove the leftover ${file}: ${(err as Error).message}`);
      }
    }
  };
  sweep(dataDir, LEFTOVER_IN_DATA);
  sweep(backupsDir, LEFTOVER_IN_BACKUPS);
  return removed;
}
