import { afterEach, describe, expect, it } from 'vitest';
import { ledgerOk, makeTill, nextReceiptValue, type Till } from './till-fixtures';

let till: Till | null = null;
afterEach(() => {
  till?.t.close();
  till = null;
});

const TABLES = ['sales', 'sale_lines', 'stock_movements', 'ledger_entries', 'audit_log'];
const snapshot = (t: Till) => ({ ...Object.fromEntries(TABLES.map((n) => [n, t.count(n)])), receipt: nextReceiptValue(t.db) });

describe('sales.create is one transaction', () => {
  it('a failure in the middle of the writes (the 3rd ledger insert) leaves nothing behind', () => {
    till = makeTill();
    const { t, db, products, mgr } = till;
    till.sale([{ productId: products.egg, quantity: 1 }, { productId: products.chips, quantity: 1 }, { productId: products.cake, quantity: 1 }]);
    const before = snapshot(till);
    expect(before).toMatchObject({ sales: 1, sale_lines: 3, ledger_entries: 3, receipt: 2 });
    // The next sale's third ledger entry is refused by the database itself, after the sale row,
    // two lines, their stock movements and two ledger entries were already written.
    db.exec(`CREATE TEMP TRIGGER fail_third_ledger BEFORE INSERT ON main.ledger_entries
             WHEN (SELECT COUNT(*) FROM main.ledger_entries) >= 5 BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    const input = till.saleInput(
      [
        { productId: products.egg, quantity: 2 },
        { productId: products.chips, quantity: 1 },
        { productId: products.cake, quantity: 4, discount: 10_000 },
      ],
      { discountApproval: mgr },
    );
    const refused = t.err('sales.create', input);
    expect(refused.message).toMatch(/injected failure/);
    expect(snapshot(till)).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) AS n FROM sales WHERE id = ?').get(input.id)).toEqual({ n: 0 });
    db.exec('DROP TRIGGER temp.fail_third_ledger');
    // The same id can now be recorded, and it takes the receipt number the failed try gave back.
    expect(t.ok('sales.create', input).receiptNo).toBe(2);
    expect(ledgerOk(t)).toBe(true);
  });

  it('an inactive product after valid lines refuses the whole sale', () => {
    till = makeTill();
    const { t, db, products } = till;
    db.prepare('UPDATE products SET active = 0 WHERE id = ?').run(products.cake);
    const before = snapshot(till);
    const reply = t.err(
      'sales.create',
      till.saleInput([{ productId: products.egg, quantity: 1 }, { productId: products.chips, quantity: 2 }, { productId: products.cake, quantity: 1 }]),
    );
    expect(reply).toMatchObject({ code: 'VALIDATION', field: 'lines.2.productId' });
    expect(snapshot(till)).toEqual(before);
  });

  it('receipt numbers stay gapless across failed sales and voids', () => {
    till = makeTill();
    const { t, products, mgr } = till;
    const numbers: number[] = [];
    for (let i = 0; i < 12; i++) {
      if (i % 3 === 1) t.err('sales.create', till.saleInput([{ productId: products.egg, quantity: 1 }], { payment: { method: 'cash', tendered: 1 } }));
      if (i % 4 === 2) t.err('sales.create', till.saleInput([{ productId: products.egg, quantity: 1, discount: 2000 }]));
      const sale = till.sale([{ productId: products.egg, quantity: 1 }]);
      numbers.push(sale.receiptNo);
      if (i % 2 === 0) expect(t.ok('sales.void', { saleId: sale.id, reason: 'salah input', approval: mgr }).receiptNo).toBe(sale.receiptNo);
    }
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const stored = (till.db.prepare('SELECT receipt_no FROM sales ORDER BY receipt_no').all() as { receipt_no: number }[]).map((r) => r.receipt_no);
    expect(stored).toEqual(numbers);
    expect(ledgerOk(t)).toBe(true);
  });
});
