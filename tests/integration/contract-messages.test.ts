import { describe, expect, it } from 'vitest';
import { makeTestCore } from '../helpers/core';

describe('validation messages say what is wrong', () => {
  it('a missing field is "required"; a field of the wrong kind says what it must be; in the store language', () => {
    const t = makeTestCore();
    expect(t.err('producers.create', { name: 'Bu Siti' })).toMatchObject({ code: 'VALIDATION', field: 'shortName', message: 'Nama singkat: Wajib diisi' });
    expect(t.err('producers.create', { name: 'Bu Siti', shortName: 7 })).toMatchObject({ field: 'shortName', message: 'Nama singkat: Harus berupa teks' });
    expect(t.err('ledger.deduct', { producerId: 1, reason: 'plastik', approval: t.manager() })).toMatchObject({ field: 'amount', message: 'Jumlah uang: Wajib diisi' });
    expect(t.err('ledger.deduct', { producerId: 1, amount: 2.5, reason: 'plastik', approval: t.manager() }).message).toMatch(/bilangan bulat rupiah/);
    // a line of a form is named as the form shows it, never as lines.0.quantity
    const line = t.err('intakes.create', { producerId: 1, lines: [{ productId: 1, quantity: 0 }] });
    expect(line.field).toBe('lines.0.quantity');
    expect(line.message).toMatch(/^Baris 1 · Jumlah: /);
    expect(line.message).not.toContain('lines.0');
    t.ok('settings.update', { language: 'en' });
    expect(t.err('producers.create', { name: 'Bu Siti' }).message).toBe('Short name: Required');
    expect(t.err('intakes.create', { producerId: 1, lines: [{ productId: 1, quantity: 0 }] }).message).toMatch(/^Line 1 · Quantity: /);
    // Adding staff is a manager's act (SPEC §5): a cashier's session hears so in the store language.
    const cashier = t.cashier();
    expect(t.asStaff(cashier.staffId, cashier.pin).err('staff.create', { name: 'Rina', role: 'cashier', pin: '5555' }).message).toBe('Only a manager may do this (staff.create).');
    t.close();
  });
});
