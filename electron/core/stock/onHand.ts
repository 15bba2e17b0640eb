import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import type { StockMovement, StockPage, StockRow } from '../../../shared/contract/stock';
import type { MethodParsed } from '../../../shared/contract';
import { likePattern } from '../catalogue/common';
import { notFound } from '../errors';
import { pageOf, type Page } from '../../../shared/contract/paging';
import { pagedRows } from '../paging';
import { appendMovement } from './lotState';

export type MovementKind = StockMovement['kind'];

/** Stock moves only by appending a movement (a trigger refuses UPDATE and DELETE; another moves the product's level). */
export function addMovement(db: Database.Database, m: { productId: number; quantity: number; kind: MovementKind; refId: string | number; occurredAt: string }): void {
  if (m.quantity === 0) return;
  appendMovement(db, m); // the kept lots on the shelf move with it (issue #14)
}

/** Stock on hand of one product: its level, the sum of its movements kept by a trigger (migration 0006). */
export { onHand } from './levels';
import { onHand } from './levels';

interface StockDbRow {
  product_id: number;
  product_name: string;
  unit: string;
  producer_id: number;
  producer_name: string;
  producer_short_name: string;
  short_code: string | null;
  barcode: string | null;
  perishable: number;
  active: number;
  on_hand: number;
  last_at: string | null;
}

export function listStock(ctx: CoreContext, input: MethodParsed<'stock.list'>): StockPage {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (input.producerId !== undefined) {
    where.push('p.producer_id = ?');
    args.push(input.producerId);
  }
  // An inactive product still shows while it has stock (or is oversold): stock never silently disappears.
  if (!input.includeInactive) where.push('(p.active = 1 OR COALESCE(s.on_hand, 0) <> 0)');
  if (input.search) {
    const pattern = likePattern(input.search);
    where.push(`(p.name LIKE ? ESCAPE '\\' OR p.short_code LIKE ? ESCAPE '\\' OR p.barcode = ? OR pr.name LIKE ? ESCAPE '\\')`);
    args.push(pattern, pattern, input.search, pattern);
  }
  const from = 'products p JOIN producers pr ON pr.id = p.producer_id LEFT JOIN stock_levels s ON s.product_id = p.id';
  // The oversold notice counts the whole filtered list, not the page on screen.
  const oversoldTotal = ctx.db
    .prepare(`SELECT COUNT(*) FROM ${from} WHERE ${[...where, 'COALESCE(s.on_hand, 0) < 0'].join(' AND ')}`)
    .pluck()
    .get(...args) as number;
  const page = pagedRows<StockDbRow, StockRow>(
    ctx.db,
    {
      select: `p.id AS product_id, p.name AS product_name, p.unit, p.producer_id, pr.name AS producer_name, pr.short_name AS producer_short_name,
              p.short_code, p.barcode, p.perishable, p.active, COALESCE(s.on_hand, 0) AS on_hand, s.last_movement_at AS last_at`,
      from,
      where,
      args,
      orderBy: 'pr.name COLLATE NOCASE, p.name COLLATE NOCASE, p.id',
    },
    input,
    (r) => ({
      productId: r.product_id,
      productName: r.product_name,
      unit: r.unit,
      producerId: r.producer_id,
      producerName: r.producer_name,
      producerShortName: r.producer_short_name,
      shortCode: r.short_code,
      barcode: r.barcode,
      perishable: r.perishable === 1,
      active: r.active === 1,
      onHand: r.on_hand,
      oversold: r.on_hand < 0,
      lastMovementAt: r.last_at,
    }),
  );
  return { ...page, oversoldTotal };
}

/**
 * A page of one product's movements, oldest first, each with the on hand after it. The on hand before the
 * page is summed from whichever end is nearer (the movements before it, or the kept level less the movements
 * after it, as the statement does), so the newest page of five years reads no more than the oldest.
 */
export function listMovements(ctx: CoreContext, input: MethodParsed<'stock.movements'>): Page<StockMovement> {
  const productId = input.productId;
  const exists = ctx.db.prepare('SELECT 1 FROM products WHERE id = ?').get(productId);
  if (!exists) return notFound(`Produk #${productId} tidak ditemukan`, `Product #${productId} not found`);
  const { offset, limit } = pageOf(input);
  const total = (ctx.db.prepare('SELECT COUNT(*) AS n FROM stock_movements WHERE product_id = ?').get(productId) as { n: number }).n;
  const pageLength = Math.max(0, Math.min(limit, total - offset));
  const after = Math.max(0, total - offset - pageLength);
  // The page's ids from the covering index (product, time, kind, quantity, id), counted from the nearer end; then their rows.
  const fromEnd = offset > after;
  const rows = ctx.db
    .prepare(
      `SELECT id, quantity, kind, ref_id, occurred_at FROM stock_movements
        WHERE id IN (SELECT id FROM stock_movements WHERE product_id = ? ORDER BY occurred_at ${fromEnd ? 'DESC' : ''}, id ${fromEnd ? 'DESC' : ''} LIMIT ? OFFSET ?)
        ORDER BY occurred_at, id`,
    )
    .all(productId, pageLength, fromEnd ? after : offset) as { id: number; quantity: number; kind: MovementKind; ref_id: string; occurred_at: string }[];
  let balance: number;
  if (!fromEnd) {
    balance = (ctx.db
      .prepare('SELECT COALESCE(SUM(quantity), 0) AS s FROM (SELECT quantity FROM stock_movements WHERE product_id = ? ORDER BY occurred_at, id LIMIT ?)')
      .get(productId, offset) as { s: number }).s;
  } else {
    const later = (ctx.db
      .prepare('SELECT COALESCE(SUM(quantity), 0) AS s FROM (SELECT quantity FROM stock_movements WHERE product_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?)')
      .get(productId, after) as { s: number }).s;
    const pageSum = rows.reduce((s, r) => s + r.quantity, 0);
    balance = onHand(ctx.db, productId) - later - pageSum;
  }
  return {
    rows: rows.map((r) => {
      balance += r.quantity;
      return { id: r.id, quantity: r.quantity, kind: r.kind, refId: r.ref_id, occurredAt: r.occurred_at, balance };
    }),
    total,
    offset,
    limit,
  };
}
