import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/core';
import { LOOKUP_SQL } from '../../electron/core/catalogue/lookup';
import { makeProducer, makeProduct, refused, snapshot } from './catalogue-helpers';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore();
});
afterEach(() => t.close());

describe('producers', () => {
  it('creates, edits, searches and deactivates a producer, auditing each edit', () => {
    const p = t.ok('producers.create', {
      name: 'Keripik Singkong Sri Rejeki',
      shortName: 'Sri Rejeki',
      phone: '0857-4012-3378',
      address: 'Dusun Krajan, Desa Telang',
      payoutMethod: 'ewallet',
      payoutProvider: 'DANA',
      payoutAccount: '0857-4012-3378',
    });
    expect(p).toMatchObject({ name: 'Keripik Singkong Sri Rejeki', shortName: 'Sri Rejeki', payoutMethod: 'ewallet', active: true });
    makeProducer(t, 'Kelanting Mbah Darmi');
    expect(t.ok('producers.list', { search: 'krajan' }).rows.map((x) => x.id)).toEqual([p.id]);
    expect(t.ok('producers.list', { search: 'kelanting' }).rows).toHaveLength(1);

    const m = t.manager();
    const edited = t.ok('producers.update', { id: p.id, phone: '0811-000', payoutMethod: 'cash' });
    expect(edited).toMatchObject({ phone: '0811-000', payoutMethod: 'cash', payoutProvider: '', payoutAccount: '' });
    const off = t.ok('producers.setActive', { id: p.id, active: false });
    expect(off.active).toBe(false);
    expect(t.ok('producers.list', {}).rows.map((x) => x.id)).not.toContain(p.id);
    expect(t.ok('producers.list', { includeInactive: true }).rows.map((x) => x.id)).toContain(p.id);

    const audit = t.core.db!.prepare("SELECT action, actor_id, before_json, after_json FROM audit_log WHERE subject_type = 'producer' AND subject_id = ? ORDER BY id").all(String(p.id)) as {
      action: string;
      actor_id: number | null;
      before_json: string | null;
      after_json: string;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['producer.create', 'producer.update', 'producer.deactivate']);
    expect(audit[1]!.actor_id).toBe(m.staffId);
    expect(JSON.parse(audit[1]!.before_json!).phone).toBe('0857-4012-3378');
    expect(JSON.parse(audit[1]!.after_json).phone).toBe('0811-000');
  });

  it('refuses bad producers with a clear message and changes nothing', () => {
    const p = makeProducer(t);
    refused(t, 'producers.create', { name: '   ', shortName: 'X' }, 'VALIDATION', /Nama/);
    refused(t, 'producers.create', { name: 'A', shortName: '' }, 'VALIDATION', /Nama singkat/);
    refused(t, 'producers.create', { name: 'A', shortName: 'A', payoutMethod: 'transfer' }, 'VALIDATION', /bank/i);
    refused(t, 'producers.create', { name: 'A', shortName: 'A', payoutMethod: 'ewallet', payoutProvider: 'OVO' }, 'VALIDATION', /dompet|e-wallet/i);
    refused(t, 'producers.create', { name: 'A', shortName: 'A', payoutMethod: 'cheque' }, 'VALIDATION');
    refused(t, 'producers.create', { name: 'A', shortName: 'A', surprise: 1 }, 'VALIDATION', /surprise/);
    refused(t, 'producers.update', { id: p.id, name: '' }, 'VALIDATION');
    refused(t, 'producers.update', { id: 999, name: 'B' }, 'NOT_FOUND', /999/);
    refused(t, 'producers.update', { id: p.id, payoutMethod: 'transfer', payoutProvider: 'BRI' }, 'VALIDATION', /rekening|account/);
    refused(t, 'producers.get', { id: 0 }, 'VALIDATION');
  });
});

