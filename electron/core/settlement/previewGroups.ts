/**
 * The preview's read, grouped in SQLite: one pass over a producer's
 * unsettled entries (the same cursor and conditions as unsettled.ts) that
 * returns one row per (product, share per unit) of sales, per product of
 * refunds and of shrinkage, and one row per other entry (deductions,
 * adjustments, a sale whose share does not divide by its units). itemise()
 * turns those rows into exactly the items the entries themselves give,
 * because it only sums within those same groups; `n` keeps the entry count.
 * SPEC §11 judges the preview against a floor that sums the same entries:
 * materialising every entry in JS cost far more than reading it.
 */
import type Database from 'better-sqlite3';
import { cursorOf } from './unsettled';
import type { EntryRow } from './common';

export interface GroupRow extends EntryRow {
  /** How many entries the row stands for. */
  n: number;
}

// Voids (refund entries written by `sale_line_void`) are grouped apart from customer refunds: itemise() shows them as cancelled sales.
const GROUPED_SQL = `SELECT g.id, g.producer_id, g.seq, g.kind, g.amount, g.occurred_at, g.ref_type, '' AS ref_id, g.product_id,
       p.name AS product_name, p.unit AS unit, g.quantity, g.reason, NULL AS created_by, '' AS hash, g.n
  FROM (
    SELECT le.producer_id, le.kind, le.product_id, SUM(le.quantity) AS quantity, SUM(le.amount) AS amount, COUNT(*) AS n,
           CASE WHEN MAX(le.ref_type = 'sale_line_void') = 1 THEN 'sale_line_void' ELSE '' END AS ref_type,
           MIN(le.id) AS id, MIN(le.seq) AS seq, MIN(le.occurred_at) AS occurred_at, MIN(le.reason) AS reason
      FROM ledger_entries le
     WHERE le.producer_id = ? AND le.seq > ? AND +le.occurred_at < ? AND le.kind <> 'payout'
       AND (le.seq > ? OR NOT EXISTS (SELECT 1 FROM settlement_entries se WHERE se.entry_id = le.id))
     GROUP BY CASE
       WHEN le.kind = 'sale' AND le.quantity > 0 AND le.amount % le.quantity = 0
         THEN 's' || COALESCE(le.product_id, 0) || ':' || (le.amount / le.quantity)
       WHEN le.kind IN ('refund', 'shrinkage') THEN le.kind || COALESCE(le.product_id, 0) || (CASE WHEN le.ref_type = 'sale_line_void' THEN 'v' ELSE '' END)
       ELSE 'e' || le.id END
  ) g LEFT JOIN products p ON p.id = g.product_id
 ORDER BY g.seq`;

const statements = new WeakMap<Database.Database, { producers: Database.Statement; grouped: Database.Statement }>();

/** Every producer's unsettled entries before `endInstant`, grouped as above, in (producer, first seq) order. */
export function unsettledGroupsBefore(db: Database.Database, endInstant: string): GroupRow[] {
  let s = statements.get(db);
  if (!s) {
    s = { producers: db.prepare('SELECT id FROM producers ORDER BY id').pluck(), grouped: db.prepare(GROUPED_SQL) };
    statements.set(db, s);
  }
  const out: GroupRow[] = [];
  for (const id of s.producers.all() as number[]) {
    const c = cursorOf(db, id);
    out.push(...(s.grouped.all(id, c.through, endInstant, c.settledMax) as GroupRow[]));
  }
  return out;
}
