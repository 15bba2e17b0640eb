import type Database from 'better-sqlite3';

export type SequenceName = 'receipt' | 'intake' | 'return' | 'settlement' | 'stock_count' | 'z_report' | 'refund';

/**
 * Takes the next number of a store-wide sequence. Must run inside the
 * transaction that uses it, so a rolled-back write gives its number back and
 * numbers stay gapless.
 */
const statements = new WeakMap<Database.Database, Database.Statement>();

export function takeNumber(db: Database.Database, name: SequenceName): number {
  if (!db.inTransaction) throw new Error('takeNumber must run inside a transaction');
  // Prepared once per database: every sale takes a receipt number (sales.create is benchmarked).
  let stmt = statements.get(db);
  if (!stmt) statements.set(db, (stmt = db.prepare('UPDATE sequences SET next_value = next_value + 1 WHERE name = ? RETURNING next_value - 1 AS n')));
  const row = stmt.get(name) as
    | { n: number }
    | undefined;
  if (!row) throw new Error(`unknown sequence ${name}`);
  return row.n;
}

/** `TT-000001` style document numbers. */
export const documentNumber = (prefix: 'TT' | 'RT' | 'ST' | 'SO', n: number) => `${prefix}-${String(n).padStart(6, '0')}`;
