import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import type { ProductLookup } from '../../../shared/contract/catalogue';
import type { TermsMode } from '../../../shared/domain/terms';
import { todayLocal } from './common';
import { productOwnFields, type ProductOwnColumns } from './products';

/*
 * The cashier's scan, as ONE prepared statement on indexed paths: the partial
 * unique indexes on barcode / short code of active products find the product
 * (barcode first), the terms index finds today's terms, and its stock level
 * (migration 0006, kept by a trigger on stock_movements) gives on hand in one
 * primary-key read, however long the product's movement history.
 */
const SQL = `
WITH hit AS (
  SELECT id, matched FROM (
    SELECT id, 'barcode' AS matched, 0 AS ord FROM products WHERE barcode = @code AND active = 1
    UNION ALL
    SELECT id, 'shortCode' AS matched, 1 AS ord FROM products WHERE short_code = @code AND active = 1
  ) ORDER BY ord LIMIT 1
)
SELECT p.id, p.producer_id, pr.short_name AS producer_short_name, p.name, p.unit, p.barcode, p.short_code, p.tile_color, p.perishable,
       hit.matched,
       t.id AS terms_id, t.effective_from, t.retail_price, t.mode, t.producer_price, t.commission_bps, t.created_at AS terms_created_at,
       t.created_by AS terms_created_by,
       COALESCE(s.on_hand, 0) AS on_hand
  FROM hit
  JOIN products p ON p.id = hit.id
  JOIN producers pr ON pr.id = p.producer_id
  LEFT JOIN stock_levels s ON s.product_id = p.id
  JOIN product_terms t ON t.id = (
    SELECT id FROM product_terms WHERE product_id = p.id AND effective_from <= @today ORDER BY effective_from DESC, id DESC LIMIT 1
  )`;

interface LookupRow extends ProductOwnColumns {
  id: number;
  producer_id: number;
  producer_short_name: string;
  matched: 'barcode' | 'shortCode';
  terms_id: number;
  effective_from: string;
  retail_price: number;
  mode: TermsMode;
  producer_price: number | null;
  commission_bps: number | null;
  terms_created_at: string;
  terms_created_by: number | null;
  on_hand: number;
}

const statements = new WeakMap<Database.Database, Database.Statement>();

export function lookupProduct(ctx: CoreContext, code: string): ProductLookup | null {
  let stmt = statements.get(ctx.db);
  if (!stmt) {
    stmt = ctx.db.prepare(SQL);
    statements.set(ctx.db, stmt);
  }
  const r = stmt.get({ code: code.trim(), today: todayLocal(ctx) }) as LookupRow | undefined;
  if (!r) return null;
  return {
    id: r.id,
    producerId: r.producer_id,
    producerShortName: r.producer_short_name,
    ...productOwnFields(r),
    terms: {
      id: r.terms_id,
      effectiveFrom: r.effective_from,
      retailPrice: r.retail_price,
      mode: r.mode,
      producerPrice: r.producer_price,
      commissionBps: r.commission_bps,
      createdAt: r.terms_created_at,
      createdBy: r.terms_created_by,
    },
    onHand: r.on_hand,
    matchedBy: r.matched,
  };
}

export const LOOKUP_SQL = SQL;
