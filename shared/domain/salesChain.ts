/**
 * The canonical encoding of a sale for the sales journal's hash chain:
 * `hash = SHA-256(prevHash + canonicalSale(sale))`, hex, like the producer
 * ledger (ledgerChain.ts). A JSON array in a fixed field order: the same sale
 * hashes the same in every runtime. Never change it; add a version instead.
 */
export interface ChainedSaleLine {
  lineNo: number;
  productId: number;
  quantity: number;
  unitPrice: number;
  discount: number;
  lineTotal: number;
  producerShare: number;
}

export interface ChainedSale {
  receiptNo: number;
  createdAt: string;
  subtotal: number;
  discountTotal: number;
  total: number;
  paymentMethod: string;
  tendered: number;
  change: number;
  paymentRef: string;
  lines: ChainedSaleLine[];
}

export function canonicalSale(s: ChainedSale): string {
  return JSON.stringify([
    's1',
    s.receiptNo,
    s.createdAt,
    s.subtotal,
    s.discountTotal,
    s.total,
    s.paymentMethod,
    s.tendered,
    s.change,
    s.paymentRef,
    [...s.lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((l) => [l.lineNo, l.productId, l.quantity, l.unitPrice, l.discount, l.lineTotal, l.producerShare]),
  ]);
}
