import type Database from 'better-sqlite3';
import { conflict } from '../errors';
import { inStoreSerial } from '../../../shared/domain/ean13';

/**
 * A scan must never be ambiguous: among ACTIVE products, a code (barcode or
 * short code) may belong to one product only, in either role. `selfId` is the
 * product being saved, which may keep its own codes.
 */
export function assertCodesFree(db: Database.Database, codes: { barcode: string | null; shortCode: string | null }, selfId: number | null): void {
  const clash = db.prepare(
    `SELECT id, name, barcode, short_code FROM products
      WHERE active = 1 AND id IS NOT ? AND (barcode = ? OR short_code = ?) LIMIT 1`,
  );
  for (const [code, role] of [
    [codes.barcode, 'barcode'],
    [codes.shortCode, 'shortCode'],
  ] as const) {
    if (code === null) continue;
    const other = clash.get(selfId, code, code) as { id: number; name: string; barcode: string | null } | undefined;
    if (other) {
      const asWhat = other.barcode === code ? { id: 'barcode', en: 'barcode' } : { id: 'kode singkat', en: 'short code' };
      const mine = role === 'barcode' ? { id: 'Barcode', en: 'Barcode' } : { id: 'Kode singkat', en: 'Short code' };
      conflict(
        `${mine.id} "${code}" sudah dipakai sebagai ${asWhat.id} produk aktif "${other.name}"`,
        `${mine.en} "${code}" is already the ${asWhat.en} of the active product "${other.name}"`,
      );
    }
  }
  // A store number (EAN-13, prefix 20) is printed on labels that stay on shelves: never two products with one, active or not.
  if (codes.barcode !== null && inStoreSerial(codes.barcode) !== null) {
    const owner = db.prepare('SELECT name FROM products WHERE barcode = ? AND id IS NOT ? LIMIT 1').get(codes.barcode, selfId) as { name: string } | undefined;
    if (owner) {
      conflict(
        `Barcode toko "${codes.barcode}" sudah dipakai produk "${owner.name}" (juga yang nonaktif)`,
        `Store barcode "${codes.barcode}" already belongs to the product "${owner.name}" (inactive ones count too)`,
      );
    }
  }
}
