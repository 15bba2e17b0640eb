import type Database from 'better-sqlite3';
import type { StockLevelMismatch, StockVerifyResult } from '../../../shared/contract/stock';

/*
 * Stock levels (migration 0006): the running on-hand per product, kept by a
 * trigger on stock_movements in the same transaction as each movement. The
 * movements stay the source of truth; `verifyStockLevels` recomputes every
 * level from them and reports each product where the two disagree.
 */

const statements = new WeakMap<Database.Database, Database.Statement>();

/** Stock on hand of one product: its level (the sum of its movements, kept by the trigger). */
export function onHand(db: Database.Database, productId: number): number {
  let stmt = statements.get(db);
  if (!stmt) {
    stmt = db.prepare('SELECT on_hand FROM stock_levels WHERE product_id = ?').pluck();
    statements.set(db, stmt);
  }
  return (stmt.get(productId) as number | undefined) ?? 0;
}

/*
 * Every product that has a level or movements, level against the sums of its
 * movements (a full outer join, written as a union both ways since SQLite's
 * FULL JOIN needs 3.39). One pass over all movements: a check, not a hot path
 * (about 2 s on a five-year store).
 */
const VERIFY_SQL = `
WITH sums AS (
  SELECT product_id, SUM(quantity) AS on_hand, MAX(id) AS last_id, MAX(occurred_at) AS last_at
    FROM stock_movements GROUP BY product_id
)
SELECT m.product_id, m.on_hand AS movements_on_hand, m.last_at AS movements_last_at, s.on_hand AS level_on_hand, s.last_movement_at AS level_last_at
  FROM sums m LEFT JOIN stock_levels s ON s.product_id = m.product_id
 WHERE s.product_id IS NULL OR s.on_hand <> m.on_hand OR s.last_movement_at <> m.last_at OR s.last_movement_id <> m.last_id
UNION ALL
SELECT s.product_id, 0, NULL, s.on_hand, s.last_movement_at
  FROM stock_levels s
 WHERE NOT EXISTS (SELECT 1 FROM stock_movements x WHERE x.product_id = s.product_id)
ORDER BY 1`;

interface VerifyRow {
  product_id: number;
  movements_on_hand: number;
  movements_last_at: string | null;
  level_on_hand: number | null;
  level_last_at: string | null;
}

/** Compares each product's level with the sum of its movements; returns the products where they differ. */
export function verifyStockLevels(db: Database.Database): StockVerifyResult {
  const rows = db.prepare(VERIFY_SQL).all() as VerifyRow[];
  const mismatches: StockLevelMismatch[] = rows.map((r) => ({
    productId: r.product_id,
    movementsOnHand: r.movements_on_hand,
    levelOnHand: r.level_on_hand,
    movementsLastAt: r.movements_last_at,
    levelLastAt: r.level_last_at,
  }));
  const products = (db.prepare('SELECT COUNT(*) FROM stock_levels').pluck().get() as number) + mismatches.filter((m) => m.levelOnHand === null).length;
  return { ok: mismatches.length === 0, productsChecked: products, mismatches };
}
