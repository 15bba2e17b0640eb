import type { ProductItem } from '../../../shared/domain/settlementItems';

/** One table row of a producer's itemised week: every row names its product (a discounted line too). */
export interface ItemRow {
  key: string;
  productName: string;
  unit: string;
  units: number;
  /** Null when the share per unit varies (a discounted percentage line). */
  sharePerUnit: number | null;
  subtotal: number;
  /** Refunds and voids go on the product's first row only. */
  unitsRefunded: number;
  refundShare: number;
  unitsVoided: number;
  voidShare: number;
}

export function itemRows(products: readonly ProductItem[]): ItemRow[] {
  return products.flatMap((p) =>
    (p.saleRows.length ? p.saleRows : [{ sharePerUnit: null, units: 0, subtotal: 0 }]).map((r, i) => ({
      key: `${p.productId}-${i}`,
      productName: p.productName,
      unit: p.unit,
      units: r.units,
      sharePerUnit: r.sharePerUnit,
      subtotal: r.subtotal,
      unitsRefunded: i === 0 ? p.unitsRefunded : 0,
      refundShare: i === 0 ? p.refundShare : 0,
      unitsVoided: i === 0 ? p.unitsVoided : 0,
      voidShare: i === 0 ? p.voidShare : 0,
    })),
  );
}
