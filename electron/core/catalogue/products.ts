import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { audit } from '../audit';
import { notFound, conflict } from '../errors';
import type { Product } from '../../../shared/contract/catalogue';
import type { MethodParsed } from '../../../shared/contract';
import type { Page } from '../../../shared/contract/paging';
import { pagedRows } from '../paging';
import { codeOrNull, likePattern, todayLocal } from './common';
import { assertCodesFree } from './codes';
import { setActiveFlag } from './activeFlag';
import { termsAround } from './termsRows';
import { checkedTerms, insertTerms } from './termsChange';

/** The product columns that both the catalogue and the cashier's scan show as they are. */
export interface ProductOwnColumns {
  name: string;
  unit: string;
  barcode: string | null;
  short_code: string | null;
  tile_color: string | null;
  perishable: number;
}

export const productOwnFields = (r: ProductOwnColumns) => ({
  name: r.name,
  unit: r.unit,
  barcode: r.barcode,
  shortCode: r.short_code,
  tileColor: r.tile_color,
  perishable: r.perishable === 1,
});

interface ProductRow extends ProductOwnColumns {
  id: number;
  producer_id: number;
  producer_name: string;
  producer_short_name: string;
  producer_active: number;
  active: number;
  created_at: string;
  updated_at: string;
  on_hand: number;
}

const SELECT = `SELECT p.*, pr.name AS producer_name, pr.short_name AS producer_short_name, pr.active AS producer_active,
  COALESCE(s.on_hand, 0) AS on_hand
  FROM products p JOIN producers pr ON pr.id = p.producer_id
  LEFT JOIN stock_levels s ON s.product_id = p.id`;

function toProduct(ctx: CoreContext, r: ProductRow, today: string): Product {
  const { current, next } = termsAround(ctx.db, r.id, today);
  return {
    id: r.id,
    producerId: r.producer_id,
    producerName: r.producer_name,
    producerShortName: r.producer_short_name,
    producerActive: r.producer_active === 1,
    ...productOwnFields(r),
    active: r.active === 1,
    terms: current,
    nextTerms: next,
    onHand: r.on_hand,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getProduct(ctx: CoreContext, id: number): Product {
  const row = ctx.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProductRow | undefined;
  if (!row) return notFound(`Produk #${id} tidak ditemukan`, `Product #${id} not found`);
  return toProduct(ctx, row, todayLocal(ctx));
}

export function listProducts(ctx: CoreContext, input: MethodParsed<'products.list'>): Page<Product> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (input.producerId !== undefined) {
    where.push('p.producer_id = ?');
    args.push(input.producerId);
  }
  if (!input.includeInactive) where.push('p.active = 1');
  if (input.search) {
    const pattern = likePattern(input.search);
    where.push(`(p.name LIKE ? ESCAPE '\\' OR p.barcode = ? OR p.short_code LIKE ? ESCAPE '\\' OR pr.name LIKE ? ESCAPE '\\')`);
    args.push(pattern, input.search, pattern, pattern);
  }
  const today = todayLocal(ctx);
  return pagedRows<ProductRow, Product>(
    ctx.db,
    {
      select: `p.*, pr.name AS producer_name, pr.short_name AS producer_short_name, pr.active AS producer_active, COALESCE(s.on_hand, 0) AS on_hand`,
      from: 'products p JOIN producers pr ON pr.id = p.producer_id LEFT JOIN stock_levels s ON s.product_id = p.id',
      countFrom: 'products p JOIN producers pr ON pr.id = p.producer_id',
      where,
      args,
      orderBy: 'p.active DESC, pr.name COLLATE NOCASE, p.name COLLATE NOCASE, p.id',
    },
    input,
    (r) => toProduct(ctx, r, today),
  );
}

export function createProduct(ctx: CoreContext, input: MethodParsed<'products.create'>): Product {
  const actor = ctx.actor;
  const producer = ctx.db.prepare('SELECT id, name, active FROM producers WHERE id = ?').get(input.producerId) as
    | { id: number; name: string; active: number }
    | undefined;
  if (!producer) return notFound(`Produsen #${input.producerId} tidak ditemukan`, `Producer #${input.producerId} not found`);
  if (producer.active !== 1) {
    conflict(`Produsen "${producer.name}" nonaktif: aktifkan dulu`, `Producer "${producer.name}" is inactive: activate them first`);
  }
  const terms = checkedTerms(input.terms);
  const codes = { barcode: codeOrNull(input.barcode), shortCode: codeOrNull(input.shortCode) };
  assertCodesFree(ctx.db, codes, null);
  const at = nowIso(ctx);
  const info = ctx.db
    .prepare(
      `INSERT INTO products (producer_id, name, unit, barcode, short_code, tile_color, perishable, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.producerId, input.name, input.unit, codes.barcode, codes.shortCode, input.tileColor ?? null, input.perishable ? 1 : 0, at, at);
  const productId = Number(info.lastInsertRowid);
  // The first terms apply from the day the product is created.
  insertTerms(ctx, productId, todayLocal(ctx), terms, actor?.id ?? null);
  const created = getProduct(ctx, productId);
  audit(ctx.db, { at, actorId: actor?.id ?? null, action: 'product.create', subjectType: 'product', subjectId: productId, after: created });
  return created;
}

/** What an audit row keeps of a product: its own fields, not the derived ones. */
const auditable = (p: Product) => ({
  name: p.name,
  unit: p.unit,
  barcode: p.barcode,
  shortCode: p.shortCode,
  tileColor: p.tileColor,
  perishable: p.perishable,
  active: p.active,
});

export function updateProduct(ctx: CoreContext, input: MethodParsed<'products.update'>): Product {
  const actor = ctx.actor;
  const before = getProduct(ctx, input.id);
  const next = {
    name: input.name ?? before.name,
    unit: input.unit ?? before.unit,
    barcode: input.barcode === undefined ? before.barcode : codeOrNull(input.barcode),
    shortCode: input.shortCode === undefined ? before.shortCode : codeOrNull(input.shortCode),
    tileColor: input.tileColor === undefined ? before.tileColor : input.tileColor,
    perishable: input.perishable ?? before.perishable,
  };
  if (before.active) assertCodesFree(ctx.db, next, input.id);
  const at = nowIso(ctx);
  ctx.db
    .prepare('UPDATE products SET name = ?, unit = ?, barcode = ?, short_code = ?, tile_color = ?, perishable = ?, updated_at = ? WHERE id = ?')
    .run(next.name, next.unit, next.barcode, next.shortCode, next.tileColor, next.perishable ? 1 : 0, at, input.id);
  const after = getProduct(ctx, input.id);
  audit(ctx.db, {
    at,
    actorId: actor?.id ?? null,
    action: 'product.update',
    subjectType: 'product',
    subjectId: input.id,
    before: auditable(before),
    after: auditable(after),
  });
  return after;
}

export const setProductActive = (ctx: CoreContext, input: MethodParsed<'products.setActive'>): Product =>
  setActiveFlag(ctx, 'product', input, (id) => getProduct(ctx, id), (before) => {
    // Reactivating must not make a scan ambiguous with a product that took the code meanwhile.
    if (input.active) assertCodesFree(ctx.db, { barcode: before.barcode, shortCode: before.shortCode }, input.id);
  });
