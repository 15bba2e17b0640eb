/** Start-up checks (SPEC §9) run in parallel on worker threads (SPEC §11), and still refuse a damaged store. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { createCore, DB_FILE_NAME } from '../../electron/core/app';
import { checkHealthParallel, type ParallelCheckOptions } from '../../electron/core/db/health';
import { tempDir } from '../helpers/core';

/** A fresh store with a few rows in the big tables, closed, in rollback-journal mode (one file to snapshot). */
function storeWith(damage?: (db: Database.Database, file: string) => void): { dir: string; file: string; bytes: Buffer } {
  const dir = tempDir();
  createCore({ dataDir: dir }).close();
  const file = path.join(dir, DB_FILE_NAME);
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  const add = db.prepare("INSERT INTO audit_log (at, action, reason) VALUES ('x', 'test', ?)");
  for (let i = 0; i < 50; i++) add.run(`r${i}`);
  db.close();
  if (damage) {
    const d = new Database(file);
    damage(d, file);
    if (d.open) d.close();
  }
  return { dir, file, bytes: fs.readFileSync(file) };
}

const brokenReference = (db: Database.Database) => {
  db.pragma('foreign_keys = OFF');
  db.prepare("INSERT INTO products (producer_id, name, created_at, updated_at) VALUES (4242, 'Yatim', 'x', 'x')").run();
};

/** Scribbles over the root page of `sequences`, a table with no references either way: only quick_check can see it. */
const corruptPage = (db: Database.Database, file: string) => {
  const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'sequences'").get() as { rootpage: number }).rootpage;
  db.close();
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  bytes.fill(0xa5, (root - 1) * pageSize, root * pageSize);
  fs.writeFileSync(file, bytes);
};

function check(file: string, options: ParallelCheckOptions) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return checkHealthParallel(db, file, options);
  } finally {
    db.close();
  }
}

function startRefused(dir: string, options: ParallelCheckOptions) {
  const core = createCore({ dataDir: dir, startupChecks: options });
  const status = core.status();
  core.close();
  expect(status.state).toBe('refused');
  return status.reason ?? '';
}

const WORKERS_ONLY: ParallelCheckOptions = { workers: 2, callerTakesTasks: false };

describe('start-up checks on worker threads', () => {
  it('a healthy store passes; both checks ran, on the workers', () => {
    const { file } = storeWith();
    const report = check(file, WORKERS_ONLY);
    expect(report.ok).toBe(true);
    expect(report.workersStarted).toBe(2);
    const tasks = report.tasks.map((t) => t.task);
    expect(tasks).toContain('quick_check');
    expect(tasks).toEqual(expect.arrayContaining(['fk:sale_lines', 'fk:ledger_entries', 'fk:products']));
    expect(report.tasks.every((t) => t.thread !== 0)).toBe(true);
    expect(report.quickCheck).toEqual(['ok']);
  });

  it('a store with broken references only is refused by foreign_key_check on a worker, untouched', () => {
    const { dir, file, bytes } = storeWith(brokenReference);
    const report = check(file, WORKERS_ONLY);
    expect(report.ok).toBe(false);
    expect(report.quickCheck).toEqual(['ok']);
    expect(report.foreignKeyProblems).toBe(1);
    expect(report.tasks.find((t) => t.task === 'fk:products')?.thread).not.toBe(0);
    expect(startRefused(dir, WORKERS_ONLY)).toMatch(/integrity check \(1 broken references\)/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a store with a corrupt page only is refused by quick_check on a worker, untouched', () => {
    const { dir, file, bytes } = storeWith(corruptPage);
    const report = check(file, WORKERS_ONLY);
    expect(report.ok).toBe(false);
    expect(report.foreignKeyProblems).toBe(0);
    expect(report.quickCheck.join(' ')).not.toBe('ok');
    expect(report.tasks.find((t) => t.task === 'quick_check')?.thread).not.toBe(0);
    const reason = startRefused(dir, WORKERS_ONLY);
    expect(reason).toMatch(/integrity check|malformed/);
    expect(reason).not.toMatch(/broken references/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('the default start-up refuses both kinds of damage (a small store is checked on the calling thread)', () => {
    expect(startRefused(storeWith(brokenReference).dir, {})).toMatch(/1 broken references/);
    expect(startRefused(storeWith(corruptPage).dir, {})).toMatch(/integrity check|malformed/);
    const ok = createCore({ dataDir: storeWith().dir });
    expect(ok.status().state).toBe('ready');
    ok.close();
    expect(check(storeWith().file, {}).workersStarted).toBe(0);
  });

  it('the caller and a worker share the checks', () => {
    expect(startRefused(storeWith(brokenReference).dir, { workers: 1 })).toMatch(/1 broken references/);
    expect(startRefused(storeWith(corruptPage).dir, { workers: 1 })).toMatch(/integrity check|malformed/);
    const report = check(storeWith().file, { workers: 1 });
    expect(report.ok).toBe(true);
    expect(report.workersStarted).toBe(1);
    expect(report.tasks.map((t) => t.task)).toEqual(expect.arrayContaining(['quick_check', 'fk:sale_lines', 'fk:products']));
  });
});

describe('start-up checks without workers', () => {
  it('when no worker can start, the caller runs every check itself and says so', async () => {
    const logs: string[] = [];
    const broken = { workers: 2, moduleId: '/nonexistent/better-sqlite3.js', log: (m: string) => logs.push(m) };
    const healthy = check(storeWith().file, broken);
    expect(healthy.ok).toBe(true);
    expect(healthy.tasks.every((t) => t.thread === 0)).toBe(true);
    expect(healthy.tasks.map((t) => t.task)).toEqual(expect.arrayContaining(['quick_check', 'fk:sale_lines']));

    expect(check(storeWith(brokenReference).file, broken).foreignKeyProblems).toBe(1);
    expect(check(storeWith(corruptPage).file, broken).ok).toBe(false);
    await vi.waitFor(() => expect(logs.some((m) => /worker failed; the other threads ran its share/.test(m))).toBe(true), { timeout: 10_000 });
  });

  it('with workers turned off, the checks run single-threaded and still refuse', () => {
    const report = check(storeWith(brokenReference).file, { workers: 0 });
    expect(report.workersStarted).toBe(0);
    expect(report.foreignKeyProblems).toBe(1);
    expect(startRefused(storeWith(corruptPage).dir, { workers: 0 })).toMatch(/integrity check|malformed/);
  });

  it('checks that never report turn into a refusal with a clear reason, not a ready store', () => {
    const { dir, file, bytes } = storeWith();
    const stuck = { workers: 1, callerTakesTasks: false, moduleId: '/nonexistent/better-sqlite3.js', timeoutMs: 300, log: () => {} };
    const report = check(file, stuck);
    expect(report.ok).toBe(false);
    expect(report.failure).toMatch(/did not finish/);
    expect(startRefused(dir, stuck)).toMatch(/cannot be read \(the integrity checks did not finish/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
