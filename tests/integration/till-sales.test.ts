import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { addProduct, addTerms, ledgerOk, makeTill, type Till } from './till-fixtures';

let till: Till | null = null;
afterEach(() => {
  till?.t.close();
  till = null;
});

describe('sales.create: shares, snapshots and rows', () => {
  it('records lines with unit price, producer and share snapshotted; movements and one ledger entry per line', () => {
    till = makeTill();
    const { t, db, products, producers } = till;
    const sale = till.sale(
      [
        { productId: products.egg, quantity: 3 },
        { productId: products.chips, quantity: 1 },
        { productId: products.cake, quantity: 3 },
      ],
      { payment: { method: 'cash', tendered: 50_000 } },
    );
    expect(sale.receiptNo).toBe(1);
    expect(sale.lines.map((l) => [l.unitPrice, l.lineTotal, l.producerShare, l.producerShortName])).toEqual([
      [3000, 9000, 7500, 'BuSiti'], // fixed: 2.500 per unit
      [12500, 12500, 10625, 'PkDarto'], // 15% of 12.500 = 1.875
      [7777, 23331, 20415, 'PkDarto'], // 12,5% of 23.331 = 2.916,375 -> 2.916
    ]);
    expect(sale.subtotal).toBe(44831);
    expect(sale.total).toBe(44831);
    expect(sale.payment).toEqual({ method: 'cash', tendered: 50_000, change: 5169, reference: '' });
    expect(sale.cashierId).toBe(till.cashier.staffId);
    expect(t.ok('sales.get', { id: sale.id })).toEqual(sale);

    const lines = db.prepare('SELECT terms_mode, producer_price, commission_bps, producer_id FROM sale_lines ORDER BY line_no').all();
    expect(lines).toEqual([
      { terms_mode: 'fixed', producer_price: 2500, commission_bps: null, producer_id: producers.eggs },
      { terms_mode: 'percent', producer_price: null, commission_bps: 1500, producer_id: producers.chips },
      { terms_mode: 'percent', producer_price: null, commission_bps: 1250, producer_id: producers.chips },
    ]);
    expect(db.prepare("SELECT product_id, quantity, ref_id FROM stock_movements WHERE kind = 'sale' ORDER BY id").all()).toEqual([
      { product_id: products.egg, quantity: -3, ref_id: sale.id },
      { product_id: products.chips, quantity: -1, ref_id: sale.id },
      { product_id: products.cake, quantity: -3, ref_id: sale.id },
    ]);
    const ledger = db.prepare('SELECT producer_id, kind, amount, ref_type, ref_id, product_id, quantity FROM ledger_entries ORDER BY id').all();
    expect(ledger).toEqual(
      sale.lines.map((l) => ({ producer_id: l.producerId, kind: 'sale', amount: l.producerShare, ref_type: 'sale_line', ref_id: String(l.id), product_id: l.productId, quantity: l.quantity })),
    );
    expect(ledgerOk(t)).toBe(true);
  });

  it('rounds a percent share half up once per line, and a fixed share ignores the discount', () => {
    till = makeTill();
    const { products } = till;
    const sale = till.sale([
      { productId: products.chips, quantity: 1, discount: 10 }, // net 12.490, 15% = 1.873,5 -> 1.874
      { productId: products.egg, quantity: 2, discount: 500 }, // fixed: still 2 × 2.500
      { productId: products.cake, quantity: 3, discount: 331 }, // net 23.000, 12,5% = 2.875
    ]);
    expect(sale.lines.map((l) => [l.lineTotal, l.producerShare])).toEqual([
      [12490, 10616],
      [5500, 5000],
      [23000, 20125],
    ]);
    expect(sale.discountTotal).toBe(841);
    expect(sale.total).toBe(sale.subtotal - 841);
  });

  it('uses the terms in effect on the local date: a change mid-week applies from its date on', () => {
    till = makeTill();
    const { t, db, products } = till;
    addTerms(db, products.chips, { retailPrice: 13000, mode: 'percent', commissionBps: 2000, effectiveFrom: '2026-11-04' });
    t.clock.set('2026-11-03T16:59:00.000Z'); // Tue 23:59 in Jakarta
    const before = till.sale([{ productId: products.chips, quantity: 2 }]);
    t.clock.set('2026-11-03T17:00:00.000Z'); // Wed 00:00 in Jakarta
    const after = till.sale([{ productId: products.chips, quantity: 2 }]);
    expect([before.lines[0]!.unitPrice, before.lines[0]!.producerShare]).toEqual([12500, 21250]);
    expect([after.lines[0]!.unitPrice, after.lines[0]!.producerShare]).toEqual([13000, 20800]);
    const termIds = db.prepare('SELECT terms_id FROM sale_lines ORDER BY id').all() as { terms_id: number }[];
    expect(termIds[0]!.terms_id).not.toBe(termIds[1]!.terms_id);
    expect(ledgerOk(t)).toBe(true);
  });

  it('refuses clearly: unknown, inactive or unpriced products, a discount above the line, paying too little', () => {
    till = makeTill();
    const { t, db, products, producers } = till;
    expect(till.t.err('sales.create', till.saleInput([{ productId: 999, quantity: 1 }])).code).toBe('NOT_FOUND');
    const future = addProduct(db, producers.eggs, 'Telur bebek', { retailPrice: 4000, mode: 'fixed', producerPrice: 3000, effectiveFrom: '2026-12-01' });
    const noTerms = t.err('sales.create', till.saleInput([{ productId: future, quantity: 1 }]));
    expect(noTerms.code).toBe('VALIDATION');
    expect(noTerms.message).toMatch(/harga\/syarat titip/);
    db.prepare('UPDATE products SET active = 0 WHERE id = ?').run(products.cake);
    expect(t.err('sales.create', till.saleInput([{ productId: products.cake, quantity: 1 }])).field).toBe('lines.0.productId');
    expect(t.err('sales.create', till.saleInput([{ productId: products.egg, quantity: 1, discount: 3001 }])).field).toBe('lines.0.discount');
    const short = t.err('sales.create', till.saleInput([{ productId: products.egg, quantity: 2 }], { payment: { method: 'cash', tendered: 5999 } }));
    expect(short).toMatchObject({ code: 'VALIDATION', field: 'payment.tendered' });
    expect(short.message).toMatch(/pembayaran kurang ditolak/i);
    expect(till.count('sales')).toBe(0);
  });

  it('takes QRIS and transfer at the total with no change; a transfer needs its reference', () => {
    till = makeTill();
    const { t, products } = till;
    const qris = till.sale([{ productId: products.egg, quantity: 1 }], { payment: { method: 'qris' } });
    expect(qris.payment).toEqual({ method: 'qris', tendered: 3000, change: 0, reference: '' });
    const transfer = till.sale([{ productId: products.egg, quantity: 1 }], { payment: { method: 'transfer', reference: 'BRI 123' } });
    expect(transfer.payment).toMatchObject({ tendered: 3000, change: 0, reference: 'BRI 123' });
    expect(t.err('sales.create', till.saleInput([{ productId: products.egg, quantity: 1 }], { payment: { method: 'transfer' } as never })).code).toBe('VALIDATION');
  });

  it('needs an open shift: a closed or unknown shift is refused', () => {
    till = makeTill();
    const { t, products } = till;
    expect(t.err('sales.create', { ...till.saleInput([{ productId: products.egg, quantity: 1 }]), shiftId: 77 }).code).toBe('NOT_FOUND');
    t.ok('shifts.close', { shiftId: till.shiftId, countedCash: 200_000 });
    expect(t.err('sales.create', till.saleInput([{ productId: products.egg, quantity: 1 }])).code).toBe('CONFLICT');
  });

  it('a discount above the store limit needs a manager PIN, and is audited', () => {
    till = makeTill();
    const { t, products, mgr, cashier } = till;
    // Limit 10% of the line: Rp 600 on 2 eggs (Rp 6.000) is fine, Rp 601 is not.
    till.sale([{ productId: products.egg, quantity: 2, discount: 600 }]);
    expect(t.err('sales.create', till.saleInput([{ productId: products.egg, quantity: 2, discount: 601 }])).code).toBe('FORBIDDEN');
    expect(
      t.err('sales.create', till.saleInput([{ productId: products.egg, quantity: 2, discount: 601 }], { discountApproval: cashier })).message,
    ).toMatch(/PIN pengelola/);
    const ok = till.sale([{ productId: products.egg, quantity: 2, discount: 601 }], { discountApproval: mgr });
    expect(ok.discountTotal).toBe(601);
    const entries = t.ok('audit.list', { action: 'sale.discount' }).rows;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: mgr.staffId, actorName: 'Manajer 1234', subjectId: ok.id });
    expect(entries[0]!.after).toMatchObject({ discount: 601, gross: 6000, limitBps: 1000 });
    t.ok('settings.update', { discountLimitBps: 2000, approval: t.manager() });
    till.sale([{ productId: products.egg, quantity: 2, discount: 1200 }]);
    expect(t.ok('audit.list', { action: 'sale.discount' }).rows).toHaveLength(1);
  });

  it('selling beyond recorded stock is allowed', () => {
    till = makeTill();
    const sale = till.sale([{ productId: till.products.egg, quantity: 40 }]);
    const stock = till.db.prepare('SELECT SUM(quantity) AS q FROM stock_movements WHERE product_id = ?').get(till.products.egg) as { q: number };
    expect(stock.q).toBe(-40);
    expect(sale.lines[0]!.quantity).toBe(40);
  });

  it('reads a sale by receipt number, lists and prints it with the store header', () => {
    till = makeTill();
    const { t, products } = till;
    const a = till.sale([{ productId: products.egg, quantity: 1 }]);
    const b = till.sale([{ productId: products.chips, quantity: 1 }]);
    expect(t.ok('sales.findByReceipt', { receiptNo: 2 }).id).toBe(b.id);
    expect(t.err('sales.findByReceipt', { receiptNo: 9 }).code).toBe('NOT_FOUND');
    expect(t.ok('sales.list', { shiftId: till.shiftId }).rows.map((s) => s.receiptNo)).toEqual([2, 1]);
    expect(t.ok('sales.list', { from: '2026-11-02', to: '2026-11-02', limit: 1 }).rows.map((s) => s.id)).toEqual([b.id]);
    expect(t.ok('sales.list', { from: '2026-11-03' }).rows).toEqual([]);
    t.ok('settings.update', { storeName: 'Toko Telang', storeAddress: 'Desa Telang', receiptWidth: '80mm' });
    const r = t.ok('sales.receipt', { saleId: a.id });
    expect(r.store.name).toBe('Toko Telang');
    expect(r.width).toBe('80mm');
    expect(r.sale.receiptNo).toBe(1);
    expect(t.err('sales.get', { id: randomUUID() }).code).toBe('NOT_FOUND');
  });
});
