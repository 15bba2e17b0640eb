/** Backups on real files: online backup while writing, restore, refusal of a bad backup, rotation. */
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, DB_FILE_NAME } from '../../electron/core/app';
import type { BackupInfo, RestoreResult } from '../../shared/contract/system';
import { backupFileName, backupsToKeep, listBackups, rotateBackups } from '../../electron/core/backup/files';
import { automaticBackup, backupIfDue, DAY_MS } from '../../electron/core/backup/schedule';
import { makeTestCore, tempDir, type TestCore } from '../helpers/core';

async function createBackup(t: TestCore, input: { folder?: string } = {}): Promise<BackupInfo> {
  const reply = await t.callAsync('backup.create', input);
  if (!reply.ok) throw new Error(`backup.create refused: ${reply.error.message}`);
  return reply.value as BackupInfo;
}

/** Backups are gzip-compressed (SPEC §9): a plain SQLite copy of one, in a temporary folder, to look inside. */
function asSqlite(file: string): string {
  const bytes = fs.readFileSync(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return file;
  const out = path.join(tempDir(), 'unpacked.sqlite');
  fs.writeFileSync(out, zlib.gunzipSync(bytes));
  return out;
}

function storeNames(file: string): string[] {
  const db = new Database(asSqlite(file), { readonly: true });
  try {
    const rows = db.prepare("SELECT value FROM settings WHERE key = 'storeName'").all() as { value: string }[];
    return rows.map((r) => JSON.parse(r.value) as string);
  } finally {
    db.close();
  }
}

const countAudit = (file: string, action: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('backup.create', () => {
  it('copies the store with the online backup API while writes go on, into one self-contained file', async () => {
    const t = makeTestCore();
    // Enough pages that the backup takes several steps.
    const db = t.core.db!;
    const add = db.prepare("INSERT INTO audit_log (at, action, reason) VALUES ('2026-11-02T02:00:00.000Z', 'filler', ?)");
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) add.run(`row ${i} ${'x'.repeat(200)}`);
    })();
    const pending = t.callAsync('backup.create', {});
    // Writes made while the backup runs go through the normal core calls.
    for (let i = 0; i < 20; i++) {
      expect(t.raw('settings.update', { storeName: `Toko ${i}` }).ok).toBe(true);
      await new Promise((r) => setImmediate(r));
    }
    const reply = await pending;
    expect(reply.ok).toBe(true);
    const info = (reply as { value: BackupInfo }).value;
    expect(info.kind).toBe('manual');
    expect(path.dirname(info.file)).toBe(path.join(t.dataDir, 'backups'));
    expect(fs.existsSync(`${info.file}-wal`)).toBe(false);
    expect(fs.readdirSync(path.dirname(info.file)).filter((f) => f.includes('.partial'))).toEqual([]);
    expect(fs.readFileSync(info.file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(info.name).toMatch(/\.sqlite\.gz$/);
    const copy = new Database(asSqlite(info.file), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect((copy.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'filler'").get() as { n: number }).n).toBe(20_000);
    copy.close();
    // The copy is a consistent state of the store, at or after the moment the backup started.
    expect(storeNames(info.file)[0]).toMatch(/^Toko \d+$/);
    expect(t.ok('backup.list', {}).map((b) => b.file)).toEqual([info.file]);
    t.close();
  });

  it('writes to a chosen folder (a USB stick), creating it', async () => {
    const t = makeTestCore();
    const usb = path.join(tempDir('ukm-mart-usb-'), 'UKM Mart cadangan');
    const info = await createBackup(t, { folder: usb });
    expect(path.dirname(info.file)).toBe(usb);
    expect(info.sizeBytes).toBeGreaterThan(0);
    // backup.list shows the data folder's backups only.
    expect(t.ok('backup.list', {})).toEqual([]);
    t.close();
  });

  it('announces the backup to listeners', async () => {
    const t = makeTestCore();
    const seen: string[] = [];
    t.core.on('backup.completed', (e) => seen.push(e.kind));
    await createBackup(t);
    await automaticBackup(t.core, 'close', { now: t.clock.now });
    expect(seen).toEqual(['manual', 'close']);
    t.close();
  });
});

describe('backup.restore', () => {
  it('restores a good backup: checks it, keeps the replaced file aside, reopens, audits', async () => {
    const t = makeTestCore();
    const approval = t.manager();
    t.ok('settings.update', { storeName: 'Sebelum' });
    const backup = await createBackup(t);
    t.ok('settings.update', { storeName: 'Sesudah' });
    t.clock.advance(60_000);

    const reply = await t.callAsync('backup.restore', { file: backup.file, approval });
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    const result = (reply as { value: RestoreResult }).value;
    expect(result.status.state).toBe('ready');
    expect(t.ok('settings.get', {}).storeName).toBe('Sebelum');
    expect(result.replacedFile).toMatch(/ukm-mart\.sqlite\.replaced-\d{8}T\d{9}Z$/);
    expect(storeNames(result.replacedFile!)).toEqual(['Sesudah']);
    // The backup itself is untouched and still listed.
    expect(t.ok('backup.list', {}).map((b) => b.file)).toContain(backup.file);
    const row = t.core.db!.prepare("SELECT actor_id, before_json, after_json FROM audit_log WHERE action = 'backup.restore'").get() as {
      actor_id: number;
      before_json: string;
      after_json: string;
    };
    expect(row.actor_id).toBe(approval.staffId);
    expect(JSON.parse(row.before_json).replacedFile).toBe(result.replacedFile);
    expect(JSON.parse(row.after_json).restoredFrom).toBe(backup.file);
    t.close();
  });

  it('needs a manager approval while the store is open', async () => {
    const t = makeTestCore();
    const backup = await createBackup(t);
    const before = fs.readFileSync(t.core.dbFile);
    expect(await t.callAsync('backup.restore', { file: backup.file })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.callAsync('backup.restore', { file: backup.file, approval: t.cashier() })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.callAsync('backup.restore', { file: backup.file, approval: { staffId: t.manager().staffId, pin: '9999' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(fs.readdirSync(t.dataDir).filter((f) => f.includes('replaced'))).toEqual([]);
    expect(fs.readFileSync(t.core.dbFile).equals(before)).toBe(true);
    t.close();
  });

  it('refuses a corrupt backup and changes nothing', async () => {
    const t = makeTestCore();
    const approval = t.manager();
    t.ok('settings.update', { storeName: 'Toko Asli' });
    const db = t.core.db!;
    const add = db.prepare("INSERT INTO audit_log (at, action, reason) VALUES ('x', 'filler', ?)");
    for (let i = 0; i < 300; i++) add.run('y'.repeat(100));
    const backup = await createBackup(t);
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'").get() as { rootpage: number }).rootpage;
    const bytes = zlib.gunzipSync(fs.readFileSync(backup.file));
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x5a, (root - 1) * pageSize, root * pageSize);
    fs.writeFileSync(backup.file, zlib.gzipSync(bytes));
    const backupBytes = fs.readFileSync(backup.file);
    t.core.db!.pragma('wal_checkpoint(TRUNCATE)');
    const listing = fs.readdirSync(t.dataDir).sort();
    const storeBytes = fs.readFileSync(t.core.dbFile);

    const reply = await t.callAsync('backup.restore', { file: backup.file, approval });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/rusak|tidak dapat dibaca/) } });
    expect(!reply.ok && reply.error.message).toMatch(/Tidak ada yang diubah/);
    expect(fs.readdirSync(t.dataDir).sort()).toEqual(listing);
    expect(fs.readFileSync(t.core.dbFile).equals(storeBytes)).toBe(true);
    expect(fs.readFileSync(backup.file).equals(backupBytes)).toBe(true);
    expect(t.core.status().state).toBe('ready');
    expect(t.ok('settings.get', {}).storeName).toBe('Toko Asli');
    t.close();
  });

  it('refuses a backup from a newer app, and a file that is not a UKM Mart backup', async () => {
    const t = makeTestCore();
    const approval = t.manager();
    const newer = path.join(tempDir(), 'newer.sqlite');
    fs.copyFileSync(asSqlite((await createBackup(t)).file), newer);
    const n = new Database(newer);
    n.pragma('user_version = 999');
    n.close();
    expect(await t.callAsync('backup.restore', { file: newer, approval })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/versi aplikasi yang lebih baru/) },
    });
    const other = path.join(tempDir(), 'other.sqlite');
    const o = new Database(other);
    o.exec('CREATE TABLE recipes (name TEXT)');
    o.pragma('user_version = 1');
    o.close();
    expect(await t.callAsync('backup.restore', { file: other, approval })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/bukan cadangan UKM Mart/) },
    });
    expect(fs.readdirSync(t.dataDir).filter((f) => f.includes('replaced') || f.includes('candidate'))).toEqual([]);
    t.close();
  });

  it('restores from the refusal screen without approval (no staff can be read while refused)', async () => {
    const dir = tempDir();
    const t = makeTestCore({ dataDir: dir });
    t.ok('settings.update', { storeName: 'Dari Cadangan' });
    const backup = await createBackup(t);
    t.close();
    const file = path.join(dir, DB_FILE_NAME);
    fs.writeFileSync(file, 'damaged'.repeat(4000));
    for (const side of ['-wal', '-shm']) fs.rmSync(file + side, { force: true });

    const core = createCore({ dataDir: dir });
    expect(core.status().state).toBe('refused');
    const listed = core.call('backup.list', {});
    expect(listed.ok && (listed.value as BackupInfo[]).map((b) => b.file)).toEqual([backup.file]);
    const reply = await core.callAsync('backup.restore', { file: backup.file });
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    expect(core.status()).toMatchObject({ state: 'ready' });
    expect(core.call('settings.get', {})).toMatchObject({ ok: true, value: { storeName: 'Dari Cadangan' } });
    const replaced = (reply as { value: RestoreResult }).value.replacedFile!;
    expect(fs.readFileSync(replaced, 'utf8')).toMatch(/^damaged/);
    const audit = core.db!.prepare("SELECT actor_id, reason FROM audit_log WHERE action = 'backup.restore'").get() as { actor_id: null; reason: string };
    expect(audit).toEqual({ actor_id: null, reason: expect.stringMatching(/refusal screen/) });
    core.close();
    expect(countAudit(file, 'backup.restore')).toBe(1);
  });
});

