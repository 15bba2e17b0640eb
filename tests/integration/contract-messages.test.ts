import { describe, expect, it } from 'vitest';
import { makeTestCore } from '../helpers/core';

describe('validation messages say what is wrong', () => {
  it('a missing field is "required"; a field of the wrong kind says what it must be; in the store language', () => {
    const t = makeTestCore();
    expect(t.err('producers.create', { name: 'Bu Siti' })).toMatchObject({ code: 'VALIDATION', field: 'shortName', message: 'Isian "shortName": Wajib diisi' });
    expect(t.err('producers.create', { name: 'Bu Siti', shortName: 7 })).toMatchObject({ field: 'shortName', message: 'Isian "shortName": Harus berupa teks' });
    expect(t.err('ledger.deduct', { producerId: 1, reason: 'plastik', approval: t.manager() })).toMatchObject({ field: 'amount', message: 'Isian "amount": Wajib diisi' });
    expect(t.err('ledger.deduct', { producerId: 1, amount: 2.5, reason: 'plastik', approval: t.manager() }).message).toMatch(/bilangan bulat rupiah/);
    t.ok('settings.update', { language: 'en' });
    expect(t.err('producers.create', { name: 'Bu Siti' }).message).toBe('Field "shortName": Required');
    // Adding staff is a manager's act (SPEC §5): a cashier's session hears so in the store language.
    const cashier = t.cashier();
    expect(t.asStaff(cashier.staffId, cashier.pin).err('staff.create', { name: 'Rina', role: 'cashier', pin: '5555' }).message).toBe('Only a manager may do this (staff.create).');
    t.close();
  });
});
