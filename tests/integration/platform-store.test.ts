/** Start-up safety (SPEC §9) and the core's two entry points, call and callAsync. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, DB_FILE_NAME } from '../../electron/core/app';
import { makeTestCore, tempDir } from '../helpers/core';

function refusedStore(setup: (dir: string, file: string) => void) {
  const dir = tempDir();
  const file = path.join(dir, DB_FILE_NAME);
  setup(dir, file);
  const snapshot = fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).isFile() ? fs.readFileSync(path.join(dir, f)) : null] as const);
  const core = createCore({ dataDir: dir });
  return { dir, file, core, snapshot };
}

function expectUntouched(dir: string, snapshot: readonly (readonly [string, Buffer | null])[]) {
  for (const [name, bytes] of snapshot) {
    if (bytes) expect(fs.readFileSync(path.join(dir, name)).equals(bytes), `${name} changed`).toBe(true);
  }
}

function expectRefusedToTrade(core: ReturnType<typeof createCore>, reason: RegExp, backups = 0) {
  const status = core.status();
  expect(status.state).toBe('refused');
  expect(status.reason).toMatch(reason);
  // The refusal screen shows it in the UI's language.
  expect(status.reasonText?.en).toBe(status.reason);
  expect(status.reasonText?.id).toMatch(/\S/);
  expect(status.reasonText?.id).not.toBe(status.reason);
  // system.status over the contract says the same.
  const viaCall = core.call('system.status', {});
  expect(viaCall.ok && (viaCall.value as { reason: string }).reason).toMatch(reason);
  for (const [method, input] of [
    ['settings.get', {}],
    ['settings.update', { storeName: 'X' }],
    ['setup.complete', { mode: 'empty', storeName: 'X' }],
  ] as const) {
    const reply = core.call(method, input);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('UNAVAILABLE');
    expect(!reply.ok && reply.error.message).toMatch(/Toko tidak dapat berjualan/);
  }
  // The refusal screen can still list backups.
  const list = core.call('backup.list', {});
  expect(list.ok && (list.value as unknown[]).length).toBe(backups);
}

describe('start-up refusals: the database is never modified', () => {
  it('a database from a newer app', () => {
    const { dir, core, snapshot } = refusedStore((_d, file) => {
      const db = new Database(file);
      db.pragma('journal_mode = DELETE');
      db.exec('CREATE TABLE t (x)');
      db.pragma('user_version = 999');
      db.close();
    });
    expectRefusedToTrade(core, /schema version 999, newer than this app/);
    core.close();
    expectUntouched(dir, snapshot);
  });

  it('a file that is not a database', () => {
    const { dir, core, snapshot } = refusedStore((_d, file) => fs.writeFileSync(file, 'this is not sqlite at all, it is a shopping list'.repeat(200)));
    expectRefusedToTrade(core, /cannot be read.*not modified/);
    core.close();
    expectUntouched(dir, snapshot);
  });

  it('a database with broken references fails foreign_key_check', () => {
    const { dir, core, snapshot } = refusedStore((dir) => {
      const c = createCore({ dataDir: dir });
      c.close();
      const db = new Database(path.join(dir, DB_FILE_NAME));
      db.pragma('foreign_keys = OFF');
      db.prepare("INSERT INTO products (producer_id, name, created_at, updated_at) VALUES (4242, 'Yatim', 'x', 'x')").run();
      db.pragma('journal_mode = DELETE');
      db.close();
    });
    expectRefusedToTrade(core, /integrity check \(1 broken references\)/);
    core.close();
    expectUntouched(dir, snapshot);
  });

  it('a corrupted page fails quick_check', () => {
    const { dir, core, snapshot } = refusedStore((dir) => {
      const c = createCore({ dataDir: dir });
      c.close();
      const file = path.join(dir, DB_FILE_NAME);
      const db = new Database(file);
      const add = db.prepare("INSERT INTO audit_log (at, action, reason) VALUES ('x', 'test', ?)");
      for (let i = 0; i < 200; i++) add.run('r'.repeat(100));
      const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'").get() as { rootpage: number }).rootpage;
      db.pragma('journal_mode = DELETE');
      db.close();
      const bytes = fs.readFileSync(file);
      const pageSize = bytes.readUInt16BE(16);
      // Scribble over the audit log's root b-tree page.
      bytes.fill(0xa5, (root - 1) * pageSize, root * pageSize);
      fs.writeFileSync(file, bytes);
    });
    expectRefusedToTrade(core, /integrity check|cannot be read|malformed/);
    core.close();
    expectUntouched(dir, snapshot);
  });

  it('a SQLite file of another program', () => {
    const { dir, core, snapshot } = refusedStore((_d, file) => {
      const db = new Database(file);
      db.pragma('journal_mode = DELETE');
      db.exec('CREATE TABLE recipes (name TEXT)');
      db.close();
    });
    expectRefusedToTrade(core, /not a UKM Mart database/);
    core.close();
    expectUntouched(dir, snapshot);
  });

  it('a missing database whose backups exist is not replaced by an empty store', () => {
    const { dir, file, core, snapshot } = refusedStore((dir) => {
      fs.mkdirSync(path.join(dir, 'backups'));
      fs.writeFileSync(path.join(dir, 'backups', 'ukm-mart-2026-11-01T00-00-00-000Z-daily.sqlite'), 'x');
    });
    expectRefusedToTrade(core, /missing but backups of this store exist/, 1);
    core.close();
    expect(fs.existsSync(file)).toBe(false);
    expectUntouched(dir, snapshot);
  });

  it('a missing database with a leftover journal', () => {
    const { file, core } = refusedStore((_d, file) => fs.writeFileSync(`${file}-wal`, 'x'));
    expectRefusedToTrade(core, /missing but its journal/);
    core.close();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a fresh folder gets a new store that needs its first-run choice', () => {
    const t = makeTestCore();
    const status = t.core.status();
    expect(status).toMatchObject({ state: 'ready', needsSetup: true, schemaVersion: expect.any(Number) });
    expect(status.reason).toBeUndefined();
    t.close();
    // And it opens again, ready, the second time.
    const again = createCore({ dataDir: t.dataDir });
    expect(again.status().state).toBe('ready');
    again.close();
  });
});

describe('call and callAsync', () => {
  it('callAsync answers sync methods exactly like call', async () => {
    const t = makeTestCore();
    expect(await t.callAsync('settings.get', {})).toEqual(t.core.call('settings.get', {}));
    const updated = await t.callAsync('settings.update', { storeName: 'Toko Bu Ani' });
    expect(updated.ok && (updated.value as { storeName: string }).storeName).toBe('Toko Bu Ani');
    expect(t.ok('settings.get', {}).storeName).toBe('Toko Bu Ani');
    t.close();
  });

  it('call on an asynchronous method is an INTERNAL error saying to use callAsync, and does nothing', () => {
    const t = makeTestCore();
    const reply = t.core.call('backup.create', {}, t.caller());
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('callAsync') } });
    expect(fs.existsSync(path.join(t.dataDir, 'backups'))).toBe(false);
    t.close();
  });

  it('callAsync validates first and never rejects', async () => {
    const t = makeTestCore();
    expect(await t.callAsync('no.such', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.callAsync('backup.create', { folder: 'relative/path' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'folder' },
    });
    const aFile = path.join(t.dataDir, 'a-file');
    fs.writeFileSync(aFile, 'x');
    expect(await t.callAsync('backup.create', { folder: path.join(aFile, 'under-a-file') })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/tidak dapat ditulis/) },
    });
    t.close();
  });

  it('asynchronous methods while refused answer UNAVAILABLE (backup.create) or run (backup.restore)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DB_FILE_NAME), 'garbage'.repeat(1000));
    const core = createCore({ dataDir: dir });
    expect(await core.callAsync('backup.create', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await core.callAsync('backup.restore', { file: path.join(dir, 'nope.sqlite') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    core.close();
  });
});