describe('automatic backups and rotation', () => {
  it('takes a daily backup when the last is a day old, not before', async () => {
    const t = makeTestCore();
    const first = await backupIfDue(t.core, { now: t.clock.now });
    expect(first?.kind).toBe('daily');
    t.clock.advance(DAY_MS - 60_000);
    expect(await backupIfDue(t.core, { now: t.clock.now })).toBeNull();
    t.clock.advance(60_000);
    expect((await backupIfDue(t.core, { now: t.clock.now }))?.kind).toBe('daily');
    expect(listBackups(path.join(t.dataDir, 'backups'))).toHaveLength(2);
    t.close();
  });

  it('keeps the newest backup of each of the last 14 days and of each of the last 8 weeks', async () => {
    const dir = tempDir('ukm-mart-rotation-');
    const start = Date.parse('2026-06-01T10:00:00.000Z'); // a Monday
    const days = 120;
    for (let d = 0; d < days; d++) {
      for (const [h, kind] of [[0, 'daily'], [9, 'close']] as const) {
        fs.writeFileSync(path.join(dir, backupFileName(new Date(start + d * DAY_MS + h * 3_600_000), kind)), 'x');
      }
    }
    const manual = backupFileName(new Date(start), 'manual');
    fs.writeFileSync(path.join(dir, manual), 'x');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
    rotateBackups(dir);
    const left = listBackups(dir);
    const automatic = left.filter((b) => b.kind !== 'manual');
    const lastDay = new Date(start + (days - 1) * DAY_MS).toISOString().slice(0, 10);
    // 14 most recent days: the day's newest, i.e. its close backup.
    const recent = automatic.filter((b) => Date.parse(lastDay) - Date.parse(b.takenAt.slice(0, 10)) < 14 * DAY_MS);
    expect(recent).toHaveLength(14);
    expect(recent.every((b) => b.kind === 'close')).toBe(true);
    // Older ones: one per week (the week's newest, a Sunday), making 8 weeks in all.
    const weekOf = (b: BackupInfo) => {
      const d = new Date(b.takenAt.slice(0, 10));
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    };
    expect(new Set(automatic.map(weekOf)).size).toBe(8);
    const older = automatic.filter((b) => !recent.includes(b));
    // The last 14 days already hold the newest backup of the weeks they touch.
    expect(older.length).toBe(8 - new Set(recent.map(weekOf)).size);
    expect(older.every((b) => new Date(b.takenAt).getUTCDay() === 0)).toBe(true);
    // Manual backups and foreign files stay.
    expect(left.map((b) => b.name)).toContain(manual);
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(true);
    // Rotating again deletes nothing more.
    expect(rotateBackups(dir)).toEqual([]);
    expect(backupsToKeep(left).size).toBe(left.length);
  });

  it('rotates after each automatic backup', async () => {
    const t = makeTestCore();
    const backups = path.join(t.dataDir, 'backups');
    for (let d = 0; d < 20; d++) {
      await automaticBackup(t.core, 'daily', { now: t.clock.now });
      t.clock.advanceDays(1);
    }
    const left = listBackups(backups);
    expect(left.length).toBeGreaterThanOrEqual(14);
    expect(left.length).toBeLessThanOrEqual(14 + 8);
    expect(new Set(left.map((b) => b.takenAt.slice(0, 10))).size).toBe(left.length);
    t.close();
  });
});
