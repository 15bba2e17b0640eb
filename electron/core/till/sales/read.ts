import type Database from 'better-sqlite3';
import type { Page } from '../../../../shared/contract/paging';
import { pagedRows } from '../../paging';
import type { MethodParsed } from '../../../../shared/contract';
import type { PaymentMethod, ReceiptData, Refund, Sale, SaleLine } from '../../../../shared/contract/till';
import { addDays, localToInstant } from '../../../../shared/domain/time';
import type { CoreContext } from '../../context';
import { notFound } from '../../errors';
import { readSettings } from '../../settings';
import { sql } from '../db';

interface SaleRow {
  id: string;
  receipt_no: number;
  shift_id: number;
  cashier_id: number;
  cashier_name: string;
  created_at: string;
  subtotal: number;
  discount_total: number;
  total: number;
  payment_method: PaymentMethod;
  tendered: number;
  change_given: number;
  payment_ref: string;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

const SALE_SELECT = `SELECT s.id, s.receipt_no, s.shift_id, s.cashier_id, st.name AS cashier_name, s.created_at, s.subtotal, s.discount_total, s.total,
       s.payment_method, s.tendered, s.change_given, s.payment_ref, v.voided_at, vs.name AS voided_by, v.reason AS void_reason
  FROM sales s JOIN staff st ON st.id = s.cashier_id
  LEFT JOIN sale_voids v ON v.sale_id = s.id LEFT JOIN staff vs ON vs.id = v.approved_by`;

interface RefundRow {
  id: string;
  sale_id: string;
  refunded_at: string;
  approved_by: string;
  reason: string;
  restock: number;
  method: PaymentMethod;
  amount: number;
}

const REFUND_SELECT = `SELECT r.id, r.sale_id, r.refunded_at, st.name AS approved_by, r.reason, r.restock, r.method, r.amount
  FROM refunds r JOIN staff st ON st.id = r.approved_by`;

function refundFromRow(db: Database.Database, r: RefundRow): Refund {
  const lines = sql(
    db,
    'SELECT sale_line_id AS saleLineId, quantity, amount, producer_share AS producerShare FROM refund_lines WHERE refund_id = ? ORDER BY id',
  ).all(r.id) as Refund['lines'];
  return {
    id: r.id,
    saleId: r.sale_id,
    refundedAt: r.refunded_at,
    approvedBy: r.approved_by,
    reason: r.reason,
    restock: r.restock === 1,
    method: r.method,
    amount: r.amount,
    lines,
  };
}

export function loadRefund(db: Database.Database, id: string): Refund | null {
  const r = sql(db, `${REFUND_SELECT} WHERE r.id = ?`).get(id) as RefundRow | undefined;
  return r ? refundFromRow(db, r) : null;
}

function saleFromRow(db: Database.Database, r: SaleRow): Sale {
  const lines = sql(
    db,
    `SELECT l.id, l.line_no AS lineNo, l.product_id AS productId, p.name AS productName, p.unit, l.producer_id AS producerId,
            pr.short_name AS producerShortName, l.quantity, l.unit_price AS unitPrice, l.discount, l.line_total AS lineTotal,
            l.producer_share AS producerShare,
            (SELECT COALESCE(SUM(rl.quantity), 0) FROM refund_lines rl WHERE rl.sale_line_id = l.id) AS refundedQuantity
       FROM sale_lines l JOIN products p ON p.id = l.product_id JOIN producers pr ON pr.id = l.producer_id
      WHERE l.sale_id = ? ORDER BY l.line_no`,
  ).all(r.id) as SaleLine[];
  const refunds = (sql(db, `${REFUND_SELECT} WHERE r.sale_id = ? ORDER BY r.refunded_at, r.rowid`).all(r.id) as RefundRow[]).map((x) =>
    refundFromRow(db, x),
  );
  return {
    id: r.id,
    receiptNo: r.receipt_no,
    shiftId: r.shift_id,
    cashierId: r.cashier_id,
    cashierName: r.cashier_name,
    createdAt: r.created_at,
    lines,
    subtotal: r.subtotal,
    discountTotal: r.discount_total,
    total: r.total,
    payment: { method: r.payment_method, tendered: r.tendered, change: r.change_given, reference: r.payment_ref },
    status: r.voided_at ? 'voided' : 'completed',
    voided: r.voided_at ? { at: r.voided_at, by: r.voided_by ?? '', reason: r.void_reason ?? '' } : null,
    refunds,
  };
}

export function loadSale(db: Database.Database, id: string): Sale | null {
  const r = sql(db, `${SALE_SELECT} WHERE s.id = ?`).get(id) as SaleRow | undefined;
  return r ? saleFromRow(db, r) : null;
}

export function requireSale(db: Database.Database, id: string): Sale {
  return loadSale(db, id) ?? notFound('Penjualan tidak ditemukan', 'Sale not found');
}

export function getSale(input: MethodParsed<'sales.get'>, ctx: CoreContext): Sale {
  return requireSale(ctx.db, input.id);
}

export function findByReceipt(input: MethodParsed<'sales.findByReceipt'>, ctx: CoreContext): Sale {
  const r = sql(ctx.db, `${SALE_SELECT} WHERE s.receipt_no = ?`).get(input.receiptNo) as SaleRow | undefined;
  if (!r) notFound(`Struk #${input.receiptNo} tidak ditemukan`, `Receipt #${input.receiptNo} not found`);
  return saleFromRow(ctx.db, r!);
}

/** Sales newest first, a page at a time, with the total matching the filters. */
export function listSales(input: MethodParsed<'sales.list'>, ctx: CoreContext): Page<Sale> {
  const tz = ctx.timeZone();
  const from = input.from ? localToInstant(input.from, tz) : null;
  const to = input.to ? localToInstant(addDays(input.to, 1), tz) : null;
  // Only the filters given go into the SQL, so each combination uses its index (shift, or time).
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (input.shiftId !== undefined) { where.push('s.shift_id = ?'); args.push(input.shiftId); }
  if (from) { where.push('s.created_at >= ?'); args.push(from); }
  if (to) { where.push('s.created_at < ?'); args.push(to); }
  return pagedRows<SaleRow, Sale>(
    ctx.db,
    {
      select: SALE_SELECT.slice('SELECT '.length, SALE_SELECT.indexOf('\n  FROM ')),
      from: SALE_SELECT.slice(SALE_SELECT.indexOf('\n  FROM ') + '\n  FROM '.length),
      countFrom: 'sales s',
      where,
      args,
      orderBy: 's.created_at DESC, s.receipt_no DESC',
    },
    input,
    (r) => saleFromRow(ctx.db, r),
  );
}

export function receipt(input: MethodParsed<'sales.receipt'>, ctx: CoreContext): ReceiptData {
  const sale = requireSale(ctx.db, input.saleId);
  const s = readSettings(ctx.db);
  return {
    store: { name: s.storeName, address: s.storeAddress, phone: s.storePhone, footer: s.receiptFooter },
    width: s.receiptWidth,
    sale,
  };
}
