import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../electron/core/db/migrate';
import { tempDir } from '../helpers/core';

describe('migration 0010 (a negative week carried forward)', () => {
  it('keeps existing settlements, carrying nothing, and refuses a positive carry', () => {
    const all = loadMigrations();
    const db = new Database(path.join(tempDir(), 'm10.sqlite'));
    migrate(db, all.filter((m) => m.version < 10));
    expect(schemaVersion(db)).toBeLessThan(10);
    const at = '2026-11-02T02:00:00.000Z';
    db.exec(`
      INSERT INTO producers (id, name, short_name, created_at, updated_at) VALUES (1, 'Bu Siti', 'Siti', '${at}', '${at}');
      INSERT INTO settlements (number, producer_id, period_end, due_date, total_due, chain_head, created_at)
        VALUES ('ST-000001', 1, '2026-11-01T17:00:00.000Z', '2026-11-03', 12500, 'abc', '${at}');
    `);
    migrate(db, all);
    expect(schemaVersion(db)).toBe(all.at(-1)!.version);
    expect(db.prepare('SELECT number, total_due, carried_in, carried_forward FROM settlements').all()).toEqual([
      { number: 'ST-000001', total_due: 12500, carried_in: 0, carried_forward: 0 },
    ]);
    const insert = `INSERT INTO settlements (number, producer_id, period_end, due_date, total_due, carried_in, carried_forward, chain_head, created_at)
      VALUES ('ST-000002', 1, '2026-11-08T17:00:00.000Z', '2026-11-10', 0, 0, ?, 'abc', '${at}')`;
    expect(() => db.prepare(insert).run(800)).toThrow(/CHECK/);
    db.prepare(insert).run(-800);
    expect(() => db.prepare("UPDATE settlements SET carried_forward = 0 WHERE number = 'ST-000002'").run()).toThrow(/never change/);
    db.close();
  });
});
