import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../electron/core/db/migrate';
import { tempDir } from '../helpers/core';

describe('migration 0003 (catalogue and stock indexes, count-line shrinkage)', () => {
  it('keeps existing rows, adds the covering stock index and the shrinkage column', () => {
    const all = loadMigrations();
    const db = new Database(path.join(tempDir(), 'm3.sqlite'));
    migrate(db, all.filter((m) => m.version < 3));
    expect(schemaVersion(db)).toBeLessThan(3);
    const at = '2026-11-02T02:00:00.000Z';
    db.exec(`
      INSERT INTO producers (id, name, short_name, created_at, updated_at) VALUES (1, 'Bu Siti', 'Siti', '${at}', '${at}');
      INSERT INTO products (id, producer_id, name, created_at, updated_at) VALUES (1, 1, 'Telur Asin', '${at}', '${at}');
      INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (1, 30, 'intake', '1', '${at}'), (1, -2, 'count', '1', '${at}');
      INSERT INTO stock_counts (id, number, counted_at, shrinkage_born_by) VALUES (1, 'SO-000001', '${at}', 'shop');
      INSERT INTO stock_count_lines (count_id, product_id, expected, counted, difference) VALUES (1, 1, 30, 28, -2);
    `);
    migrate(db, all);
    expect(schemaVersion(db)).toBe(all.at(-1)!.version);
    expect(db.prepare('SELECT shrinkage FROM stock_count_lines').all()).toEqual([{ shrinkage: 0 }]);
    expect(db.prepare('SELECT SUM(quantity) AS q FROM stock_movements WHERE product_id = 1').get()).toEqual({ q: 28 });
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toContain('ix_stock_movements_product_qty');
    expect(indexes).toContain('ix_intake_lines_product');
    expect(indexes).not.toContain('ix_stock_movements_product');
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE product_id = ?').all(1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX ix_stock_movements_product_qty/);
    expect(() => db.prepare('UPDATE stock_count_lines SET shrinkage = -1').run()).toThrow(/CHECK/);
    db.close();
  });
});
