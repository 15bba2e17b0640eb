import type Database from 'better-sqlite3';
import type { Page } from '../../../shared/contract/paging';
import { pagedRows } from '../paging';
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

/** Newest first, optionally one producer's, with line count and units, a page at a time. */
export function listDocuments(
  db: Database.Database,
  kind: StockDocumentKind,
  input: { producerId?: number; offset?: number; limit?: number },
): Page<DocumentSummary> {
  const d = DOCS[kind];
  const where = input.producerId === undefined ? [] : ['h.producer_id = ?'];
  return pagedRows<DocumentSummary, DocumentSummary>(
    db,
    {
      // Only the page's documents get their lines counted.
      select: `h.id, h.number, h.producer_id AS producerId, pr.name AS producerName, h.${d.at} AS at,
               (SELECT COUNT(*) FROM ${d.lines} l WHERE l.${d.fk} = h.id) AS lineCount,
               (SELECT COALESCE(SUM(l.quantity), 0) FROM ${d.lines} l WHERE l.${d.fk} = h.id) AS totalUnits`,
      from: `${d.table} h JOIN producers pr ON pr.id = h.producer_id`,
      countFrom: `${d.table} h`,
      where,
      args: input.producerId === undefined ? [] : [input.producerId],
      orderBy: 'h.id DESC',
    },
    input,
    (r) => r,
  );
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

