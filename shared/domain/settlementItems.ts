/**
 * Itemising a settlement's ledger entries for the preview, the slip and the
 * WhatsApp text: sales and refunds per product, shrinkage per product,
 * deductions and adjustments one by one with their reasons. Pure.
 *
 * Sale rows are grouped by (product, share per unit), so a terms change in
 * the middle of a week shows as two rows whose units × share per unit add up
 * exactly. A line whose share does not divide evenly by its units (a
 * percentage share after a discount) goes into a row with no per-unit figure.
 */
import type { LedgerKind } from './ledgerChain';

export interface ItemisableEntry {
  id: number;
  seq: number;
  kind: LedgerKind;
  amount: number;
  occurredAt: string;
  productId: number | null;
  productName: string | null;
  unit: string | null;
  quantity: number | null;
  reason: string;
  /** What wrote the entry: `sale_line_void` marks a voided sale (not a customer refund). */
  refType?: string;
}

/** A void writes a refund entry marked `sale_line_void`: a cancelled sale, not goods a customer brought back. */
export const isVoid = (e: Pick<ItemisableEntry, 'kind' | 'refType'>): boolean => e.kind === 'refund' && e.refType === 'sale_line_void';

export interface SaleRow {
  /** Producer share per unit; null when it varies within the row (discounted percentage lines). */
  sharePerUnit: number | null;
  units: number;
  subtotal: number;
}

export interface ProductItem {
  productId: number | null;
  productName: string;
  unit: string;
  unitsSold: number;
  unitsRefunded: number;
  /** Units of voided (cancelled) sales. */
  unitsVoided: number;
  /** Sum of the sale entries (≥ 0). */
  salesShare: number;
  /** Sum of the customer refund entries (≤ 0). */
  refundShare: number;
  /** Sum of the void entries (≤ 0): sales cancelled the same shift. */
  voidShare: number;
  /** salesShare + refundShare + voidShare */
  netShare: number;
  saleRows: SaleRow[];
}

export interface ShrinkageItem {
  productId: number | null;
  productName: string;
  unit: string;
  units: number;
  amount: number;
}

export interface ReasonedItem {
  entryId: number;
  occurredAt: string;
  amount: number;
  reason: string;
}

export interface SettlementItems {
  products: ProductItem[];
  shrinkage: ShrinkageItem[];
  deductions: ReasonedItem[];
  adjustments: ReasonedItem[];
  salesTotal: number;
  /** Customer refunds only (voids are in voidTotal). */
  refundTotal: number;
  /** Voided sales (≤ 0). */
  voidTotal: number;
  shrinkageTotal: number;
  deductionTotal: number;
  adjustmentTotal: number;
  /** The sum of every itemised entry: what the settlement pays. */
  totalDue: number;
  entryCount: number;
}

const OTHER = '—';

/** A product's item while its entries are summed, with its sale rows by share per unit. */
interface ProductSums {
  item: ProductItem;
  rows: Map<number | null, SaleRow>;
}
const newProduct = (e: ItemisableEntry): ProductSums => ({
  item: {
    productId: e.productId,
    productName: e.productName ?? OTHER,
    unit: e.unit ?? '',
    unitsSold: 0,
    unitsRefunded: 0,
    unitsVoided: 0,
    salesShare: 0,
    refundShare: 0,
    voidShare: 0,
    netShare: 0,
    saleRows: [],
  },
  rows: new Map(),
});
/** The entry's product's sums, made on first use. */
function productIn(products: Map<number | null, ProductSums>, e: ItemisableEntry): ProductSums {
  let sums = products.get(e.productId ?? null);
  if (!sums) products.set(e.productId ?? null, (sums = newProduct(e)));
  return sums;
}
const byName = (a: { productName: string }, b: { productName: string }) => a.productName.localeCompare(b.productName, 'id');
const bySharePerUnit = (a: SaleRow, b: SaleRow) => (b.sharePerUnit ?? -1) - (a.sharePerUnit ?? -1);

/** Itemises entries (payouts are not settled and must not be passed). */
export function itemise(entries: readonly ItemisableEntry[]): SettlementItems {
  // (The preview itemises every producer's week at once: the helpers above are made once, and no item is copied.)
  const products = new Map<number | null, ProductSums>();
  const shrink = new Map<number | null, ShrinkageItem>();
  const deductions: ReasonedItem[] = [];
  const adjustments: ReasonedItem[] = [];
  let salesTotal = 0;
  let refundTotal = 0;
  let voidTotal = 0;
  let shrinkageTotal = 0;
  let deductionTotal = 0;
  let adjustmentTotal = 0;
  for (const e of entries) {
    switch (e.kind) {
      case 'sale': {
        const sums = productIn(products, e);
        const p = sums.item;
        const units = e.quantity ?? 0;
        const perUnit = units > 0 && e.amount % units === 0 ? e.amount / units : null;
        let row = sums.rows.get(perUnit);
        if (!row) sums.rows.set(perUnit, (row = { sharePerUnit: perUnit, units: 0, subtotal: 0 }));
        row.units += units;
        row.subtotal += e.amount;
        p.unitsSold += units;
        p.salesShare += e.amount;
        salesTotal += e.amount;
        break;
      }
      case 'refund': {
        const p = productIn(products, e).item;
        if (isVoid(e)) {
          p.unitsVoided += e.quantity ?? 0;
          p.voidShare += e.amount;
          voidTotal += e.amount;
          break;
        }
        p.unitsRefunded += e.quantity ?? 0;
        p.refundShare += e.amount;
        refundTotal += e.amount;
        break;
      }
      case 'shrinkage': {
        let s = shrink.get(e.productId ?? null);
        if (!s) shrink.set(e.productId ?? null, (s = { productId: e.productId, productName: e.productName ?? OTHER, unit: e.unit ?? '', units: 0, amount: 0 }));
        s.units += e.quantity ?? 0;
        s.amount += e.amount;
        shrinkageTotal += e.amount;
        break;
      }
      case 'deduction':
        deductions.push({ entryId: e.id, occurredAt: e.occurredAt, amount: e.amount, reason: e.reason });
        deductionTotal += e.amount;
        break;
      case 'adjustment':
        adjustments.push({ entryId: e.id, occurredAt: e.occurredAt, amount: e.amount, reason: e.reason });
        adjustmentTotal += e.amount;
        break;
      case 'payout':
        throw new RangeError('payout entries are not settled');
    }
  }
  const productList: ProductItem[] = [];
  for (const { item, rows } of products.values()) {
    item.netShare = item.salesShare + item.refundShare + item.voidShare;
    item.saleRows = [...rows.values()].sort(bySharePerUnit);
    productList.push(item);
  }
  return {
    products: productList.sort(byName),
    shrinkage: [...shrink.values()].sort(byName),
    deductions,
    adjustments,
    salesTotal,
    refundTotal,
    voidTotal,
    shrinkageTotal,
    deductionTotal,
    adjustmentTotal,
    totalDue: salesTotal + refundTotal + voidTotal + shrinkageTotal + deductionTotal + adjustmentTotal,
    entryCount: entries.length,
  };
}
