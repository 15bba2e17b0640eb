import type { Product, ProductLookup } from '../../../shared/contract/catalogue';
import { call } from '../../api';
import type { Sellable } from './cart';

/**
 * The till's copy of the sellable catalogue: scans are answered from memory
 * (no round trip, so the line appears at once) and fall back to
 * `products.lookup` for a code the copy does not know. The core prices the
 * sale itself when it is recorded, so a stale price here cannot be charged.
 */
export class CatalogueCache {
  private byBarcode = new Map<string, Sellable>();
  private byShortCode = new Map<string, Sellable>();
  items: Sellable[] = [];

  load(products: Product[]): void {
    this.byBarcode.clear();
    this.byShortCode.clear();
    this.items = [];
    for (const p of products) {
      if (!p.active || !p.producerActive || !p.terms) continue;
      const item = toSellable(p);
      this.items.push(item);
      this.remember(item);
    }
  }

  private remember(item: Sellable): void {
    if (item.barcode) this.byBarcode.set(item.barcode, item);
    if (item.shortCode) this.byShortCode.set(item.shortCode.toUpperCase(), item);
  }

  /** Instant answer from memory, or undefined when the core must be asked. */
  peek(code: string): Sellable | undefined {
    return this.byBarcode.get(code) ?? this.byShortCode.get(code.toUpperCase());
  }

  async lookup(code: string): Promise<Sellable | null> {
    const known = this.peek(code);
    if (known) return known;
    const found = await call('products.lookup', { code });
    if (!found) return null;
    const item = toSellable(found);
    this.remember(item);
    return item;
  }

  search(text: string, limit = 30): Sellable[] {
    const q = text.trim().toLowerCase();
    if (!q) return this.items.slice(0, limit);
    const out: Sellable[] = [];
    for (const item of this.items) {
      if (
        item.name.toLowerCase().includes(q) ||
        item.producerShortName.toLowerCase().includes(q) ||
        item.shortCode?.toLowerCase() === q ||
        item.barcode === q
      ) {
        out.push(item);
        if (out.length >= limit) break;
      }
    }
    return out;
  }
}

/** A catalogue product or a scanned lookup as the till sells it (only products with terms in effect are passed in). */
function toSellable(p: Pick<Product | ProductLookup, 'id' | 'name' | 'unit' | 'producerShortName' | 'tileColor' | 'barcode' | 'shortCode'> & { terms: { retailPrice: number } | null }): Sellable {
  return {
    productId: p.id,
    name: p.name,
    unit: p.unit,
    producerShortName: p.producerShortName,
    unitPrice: p.terms!.retailPrice,
    tileColor: p.tileColor,
    barcode: p.barcode,
    shortCode: p.shortCode,
  };
}
