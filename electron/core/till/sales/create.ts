import { createHash } from 'node:crypto';
import type { MethodParsed } from '../../../../shared/contract';
import type { Sale, SaleLine } from '../../../../shared/contract/till';
import { lineAmounts } from '../../../../shared/domain/terms';
import { discountOverLimit } from '../../../../shared/domain/discount';
import { audit } from '../../audit';
import type { CoreContext } from '../../context';
import { conflict, invalid, notFound, forbidden } from '../../errors';
import { appendLedgerEntry } from '../../ledger/chain';
import { takeNumber } from '../../sequences';
import { readSettings } from '../../settings';
import { requireManager } from '../../staff/approval';
import { termsAt, type TermsRow } from '../../catalogue/terms';
import { sql } from '../db';
import { localDateOf } from '../today';
import { loadSale } from './read';
import { appendSaleJournal } from '../../journal/salesJournal';
import { assertOwnShift } from '../shifts';
import { appendMovement } from '../../stock/lotState';

export type SaleCreateParsed = MethodParsed<'sales.create'>;

/**
 * The canonical hash of a sale request, for idempotent retries: the content of
 * the sale (shift, lines in order, payment), not the approval (never store a
 * PIN, not even hashed).
 */
export function saleRequestHash(input: SaleCreateParsed): string {
  const p = input.payment;
  const canonical = JSON.stringify([
    'sale.v1',
    input.shiftId,
    input.lines.map((l) => [l.productId, l.quantity, l.discount ?? 0]),
    p.method,
    p.method === 'cash' ? p.tendered : null,
    p.method === 'cash' ? '' : (p.reference ?? ''),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

// The discount limit is the till's rule too: one function in shared/domain.
export { discountOverLimit } from '../../../../shared/domain/discount';

interface ProductRow {
  active: number;
  name: string;
  unit: string;
  producer_id: number;
  short_name: string;
}

interface PlannedLine {
  line: SaleLine;
  terms: TermsRow;
}

const INSERT_SALE = `INSERT INTO sales (id, receipt_no, shift_id, cashier_id, created_at, subtotal, discount_total, total, payment_method, tendered, change_given, payment_ref, request_hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_LINE = `INSERT INTO sale_lines (sale_id, line_no, product_id, producer_id, terms_id, quantity, unit_price, discount, line_total, terms_mode, producer_price, commission_bps, producer_share)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * sales.create (SPEC §4). Runs inside the caller's transaction: the sale, its
 * lines with the snapshotted terms and producer share, stock movements, one
 * `sale` ledger entry per line and the receipt number are all written, or none.
 */
export function createSale(input: SaleCreateParsed, ctx: CoreContext): Sale {
  const { db } = ctx;
  const requestHash = saleRequestHash(input);

  // Idempotency first: a retry returns the recorded sale, whatever happened since.
  const existing = sql(db, 'SELECT request_hash FROM sales WHERE id = ?').get(input.id) as { request_hash: string } | undefined;
  if (existing) {
    if (existing.request_hash !== requestHash) {
      conflict(
        'Id penjualan ini sudah dipakai untuk penjualan lain: tidak ada yang dicatat.',
        'This sale id was already used for a different sale: nothing was recorded.',
      );
    }
    return loadSale(db, input.id)!;
  }

  const shift = sql(
    db,
    `SELECT s.cashier_id, st.name AS cashier_name, c.shift_id AS closed
       FROM shifts s JOIN staff st ON st.id = s.cashier_id LEFT JOIN shift_closes c ON c.shift_id = s.id WHERE s.id = ?`,
  ).get(input.shiftId) as { cashier_id: number; cashier_name: string; closed: number | null } | undefined;
  if (!shift) notFound(`Shift #${input.shiftId} tidak ditemukan: buka shift dulu.`, `Shift #${input.shiftId} not found: open a shift first.`);
  if (shift!.closed !== null) {
    conflict(`Shift #${input.shiftId} sudah ditutup: buka shift baru.`, `Shift #${input.shiftId} is closed: open a new shift.`);
  }
  // Only the shift's own cashier rings sales on it (a manager too opens their own): the receipt names who sold.
  assertOwnShift(ctx, { id: input.shiftId, cashierId: shift!.cashier_id, cashierName: shift!.cashier_name }, false);

  const now = ctx.now();
  const at = now.toISOString();
  const today = localDateOf(now, ctx.timeZone());
  const productStmt = sql(
    db,
    'SELECT p.active, p.name, p.unit, p.producer_id, pr.short_name FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = ?',
  );

  // Plan every line before writing anything: refusals stay cheap.
  let limitBps: number | null = null;
  const overLimit: number[] = [];
  const planned: PlannedLine[] = input.lines.map((l, i) => {
    const product = productStmt.get(l.productId) as ProductRow | undefined;
    if (!product) notFound(`Produk #${l.productId} tidak ditemukan`, `Product #${l.productId} not found`);
    if (product!.active !== 1) {
      invalid(`${product!.name} sudah tidak dijual (nonaktif).`, `${product!.name} is no longer sold (inactive).`, `lines.${i}.productId`);
    }
    const terms = termsAt(db, l.productId, today);
    if (!terms) {
      invalid(
        `${product!.name} belum punya harga/syarat titip yang berlaku pada ${today}.`,
        `${product!.name} has no price/terms in effect on ${today}.`,
        `lines.${i}.productId`,
      );
    }
    const discount = l.discount ?? 0;
    const gross = terms!.retailPrice * l.quantity;
    if (discount > gross) {
      invalid(
        `Diskon baris ${i + 1} melebihi jumlah baris.`,
        `The discount on line ${i + 1} is larger than the line amount.`,
        `lines.${i}.discount`,
      );
    }
    if (discount > 0) {
      limitBps ??= readSettings(db).discountLimitBps;
      if (discountOverLimit(gross, discount, limitBps)) overLimit.push(i);
    }
    const amounts = lineAmounts(terms!, terms!.retailPrice, l.quantity, discount);
    return {
      terms: terms!,
      line: {
        id: 0,
        lineNo: i + 1,
        productId: l.productId,
        productName: product!.name,
        unit: product!.unit,
        producerId: product!.producer_id,
        producerShortName: product!.short_name,
        quantity: l.quantity,
        unitPrice: terms!.retailPrice,
        discount,
        lineTotal: amounts.net,
        producerShare: amounts.producerShare,
        refundedQuantity: 0,
      },
    };
  });

  let approverId: number | null = null;
  if (overLimit.length > 0) {
    if (!input.discountApproval) {
      forbidden(
        'Diskon di atas batas toko memerlukan PIN pengelola.',
        "A discount above the store's limit needs a manager PIN.",
      );
    }
    approverId = requireManager(ctx, input.discountApproval!).id;
  }

  let subtotal = 0;
  let discountTotal = 0;
  for (const { line } of planned) {
    subtotal += line.unitPrice * line.quantity;
    discountTotal += line.discount;
  }
  const total = subtotal - discountTotal;
  const p = input.payment;
  let tendered = total;
  let reference = '';
  if (p.method === 'cash') {
    if (p.tendered < total) {
      invalid(
        'Pembayaran kurang dari total: pembayaran kurang ditolak.',
        'Paying less than the total is refused.',
        'payment.tendered',
      );
    }
    tendered = p.tendered;
  } else {
    reference = p.reference ?? '';
  }
  const change = tendered - total;

  // Writes: the receipt number is taken here, inside the sale's own transaction (gapless).
  const receiptNo = takeNumber(db, 'receipt');
  sql(db, INSERT_SALE).run(
    input.id,
    receiptNo,
    input.shiftId,
    shift!.cashier_id,
    at,
    subtotal,
    discountTotal,
    total,
    p.method,
    tendered,
    change,
    reference,
    requestHash,
  );
  const insertLine = sql(db, INSERT_LINE);
  for (const { line, terms } of planned) {
    line.id = Number(
      insertLine.run(
        input.id,
        line.lineNo,
        line.productId,
        line.producerId,
        terms.id,
        line.quantity,
        line.unitPrice,
        line.discount,
        line.lineTotal,
        terms.mode,
        terms.producerPrice,
        terms.commissionBps,
        line.producerShare,
      ).lastInsertRowid,
    );
    appendMovement(db, { productId: line.productId, quantity: -line.quantity, kind: 'sale', refId: input.id, occurredAt: at }); // with the kept lots (issue #14)
    appendLedgerEntry(db, {
      producerId: line.producerId,
      kind: 'sale',
      amount: line.producerShare,
      occurredAt: at,
      refType: 'sale_line',
      refId: line.id,
      productId: line.productId,
      quantity: line.quantity,
      createdBy: shift!.cashier_id,
    });
  }
  appendSaleJournal(db, input.id);
  for (const i of overLimit) {
    const { line } = planned[i]!;
    audit(db, {
      at,
      actorId: approverId,
      action: 'sale.discount',
      subjectType: 'sale',
      subjectId: input.id,
      after: { receiptNo, lineNo: line.lineNo, productId: line.productId, gross: line.unitPrice * line.quantity, discount: line.discount, limitBps },
    });
  }

  return {
    id: input.id,
    receiptNo,
    shiftId: input.shiftId,
    cashierId: shift!.cashier_id,
    cashierName: shift!.cashier_name,
    createdAt: at,
    lines: planned.map((x) => x.line),
    subtotal,
    discountTotal,
    total,
    payment: { method: p.method, tendered, change, reference },
    status: 'completed',
    voided: null,
    refunds: [],
  };
}
