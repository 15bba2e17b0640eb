import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../electron/core/db/migrate';
import { makeTestCore, tempDir } from '../helpers/core';
import { makeTill, type Till } from './till-fixtures';

/* The counter additions of issue #15: parked sales, the refund receipt, the QRIS image, the one discount rule. */

let till: Till | null = null;
afterEach(() => {
  till?.t.close();
  till = null;
});

describe('parked sales', () => {
  it('parks a cart, lists it with time and total, and recalls it exactly once', () => {
    till = makeTill();
    const { t, products, shiftId } = till;
    const id = randomUUID();
    const parked = t.ok('sales.park', {
      id,
      shiftId,
      lines: [
        { productId: products.egg, quantity: 2 },
        { productId: products.chips, quantity: 1, discount: 1_250, discountBps: 1_000 },
      ],
    });
    expect(parked).toMatchObject({ id, total: 2 * 3_000 + 12_500 - 1_250, parkedBy: 'Kasir 2222' });
    expect(parked.lines.map((l) => [l.productName, l.quantity, l.discount, l.discountBps])).toEqual([
      ['Telur asin', 2, 0, null],
      ['Keripik singkong', 1, 1_250, 1_000],
    ]);
    // Parking again with the same id (a retried click) keeps one parked cart; other content under that id is refused.
    expect(t.ok('sales.park', { id, shiftId, lines: [{ productId: products.egg, quantity: 2 }, { productId: products.chips, quantity: 1, discount: 1_250, discountBps: 1_000 }] }).id).toBe(id);
    expect(t.err('sales.park', { id, shiftId, lines: [{ productId: products.egg, quantity: 3 }] }).code).toBe('CONFLICT');
    expect(t.ok('sales.parked', {}).map((p) => p.id)).toEqual([id]);
    // Nothing is sold or moved while a cart waits.
    expect(till.count('sales')).toBe(0);
    expect(till.count('stock_movements')).toBe(0);

    const recalled = t.ok('sales.recall', { id, shiftId });
    expect(recalled.total).toBe(parked.total);
    expect(t.ok('sales.parked', {})).toEqual([]);
    const again = t.err('sales.recall', { id, shiftId });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/sold twice|dua kali/);
  });

  it('refuses bad carts and closed or unknown shifts, saving nothing', () => {
    till = makeTill();
    const { t, products, shiftId } = till;
    expect(t.err('sales.park', { id: randomUUID(), shiftId, lines: [] }).code).toBe('VALIDATION');
    expect(t.err('sales.park', { id: randomUUID(), shiftId, lines: [{ productId: products.egg, quantity: 1, discount: 3_001 }] }).code).toBe('VALIDATION');
    expect(t.err('sales.park', { id: randomUUID(), shiftId: 999, lines: [{ productId: products.egg, quantity: 1 }] }).code).toBe('NOT_FOUND');
    expect(t.err('sales.recall', { id: randomUUID(), shiftId }).code).toBe('NOT_FOUND');
    expect(till.count('parked_sales')).toBe(0);
  });

  it('a parked cart survives closing the database and opening it again (a reload)', () => {
    const dataDir = tempDir();
    till = makeTill({ dataDir });
    const { products, shiftId } = till;
    const id = randomUUID();
    till.t.ok('sales.park', { id, shiftId, lines: [{ productId: products.cake, quantity: 1 }] });
    till.t.close();
    till = null;
    const reopened = makeTestCore({ dataDir });
    try {
      expect(reopened.ok('sales.parked', {}).map((p) => [p.id, p.total])).toEqual([[id, 7_777]]);
    } finally {
      reopened.close();
    }
  });
});

describe('refund receipt (struk retur)', () => {
  it('numbers every refund from its own gapless sequence and names the original receipt', () => {
    till = makeTill();
    const { t, products, mgr } = till;
    const sale = till.sale([{ productId: products.egg, quantity: 3 }]);
    const refund = (q: number) =>
      t.ok('sales.refund', { id: randomUUID(), saleId: sale.id, lines: [{ saleLineId: sale.lines[0]!.id, quantity: q }], restock: true, reason: 'retak', approval: mgr });
    const r1 = refund(1);
    const r2 = refund(1);
    const slip1 = t.ok('sales.refundReceipt', { refundId: r1.id });
    const slip2 = t.ok('sales.refundReceipt', { refundId: r2.id });
    expect([slip1.refundNo, slip2.refundNo]).toEqual([1, 2]);
    expect(slip1.sale.receiptNo).toBe(sale.receiptNo);
    expect(slip1.refund).toMatchObject({ id: r1.id, amount: 3_000, reason: 'retak' });
    // A refused refund takes no number.
    expect(t.err('sales.refund', { id: randomUUID(), saleId: sale.id, lines: [{ saleLineId: sale.lines[0]!.id, quantity: 5 }], restock: true, reason: 'x', approval: mgr }).code).toBe('VALIDATION');
    expect(t.ok('sales.refundReceipt', { refundId: refund(1).id }).refundNo).toBe(3);
    expect(t.err('sales.refundReceipt', { refundId: randomUUID() }).code).toBe('NOT_FOUND');
  });
});

