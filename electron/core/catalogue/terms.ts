import type Database from 'better-sqlite3';
import type { Terms } from '../../../shared/domain/terms';

export interface TermsRow extends Terms {
  id: number;
  productId: number;
  effectiveFrom: string;
}

const cache = new WeakMap<Database.Database, Database.Statement>();

/**
 * The terms of a product in effect on a local date: the latest row whose
 * `effective_from` is on or before that date (a later-written row wins a tie).
 */
export function termsAt(db: Database.Database, productId: number, localDate: string): TermsRow | null {
  let stmt = cache.get(db);
  if (!stmt) {
    stmt = db.prepare(
      `SELECT id, product_id, effective_from, retail_price, mode, producer_price, commission_bps
         FROM product_terms WHERE product_id = ? AND effective_from <= ?
        ORDER BY effective_from DESC, id DESC LIMIT 1`,
    );
    cache.set(db, stmt);
  }
  const r = stmt.get(productId, localDate) as
    | { id: number; product_id: number; effective_from: string; retail_price: number; mode: 'fixed' | 'percent'; producer_price: number | null; commission_bps: number | null }
    | undefined;
  if (!r) return null;
  return {
    id: r.id,
    productId: r.product_id,
    effectiveFrom: r.effective_from,
    retailPrice: r.retail_price,
    mode: r.mode,
    producerPrice: r.producer_price,
    commissionBps: r.commission_bps,
  };
}
