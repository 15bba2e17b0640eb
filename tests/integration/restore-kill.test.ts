/**
 * A restore killed at any moment leaves the old store or the restored one,
 * whole, which starts and trades (issue 12; SPEC §9). Each case runs a real
 * restore in a child process that SIGKILLs itself at one step of the swap
 * (UKM_MART_CRASH_AT=restore:<step>, restoreFiles.ts crashPoint), then opens
 * the folder as the app does.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../electron/core/app';
import { makeTestCore, tempDir } from '../helpers/core';
import { makeTill } from './till-fixtures';

const ROOT = path.resolve(__dirname, '../..');
const CHILD = path.join(__dirname, 'fixtures', 'restore-child.ts');

/** Every step of restoreBackup that has a crash point, in order, and which store a kill there must leave. */
const STEPS: [step: string, leaves: 'old' | 'restored'][] = [
  ['copied', 'old'],
  ['prepared', 'old'],
  ['closed', 'old'],
  ['journaled', 'old'],
  ['aside', 'old'],
  ['swapped', 'restored'],
  ['marked', 'restored'],
  ['reopened', 'restored'],
  ['audited', 'restored'],
];

interface Fixture {
  dir: string;
  backup: string;
  shiftId: number;
  egg: number;
  cashier: { staffId: number; pin: string };
  mgr: { staffId: number; pin: string };
}
let fx: Fixture;
const SALES_IN_BACKUP = 3;
const SALES_AFTER_BACKUP = 2;

beforeAll(async () => {
  const till = makeTill();
  for (let i = 0; i < SALES_IN_BACKUP; i++) till.sale([{ productId: till.products.egg, quantity: 1 }]);
  const made = await till.t.callAsync('backup.create', {});
  if (!made.ok) throw new Error(made.error.message);
  for (let i = 0; i < SALES_AFTER_BACKUP; i++) till.sale([{ productId: till.products.egg, quantity: 1 }]);
  fx = { dir: till.t.dataDir, backup: (made.value as { file: string }).file, shiftId: till.shiftId, egg: till.products.egg, cashier: till.cashier, mgr: till.mgr };
  till.t.close();
});
afterAll(() => fs.rmSync(fx.dir, { recursive: true, force: true }));

/** A fresh copy of the closed store (with its marker and backups folder); the backup inside is renamed into the copy. */
function copyOfStore(): { dir: string; backup: string } {
  const dir = tempDir('ukm-mart-restore-kill-');
  fs.cpSync(fx.dir, dir, { recursive: true });
  return { dir, backup: path.join(dir, path.relative(fx.dir, fx.backup)) };
}

function restoreInChild(dir: string, backup: string, crashAt: string | null): { signal: NodeJS.Signals | null; status: number | null; stderr: string } {
  const env = { ...process.env };
  delete env.UKM_MART_CRASH_AT;
  if (crashAt) env.UKM_MART_CRASH_AT = crashAt.includes(':') ? crashAt : `restore:${crashAt}`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dir, backup, String(fx.mgr.staffId), fx.mgr.pin], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { signal: r.signal, status: r.status, stderr: r.stderr };
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => /^restore-candidate-|^restore-in-progress|\.sqlite-journal$/.test(f));

/** Opens the folder as the app does; it must trade: a sale gets the next receipt number. Returns the receipts before that sale. */
function startAndTrade(dir: string, label: string): number {
  const t = makeTestCore({ dataDir: dir });
  try {
    expect(t.core.status(), `${label}: the store starts`).toMatchObject({ state: 'ready' });
    const db = t.core.db!;
    expect(db.pragma('integrity_check', { simple: true }), label).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true }), label).toBe('wal');
    const receipts = (db.prepare('SELECT receipt_no FROM sales ORDER BY receipt_no').all() as { receipt_no: number }[]).map((r) => r.receipt_no);
    expect(receipts, `${label}: gapless`).toEqual(receipts.map((_, i) => i + 1));
    expect(t.ok('ledger.verify', {}), label).toMatchObject({ ok: true });
    const sale = t.asStaff(fx.cashier.staffId, fx.cashier.pin).ok('sales.create', {
      id: randomUUID(),
      shiftId: fx.shiftId,
      lines: [{ productId: fx.egg, quantity: 1 }],
      payment: { method: 'cash', tendered: 100_000 },
    });
    expect(sale.receiptNo, `${label}: trades with the next receipt number`).toBe(receipts.length + 1);
    return receipts.length;
  } finally {
    t.close();
  }
}