// 1×1 PNG
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('the store QRIS image', () => {
  it('is uploaded by a manager, kept in the database and shown to the till; bad files change nothing', () => {
    till = makeTill();
    const { t, mgr, cashier } = till;
    expect(t.ok('qris.get', {})).toEqual({ dataUrl: null, updatedAt: null });
    expect(t.err('qris.set', { dataUrl: PNG, approval: cashier }).code).toBe('FORBIDDEN');
    expect(t.err('qris.set', { dataUrl: 'data:image/png;base64,aGVsbG8=', approval: mgr }).message).toMatch(/PNG, JPEG/);
    expect(t.err('qris.set', { dataUrl: 'data:text/html;base64,PGgxPg==', approval: mgr }).code).toBe('VALIDATION');
    expect(till.count('store_qris')).toBe(0);
    const saved = t.ok('qris.set', { dataUrl: PNG, approval: mgr });
    expect(saved.dataUrl).toBe(PNG);
    expect(t.ok('qris.get', {}).dataUrl).toBe(PNG);
    expect(t.ok('audit.list', { action: 'qris.set' }).rows).toHaveLength(1);
    expect(t.ok('qris.set', { dataUrl: null, approval: mgr }).dataUrl).toBeNull();
  });
});

describe('the discount limit (one shared rule)', () => {
  it('records a Rp 1.235 discount on a Rp 12.345 line at a 10% limit without a PIN, and asks one a rupiah above', () => {
    till = makeTill();
    const { t, db, producers, mgr } = till;
    db.prepare("INSERT INTO products (producer_id, name, unit, created_at, updated_at) VALUES (?, 'Dodol', 'pcs', '2026-01-01', '2026-01-01')").run(producers.chips);
    const dodol = (db.prepare("SELECT id FROM products WHERE name = 'Dodol'").get() as { id: number }).id;
    db.prepare("INSERT INTO product_terms (product_id, effective_from, retail_price, mode, producer_price, commission_bps, created_at) VALUES (?, '2026-01-01', 12345, 'percent', NULL, 1000, '2026-01-01')").run(dodol);
    t.ok('settings.update', { discountLimitBps: 1_000, approval: mgr } as never);
    expect(t.ok('settings.get', {}).discountLimitBps).toBe(1_000);
    expect(till.sale([{ productId: dodol, quantity: 1, discount: 1_235 }]).discountTotal).toBe(1_235);
    expect(t.err('sales.create', till.saleInput([{ productId: dodol, quantity: 1, discount: 1_236 }])).code).toBe('FORBIDDEN');
  });
});

describe('migration 0015 (parked sales, QRIS image, refund receipt numbers)', () => {
  it('numbers the refunds already made in the order they happened and continues the sequence after them', () => {
    const all = loadMigrations();
    const db = new Database(path.join(tempDir(), 'm15.sqlite'));
    migrate(db, all.filter((m) => m.version < 15));
    const at = (d: number) => `2026-11-0${d}T02:00:00.000Z`;
    db.exec(`
      INSERT INTO staff (id, name, role, pin_hash, active, created_at, updated_at) VALUES (1, 'Rina', 'manager', 'x', 1, '${at(1)}', '${at(1)}');
      INSERT INTO shifts (id, cashier_id, opened_at, opening_float) VALUES (1, 1, '${at(1)}', 0);
      INSERT INTO sales (id, receipt_no, shift_id, cashier_id, created_at, subtotal, discount_total, total, payment_method, tendered, change_given, payment_ref, request_hash)
        VALUES ('s1', 1, 1, 1, '${at(1)}', 100, 0, 100, 'cash', 100, 0, '', 'h');
      INSERT INTO refunds (id, sale_id, refunded_at, shift_id, approved_by, reason, restock, method, amount, request_hash) VALUES
        ('rB', 's1', '${at(3)}', 1, 1, 'b', 0, 'cash', 10, 'h'),
        ('rA', 's1', '${at(2)}', 1, 1, 'a', 0, 'cash', 10, 'h');
    `);
    migrate(db, all);
    expect(db.prepare('SELECT refund_id, number FROM refund_receipts ORDER BY number').all()).toEqual([
      { refund_id: 'rA', number: 1 },
      { refund_id: 'rB', number: 2 },
    ]);
    expect(db.prepare("SELECT next_value FROM sequences WHERE name = 'refund'").get()).toEqual({ next_value: 3 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM parked_sales').get()).toEqual({ n: 0 });
    expect(() => db.prepare("INSERT INTO store_qris (id, mime, data, updated_at) VALUES (2, 'image/png', x'00', 'x')").run()).toThrow(/CHECK/);
    db.close();
  });
});