describe('products and terms', () => {
  it('creates a product with its first terms in effect today', () => {
    const p = makeProducer(t);
    const product = makeProduct(t, p.id, { barcode: '8990001', shortCode: '101', perishable: true });
    expect(product).toMatchObject({ producerId: p.id, barcode: '8990001', shortCode: '101', perishable: true, active: true, onHand: 0 });
    expect(product.terms).toMatchObject({ effectiveFrom: '2026-11-02', retailPrice: 4000, mode: 'fixed', producerPrice: 3200, commissionBps: null });
    const pct = makeProduct(t, p.id, { name: 'Isi 6', shortCode: '106', terms: { retailPrice: 26000, mode: 'percent', commissionBps: 2000 } });
    expect(pct.terms).toMatchObject({ mode: 'percent', commissionBps: 2000, producerPrice: null });
    expect(t.ok('products.list', { producerId: p.id }).rows.map((x) => x.name).sort()).toEqual(['Isi 6', 'Telur Asin Rebus']);
    expect(t.ok('products.list', { search: '106' }).rows.map((x) => x.id)).toEqual([pct.id]);
  });

  it('refuses bad prices, commissions, names and codes, changing nothing', () => {
    const p = makeProducer(t);
    const base = { producerId: p.id, name: 'Telur', unit: 'butir' };
    refused(t, 'products.create', { ...base, terms: { retailPrice: 4000, mode: 'fixed', producerPrice: 4500 } }, 'VALIDATION', /melebihi harga jual/);
    refused(t, 'products.create', { ...base, terms: { retailPrice: 4000, mode: 'percent', commissionBps: 10001 } }, 'VALIDATION', /100%/);
    refused(t, 'products.create', { ...base, terms: { retailPrice: -1, mode: 'fixed', producerPrice: 0 } }, 'VALIDATION', /negatif/);
    refused(t, 'products.create', { ...base, terms: { retailPrice: 4000.5, mode: 'fixed', producerPrice: 100 } }, 'VALIDATION', /pecahan/);
    refused(t, 'products.create', { ...base, terms: { retailPrice: 4000, mode: 'fixed', producerPrice: 99.9 } }, 'VALIDATION', /pecahan/);
    refused(t, 'products.create', { ...base, terms: { retailPrice: 4000, mode: 'fixed' } }, 'VALIDATION', /Harga setor/);
    refused(t, 'products.create', { ...base, terms: { retailPrice: 4000, mode: 'percent' } }, 'VALIDATION', /Komisi/);
    refused(t, 'products.create', { ...base, name: '  ', terms: { retailPrice: 4000, mode: 'fixed', producerPrice: 100 } }, 'VALIDATION', /kosong/);
    refused(t, 'products.create', { ...base, producerId: 77, terms: { retailPrice: 4000, mode: 'fixed', producerPrice: 100 } }, 'NOT_FOUND');
    refused(t, 'products.create', { ...base, tileColor: 'red', terms: { retailPrice: 4000, mode: 'fixed', producerPrice: 100 } }, 'VALIDATION');
    refused(t, 'products.create', { ...base, terms: { retailPrice: 2_000_000_000_000, mode: 'fixed', producerPrice: 100 } }, 'VALIDATION');
  });

  it('keeps barcodes and short codes unique among active products, in either role', () => {
    const p = makeProducer(t);
    const a = makeProduct(t, p.id, { name: 'A', barcode: '8990001', shortCode: '101' });
    const terms = { retailPrice: 1000, mode: 'fixed', producerPrice: 800 };
    refused(t, 'products.create', { producerId: p.id, name: 'B', unit: 'pcs', barcode: '8990001', terms }, 'CONFLICT', /8990001/);
    refused(t, 'products.create', { producerId: p.id, name: 'B', unit: 'pcs', shortCode: '101', terms }, 'CONFLICT', /101/);
    // A short code equal to another product's barcode, and the other way round: a scan must never be ambiguous.
    refused(t, 'products.create', { producerId: p.id, name: 'B', unit: 'pcs', shortCode: '8990001', terms }, 'CONFLICT', /barcode/);
    refused(t, 'products.create', { producerId: p.id, name: 'B', unit: 'pcs', barcode: '101', terms }, 'CONFLICT', /kode singkat/);
    const b = makeProduct(t, p.id, { name: 'B', shortCode: '102' });
    refused(t, 'products.update', { id: b.id, shortCode: '101' }, 'CONFLICT');
    // Deactivating A frees its codes; reactivating A then clashes with B.
    t.ok('products.setActive', { id: a.id, active: false });
    t.ok('products.update', { id: b.id, barcode: '8990001' });
    refused(t, 'products.setActive', { id: a.id, active: true }, 'CONFLICT', /8990001/);
    // A product may keep its own codes when edited.
    expect(t.ok('products.update', { id: b.id, name: 'B baru', shortCode: '102' }).name).toBe('B baru');
  });

  it('looks up a scan by exact barcode first, then short code, active products only', () => {
    const p = makeProducer(t);
    const a = makeProduct(t, p.id, { name: 'A', barcode: '8990001', shortCode: '1' });
    const b = makeProduct(t, p.id, { name: 'B', shortCode: '2' });
    t.ok('intakes.create', { producerId: p.id, lines: [{ productId: a.id, quantity: 7 }] });
    const byBarcode = t.ok('products.lookup', { code: '8990001' })!;
    expect(byBarcode).toMatchObject({ id: a.id, matchedBy: 'barcode', onHand: 7, producerShortName: p.shortName });
    expect(byBarcode.terms.retailPrice).toBe(4000);
    expect(t.ok('products.lookup', { code: ' 2 ' })).toMatchObject({ id: b.id, matchedBy: 'shortCode', onHand: 0 });
    expect(t.ok('products.lookup', { code: '899000' })).toBeNull();
    t.ok('products.setActive', { id: b.id, active: false });
    expect(t.ok('products.lookup', { code: '2' })).toBeNull();
  });

  it('the scan lookup uses indexes only', () => {
    const plan = (sql: string) =>
      (t.core.db!.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ code: 'x', today: '2026-11-02' }) as { detail: string }[]).map((r) => r.detail);
    const details = plan(LOOKUP_SQL);
    expect(details.some((d) => /SCAN (products|p|stock_movements|m|product_terms)\b(?! USING)/.test(d) && !/COVERING|INDEX/.test(d))).toBe(false);
    expect(details.join('\n')).toMatch(/ux_products_barcode_active/);
    expect(details.join('\n')).toMatch(/ux_products_short_code_active/);
    // On hand comes from the product's stock level (migration 0006), not a sum over its movements.
    expect(details.join('\n')).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/);
    expect(details.join('\n')).not.toMatch(/stock_movements|ix_stock_movements/);
  });

  it('terms are effective-dated: a change from a future date does not affect today, history is kept', () => {
    const p = makeProducer(t);
    const a = makeProduct(t, p.id, { shortCode: '101' });
    const m = t.manager();
    const change = t.ok('terms.change', {
      productId: a.id,
      effectiveFrom: '2026-11-09',
      retailPrice: 4500,
      mode: 'percent',
      commissionBps: 1500,
      approval: m,
    });
    expect(change).toMatchObject({ effectiveFrom: '2026-11-09', mode: 'percent', commissionBps: 1500, producerPrice: null, createdBy: m.staffId });
    expect(t.ok('products.lookup', { code: '101' })!.terms.retailPrice).toBe(4000);
    const product = t.ok('products.get', { id: a.id });
    expect(product.terms!.retailPrice).toBe(4000);
    expect(product.nextTerms!.retailPrice).toBe(4500);
    t.clock.set('2026-11-08T16:59:00Z'); // 23:59 on the 8th in Jakarta
    expect(t.ok('products.lookup', { code: '101' })!.terms.retailPrice).toBe(4000);
    t.clock.set('2026-11-08T17:00:00Z'); // midnight: the 9th in Jakarta
    expect(t.ok('products.lookup', { code: '101' })!.terms.retailPrice).toBe(4500);
    const history = t.ok('terms.history', { productId: a.id });
    expect(history.map((h) => [h.effectiveFrom, h.retailPrice])).toEqual([
      ['2026-11-09', 4500],
      ['2026-11-02', 4000],
    ]);
    const audit = t.core.db!.prepare("SELECT actor_id, before_json, after_json FROM audit_log WHERE action = 'terms.change'").all() as {
      actor_id: number;
      before_json: string;
      after_json: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(m.staffId);
    expect(JSON.parse(audit[0]!.before_json).retailPrice).toBe(4000);
    expect(JSON.parse(audit[0]!.after_json).retailPrice).toBe(4500);
  });

  it('refuses terms changes in the past, without a manager, or that make no sense', () => {
    const p = makeProducer(t);
    const a = makeProduct(t, p.id, { shortCode: '101' });
    const good = { productId: a.id, effectiveFrom: '2026-11-05', retailPrice: 4500, mode: 'fixed', producerPrice: 3500 };
    refused(t, 'terms.change', { ...good, effectiveFrom: '2026-11-01', approval: t.manager() }, 'VALIDATION', /sudah lewat/);
    refused(t, 'terms.change', { ...good, approval: t.cashier() }, 'FORBIDDEN', /pengelola/);
    refused(t, 'terms.change', { ...good, approval: { staffId: t.manager().staffId, pin: '9999' } }, 'FORBIDDEN');
    refused(t, 'terms.change', good, 'VALIDATION', /Persetujuan pengelola/);
    refused(t, 'terms.change', { ...good, producerPrice: 5000, approval: t.manager() }, 'VALIDATION', /melebihi/);
    refused(t, 'terms.change', { ...good, mode: 'percent', producerPrice: undefined, commissionBps: 12000, approval: t.manager() }, 'VALIDATION', /100%/);
    refused(t, 'terms.change', { ...good, productId: 999, approval: t.manager() }, 'NOT_FOUND');
    // Today is allowed: sales already made today keep the terms they were sold at.
    expect(t.ok('terms.change', { ...good, effectiveFrom: '2026-11-02', approval: t.manager() } as never).retailPrice).toBe(4500);
  });

  it('the product edit is audited with before and after', () => {
    const p = makeProducer(t);
    const a = makeProduct(t, p.id, { shortCode: '101' });
    const before = snapshot(t);
    t.ok('products.update', { id: a.id, name: 'Telur Asin Rebus Jumbo', tileColor: '#f4d35e' });
    t.ok('products.setActive', { id: a.id, active: false });
    const rows = t.core.db!.prepare("SELECT action, before_json, after_json FROM audit_log WHERE subject_type = 'product' ORDER BY id").all() as {
      action: string;
      before_json: string | null;
      after_json: string;
    }[];
    expect(rows.map((r) => r.action)).toEqual(['product.create', 'product.update', 'product.deactivate']);
    expect(JSON.parse(rows[1]!.before_json!).name).toBe('Telur Asin Rebus');
    expect(JSON.parse(rows[1]!.after_json).name).toBe('Telur Asin Rebus Jumbo');
    expect(snapshot(t).product_terms).toBe(before.product_terms);
  });
});

