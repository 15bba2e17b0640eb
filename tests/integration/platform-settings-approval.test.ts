import { describe, expect, it } from 'vitest';
import { makeTestCore } from '../helpers/core';

/*
 * Settings that change what producers are owed, or when, need a manager's
 * approval: the week's end, the payment term, the time zone, who bears a
 * stock shortfall, the discount limit. The store header, paper and language
 * do not.
 */
describe('settings: the money rules need a manager', () => {
  it('refuses a sensitive change without a manager, changes nothing, and audits who approved', () => {
    const t = makeTestCore();
    const before = t.ok('settings.get', {});
    const refused = t.err('settings.update', { paymentTermDays: 9 });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', field: 'approval' });
    expect(refused.message).toMatch(/paymentTermDays/);
    expect(t.err('settings.update', { shrinkageBornBy: 'producer', approval: t.cashier() }).code).toBe('FORBIDDEN');
    expect(t.err('settings.update', { periodEndWeekday: 5, approval: { staffId: t.manager().staffId, pin: '0000' } }).code).toBe('FORBIDDEN');
    expect(t.ok('settings.get', {})).toEqual(before);

    const manager = t.manager();
    const after = t.ok('settings.update', { paymentTermDays: 9, discountLimitBps: 500, approval: manager });
    expect(after).toMatchObject({ paymentTermDays: 9, discountLimitBps: 500 });
    const row = t.core.db!.prepare("SELECT actor_id FROM audit_log WHERE action = 'settings.update' ORDER BY id DESC LIMIT 1").get() as { actor_id: number };
    expect(row.actor_id).toBe(manager.staffId);
    t.close();
  });

  it('lets anyone change the store header, paper and language, and resend unchanged rules', () => {
    const t = makeTestCore();
    const current = t.ok('settings.get', {});
    const saved = t.ok('settings.update', {
      storeName: 'Toko Telang',
      receiptWidth: '80mm',
      language: 'en',
      // The settings screen sends every field; unchanged rules need no approval.
      paymentTermDays: current.paymentTermDays,
      periodEndWeekday: current.periodEndWeekday,
    });
    expect(saved).toMatchObject({ storeName: 'Toko Telang', receiptWidth: '80mm', language: 'en', paymentTermDays: current.paymentTermDays });
    t.close();
  });
});
