/** Issue #10 item 7: a perishable line needs its expiry date, or a deliberate "no date" that the receipt warns about. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/core';
import { makeProducer, makeProduct, snapshot } from './catalogue-helpers';

let t: TestCore;
afterEach(() => t?.close());

describe('intake of perishables without a date', () => {
  it('refuses a perishable line with neither a date nor a deliberate "no date", and writes nothing', () => {
    t = makeTestCore();
    const p = makeProducer(t);
    const egg = makeProduct(t, p.id, { shortCode: '101', perishable: true });
    const plain = makeProduct(t, p.id, { name: 'Kerupuk', shortCode: '102' });
    const before = snapshot(t);
    const e = t.err('intakes.create', { producerId: p.id, lines: [{ productId: plain.id, quantity: 5 }, { productId: egg.id, quantity: 10 }] });
    expect(e.code).toBe('VALIDATION');
    expect(e.field).toBe('lines.1.expiryDate');
    expect(e.message).toMatch(/Baris 2/);
    expect(e.message).toMatch(/kedaluwarsa/i);
    expect(snapshot(t)).toEqual(before);
    // a date and "no date" at once is a contradiction
    expect(t.err('intakes.create', { producerId: p.id, lines: [{ productId: egg.id, quantity: 1, expiryDate: '2026-11-20', noExpiryDate: true }] }).code).toBe('VALIDATION');
  });

  it('accepts a deliberate "no date" and marks the line so the receipt can warn', () => {
    t = makeTestCore();
    const p = makeProducer(t);
    const egg = makeProduct(t, p.id, { shortCode: '101', perishable: true });
    const plain = makeProduct(t, p.id, { name: 'Kerupuk', shortCode: '102' });
    const intake = t.ok('intakes.create', { producerId: p.id, lines: [{ productId: egg.id, quantity: 10, noExpiryDate: true }, { productId: plain.id, quantity: 5 }] });
    expect(intake.lines.map((l) => [l.productName, l.expiryDate, l.perishable])).toEqual([
      [egg.name, null, true],
      ['Kerupuk', null, false],
    ]);
  });
});