describe('catalogue CSV', () => {
  it('exports one RFC 4180 row per product with integer amounts', () => {
    const p = makeProducer(t, 'Keripik "Sri", Rejeki');
    makeProduct(t, p.id, { name: 'Keripik Balado, 200 g', shortCode: '201', barcode: '8997001234510', terms: { retailPrice: 10000, mode: 'fixed', producerPrice: 8000 } });
    makeProduct(t, p.id, { name: 'Keripik Original', shortCode: '202', terms: { retailPrice: 9000, mode: 'percent', commissionBps: 1500 } });
    const file = t.ok('export.catalogueCsv', {});
    expect(file.filename).toBe('katalog-2026-11-02.csv');
    const lines = file.csv.split('\r\n');
    expect(lines[0]).toBe(
      'producer_id,producer,producer_short_name,product_id,product,unit,barcode,short_code,perishable,active,retail_price,terms_mode,producer_price,commission_bps,terms_effective_from,on_hand',
    );
    expect(lines).toContain(`${p.id},"Keripik ""Sri"", Rejeki","""Sri"", Rejeki",1,"Keripik Balado, 200 g",butir,8997001234510,201,0,1,10000,fixed,8000,,2026-11-02,0`);
    expect(lines).toContain(`${p.id},"Keripik ""Sri"", Rejeki","""Sri"", Rejeki",2,Keripik Original,butir,,202,0,1,9000,percent,,1500,2026-11-02,0`);
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(4);
  });
});
