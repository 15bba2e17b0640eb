import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { audit } from '../audit';
import { invalid } from '../errors';
import { termsProblem, type Terms, type TermsMode } from '../../../shared/domain/terms';
import type { TermsView } from '../../../shared/contract/catalogue';
import { todayLocal } from './common';
import { termsAround, toTermsView, type TermsDbRow } from './termsRows';

export interface TermsInput {
  retailPrice: number;
  mode: TermsMode;
  producerPrice?: number | undefined;
  commissionBps?: number | undefined;
}

/** Normalises terms input: a fixed deal carries no commission, a percent deal no producer price. */
export function checkedTerms(input: TermsInput): Terms {
  const terms: Terms = {
    retailPrice: input.retailPrice,
    mode: input.mode,
    producerPrice: input.mode === 'fixed' ? (input.producerPrice ?? null) : null,
    commissionBps: input.mode === 'percent' ? (input.commissionBps ?? null) : null,
  };
  const problem = termsProblem(terms);
  if (problem) invalid(problem.id, problem.en, input.mode === 'fixed' ? 'producerPrice' : 'commissionBps');
  return terms;
}

/** Appends one terms row. The past is never rewritten: rows are append-only (a trigger refuses UPDATE/DELETE). */
export function insertTerms(ctx: CoreContext, productId: number, effectiveFrom: string, terms: Terms, createdBy: number | null): TermsView {
  const info = ctx.db
    .prepare(
      `INSERT INTO product_terms (product_id, effective_from, retail_price, mode, producer_price, commission_bps, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(productId, effectiveFrom, terms.retailPrice, terms.mode, terms.producerPrice, terms.commissionBps, nowIso(ctx), createdBy);
  return toTermsView(ctx.db.prepare('SELECT * FROM product_terms WHERE id = ?').get(Number(info.lastInsertRowid)) as TermsDbRow);
}

/**
 * A terms change from `effectiveFrom` on. Decision: the date must be today or
 * later (store time zone). A past date would re-price days whose sales, shares
 * and shrinkage were already worked out at the old terms; sales snapshot their
 * terms, but counts, previews and reports would disagree with what was printed.
 * Today is allowed: sales made earlier today keep the terms they were sold at.
 * Changing again for the same date supersedes the earlier change (the later
 * row wins), and both rows stay in the history.
 */
export function changeTerms(
  ctx: CoreContext,
  input: TermsInput & { productId: number; effectiveFrom: string; reason?: string | undefined },
  actorId: number | null,
): TermsView {
  const today = todayLocal(ctx);
  if (input.effectiveFrom < today) {
    invalid(
      `Tanggal berlaku ${input.effectiveFrom} sudah lewat: perubahan syarat berlaku mulai hari ini (${today}) atau sesudahnya`,
      `Effective date ${input.effectiveFrom} is in the past: a terms change applies from today (${today}) or later`,
      'effectiveFrom',
    );
  }
  const terms = checkedTerms(input);
  const before = termsAround(ctx.db, input.productId, input.effectiveFrom).current;
  const created = insertTerms(ctx, input.productId, input.effectiveFrom, terms, actorId);
  audit(ctx.db, {
    at: nowIso(ctx),
    actorId,
    action: 'terms.change',
    subjectType: 'product',
    subjectId: input.productId,
    before,
    after: created,
    reason: input.reason ?? '',
  });
  return created;
}
