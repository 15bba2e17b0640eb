import type Database from 'better-sqlite3';
import { conflict, notFound, invalid } from '../errors';

export interface ProductForStock {
  id: number;
  producer_id: number;
  name: string;
  unit: string;
  active: number;
  perishable: number;
}

/** The products of a document's lines, each checked to belong to the document's producer. */
export function productsOfProducer(
  db: Database.Database,
  producer: { id: number; name: string },
  productIds: number[],
  opts: { requireActive: boolean },
): Map<number, ProductForStock> {
  const stmt = db.prepare('SELECT id, producer_id, name, unit, active, perishable FROM products WHERE id = ?');
  const out = new Map<number, ProductForStock>();
  productIds.forEach((productId, i) => {
    if (out.has(productId)) return;
    const p = stmt.get(productId) as ProductForStock | undefined;
    if (!p) notFound(`Baris ${i + 1}: produk #${productId} tidak ditemukan`, `Line ${i + 1}: product #${productId} not found`);
    if (p!.producer_id !== producer.id) {
      invalid(
        `Baris ${i + 1}: "${p!.name}" bukan produk ${producer.name}`,
        `Line ${i + 1}: "${p!.name}" is not a product of ${producer.name}`,
        `lines.${i}.productId`,
      );
    }
    if (opts.requireActive && p!.active !== 1) {
      conflict(`Baris ${i + 1}: produk "${p!.name}" nonaktif`, `Line ${i + 1}: product "${p!.name}" is inactive`);
    }
    out.set(productId, p!);
  });
  return out;
}

export function producerRow(db: Database.Database, producerId: number) {
  const row = db.prepare('SELECT id, name, short_name, phone, address, active FROM producers WHERE id = ?').get(producerId) as
    | { id: number; name: string; short_name: string; phone: string; address: string; active: number }
    | undefined;
  if (!row) return notFound(`Produsen #${producerId} tidak ditemukan`, `Producer #${producerId} not found`);
  return row;
}
