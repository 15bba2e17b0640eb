/**
 * The bulk loader: writes the generated events straight into the app's tables
 * in big transactions, in the same shape the core writes them (same tables,
 * same hash chain through appendLedgerEntry, settlements with their entries,
 * payouts with their ledger entries, stock movements, audit rows).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { appendLedgerEntry } from '../../electron/core/ledger/chain';
import { audit } from '../../electron/core/audit';
import { catchUpLotState } from '../../electron/core/stock/lotState';
import { GENESIS_HASH } from '../../shared/domain/ledgerChain';
import { lineAmounts, refundShare, shareAtRetail } from '../../shared/domain/terms';
import { addDaysLocal, termsOn, type World } from './world';
import { iso, localDateOf, type PayoutReq, type RefundReq, type SaleReq, type SettlementMade, type Sink } from './sink';

export interface Staffing {
  managerId: number;
  managerPin: string;
  cashiers: { id: number; pin: string }[];
}

interface SoldLine {
  id: number;
  producerId: number;
  productId: number;
  quantity: number;
  lineTotal: number;
  share: number;
  refunded: number;
}

const doc = (prefix: string, n: number) => `${prefix}-${String(n).padStart(6, '0')}`;
const requestHash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

export class BulkSink implements Sink {
  readonly kind = 'bulk' as const;
  private readonly s;
  private readonly seq: Record<string, number>;
  private readonly unsettled = new Map<number, number[]>();
  private readonly heads = new Map<number, string>();
  private readonly lastPeriodEnd = new Map<number, string>();
  private readonly settledMax = new Map<number, number>();
  private readonly settlementDue = new Map<number, number>();
  private readonly soldLines = new Map<string, { at: number; method: string; shiftId: number; lines: SoldLine[] }>();
  private readonly shiftCash = new Map<number, { float: number; cash: number; count: number; total: number }>();
  private inTx = false;
  private readonly withSettledMax: boolean;

  constructor(
    private readonly db: Database.Database,
    private readonly world: World,
    private readonly staff: Staffing,
    private readonly paymentTermDays: number,
  ) {
    this.withSettledMax = (db.prepare("SELECT COUNT(*) FROM pragma_table_info('settlement_cursors') WHERE name = 'settled_max_seq'").pluck().get() as number) > 0;
    const seqRows = db.prepare('SELECT name, next_value FROM sequences').all() as { name: string; next_value: number }[];
    this.seq = Object.fromEntries(seqRows.map((r) => [r.name, r.next_value]));
    for (const p of world.producers) this.unsettled.set(p.id, []);
    this.s = {
      shift: db.prepare('INSERT INTO shifts (cashier_id, opened_at, opening_float) VALUES (?, ?, ?)'),
      shiftClose: db.prepare(
        'INSERT INTO shift_closes (shift_id, z_number, closed_at, closed_by, expected_cash, counted_cash, variance, report_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      sale: db.prepare(
        `INSERT INTO sales (id, receipt_no, shift_id, cashier_id, created_at, subtotal, discount_total, total, payment_method, tendered, change_given, payment_ref, request_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      line: db.prepare(
        `INSERT INTO sale_lines (sale_id, line_no, product_id, producer_id, terms_id, quantity, unit_price, discount, line_total, terms_mode, producer_price, commission_bps, producer_share)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      move: db.prepare('INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (?, ?, ?, ?, ?)'),
      void: db.prepare('INSERT INTO sale_voids (sale_id, voided_at, shift_id, approved_by, reason) VALUES (?, ?, ?, ?, ?)'),
      refund: db.prepare(
        `INSERT INTO refunds (id, sale_id, refunded_at, shift_id, approved_by, reason, restock, method, amount, request_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      refundLine: db.prepare('INSERT INTO refund_lines (refund_id, sale_line_id, quantity, amount, producer_share) VALUES (?, ?, ?, ?, ?)'),
      intake: db.prepare('INSERT INTO intakes (number, producer_id, received_at, received_by, delivered_by, notes) VALUES (?, ?, ?, ?, ?, ?)'),
      intakeLine: db.prepare('INSERT INTO intake_lines (intake_id, product_id, quantity, expiry_date) VALUES (?, ?, ?, ?)'),
      ret: db.prepare('INSERT INTO returns (number, producer_id, returned_at, created_by, received_by, notes) VALUES (?, ?, ?, ?, ?, ?)'),
      retLine: db.prepare('INSERT INTO return_lines (return_id, product_id, quantity, reason, expiry_date) VALUES (?, ?, ?, ?, ?)'),
      count: db.prepare('INSERT INTO stock_counts (number, counted_at, created_by, shrinkage_born_by, notes) VALUES (?, ?, ?, ?, ?)'),
      countLine: db.prepare('INSERT INTO stock_count_lines (count_id, product_id, expected, counted, difference, reason) VALUES (?, ?, ?, ?, ?, ?)'),
      settlement: db.prepare(
        `INSERT INTO settlements (number, producer_id, period_start, period_end, due_date, total_due, chain_head, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      settlementEntry: db.prepare('INSERT INTO settlement_entries (settlement_id, entry_id) VALUES (?, ?)'),
      // SETTLEMENT's cursors (migration 0005): through_seq, and settled_max_seq where the table has it.
      cursor: this.withSettledMax
        ? db.prepare('INSERT INTO settlement_cursors (settlement_id, producer_id, through_seq, settled_max_seq) VALUES (?, ?, ?, ?)')
        : db.prepare('INSERT INTO settlement_cursors (settlement_id, producer_id, through_seq) VALUES (?, ?, ?)'),
      entrySeq: db.prepare('SELECT seq FROM ledger_entries WHERE id = ?').pluck(),
      headSeq: db.prepare('SELECT MAX(seq) FROM ledger_entries WHERE producer_id = ?').pluck(),
      entryAmount: db.prepare('SELECT amount FROM ledger_entries WHERE id = ?').pluck(),
      payout: db.prepare(
        `INSERT INTO payouts (id, settlement_id, producer_id, amount, method, reference, paid_at, receiver_name, shift_id, ledger_entry_id, created_at, created_by, request_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
      ),
    };
  }

  begin(): void {
    if (!this.inTx) {
      this.db.exec('BEGIN');
      this.inTx = true;
    }
  }

  flush(): void {
    this.prune();
    if (this.inTx) {
      this.db.exec('COMMIT');
      this.inTx = false;
    }
  }

  /** Writes the sequences' next values so the core carries on gaplessly. */
  finish(): void {
    this.begin();
    const up = this.db.prepare('UPDATE sequences SET next_value = ? WHERE name = ?');
    for (const [name, next] of Object.entries(this.seq)) up.run(next, name);
    // The movements went straight into the table: the kept lots on the shelf (0020) are replayed from them, as on open.
    catchUpLotState(this.db);
    this.flush();
  }

  private take(name: string): number {
    const n = this.seq[name]!;
    this.seq[name] = n + 1;
    return n;
  }

  private ledger(entry: Parameters<typeof appendLedgerEntry>[1], settle = true): number {
    const r = appendLedgerEntry(this.db, entry);
    this.heads.set(entry.producerId, r.hash);
    if (settle) this.unsettled.get(entry.producerId)!.push(r.id);
    return r.id;
  }

  openShift(at: number, cashierId: number, openingFloat: number): number {
    const id = Number(this.s.shift.run(cashierId, iso(at), openingFloat).lastInsertRowid);
    this.shiftCash.set(id, { float: openingFloat, cash: 0, count: 0, total: 0 });
    return id;
  }

  closeShift(shiftId: number, at: number, cashierId: number): void {
    const c = this.shiftCash.get(shiftId)!;
    const expected = c.float + c.cash;
    const variance = c.count % 7 === 0 ? -500 : 0;
    const z = this.take('z_report');
    const report = { kind: 'Z', zNumber: z, salesCount: c.count, salesTotal: c.total, expectedCash: expected, countedCash: expected + variance };
    this.s.shiftClose.run(shiftId, z, iso(at), cashierId, expected, expected + variance, variance, JSON.stringify(report));
    this.shiftCash.delete(shiftId);
  }

  sale(req: SaleReq): { lineIds: number[] } {
    const at = iso(req.at);
    const date = localDateOf(req.at);
    let subtotal = 0;
    let discountTotal = 0;
    const rows = req.lines.map((l) => {
      const product = this.world.products[l.productId - 1]!;
      const terms = termsOn(product, date);
      const a = lineAmounts(terms, terms.retailPrice, l.quantity, l.discount);
      subtotal += a.gross;
      discountTotal += a.discount;
      return { l, product, terms, a };
    });
    const total = subtotal - discountTotal;
    const receipt = this.take('receipt');
    const p = req.payment;
    const tendered = p.method === 'cash' ? p.tendered : total;
    this.s.sale.run(req.id, receipt, req.shiftId, req.cashierId, at, subtotal, discountTotal, total, p.method, tendered, tendered - total, p.method === 'cash' ? '' : p.reference, requestHash(req));
    const lines: SoldLine[] = [];
    rows.forEach(({ l, product, terms, a }, i) => {
      const lineId = Number(
        this.s.line.run(req.id, i + 1, product.id, product.producerId, terms.id, l.quantity, terms.retailPrice, a.discount, a.net, terms.mode, terms.producerPrice, terms.commissionBps, a.producerShare)
          .lastInsertRowid,
      );
      this.s.move.run(product.id, -l.quantity, 'sale', req.id, at);
      this.ledger({ producerId: product.producerId, kind: 'sale', amount: a.producerShare, occurredAt: at, refType: 'sale_line', refId: lineId, productId: product.id, quantity: l.quantity, createdBy: req.cashierId });
      lines.push({ id: lineId, producerId: product.producerId, productId: product.id, quantity: l.quantity, lineTotal: a.net, share: a.producerShare, refunded: 0 });
    });
    this.soldLines.set(req.id, { at: req.at, method: p.method, shiftId: req.shiftId, lines });
    const c = this.shiftCash.get(req.shiftId)!;
    c.count++;
    c.total += total;
    if (p.method === 'cash') c.cash += total;
    return { lineIds: lines.map((l) => l.id) };
  }

  voidSale(saleId: string, at: number, shiftId: number, reason: string): void {
    const when = iso(at);
    this.s.void.run(saleId, when, shiftId, this.staff.managerId, reason);
    const sold = this.soldLines.get(saleId)!;
    const lines = sold.lines;
    let total = 0;
    for (const l of lines) {
      this.s.move.run(l.productId, l.quantity, 'void', saleId, when);
      this.ledger({ producerId: l.producerId, kind: 'refund', amount: l.share === 0 ? 0 : -l.share, occurredAt: when, refType: 'sale_line_void', refId: l.id, productId: l.productId, quantity: l.quantity, reason, createdBy: this.staff.managerId });
      l.refunded = l.quantity;
      total += l.lineTotal;
    }
    const c = this.shiftCash.get(shiftId);
    if (c) {
      c.count--;
      c.total -= total;
      if (sold.method === 'cash') c.cash -= total;
    }
    audit(this.db, { at: when, actorId: this.staff.managerId, action: 'sale.void', subjectType: 'sale', subjectId: saleId, after: { total }, reason });
  }

  refund(req: RefundReq): void {
    const when = iso(req.at);
    const lines = this.soldLines.get(req.saleId)!.lines;
    let amount = 0;
    const parts = req.lines.map((r) => {
      const l = lines.find((x) => x.id === r.saleLineId)!;
      const share = refundShare(l.share, l.quantity, l.refunded, r.quantity);
      const money = refundShare(l.lineTotal, l.quantity, l.refunded, r.quantity);
      l.refunded += r.quantity;
      amount += money;
      return { l, q: r.quantity, share, money };
    });
    this.s.refund.run(req.id, req.saleId, when, req.shiftId, this.staff.managerId, req.reason, req.restock ? 1 : 0, req.method, amount, requestHash(req));
    for (const { l, q, share, money } of parts) {
      const rl = Number(this.s.refundLine.run(req.id, l.id, q, money, share).lastInsertRowid);
      if (req.restock) this.s.move.run(l.productId, q, 'refund', req.id, when);
      this.ledger({ producerId: l.producerId, kind: 'refund', amount: share === 0 ? 0 : -share, occurredAt: when, refType: 'refund_line', refId: rl, productId: l.productId, quantity: q, reason: req.reason, createdBy: this.staff.managerId });
    }
    if (req.shiftId !== null && req.method === 'cash') this.shiftCash.get(req.shiftId)!.cash -= amount;
    audit(this.db, { at: when, actorId: this.staff.managerId, action: 'sale.refund', subjectType: 'sale', subjectId: req.saleId, after: { amount }, reason: req.reason });
  }

  /** Forgets sales older than ten days (refunds come within a week): keeps memory flat over five years. */
  private prune(): void {
    let newest = 0;
    for (const v of this.soldLines.values()) newest = v.at;
    for (const [id, v] of this.soldLines) {
      if (v.at >= newest - 10 * 86_400_000) break;
      this.soldLines.delete(id);
    }
  }

  intake(producerId: number, at: number, lines: { productId: number; quantity: number; expiryDate?: string }[]): void {
    const when = iso(at);
    const id = Number(this.s.intake.run(doc('TT', this.take('intake')), producerId, when, this.staff.managerId, 'produsen', '').lastInsertRowid);
    for (const l of lines) {
      this.s.intakeLine.run(id, l.productId, l.quantity, l.expiryDate ?? null);
      this.s.move.run(l.productId, l.quantity, 'intake', String(id), when);
    }
  }

  returnGoods(producerId: number, at: number, lines: { productId: number; quantity: number; reason: 'unsold' | 'expired' | 'damaged' }[]): void {
    const when = iso(at);
    const id = Number(this.s.ret.run(doc('RT', this.take('return')), producerId, when, this.staff.managerId, 'produsen', '').lastInsertRowid);
    for (const l of lines) {
      this.s.retLine.run(id, l.productId, l.quantity, l.reason, null);
      this.s.move.run(l.productId, -l.quantity, 'return', String(id), when);
    }
  }

  count(at: number, lines: { productId: number; expected: number; counted: number; reason: string }[]): void {
    const when = iso(at);
    const date = localDateOf(at);
    const id = Number(this.s.count.run(doc('SO', this.take('stock_count')), when, this.staff.managerId, 'shop', '').lastInsertRowid);
    for (const l of lines) {
      const diff = l.counted - l.expected;
      const lineId = Number(this.s.countLine.run(id, l.productId, l.expected, l.counted, diff, l.reason).lastInsertRowid);
      if (diff === 0) continue;
      this.s.move.run(l.productId, diff, 'count', String(id), when);
      if (diff < 0) {
        const product = this.world.products[l.productId - 1]!;
        const share = shareAtRetail(termsOn(product, date), -diff);
        if (share > 0)
          this.ledger({ producerId: product.producerId, kind: 'shrinkage', amount: share, occurredAt: when, refType: 'count_line', refId: lineId, productId: product.id, quantity: -diff, reason: l.reason, createdBy: this.staff.managerId });
      }
    }
    audit(this.db, { at: when, actorId: this.staff.managerId, action: 'stock.count', subjectType: 'stock_count', subjectId: id });
  }

  finalize(periodEnd: number, at: number): SettlementMade[] {
    const end = iso(periodEnd);
    const when = iso(at);
    // Sunday 24:00 ends the period; the due date counts from that Sunday.
    const dueDate = addDaysLocal(localDateOf(periodEnd - 1), this.paymentTermDays);
    const made: SettlementMade[] = [];
    for (const p of this.world.producers) {
      const ids = this.unsettled.get(p.id)!;
      let total = 0;
      for (const id of ids) total += this.s.entryAmount.get(id) as number;
      // A week where refunds outweigh sales carries over: a settlement is never negative.
      const settleIds = total >= 0 ? ids : [];
      if (total < 0) total = 0;
      const number = doc('ST', this.take('settlement'));
      const id = Number(
        this.s.settlement.run(number, p.id, this.lastPeriodEnd.get(p.id) ?? null, end, dueDate, total, this.heads.get(p.id) ?? GENESIS_HASH, when, this.staff.managerId)
          .lastInsertRowid,
      );
      for (const e of settleIds) this.s.settlementEntry.run(id, e);
      // SETTLEMENT's cursor: every non-payout entry up to it is settled (migration 0005).
      const through = settleIds === ids || ids.length === 0 ? ((this.s.headSeq.get(p.id) as number | null) ?? 0) : (this.s.entrySeq.get(ids[0]!) as number) - 1;
      if (settleIds.length) this.settledMax.set(p.id, this.s.entrySeq.get(settleIds[settleIds.length - 1]!) as number);
      const settledMax = this.settledMax.get(p.id) ?? 0;
      if (this.withSettledMax) this.s.cursor.run(id, p.id, through, settledMax);
      else this.s.cursor.run(id, p.id, through);
      if (settleIds.length) this.unsettled.set(p.id, []);
      this.lastPeriodEnd.set(p.id, end);
      this.settlementDue.set(id, total);
      made.push({ settlementId: id, producerId: p.id, totalDue: total, dueDate });
    }
    audit(this.db, { at: when, actorId: this.staff.managerId, action: 'settlement.finalize', subjectType: 'period', subjectId: end });
    return made;
  }

  payout(req: PayoutReq, at: number): void {
    const paidAt = iso(req.paidAt);
    const entryId = this.ledger(
      { producerId: req.producerId, kind: 'payout', amount: -req.amount, occurredAt: paidAt, refType: 'payout', refId: req.id, reason: '', createdBy: this.staff.managerId },
      false,
    );
    this.s.payout.run(req.id, req.settlementId, req.producerId, req.amount, req.method, req.reference, paidAt, req.receiverName, entryId, iso(at), this.staff.managerId, requestHash(req));
    audit(this.db, { at: iso(at), actorId: this.staff.managerId, action: 'payout.create', subjectType: 'settlement', subjectId: req.settlementId, after: { amount: req.amount } });
  }
}