describe('a restore killed at each step of the swap', () => {
  it('without a kill the child restores (the control case)', () => {
    const { dir, backup } = copyOfStore();
    const r = restoreInChild(dir, backup, null);
    expect(r, r.stderr).toMatchObject({ status: 0, signal: null });
    expect(startAndTrade(dir, 'no kill')).toBe(SALES_IN_BACKUP);
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);

  it.each(STEPS)('killed after "%s": leaves the %s store, whole, which starts and trades', (step, leaves) => {
    const { dir, backup } = copyOfStore();
    const r = restoreInChild(dir, backup, step);
    expect(r.signal, `the child was killed at ${step} (${r.stderr})`).toBe('SIGKILL');
    const file = path.join(dir, DB_FILE_NAME);
    if (leaves === 'restored') {
      // The file under the store's name is already a WAL-mode store: no journal-mode switch (and no hot
      // rollback journal a kill could leave) ever happens under that name.
      const header = Buffer.alloc(20);
      const fd = fs.openSync(file, 'r');
      fs.readSync(fd, header, 0, 20, 0);
      fs.closeSync(fd);
      expect([header[18], header[19]], 'WAL mode in the header').toEqual([2, 2]);
    }
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
    const sales = startAndTrade(dir, `killed at ${step}`);
    expect(sales, `killed at ${step}: never a mix`).toBe(leaves === 'old' ? SALES_IN_BACKUP + SALES_AFTER_BACKUP : SALES_IN_BACKUP);
    expect(leftovers(dir), `killed at ${step}`).toEqual([]);
    // And the next start trades too (the recovery left nothing half-done for later).
    expect(startAndTrade(dir, `killed at ${step}, second start`)).toBe(sales + 1);
  }, 60_000);

  it('killed as the store closes for the restore, after the close removed the -wal: the old store starts and trades (not "journal missing")', () => {
    const { dir, backup } = copyOfStore();
    const r = restoreInChild(dir, backup, 'close:db-closed');
    expect(r.signal, `the child was killed as it closed (${r.stderr})`).toBe('SIGKILL');
    expect(fs.existsSync(path.join(dir, `${DB_FILE_NAME}-wal`)), 'the close checkpointed and removed the -wal').toBe(false);
    expect(startAndTrade(dir, 'killed while closing')).toBe(SALES_IN_BACKUP + SALES_AFTER_BACKUP);
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);

  it.each(['journaled', 'aside', 'swapped'])('with no store before (the refusal screen), killed after "%s": the restored store is in place', (step) => {
    const { dir, backup } = copyOfStore();
    const file = path.join(dir, DB_FILE_NAME);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    expect(path.basename(backup)).toMatch(/\.sqlite\.gz$/);
    // Only compressed backups in the folder: they too say a store lived here, so no empty store replaces it.
    const refused = makeTestCore({ dataDir: dir });
    expect(refused.core.status()).toMatchObject({ state: 'refused', reason: expect.stringMatching(/missing but backups of this store exist/) });
    refused.close();
    expect(fs.existsSync(file)).toBe(false);
    const r = restoreInChild(dir, backup, step);
    expect(r.signal, `the child was killed at ${step} (${r.stderr})`).toBe('SIGKILL');
    expect(startAndTrade(dir, `no store, killed at ${step}`)).toBe(SALES_IN_BACKUP);
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);
});

describe('a hot rollback journal beside the store', () => {
  it('is rolled back at start-up instead of refusing with "attempt to write a readonly database"', () => {
    const { dir } = copyOfStore();
    const file = path.join(dir, DB_FILE_NAME);
    // The store as it was under its name before this fix: a rollback-journal file (a backup's mode)...
    const plain = new Database(file);
    plain.pragma('journal_mode = DELETE');
    plain.close();
    // ...and a process killed in the middle of a write transaction on it, its changed pages spilled to the file.
    const script = `const D = require('better-sqlite3'); const d = new D(${JSON.stringify(file)}); d.pragma('cache_size = 2');
      d.exec('BEGIN IMMEDIATE'); d.exec("CREATE TABLE spill (x)"); d.prepare('INSERT INTO spill SELECT randomblob(4000) FROM sales, sales, sales, sales').run();
      d.exec("UPDATE audit_log SET reason = 'half-done'"); process.kill(process.pid, 'SIGKILL');`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.signal, r.stderr).toBe('SIGKILL');
    expect(fs.statSync(`${file}-journal`).size).toBeGreaterThan(0);
    expect(startAndTrade(dir, 'hot journal')).toBe(SALES_IN_BACKUP + SALES_AFTER_BACKUP);
    const db = new Database(file, { readonly: true });
    try {
      // The half-done transaction is gone, not half-applied.
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'spill'").get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE reason = 'half-done'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  }, 60_000);
});
