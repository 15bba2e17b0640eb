/** The first-run choice (setup.complete): once, demo or empty. */
import { describe, expect, it } from 'vitest';
import { makeTestCore } from '../helpers/core';

describe('setup.complete', () => {
  it('the empty store: names the store, no producers, and cannot be run twice', () => {
    const t = makeTestCore();
    expect(t.core.status().needsSetup).toBe(true);
    const result = t.ok('setup.complete', { mode: 'empty', storeName: '  Toko Telang Jaya ' });
    expect(result).toMatchObject({ mode: 'empty', status: { state: 'ready', needsSetup: false } });
    expect(t.ok('settings.get', {}).storeName).toBe('Toko Telang Jaya');
    expect(t.ok('producers.list', {}).rows).toEqual([]);
    const again = t.err('setup.complete', { mode: 'demo', storeName: 'Lagi' });
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/sudah disiapkan/) });
    expect(t.ok('producers.list', {}).rows).toEqual([]);
    expect(t.ok('settings.get', {}).storeName).toBe('Toko Telang Jaya');
    const audit = t.core.db!.prepare("SELECT after_json FROM audit_log WHERE action = 'setup.complete'").all() as { after_json: string }[];
    expect(audit.map((a) => JSON.parse(a.after_json))).toEqual([{ mode: 'empty', storeName: 'Toko Telang Jaya' }]);
    t.close();
  });

  it('the demo store: the KTM Telang producers with their products', () => {
    const t = makeTestCore();
    t.ok('setup.complete', { mode: 'demo', storeName: 'Toko Demo Telang' });
    const producers = t.ok('producers.list', {}).rows;
    expect(producers.length).toBe(6);
    expect(t.core.status().needsSetup).toBe(false);
    expect(t.err('setup.complete', { mode: 'empty', storeName: 'X' }).code).toBe('CONFLICT');
    t.close();
  });

  it('refuses a blank store name or an unknown mode, and changes nothing', () => {
    const t = makeTestCore();
    expect(t.err('setup.complete', { mode: 'empty', storeName: '   ' })).toMatchObject({ code: 'VALIDATION', field: 'storeName' });
    expect(t.err('setup.complete', { mode: 'full', storeName: 'X' })).toMatchObject({ code: 'VALIDATION', field: 'mode' });
    expect(t.core.status().needsSetup).toBe(true);
    t.close();
  });
});
