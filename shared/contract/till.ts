import { z } from 'zod';
import {
  approval,
  biMsg,
  id,

  localDate,
  method,
  nonEmptyText,
  optionalText,
  pin,
  quantity,
  rupiah,
  uuid,
} from './define';
import { pageFields, type Page } from './paging';

// Staff and PINs, shifts, sales, voids, refunds, receipts, audit log, sales reports. Owned by the till area.

export type StaffRole = 'cashier' | 'manager';
export type PaymentMethod = 'cash' | 'qris' | 'transfer';

export interface StaffMember {
  id: number;
  name: string;
  role: StaffRole;
  active: boolean;
}

export interface Shift {
  id: number;
  cashierId: number;
  cashierName: string;
  openedAt: string;
  openingFloat: number;
  /** null while open */
  closedAt: string | null;
  zNumber: number | null;
}

export interface SaleLine {
  id: number;
  lineNo: number;
  productId: number;
  productName: string;
  unit: string;
  producerId: number;
  producerShortName: string;
  quantity: number;
  unitPrice: number;
  discount: number;
  lineTotal: number;
  producerShare: number;
  /** units of this line refunded so far */
  refundedQuantity: number;
}

export interface Sale {
  id: string;
  receiptNo: number;
  shiftId: number;
  cashierId: number;
  cashierName: string;
  createdAt: string;
  lines: SaleLine[];
  subtotal: number;
  discountTotal: number;
  total: number;
  payment: { method: PaymentMethod; tendered: number; change: number; reference: string };
  status: 'completed' | 'voided';
  voided: { at: string; by: string; reason: string } | null;
  refunds: Refund[];
}

export interface Refund {
  id: string;
  saleId: string;
  refundedAt: string;
  approvedBy: string;
  reason: string;
  restock: boolean;
  method: PaymentMethod;
  amount: number;
  lines: { saleLineId: number; quantity: number; amount: number; producerShare: number }[];
}

/** Store header/footer and the sale: everything a printed receipt shows. */
export interface ReceiptData {
  store: { name: string; address: string; phone: string; footer: string };
  width: '58mm' | '80mm';
  sale: Sale;
}

/** A refund's own numbered receipt (struk retur), naming the sale it refunds. */
export interface RefundReceiptData {
  store: ReceiptData['store'];
  width: ReceiptData['width'];
  /** The refund receipt's own number, from its own gapless sequence. */
  refundNo: number;
  refund: Refund;
  sale: Sale;
}

/** A cart put aside at the counter (SPEC §4): recalled exactly once. */
export interface ParkedSale {
  id: string;
  parkedAt: string;
  parkedBy: string;
  shiftId: number;
  total: number;
  lines: { productId: number; productName: string; quantity: number; discount: number; discountBps: number | null }[];
}

/** The store's static QRIS image as a data URL, or null when none was uploaded. */
export interface StoreQris {
  dataUrl: string | null;
  updatedAt: string | null;
}

/** X report (any time) and Z report (at close): the same figures. */
export interface ShiftReport {
  kind: 'X' | 'Z';
  zNumber: number | null;
  shift: Shift;
  printedAt: string;
  salesCount: number;
  salesTotal: number;
  byMethod: { method: PaymentMethod; count: number; total: number }[];
  voids: { count: number; total: number };
  refunds: { count: number; total: number; cashTotal: number };
  /** cash payouts to producers paid from the drawer during the shift */
  drawerPayouts: { count: number; total: number };
  openingFloat: number;
  expectedCash: number;
  countedCash: number | null;
  variance: number | null;
  /** The sales journal's chain code when the report was made (first 12 hex digits; SPEC §4). */
  salesChainCode?: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  reason: string;
}

/** Money figures of a slice of the sales report (SPEC §4; issue 10 item 9: the shop's own income). */
export interface SalesFigures {
  /** Units sold less units refunded (voided sales left out). */
  units: number;
  /** Unit price × quantity of sales not voided. */
  gross: number;
  discounts: number;
  /** Refunded to customers in the range (by the refund's day). */
  refunds: number;
  /** Sales net of discounts and refunds: gross − discounts − refunds. */
  net: number;
  /** Voided sales (cancelled at the till), shown apart and not in gross. */
  voids: number;
  /** What the producers get: their share of the net. */
  producerShare: number;
  /** What the shop keeps: net − producer share. */
  commission: number;
}

export interface SalesReport {
  from: string;
  to: string;
  grouping: 'day' | 'week' | 'month';
  /** Only this producer's sales, when asked; the payment split is then left empty (a sale mixes producers). */
  producerId: number | null;
  totals: SalesFigures & { sales: number; voidedSales: number; refundCount: number };
  byProduct: ({ productId: number; productName: string; producerId: number; producerShortName: string } & SalesFigures)[];
  byProducer: ({ producerId: number; producerName: string } & SalesFigures)[];
  /** One row per day, week or month in the range that had any sales, refunds or voids, oldest first. */
  periods: ({ from: string; to: string } & SalesFigures)[];
  /** Taken per payment method (cash, QRIS, transfer): sales, voided, refunded (by the refund's method) and what stays. */
  payments: { method: PaymentMethod; sales: number; taken: number; voidedSales: number; voided: number; refunds: number; refunded: number; net: number }[];
}

