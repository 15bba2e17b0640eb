/** A page of rows from SQL: the count of every matching row and one LIMIT/OFFSET slice, in the same read. */
import type Database from 'better-sqlite3';
import { pageOf, type Page } from '../../shared/contract/paging';

export interface PagedQuery {
  /** Columns to select (the page's rows). */
  select: string;
  /** FROM (with joins) — the count uses it too, so joins that never drop rows belong in `select` subqueries. */
  from: string;
  where: string[];
  args: (string | number)[];
  orderBy: string;
  /** A cheaper FROM for the count, when `from` joins only to add names. */
  countFrom?: string;
}

export function pagedRows<R, T>(
  db: Database.Database,
  q: PagedQuery,
  input: { offset?: number; limit?: number },
  toRow: (r: R) => T,
  defaultSize?: number,
): Page<T> {
  const { offset, limit } = pageOf(input, defaultSize);
  const where = q.where.length ? `WHERE ${q.where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM ${q.countFrom ?? q.from} ${where}`).get(...q.args) as { n: number }).n;
  const rows = db.prepare(`SELECT ${q.select} FROM ${q.from} ${where} ORDER BY ${q.orderBy} LIMIT ? OFFSET ?`).all(...q.args, limit, offset) as R[];
  return { rows: rows.map(toRow), total, offset, limit };
}

/**
 * The whole list, for the core's own whole-set work (the catalogue and stock CSVs), never for a screen:
 * SQLite reads LIMIT -1 as "no limit".
 */
export const EVERY_ROW = { offset: 0, limit: -1 } as const;
