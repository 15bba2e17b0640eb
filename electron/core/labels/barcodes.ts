import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { audit } from '../audit';
import { conflict } from '../errors';
import { getProduct } from '../catalogue/products';
import { inStoreEan13, inStoreSerial, MAX_IN_STORE_SERIAL } from '../../../shared/domain/ean13';
import type { Product } from '../../../shared/contract/catalogue';
import type { AssignedBarcode } from '../../../shared/contract/labels';
import { actingStaffId } from './actor';

/** Store numbers look like `20` + ten digits + check digit: equal length, so text order is number order. */
const IN_STORE_GLOB = '20' + '[0-9]'.repeat(11);

/**
 * The next free in-store number: one past the highest the store has used on
 * ANY product (active or not), skipping any that someone typed by hand.
 */
function nextInStoreBarcode(ctx: CoreContext): string {
  const row = ctx.db.prepare(`SELECT MAX(barcode) AS top FROM products WHERE barcode GLOB ?`).get(IN_STORE_GLOB) as { top: string | null };
  let serial = (row.top ? (inStoreSerial(row.top) ?? Number(row.top.slice(2, 12))) : 0) + 1;
  const taken = ctx.db.prepare('SELECT 1 FROM products WHERE barcode = ? OR short_code = ? LIMIT 1');
  for (;;) {
    if (serial > MAX_IN_STORE_SERIAL) conflict('Nomor barcode toko sudah habis', 'The store has run out of in-store barcode numbers');
    const code = inStoreEan13(serial);
    if (!taken.get(code, code)) return code;
    serial++;
  }
}

function giveBarcode(ctx: CoreContext, product: Product): string {
  const barcode = nextInStoreBarcode(ctx);
  const at = nowIso(ctx);
  ctx.db.prepare('UPDATE products SET barcode = ?, updated_at = ? WHERE id = ? AND barcode IS NULL').run(barcode, at, product.id);
  audit(ctx.db, {
    at,
    actorId: actingStaffId(ctx),
    action: 'product.assignBarcode',
    subjectType: 'product',
    subjectId: product.id,
    before: { barcode: null },
    after: { barcode },
  });
  return barcode;
}

export function assignBarcode(ctx: CoreContext, productId: number): Product {
  const product = getProduct(ctx, productId);
  if (product.barcode !== null) {
    conflict(
      `"${product.name}" sudah punya barcode ${product.barcode}; hapus dulu di formulir produk bila ingin nomor toko`,
      `"${product.name}" already has barcode ${product.barcode}; clear it in the product form first to give it a store number`,
    );
  }
  giveBarcode(ctx, product);
  return getProduct(ctx, productId);
}

export function assignBarcodes(ctx: CoreContext): { assigned: AssignedBarcode[] } {
  const ids = ctx.db.prepare('SELECT id FROM products WHERE active = 1 AND barcode IS NULL ORDER BY id').pluck().all() as number[];
  const assigned: AssignedBarcode[] = [];
  for (const productId of ids) {
    const product = getProduct(ctx, productId);
    assigned.push({ productId, name: product.name, barcode: giveBarcode(ctx, product) });
  }
  return { assigned };
}
