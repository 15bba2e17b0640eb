import type Database from 'better-sqlite3';
import type { TermsView } from '../../../shared/contract/catalogue';
import type { TermsMode } from '../../../shared/domain/terms';

export interface TermsDbRow {
  id: number;
  product_id: number;
  effective_from: string;
  retail_price: number;
  mode: TermsMode;
  producer_price: number | null;
  commission_bps: number | null;
  created_at: string;
  created_by: number | null;
}

export function toTermsView(r: TermsDbRow): TermsView {
  return {
    id: r.id,
    effectiveFrom: r.effective_from,
    retailPrice: r.retail_price,
    mode: r.mode,
    producerPrice: r.producer_price,
    commissionBps: r.commission_bps,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

/** The two statements of `termsAround`, prepared once per connection: a page of 100 products asks 200 times. */
const aroundStatements = new WeakMap<Database.Database, { current: Database.Statement; next: Database.Statement }>();

function around(db: Database.Database) {
  let s = aroundStatements.get(db);
  if (!s) {
    s = {
      current: db.prepare(`SELECT * FROM product_terms WHERE product_id = ? AND effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1`),
      next: db.prepare(`SELECT * FROM product_terms WHERE product_id = ? AND effective_from > ? ORDER BY effective_from ASC, id DESC LIMIT 1`),
    };
    aroundStatements.set(db, s);
  }
  return s;
}

/** Terms in effect on `date` and the next change scheduled after it, if any. */
export function termsAround(db: Database.Database, productId: number, date: string): { current: TermsView | null; next: TermsView | null } {
  const s = around(db);
  const current = s.current.get(productId, date) as TermsDbRow | undefined;
  const next = s.next.get(productId, date) as TermsDbRow | undefined;
  return { current: current ? toTermsView(current) : null, next: next ? toTermsView(next) : null };
}

export function termsHistory(db: Database.Database, productId: number): TermsView[] {
  return (db.prepare('SELECT * FROM product_terms WHERE product_id = ? ORDER BY effective_from DESC, id DESC').all(productId) as TermsDbRow[]).map(
    toTermsView,
  );
}