/** The kept daily sales checked against the sale lines (`reports.verifyDaily`). */
export interface DailySalesVerifyResult {
  ok: boolean;
  daysChecked: number;
  problems: { what: string; kept: number | null; actual: number; message: string }[];
}

/** The PIN of the person signing in at the lock screen. */
const staffAuth = () => z.object({ staffId: id(), pin: pin() }).strict();

/** A signed-in session: its id goes with every later call (the bridge and the HTTP client attach it). */
export interface SignedIn {
  staff: StaffMember;
  openShift: Shift | null;
  sessionId: string;
}

const saleLineInput = z
  .object({
    productId: id(),
    quantity: quantity(),
    /** rupiah off the line; above the store's discount limit it needs `discountApproval` */
    discount: rupiah().optional().default(0),
  })
  .strict();

const paymentInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('cash'), tendered: rupiah() }).strict(),
  z.object({ method: z.literal('qris'), reference: optionalText(80) }).strict(),
  z.object({ method: z.literal('transfer'), reference: nonEmptyText(80) }).strict(),
]);

export const tillMethods = {
  'staff.list': method<StaffMember[]>({ access: 'anyone', kind: 'read' })(z.object({ includeInactive: z.boolean().optional() }).strict().optional().default({})),
  /** The first staff member (a manager) needs no approval; every later one needs a manager's. */
  'staff.create': method<StaffMember>({ access: 'manager', kind: 'write' })(
    z.object({ name: nonEmptyText(60), role: z.enum(['cashier', 'manager']), pin: pin(), approval: approval().optional() }).strict(),
  ),
  'staff.update': method<StaffMember>({ access: 'manager', kind: 'write' })(
    z
      .object({ id: id(), name: nonEmptyText(60).optional(), role: z.enum(['cashier', 'manager']).optional(), active: z.boolean().optional(), pin: pin().optional(), approval: approval().optional() })
      .strict(),
  ),
  /** Sign in at the lock screen: opens a session. Wrong PINs are throttled (durably) and audited. */
  'auth.signIn': method<SignedIn>({ access: 'anyone', kind: 'write' })(staffAuth()),
  /** Ends the caller's session (the lock button); harmless without one. */
  'auth.signOut': method<{ signedOut: boolean }>({ access: 'anyone', kind: 'write' })(z.object({}).strict().optional().default({})),
  /** The caller's session: who is signed in and the open shift, or null (after a reload, an idle lock). */
  'auth.current': method<{ staff: StaffMember; openShift: Shift | null } | null>({ access: 'anyone', kind: 'read' })(
    z.object({}).strict().optional().default({}),
  ),
  /** Checks a manager PIN before a sensitive step in the UI (the action itself checks it again). */
  'auth.approve': method<StaffMember>({ access: 'staff', kind: 'write' })(approval()),

  /** Opens a shift owned by the signed-in staff member; nobody else sells on it. */
  'shifts.open': method<Shift>({ access: 'staff', kind: 'write' })(z.object({ openingFloat: rupiah() }).strict()),
  /** The open shift of the store (one cash drawer), or null. */
  'shifts.current': method<Shift | null>({ access: 'staff', kind: 'read' })(z.object({}).strict().optional().default({})),
  'shifts.get': method<Shift>({ access: 'staff', kind: 'read' })(z.object({ id: id() }).strict()),
  'shifts.list': method<Page<Shift>>({ access: 'manager', kind: 'read' })(
    z.object({ from: localDate().optional(), to: localDate().optional(), ...pageFields() }).strict().optional().default({}),
  ),
  /** X report: the figures so far, nothing closed. */
  'shifts.xReport': method<ShiftReport>({ access: 'staff', kind: 'read' })(z.object({ shiftId: id() }).strict()),
  /**
   * Closes the shift with the counted cash and returns its numbered Z report:
   * its own cashier or a manager; another cashier needs a manager's approval.
   */
  'shifts.close': method<ShiftReport>({ access: 'staff', kind: 'write' })(
    z.object({ shiftId: id(), countedCash: rupiah(), approval: approval().optional() }).strict(),
  ),
  /** A closed shift's Z report, as printed. */
  'shifts.zReport': method<ShiftReport>({ access: 'staff', kind: 'read' })(z.object({ shiftId: id() }).strict()),

  /**
   * Records a sale. `id` is made by the client before submitting: the same id
   * again returns the same sale; the same id with other content is CONFLICT.
   */
  'sales.create': method<Sale>({ access: 'staff', kind: 'write' })(
    z
      .object({
        id: uuid(),
        shiftId: id(),
        lines: z.array(saleLineInput).min(1, { error: biMsg('Keranjang kosong', 'The cart is empty') }).max(200),
        payment: paymentInput,
        discountApproval: approval().optional(),
      })
      .strict(),
  ),
  'sales.get': method<Sale>({ access: 'staff', kind: 'read' })(z.object({ id: uuid() }).strict()),
  'sales.findByReceipt': method<Sale>({ access: 'staff', kind: 'read' })(z.object({ receiptNo: z.number().int().positive() }).strict()),
  'sales.list': method<Page<Sale>>({ access: 'staff', kind: 'read' })(
    z.object({ shiftId: id().optional(), from: localDate().optional(), to: localDate().optional(), ...pageFields() }).strict().optional().default({}),
  ),
  /** Voids a whole sale of the open shift it was made in. */
  'sales.void': method<Sale>({ access: 'staff', kind: 'write' })(z.object({ saleId: uuid(), reason: nonEmptyText(200), approval: approval() }).strict()),
  /** Refunds some units of some lines, later; optionally puts them back in stock. `id` is client-made and idempotent. */
  'sales.refund': method<Refund>({ access: 'staff', kind: 'write' })(
    z
      .object({
        id: uuid(),
        saleId: uuid(),
        lines: z.array(z.object({ saleLineId: id(), quantity: quantity() }).strict()).min(1),
        restock: z.boolean(),
        method: z.enum(['cash', 'qris', 'transfer']).optional(),
        reason: nonEmptyText(200),
        approval: approval(),
      })
      .strict(),
  ),
  'sales.receipt': method<ReceiptData>({ access: 'staff', kind: 'read' })(z.object({ saleId: uuid() }).strict()),

  /** The numbered refund receipt of a refund (printed after every refund; reprints allowed). */
  'sales.refundReceipt': method<RefundReceiptData>({ access: 'staff', kind: 'read' })(z.object({ refundId: uuid() }).strict()),
  /** Parks the cart of an open shift; `id` is client-made: parking the same cart again returns it. */
  'sales.park': method<ParkedSale>({ access: 'staff', kind: 'write' })(
    z
      .object({
        id: uuid(),
        shiftId: id(),
        lines: z
          .array(z.object({ productId: id(), quantity: quantity(), discount: rupiah().optional().default(0), discountBps: z.number().int().min(1).max(10_000).nullable().optional().default(null) }).strict())
          .min(1, { error: biMsg('Keranjang kosong', 'The cart is empty') })
          .max(200),
      })
      .strict(),
  ),
  /** Parked carts still waiting, oldest first. */
  'sales.parked': method<ParkedSale[]>({ access: 'staff', kind: 'read' })(z.object({}).strict().optional().default({})),
  /** Takes a parked cart back into the till of an open shift; it is consumed: a second recall is refused. */
  'sales.recall': method<ParkedSale>({ access: 'staff', kind: 'write' })(z.object({ id: uuid(), shiftId: id() }).strict()),
  /** The store's QRIS image for the payment dialog and the customer display. */
  'qris.get': method<StoreQris>({ access: 'staff', kind: 'read' })(z.object({}).strict().optional().default({})),
  /** Uploads (or removes, with null) the store's static QRIS image: it decides where customers' money goes, so a manager approves. */
  'qris.set': method<StoreQris>({ access: 'manager', kind: 'write' })(
    z.object({ dataUrl: z.string().max(1_500_000).nullable(), approval: approval() }).strict(),
  ),

  'audit.list': method<Page<AuditEntry>>({ access: 'manager', kind: 'read' })(
    z.object({ from: localDate().optional(), to: localDate().optional(), action: z.string().max(60).optional(), ...pageFields() }).strict().optional().default({}),
  ),
  /** Read from the kept daily sales: any range reads days, not lines. */
  'reports.sales': method<SalesReport>({ access: 'manager', kind: 'read' })(
    z.object({ from: localDate(), to: localDate(), groupBy: z.enum(['day', 'week', 'month']).optional(), producerId: id().optional() }).strict(),
  ),
  'reports.salesCsv': method<{ filename: string; csv: string }>({ access: 'manager', kind: 'long' })(
    z
      .object({
        from: localDate(),
        to: localDate(),
        by: z.enum(['product', 'producer', 'sale', 'day', 'week', 'month', 'payment']),
        producerId: id().optional(),
      })
      .strict(),
  ),
  'reports.verifyDaily': method<DailySalesVerifyResult>({ access: 'manager', kind: 'long' })(z.object({}).strict().optional().default({})),
} as const;

export type SaleCreateInput = z.input<(typeof tillMethods)['sales.create']['input']>;
