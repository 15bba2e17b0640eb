import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, DB_FILE_NAME } from '../../electron/core/app';
import { latestVersion, loadMigrations, migrate, schemaVersion } from '../../electron/core/db/migrate';
import { tempDir } from '../helpers/core';

describe('migrations', () => {
  it('0001 builds the schema on an empty database, with the pragmas of SPEC §9', () => {
    const dir = tempDir();
    const core = createCore({ dataDir: dir });
    const db = core.db!;
    expect(schemaVersion(db)).toBe(latestVersion(loadMigrations()));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['producers', 'products', 'product_terms', 'ledger_entries', 'settlements', 'payouts', 'sales', 'audit_log']) {
      expect(tables).toContain(t);
    }
    core.close();
  });

  it('applies each migration once and records it', () => {
    const db = new Database(path.join(tempDir(), 'x.sqlite'));
    const first = migrate(db);
    expect(first.length).toBe(loadMigrations().length);
    expect(migrate(db)).toEqual([]);
    const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    db.close();
  });

  it('refuses a database newer than the app and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE from_the_future (x INTEGER)');
    db.pragma('user_version = 9999');
    db.close();
    const before = fs.readFileSync(file);
    const core = createCore({ dataDir: dir });
    const status = core.status();
    expect(status.state).toBe('refused');
    expect(status.reason).toMatch(/newer than this app/);
    const reply = core.call('settings.get', {});
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('UNAVAILABLE');
    core.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a damaged database instead of creating an empty one over it', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 7)]));
    const before = fs.readFileSync(file);
    const core = createCore({ dataDir: dir });
    expect(core.status().state).toBe('refused');
    expect(core.status().reason).toMatch(/not modified/);
    core.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
