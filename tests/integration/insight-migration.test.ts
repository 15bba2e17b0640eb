import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../electron/core/db/migrate';
import { tempDir } from '../helpers/core';

describe('migration 0018 (stock movements by product and time, for what sells)', () => {
  it('keeps existing movements and levels, and the insight read uses the new covering index', () => {
    const all = loadMigrations();
    const db = new Database(path.join(tempDir(), 'm18.sqlite'));
    migrate(db, all.filter((m) => m.version < 18));
    expect(schemaVersion(db)).toBeLessThan(18);
    const at = '2026-11-02T02:00:00.000Z';
    db.exec(`
      INSERT INTO producers (id, name, short_name, created_at, updated_at) VALUES (1, 'Bu Siti', 'Siti', '${at}', '${at}');
      INSERT INTO products (id, producer_id, name, created_at, updated_at) VALUES (1, 1, 'Telur Asin', '${at}', '${at}');
      INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (1, 30, 'intake', '1', '${at}'), (1, -2, 'sale', 's', '2026-11-03T02:00:00.000Z');
    `);
    migrate(db, all);
    expect(schemaVersion(db)).toBe(all.at(-1)!.version);
    expect(db.prepare('SELECT on_hand FROM stock_levels WHERE product_id = 1').get()).toEqual({ on_hand: 28 });
    const rows = db.prepare("SELECT kind, quantity FROM stock_movements WHERE product_id = 1 AND occurred_at >= '2026-11-03' ORDER BY id").all();
    expect(rows).toEqual([{ kind: 'sale', quantity: -2 }]);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT kind, quantity, occurred_at FROM stock_movements WHERE product_id = ? AND occurred_at >= ? AND kind <> 'return'")
      .all(1, at) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX ix_stock_movements_product_time \(product_id=\? AND occurred_at>\?\)/);
    db.close();
  });
});
