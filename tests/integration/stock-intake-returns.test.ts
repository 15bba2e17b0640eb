import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/core';
import { makeProducer, makeProduct, onHandOf, refused } from './catalogue-helpers';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore();
});
afterEach(() => {
  // Whatever the test did, every stock level still equals the sum of its product's movements.
  expect(t.ok('stock.verify', {})).toMatchObject({ ok: true, mismatches: [] });
  t.close();
});

/** What selling writes to stock (the till area owns sales; here only its stock movement matters). */
function sellFromStock(productId: number, quantity: number) {
  t.core.db!.prepare("INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (?, ?, 'sale', 'test-sale', ?)").run(
    productId,
    -quantity,
    t.clock.now().toISOString(),
  );
}

describe('intakes', () => {
  it('numbers intakes TT-000001…, raises stock by movements, and reads back', () => {
    const p = makeProducer(t);
    const a = makeProduct(t, p.id, { shortCode: '101', perishable: true });
    const b = makeProduct(t, p.id, { name: 'Panggang', shortCode: '102' });
    const staff = t.manager();
    const first = t.ok('intakes.create', {
      producerId: p.id,
      lines: [
        { productId: a.id, quantity: 30, expiryDate: '2026-11-12' },
        { productId: b.id, quantity: 12 },
      ],
      deliveredBy: 'Siti',
      notes: 'pagi',
    });
    expect(first).toMatchObject({ number: 'TT-000001', producerId: p.id, deliveredBy: 'Siti', totalUnits: 42, receivedAt: '2026-11-02T02:00:00.000Z' });
    expect(first.receivedBy?.id).toBe(staff.staffId);
    expect(first.lines).toEqual([
      // Priced at the producer's price of the day (issue 15, item 14).
      { productId: a.id, productName: 'Telur Asin Rebus', unit: 'butir', quantity: 30, expiryDate: '2026-11-12', perishable: true, retailPrice: 4000, producerPrice: 3200, producerValue: 96_000 },
      { productId: b.id, productName: 'Panggang', unit: 'butir', quantity: 12, expiryDate: null, perishable: false, retailPrice: 4000, producerPrice: 3200, producerValue: 38_400 },
    ]);
    const second = t.ok('intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 5, noExpiryDate: true }] });
    expect(second.number).toBe('TT-000002');
    expect(onHandOf(t, a.id)).toBe(35);
    expect(t.ok('intakes.get', { id: first.id })).toEqual(first);
    expect(t.ok('intakes.list', {}).rows.map((i) => i.number)).toEqual(['TT-000002', 'TT-000001']);
    const movements = t.ok('stock.movements', { productId: a.id }).rows;
    expect(movements.map((m) => [m.kind, m.quantity, m.balance])).toEqual([
      ['intake', 30, 30],
      ['intake', 5, 35],
    ]);
  });

  it('refuses lines of another producer, inactive producers and products, bad quantities; nothing changes', () => {
    const p = makeProducer(t);
    const q = makeProducer(t, 'Kelanting Mbah Darmi');
    const a = makeProduct(t, p.id, { shortCode: '101' });
    const other = makeProduct(t, q.id, { name: 'Kelanting', shortCode: '401' });
    refused(t, 'intakes.create', { producerId: p.id, lines: [{ productId: other.id, quantity: 3 }] }, 'VALIDATION', /bukan produk/);
    refused(t, 'intakes.create', { producerId: p.id, lines: [] }, 'VALIDATION', /satu baris/);
    refused(t, 'intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 0 }] }, 'VALIDATION', /lebih dari nol/);
    refused(t, 'intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 1.5 }] }, 'VALIDATION', /bulat/);
    refused(t, 'intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: -2 }] }, 'VALIDATION');
    refused(t, 'intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 2, expiryDate: '2026-13-01' }] }, 'VALIDATION');
    refused(t, 'intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 2, expiryDate: '2026-11-01' }] }, 'VALIDATION', /sudah lewat/);
    refused(t, 'intakes.create', { producerId: 99, lines: [{ productId: a.id, quantity: 2 }] }, 'NOT_FOUND');
    refused(t, 'intakes.create', { producerId: p.id, lines: [{ productId: 99, quantity: 2 }] }, 'NOT_FOUND');
    // The receiver comes from the session, never from the input (SPEC §5).
    refused(t, 'intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 2 }], staffId: 42 }, 'VALIDATION', /staffId/);
    t.ok('products.setActive', { id: a.id, active: false });
    refused(t, 'intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 2 }] }, 'CONFLICT', /nonaktif/);
    t.ok('products.setActive', { id: a.id, active: true });
    t.ok('producers.setActive', { id: p.id, active: false });
    refused(t, 'intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 2 }] }, 'CONFLICT', /nonaktif/);
    // The refused intakes gave their numbers back: the next one is still TT-000001.
    t.ok('producers.setActive', { id: p.id, active: true });
    expect(t.ok('intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 2 }] }).number).toBe('TT-000001');
  });
});

describe('stock on hand', () => {
  it('is the sum of movements, and flags oversold products', () => {
    const p = makeProducer(t);
    const a = makeProduct(t, p.id, { shortCode: '101', perishable: true });
    const b = makeProduct(t, p.id, { name: 'Panggang', shortCode: '102' });
    t.ok('intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 10, noExpiryDate: true }, { productId: b.id, quantity: 2 }] });
    sellFromStock(a.id, 4);
    sellFromStock(b.id, 3);
    const rows = t.ok('stock.list', { producerId: p.id }).rows;
    expect(rows.map((r) => [r.productName, r.onHand, r.oversold, r.perishable])).toEqual([
      ['Panggang', -1, true, false],
      ['Telur Asin Rebus', 6, false, true],
    ]);
    expect(t.ok('stock.list', { search: 'panggang' }).rows.map((r) => r.productId)).toEqual([b.id]);
    // The oversold count is of the whole filtered list, also on a page that does not show the oversold row.
    expect(t.ok('stock.list', { producerId: p.id }).oversoldTotal).toBe(1);
    const second = t.ok('stock.list', { producerId: p.id, offset: 1, limit: 1 });
    expect(second.rows.map((r) => r.productName)).toEqual(['Telur Asin Rebus']);
    expect(second.oversoldTotal).toBe(1);
    expect(t.ok('stock.list', { search: '101' }).oversoldTotal).toBe(0);
    // An inactive product with stock still shows: stock never silently disappears.
    t.ok('products.setActive', { id: a.id, active: false });
    expect(t.ok('stock.list', {}).rows.map((r) => r.productId)).toContain(a.id);
  });

  it('exports stock as CSV', () => {
    const p = makeProducer(t, 'Keripik, Sri');
    const a = makeProduct(t, p.id, { name: 'Balado', shortCode: '201', barcode: '899700' });
    t.ok('intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 25 }] });
    const file = t.ok('export.stockCsv', {});
    expect(file.filename).toBe('stok-2026-11-02.csv');
    expect(file.csv.split('\r\n')).toEqual([
      'producer_id,producer,product_id,product,unit,short_code,barcode,perishable,active,on_hand,oversold,last_movement_at',
      `${p.id},"Keripik, Sri",${a.id},Balado,butir,201,899700,0,1,25,0,2026-11-02T02:00:00.000Z`,
      '',
    ]);
  });
});

describe('returns to producer', () => {
  it('numbers returns RT-000001, lowers stock, and writes no ledger entry', () => {
    const p = makeProducer(t);
    const a = makeProduct(t, p.id, { shortCode: '101', perishable: true });
    t.ok('intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 30, expiryDate: '2026-11-05' }] });
    t.clock.advanceDays(4);
    const ret = t.ok('returns.create', {
      producerId: p.id,
      lines: [
        { productId: a.id, quantity: 6, reason: 'expired', expiryDate: '2026-11-05' },
        { productId: a.id, quantity: 2, reason: 'damaged' },
      ],
      receivedBy: 'Siti',
    });
    expect(ret).toMatchObject({ number: 'RT-000001', totalUnits: 8, receivedBy: 'Siti' });
    expect(ret.lines.map((l) => [l.reason, l.quantity, l.expiryDate])).toEqual([
      ['expired', 6, '2026-11-05'],
      ['damaged', 2, null],
    ]);
    expect(onHandOf(t, a.id)).toBe(22);
    expect((t.core.db!.prepare('SELECT COUNT(*) AS n FROM ledger_entries').get() as { n: number }).n).toBe(0);
    expect(t.ok('returns.get', { id: ret.id })).toEqual(ret);
    expect(t.ok('returns.list', { producerId: p.id }).rows.map((r) => r.number)).toEqual(['RT-000001']);
  });

  it('refuses returning more than on hand, another producer\'s goods, or an unknown reason; nothing changes', () => {
    const p = makeProducer(t);
    const q = makeProducer(t, 'Kelanting Mbah Darmi');
    const a = makeProduct(t, p.id, { shortCode: '101' });
    const other = makeProduct(t, q.id, { name: 'Kelanting', shortCode: '401' });
    t.ok('intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 5 }] });
    t.ok('intakes.create', { producerId: q.id, lines: [{ productId: other.id, quantity: 5 }] });
    refused(t, 'returns.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 6, reason: 'unsold' }] }, 'CONFLICT', /hanya 5/);
    refused(
      t,
      'returns.create',
      { producerId: p.id, lines: [{ productId: a.id, quantity: 3, reason: 'unsold' }, { productId: a.id, quantity: 3, reason: 'damaged' }] },
      'CONFLICT',
    );
    refused(t, 'returns.create', { producerId: p.id, lines: [{ productId: other.id, quantity: 1, reason: 'unsold' }] }, 'VALIDATION', /bukan produk/);
    refused(t, 'returns.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 1, reason: 'lost' }] }, 'VALIDATION', /Alasan/);
    refused(t, 'returns.create', { producerId: p.id, lines: [] }, 'VALIDATION');
    // A deactivated product can still go back to its producer.
    t.ok('products.setActive', { id: a.id, active: false });
    expect(t.ok('returns.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 5, reason: 'unsold' }] }).number).toBe('RT-000001');
    expect(onHandOf(t, a.id)).toBe(0);
  });
});
