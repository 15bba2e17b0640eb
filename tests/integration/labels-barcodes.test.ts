import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/core';
import { makeProducer, makeProduct, refused } from './catalogue-helpers';
import { isInStoreEan13 } from '../../shared/domain/ean13';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore();
});
afterEach(() => t.close());

describe('in-store barcodes', () => {
  it('gives a product without a barcode the next store number, and the till rings it up by that number', () => {
    const producer = makeProducer(t);
    const egg = makeProduct(t, producer.id, { name: 'Telur Asin Rebus', shortCode: 'TA1' });
    const chips = makeProduct(t, producer.id, { name: 'Keripik Pisang', shortCode: 'KP1' });
    const first = t.ok('products.assignBarcode', { productId: egg.id });
    const second = t.ok('products.assignBarcode', { productId: chips.id });
    expect(first.barcode).toBe('2000000000015');
    expect(second.barcode).toBe('2000000000022');
    expect(isInStoreEan13(second.barcode!)).toBe(true);
    expect(t.ok('products.lookup', { code: first.barcode! })).toMatchObject({ id: egg.id, matchedBy: 'barcode' });
    const audit = t.core.db!.prepare(`SELECT action, subject_id FROM audit_log WHERE action = 'product.assignBarcode'`).all();
    expect(audit).toHaveLength(2);
  });

  it('refuses a product that already has a barcode, and an unknown product, changing nothing', () => {
    const producer = makeProducer(t);
    const boxed = makeProduct(t, producer.id, { barcode: '8992753102004', shortCode: 'X1' });
    expect(refused(t, 'products.assignBarcode', { productId: boxed.id }, 'CONFLICT')).toMatch(/8992753102004/);
    refused(t, 'products.assignBarcode', { productId: 999 }, 'NOT_FOUND');
    refused(t, 'products.assignBarcode', { productId: 'x' }, 'VALIDATION');
  });

  it('numbers in bulk every active product without one, skipping numbers used by inactive products or typed by hand', () => {
    const producer = makeProducer(t);
    const a = makeProduct(t, producer.id, { name: 'A', shortCode: 'A1' });
    t.ok('products.assignBarcode', { productId: a.id }); // 2000000000015
    t.ok('products.setActive', { id: a.id, active: false });
    // Someone typed the next store number by hand on another product.
    makeProduct(t, producer.id, { name: 'Typed', barcode: '2000000000022', shortCode: 'T1' });
    const b = makeProduct(t, producer.id, { name: 'B', shortCode: 'B1' });
    const c = makeProduct(t, producer.id, { name: 'C', shortCode: 'C1' });
    const inactive = makeProduct(t, producer.id, { name: 'Old', shortCode: 'O1' });
    t.ok('products.setActive', { id: inactive.id, active: false });
    const { assigned } = t.ok('products.assignBarcodes', {});
    expect(assigned.map((x) => [x.productId, x.barcode])).toEqual([
      [b.id, '2000000000039'],
      [c.id, '2000000000046'],
    ]);
    expect(t.ok('products.get', { id: inactive.id }).barcode).toBeNull();
    expect(t.ok('products.assignBarcodes', {}).assigned).toEqual([]);
  });

  it('refuses a store number typed by hand that an inactive product already carries', () => {
    const producer = makeProducer(t);
    const a = makeProduct(t, producer.id, { name: 'A', shortCode: 'A1' });
    const code = t.ok('products.assignBarcode', { productId: a.id }).barcode!;
    t.ok('products.setActive', { id: a.id, active: false });
    const message = refused(
      t,
      'products.create',
      { producerId: producer.id, name: 'Copy', unit: 'pcs', barcode: code, terms: { retailPrice: 1000, mode: 'fixed', producerPrice: 800 } },
      'CONFLICT',
    );
    expect(message).toMatch(/A/);
  });
});

describe('labels', () => {
  it('makes one label per unit of a delivery, with the lot expiry and today price, and lists goods without a barcode', () => {
    const producer = makeProducer(t, 'Telur Asin Bu Siti');
    const egg = makeProduct(t, producer.id, { name: 'Telur Asin Rebus', shortCode: 'TA1', perishable: true, terms: { retailPrice: 4500, mode: 'fixed', producerPrice: 3500 } });
    const cake = makeProduct(t, producer.id, { name: 'Bolu Pandan', shortCode: 'BP1' });
    t.ok('products.assignBarcode', { productId: egg.id });
    const intake = t.ok('intakes.create', {
      producerId: producer.id,
      lines: [
        { productId: egg.id, quantity: 3, expiryDate: '2026-11-20' },
        { productId: egg.id, quantity: 2, expiryDate: '2026-11-25' },
        { productId: cake.id, quantity: 4 },
      ],
    });
    const set = t.ok('labels.build', { source: 'intake', intakeId: intake.id });
    expect(set.title).toBe(intake.number);
    expect(set.labels).toHaveLength(5);
    expect(set.labels.map((l) => l.expiryDate)).toEqual(['2026-11-20', '2026-11-20', '2026-11-20', '2026-11-25', '2026-11-25']);
    expect(set.labels[0]).toMatchObject({ name: 'Telur Asin Rebus', retailPrice: 4500, producerShortName: producer.shortName, barcode: '2000000000015' });
    expect(set.withoutBarcode).toEqual([{ productId: cake.id, name: 'Bolu Pandan', units: 4 }]);
  });

  it('makes any number for a product, and relabels what is on the shelf at the new price', () => {
    const producer = makeProducer(t);
    const chips = makeProduct(t, producer.id, { name: 'Keripik Singkong', shortCode: 'KS1', terms: { retailPrice: 8000, mode: 'fixed', producerPrice: 6500 } });
    t.ok('products.assignBarcode', { productId: chips.id });
    t.ok('intakes.create', { producerId: producer.id, lines: [{ productId: chips.id, quantity: 7 }] });
    expect(t.ok('labels.build', { source: 'product', productId: chips.id, count: 3 }).labels).toHaveLength(3);
    t.ok('terms.change', {
      productId: chips.id,
      effectiveFrom: '2026-11-02',
      retailPrice: 9000,
      mode: 'fixed',
      producerPrice: 7000,
      approval: t.manager(),
    });
    const relabel = t.ok('labels.build', { source: 'relabel', productId: chips.id });
    expect(relabel.labels).toHaveLength(7);
    expect(relabel.labels.every((l) => l.retailPrice === 9000 && l.expiryDate === null)).toBe(true);
  });

  it('refuses a bad count or an unknown source with a clear message', () => {
    const producer = makeProducer(t);
    const chips = makeProduct(t, producer.id, { shortCode: 'KS1' });
    expect(t.err('labels.build', { source: 'product', productId: chips.id, count: 0 }).code).toBe('VALIDATION');
    expect(t.err('labels.build', { source: 'product', productId: chips.id, count: 2.5 }).code).toBe('VALIDATION');
    expect(t.err('labels.build', { source: 'shelf', productId: chips.id }).code).toBe('VALIDATION');
    expect(t.err('labels.build', { source: 'intake', intakeId: 77 }).code).toBe('NOT_FOUND');
  });
});
