import type Database from 'better-sqlite3';
import type { DocumentSummary } from '../../../shared/contract/stock';

/**
 * What intakes (TT-…, stock in) and producer returns (RT-…, stock out) have in common: a numbered header
 * per producer with lines of product × quantity, each line one stock movement. The table and column
 * names below are constants of this module, never input.
 */
const DOCS = {
  intake: { table: 'intakes', lines: 'intake_lines', fk: 'intake_id', at: 'received_at', lineExtra: '' },
  return: { table: 'returns', lines: 'return_lines', fk: 'return_id', at: 'returned_at', lineExtra: ', l.reason' },
} as const;
export type StockDocumentKind = keyof typeof DOCS;

/** Newest first, optionally one producer's, with line count and units. */
export function listDocuments(
  db: Database.Database,
  kind: StockDocumentKind,
  input: { producerId?: number; limit?: number },
): DocumentSummary[] {
  const d = DOCS[kind];
  return db
    .prepare(
      `SELECT h.id, h.number, h.producer_id AS producerId, pr.name AS producerName, h.${d.at} AS at,
              COUNT(l.id) AS lineCount, COALESCE(SUM(l.quantity), 0) AS totalUnits
         FROM ${d.table} h JOIN producers pr ON pr.id = h.producer_id LEFT JOIN ${d.lines} l ON l.${d.fk} = h.id
        WHERE (? IS NULL OR h.producer_id = ?)
        GROUP BY h.id ORDER BY h.id DESC LIMIT ?`,
    )
    .all(input.producerId ?? null, input.producerId ?? null, input.limit ?? 100) as DocumentSummary[];
}

interface LineRow {
  product_id: number;
  name: string;
  unit: string;
  quantity: number;
  expiry_date: string | null;
  perishable: number;
}

/** A document's lines in entry order, with product name and unit, and the units in total. */
export function documentLines<Extra extends object = object>(db: Database.Database, kind: StockDocumentKind, id: number) {
  const d = DOCS[kind];
  const rows = db
    .prepare(
      `SELECT l.product_id, p.name, p.unit, l.quantity, l.expiry_date, p.perishable${d.lineExtra}
         FROM ${d.lines} l JOIN products p ON p.id = l.product_id WHERE l.${d.fk} = ? ORDER BY l.id`,
    )
    .all(id) as (LineRow & Extra)[];
  return {
    rows,
    lines: rows.map((l) => ({ productId: l.product_id, productName: l.name, unit: l.unit, quantity: l.quantity, expiryDate: l.expiry_date, perishable: l.perishable === 1 })),
    totalUnits: rows.reduce((sum, l) => sum + l.quantity, 0),
  };
}

/** A staff column with its joined name as `{ id, name }`, or null. */
export const staffOf = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

