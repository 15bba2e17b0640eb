import type { CoreContext } from '../context';
import type { Page } from '../../../shared/contract/paging';
import { pagedRows } from '../paging';
import { nowIso } from '../context';
import { audit } from '../audit';
import { invalid, notFound } from '../errors';
import { documentNumber, takeNumber } from '../sequences';
import { readSettings } from '../settings';
import { appendLedgerEntry } from '../ledger/chain';
import { termsAt } from '../catalogue/terms';
import { todayLocal } from '../catalogue/common';
import { shareAtRetail } from '../../../shared/domain/terms';
import type { StockCount, StockCountSummary } from '../../../shared/contract/stock';
import { addMovement, onHand } from './onHand';

export interface CountInput {
  lines: { productId: number; counted: number; reason?: string | undefined }[];
  notes?: string | undefined;
}

/**
 * Stok opname: counted quantities replace the expected ones. Each difference
 * is one 'count' stock movement. A shortfall is the shop's loss: the producer
 * is credited the producer share of the lost units at today's terms (a
 * `shrinkage` ledger entry), unless the store setting says the producer bears it.
 * A surplus only adjusts stock.
 */
export function createStockCount(ctx: CoreContext, input: CountInput, managerId: number | null): StockCount {
  const seen = new Set<number>();
  const productStmt = ctx.db.prepare('SELECT id, producer_id, name FROM products WHERE id = ?');
  input.lines.forEach((l, i) => {
    if (seen.has(l.productId)) {
      invalid(`Baris ${i + 1}: produk #${l.productId} dihitung dua kali`, `Line ${i + 1}: product #${l.productId} is counted twice`, `lines.${i}.productId`);
    }
    seen.add(l.productId);
    if (!productStmt.get(l.productId)) notFound(`Baris ${i + 1}: produk #${l.productId} tidak ditemukan`, `Line ${i + 1}: product #${l.productId} not found`);
  });
  const bornBy = readSettings(ctx.db).shrinkageBornBy;
  const at = nowIso(ctx);
  const today = todayLocal(ctx);
  const number = documentNumber('SO', takeNumber(ctx.db, 'stock_count'));
  const info = ctx.db
    .prepare('INSERT INTO stock_counts (number, counted_at, created_by, shrinkage_born_by, notes) VALUES (?, ?, ?, ?, ?)')
    .run(number, at, managerId, bornBy, input.notes ?? '');
  const countId = Number(info.lastInsertRowid);
  const insertLine = ctx.db.prepare(
    'INSERT INTO stock_count_lines (count_id, product_id, expected, counted, difference, reason, shrinkage) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const l of input.lines) {
    const product = productStmt.get(l.productId) as { id: number; producer_id: number; name: string };
    const expected = onHand(ctx.db, l.productId);
    const difference = l.counted - expected;
    let shrinkage = 0;
    if (difference < 0 && bornBy === 'shop') {
      const terms = termsAt(ctx.db, l.productId, today);
      shrinkage = terms ? shareAtRetail(terms, -difference) : 0;
    }
    const lineId = Number(insertLine.run(countId, l.productId, expected, l.counted, difference, l.reason ?? '', shrinkage).lastInsertRowid);
    addMovement(ctx.db, { productId: l.productId, quantity: difference, kind: 'count', refId: countId, occurredAt: at });
    if (shrinkage > 0) {
      appendLedgerEntry(ctx.db, {
        producerId: product.producer_id,
        kind: 'shrinkage',
        amount: shrinkage,
        occurredAt: at,
        refType: 'count_line',
        refId: lineId,
        productId: l.productId,
        quantity: -difference,
        reason: `${number}${l.reason ? `: ${l.reason}` : ''}`,
        createdBy: managerId,
      });
    }
  }
  const report = getStockCount(ctx, countId);
  audit(ctx.db, {
    at,
    actorId: managerId,
    action: 'stockCount.create',
    subjectType: 'stock_count',
    subjectId: countId,
    after: {
      number,
      shrinkageBornBy: bornBy,
      lines: report.lines.map((l) => ({ productId: l.productId, expected: l.expected, counted: l.counted, shrinkage: l.shrinkageAmount })),
    },
    reason: input.notes ?? '',
  });
  return report;
}

export function getStockCount(ctx: CoreContext, id: number): StockCount {
  const row = ctx.db
    .prepare('SELECT c.*, s.name AS staff_name FROM stock_counts c LEFT JOIN staff s ON s.id = c.created_by WHERE c.id = ?')
    .get(id) as
    | { id: number; number: string; counted_at: string; created_by: number | null; staff_name: string | null; shrinkage_born_by: 'shop' | 'producer'; notes: string }
    | undefined;
  if (!row) return notFound(`Stok opname #${id} tidak ditemukan`, `Stock count #${id} not found`);
  const lines = ctx.db
    .prepare(
      `SELECT l.id, l.product_id, p.name, p.unit, p.producer_id, pr.name AS producer_name, l.expected, l.counted, l.difference, l.reason,
              l.shrinkage
         FROM stock_count_lines l JOIN products p ON p.id = l.product_id JOIN producers pr ON pr.id = p.producer_id
        WHERE l.count_id = ? ORDER BY pr.name COLLATE NOCASE, p.name COLLATE NOCASE`,
    )
    .all(id) as {
    id: number;
    product_id: number;
    name: string;
    unit: string;
    producer_id: number;
    producer_name: string;
    expected: number;
    counted: number;
    difference: number;
    reason: string;
    shrinkage: number;
  }[];
  return {
    id: row.id,
    number: row.number,
    countedAt: row.counted_at,
    createdBy: row.created_by === null ? null : { id: row.created_by, name: row.staff_name ?? '' },
    shrinkageBornBy: row.shrinkage_born_by,
    notes: row.notes,
    lines: lines.map((l) => ({
      productId: l.product_id,
      productName: l.name,
      producerId: l.producer_id,
      producerName: l.producer_name,
      unit: l.unit,
      expected: l.expected,
      counted: l.counted,
      difference: l.difference,
      reason: l.reason,
      shrinkageAmount: l.shrinkage,
    })),
    totalShortfallUnits: lines.reduce((s, l) => s + (l.difference < 0 ? -l.difference : 0), 0),
    totalSurplusUnits: lines.reduce((s, l) => s + (l.difference > 0 ? l.difference : 0), 0),
    totalShrinkage: lines.reduce((s, l) => s + l.shrinkage, 0),
  };
}

/** Newest first, a page at a time; only the page's counts get their lines summed. */
export function listStockCounts(ctx: CoreContext, page: { offset?: number; limit?: number }): Page<StockCountSummary> {
  return pagedRows<StockCountSummary, StockCountSummary>(
    ctx.db,
    {
      select: `c.id, c.number, c.counted_at AS countedAt,
               (SELECT COUNT(*) FROM stock_count_lines l WHERE l.count_id = c.id) AS lineCount,
               (SELECT COUNT(*) FROM stock_count_lines l WHERE l.count_id = c.id AND l.difference <> 0) AS differences,
               (SELECT COALESCE(SUM(l.shrinkage), 0) FROM stock_count_lines l WHERE l.count_id = c.id) AS totalShrinkage`,
      from: 'stock_counts c',
      where: [],
      args: [],
      orderBy: 'c.id DESC',
    },
    page,
    (r) => r,
  );
}
