/**
 * Where the generated shop's events go: straight into the tables in big
 * transactions (bulk), or through the app's own core, one contract call each.
 * Both write the same shape; the generator drives either with the same events.
 */
export type PaymentReq =
  | { method: 'cash'; tendered: number }
  | { method: 'qris'; reference: string }
  | { method: 'transfer'; reference: string };

export interface SaleReq {
  id: string;
  at: number;
  shiftId: number;
  cashierId: number;
  lines: { productId: number; quantity: number; discount: number }[];
  payment: PaymentReq;
}

export interface RefundReq {
  id: string;
  saleId: string;
  at: number;
  shiftId: number | null;
  lines: { saleLineId: number; quantity: number }[];
  restock: boolean;
  method: 'cash' | 'qris' | 'transfer';
  reason: string;
}

export interface SettlementMade {
  settlementId: number;
  producerId: number;
  totalDue: number;
  dueDate: string;
}

export interface PayoutReq {
  id: string;
  settlementId: number;
  producerId: number;
  amount: number;
  method: 'cash_safe' | 'transfer' | 'ewallet';
  reference: string;
  paidAt: number;
  receiverName: string;
}

export interface Sink {
  readonly kind: 'bulk' | 'core';
  begin(): void;
  /** commits what is pending (bulk) */
  flush(): void;
  openShift(at: number, cashierId: number, openingFloat: number): number;
  closeShift(shiftId: number, at: number, cashierId: number): void;
  sale(req: SaleReq): { lineIds: number[] };
  voidSale(saleId: string, at: number, shiftId: number, reason: string): void;
  refund(req: RefundReq): void;
  intake(producerId: number, at: number, lines: { productId: number; quantity: number; expiryDate?: string }[]): void;
  returnGoods(producerId: number, at: number, lines: { productId: number; quantity: number; reason: 'unsold' | 'expired' | 'damaged' }[]): void;
  count(at: number, lines: { productId: number; expected: number; counted: number; reason: string }[]): void;
  /** finalises the period that ends at `periodEnd` (ms) */
  finalize(periodEnd: number, at: number): SettlementMade[];
  payout(req: PayoutReq, at: number): void;
}

export const iso = (ms: number) => new Date(ms).toISOString();
/** Asia/Jakarta has no daylight saving: local = UTC + 7 h. */
export const JAKARTA_OFFSET_MS = 7 * 3600_000;
export const localDateOf = (ms: number) => new Date(ms + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
/** the instant of a local wall-clock time on a local date (hour may be fractional) */
export const localInstant = (localDate: string, hour: number) => Date.parse(`${localDate}T00:00:00.000Z`) - JAKARTA_OFFSET_MS + Math.round(hour * 3600_000);
