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

/** Itemises entries (payouts are not settled and must not be passed). */
export function itemise(entries: readonly ItemisableEntry[]): SettlementItems {
  const products = new Map<string, ProductItem & { rows: Map<string, SaleRow> }>();
  const shrink = new Map<string, ShrinkageItem>();
  const deductions: ReasonedItem[] = [];
  const adjustments: ReasonedItem[] = [];
  let salesTotal = 0;
  let refundTotal = 0;
  let voidTotal = 0;
  let shrinkageTotal = 0;
  let deductionTotal = 0;
  let adjustmentTotal = 0;
  const productOf = (e: ItemisableEntry) => {
    const key = String(e.productId ?? 'none');
    let p = products.get(key);
    if (!p) {
      p = {
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
        rows: new Map(),
      };
      products.set(key, p);
    }
    return p;
  };
  for (const e of entries) {
    switch (e.kind) {
      case 'sale': {
        const p = productOf(e);
        const units = e.quantity ?? 0;
        const perUnit = units > 0 && e.amount % units === 0 ? e.amount / units : null;
        const rowKey = String(perUnit);
        let row = p.rows.get(rowKey);
        if (!row) p.rows.set(rowKey, (row = { sharePerUnit: perUnit, units: 0, subtotal: 0 }));
        row.units += units;
        row.subtotal += e.amount;
        p.unitsSold += units;
        p.salesShare += e.amount;
        salesTotal += e.amount;
        break;
      }
      case 'refund': {
        const p = productOf(e);
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
        const key = String(e.productId ?? 'none');
        let s = shrink.get(key);
        if (!s) shrink.set(key, (s = { productId: e.productId, productName: e.productName ?? OTHER, unit: e.unit ?? '', units: 0, amount: 0 }));
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
  const byName = (a: { productName: string }, b: { productName: string }) => a.productName.localeCompare(b.productName, 'id');
  const productList = [...products.values()]
    .map(({ rows, ...p }) => ({
      ...p,
      netShare: p.salesShare + p.refundShare + p.voidShare,
      saleRows: [...rows.values()].sort((a, b) => (b.sharePerUnit ?? -1) - (a.sharePerUnit ?? -1)),
    }))
    .sort(byName);
  return {
    products: productList,
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
