import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerOk, makeTill, type Till } from './till-fixtures';

let till: Till | null = null;
afterEach(() => {
  till?.t.close();
  till = null;
});

const stockOf = (t: Till, productId: number) =>
  (t.db.prepare('SELECT COALESCE(SUM(quantity), 0) AS q FROM stock_movements WHERE product_id = ?').get(productId) as { q: number }).q;
const balanceOf = (t: Till, producerId: number) =>
  (t.db.prepare('SELECT COALESCE(SUM(amount), 0) AS b FROM ledger_entries WHERE producer_id = ?').get(producerId) as { b: number }).b;

describe('void', () => {
  it('voids a whole sale of the open shift with a manager PIN: reversing rows only, receipt number kept', () => {
    till = makeTill();
    const { t, db, products, producers, mgr, cashier } = till;
    const sale = till.sale([{ productId: products.egg, quantity: 2 }, { productId: products.chips, quantity: 1 }]);
    const rowsBefore = db.prepare('SELECT * FROM sales').all();
    expect(t.err('sales.void', { saleId: sale.id, reason: 'salah', approval: cashier }).code).toBe('FORBIDDEN');
    const voided = t.ok('sales.void', { saleId: sale.id, reason: 'pelanggan batal', approval: mgr });
    expect(voided.status).toBe('voided');
    expect(voided.voided).toMatchObject({ by: 'Manajer 1234', reason: 'pelanggan batal' });
    expect(voided.receiptNo).toBe(sale.receiptNo);
    expect(db.prepare('SELECT * FROM sales').all()).toEqual(rowsBefore); // never updated in place
    expect(stockOf(till, products.egg)).toBe(0);
    expect(stockOf(till, products.chips)).toBe(0);
    expect(balanceOf(till, producers.eggs)).toBe(0);
    expect(balanceOf(till, producers.chips)).toBe(0);
    expect(db.prepare("SELECT COUNT(*) AS n FROM ledger_entries WHERE kind = 'refund'").get()).toEqual({ n: 2 });
    expect(t.err('sales.void', { saleId: sale.id, reason: 'lagi', approval: mgr }).code).toBe('CONFLICT');
    expect(t.err('sales.refund', { id: randomUUID(), saleId: sale.id, lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }], restock: true, reason: 'x', approval: mgr }).code).toBe('CONFLICT');
    const log = t.ok('audit.list', { action: 'sale.void' }).rows;
    expect(log[0]).toMatchObject({ actorName: 'Manajer 1234', subjectId: sale.id, reason: 'pelanggan batal', after: { status: 'voided' } });
    expect(ledgerOk(t)).toBe(true);
  });

  it('refuses to void a sale of a closed shift, and an unknown sale', () => {
    till = makeTill();
    const { t, products, mgr } = till;
    const sale = till.sale([{ productId: products.egg, quantity: 1 }]);
    t.ok('shifts.close', { shiftId: till.shiftId, countedCash: 203_000 });
    t.ok('shifts.open', { openingFloat: 0 });
    expect(t.err('sales.void', { saleId: sale.id, reason: 'terlambat', approval: mgr }).message).toMatch(/refund/);
    expect(t.err('sales.void', { saleId: randomUUID(), reason: 'x', approval: mgr }).code).toBe('NOT_FOUND');
  });
});

describe('refund', () => {
  it('refunds some units later, never more than sold across several refunds, parts adding up exactly', () => {
    till = makeTill();
    const { t, products, producers, mgr } = till;
    // 3 cakes, 12,5%: line 23.331, share 20.415: thirds do not divide evenly.
    const sale = till.sale([{ productId: products.cake, quantity: 3 }, { productId: products.egg, quantity: 2 }]);
    const cake = sale.lines[0]!;
    t.clock.advanceDays(2);
    const refund = (quantity: number, restock = false, id = randomUUID()) =>
      t.raw('sales.refund', { id, saleId: sale.id, lines: [{ saleLineId: cake.id, quantity }], restock, reason: 'rusak', approval: mgr });
    const r1 = refund(1);
    expect(r1.ok).toBe(true);
    expect(refund(3)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const r2 = refund(2, true);
    expect(r2.ok).toBe(true);
    expect(refund(1)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'lines.0.quantity' } });
    const after = t.ok('sales.get', { id: sale.id });
    expect(after.lines[0]!.refundedQuantity).toBe(3);
    expect(after.refunds).toHaveLength(2);
    const amounts = after.refunds.map((r) => r.amount);
    const shares = after.refunds.flatMap((r) => r.lines.map((l) => l.producerShare));
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(cake.lineTotal);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(cake.producerShare);
    expect(amounts).toEqual([7777, 15554]);
    // Only the restocked refund put units back.
    expect(stockOf(till, products.cake)).toBe(-3 + 2);
    // The cake producer's balance is back to zero; the eggs are untouched.
    expect(balanceOf(till, producers.chips)).toBe(0);
    expect(balanceOf(till, producers.eggs)).toBe(5000);
    expect(ledgerOk(t)).toBe(true);
  });

  it('is idempotent on its id; method defaults to the sale method; refuses a line of another sale and a listed-twice line', () => {
    till = makeTill();
    const { t, products, mgr } = till;
    const sale = till.sale([{ productId: products.chips, quantity: 4 }], { payment: { method: 'qris' } });
    const other = till.sale([{ productId: products.egg, quantity: 1 }]);
    const input = { id: randomUUID(), saleId: sale.id, lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }], restock: true, reason: 'basi', approval: mgr };
    const first = t.ok('sales.refund', input);
    expect(first).toMatchObject({ method: 'qris', amount: 12500, restock: true, approvedBy: 'Manajer 1234' });
    expect(t.ok('sales.refund', input)).toEqual(first);
    expect(till.count('refunds')).toBe(1);
    expect(t.err('sales.refund', { ...input, lines: [{ saleLineId: sale.lines[0]!.id, quantity: 2 }] }).code).toBe('CONFLICT');
    expect(t.err('sales.refund', { ...input, id: randomUUID(), lines: [{ saleLineId: other.lines[0]!.id, quantity: 1 }] }).field).toBe('lines.0.saleLineId');
    const twice = t.err('sales.refund', { ...input, id: randomUUID(), lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }, { saleLineId: sale.lines[0]!.id, quantity: 1 }] });
    expect(twice.field).toBe('lines.1.saleLineId');
    const cash = t.ok('sales.refund', { ...input, id: randomUUID(), method: 'cash', restock: false });
    expect(cash.method).toBe('cash');
    const audit = t.ok('audit.list', { action: 'sale.refund' }).rows;
    expect(audit).toHaveLength(2);
    expect(audit[0]!.after).toMatchObject({ refundId: cash.id, method: 'cash', amount: 12500 });
    expect(ledgerOk(t)).toBe(true);
  });
});
