import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTill, type Till } from './till-fixtures';

let till: Till | null = null;
afterEach(() => {
  till?.t.close();
  till = null;
});

describe('sales reports', () => {
  it('by product and producer over local dates: voids left out, refunds made in the range subtracted; CSV export', () => {
    till = makeTill(); // clock: Mon 2 Nov 2026, 09:00 in Jakarta
    const { t, products, producers, mgr } = till;
    const a = till.sale([{ productId: products.egg, quantity: 4 }, { productId: products.chips, quantity: 2, discount: 1000 }]);
    const voided = till.sale([{ productId: products.cake, quantity: 1 }]);
    t.ok('sales.void', { saleId: voided.id, reason: 'batal', approval: mgr });
    t.clock.set('2026-11-03T16:59:00.000Z'); // Tue 23:59 local
    till.sale([{ productId: products.cake, quantity: 2 }]);
    t.clock.set('2026-11-03T17:30:00.000Z'); // Wed 00:30 local
    t.ok('sales.refund', { id: randomUUID(), saleId: a.id, lines: [{ saleLineId: a.lines[0]!.id, quantity: 1 }], restock: true, reason: 'retak', approval: mgr });

    const r = t.ok('reports.sales', { from: '2026-11-02', to: '2026-11-03' });
    // egg 4 × 3.000 (share 10.000); chips 2 × 12.500 − 1.000 = 24.000 (share 20.400); cake 2 × 7.777 = 15.554 (share 13.610)
    expect(r.totals).toEqual({
      sales: 2, units: 8, gross: 52_554, discounts: 1000, net: 51_554, refunds: 0, producerShare: 44_010,
      // the shop keeps net − producers' share; the voided sale is shown apart
      commission: 7544, voids: 7777, voidedSales: 1, refundCount: 0,
    });
    expect(r.byProduct.map((p) => [p.productName, p.units, p.net, p.producerShare])).toEqual([
      ['Keripik singkong', 2, 24_000, 20_400],
      ['Bolu pandan', 2, 15_554, 13_610],
      ['Telur asin', 4, 12_000, 10_000],
    ]);
    expect(r.byProducer.map((p) => ({ producerId: p.producerId, producerName: p.producerName, units: p.units, net: p.net, producerShare: p.producerShare }))).toEqual([
      { producerId: producers.chips, producerName: 'Keripik Pak Darto', units: 4, net: 39_554, producerShare: 34_010 },
      { producerId: producers.eggs, producerName: 'Bu Siti Telur Asin', units: 4, net: 12_000, producerShare: 10_000 },
    ]);

    const withRefund = t.ok('reports.sales', { from: '2026-11-02', to: '2026-11-04' });
    expect(withRefund.totals).toMatchObject({ units: 7, refunds: 3000, net: 48_554, producerShare: 41_510 });
    expect(withRefund.byProduct.find((p) => p.productId === products.egg)).toMatchObject({ units: 3, net: 9000, producerShare: 7500 });
    expect(t.ok('reports.sales', { from: '2026-11-03', to: '2026-11-03' }).totals).toMatchObject({ sales: 1, net: 15_554 });
    expect(t.err('reports.sales', { from: '2026-11-05', to: '2026-11-01' }).code).toBe('VALIDATION');

    const byProduct = t.ok('reports.salesCsv', { from: '2026-11-02', to: '2026-11-03', by: 'product' });
    expect(byProduct.filename).toBe('penjualan-produk-2026-11-02_2026-11-03.csv');
    expect(byProduct.csv.split('\r\n')[0]).toBe(
      'Produk,Produsen,"Terjual (unit, setelah retur)",Penjualan kotor (Rp),Diskon (Rp),Retur pembeli (Rp),Penjualan bersih (Rp),Bagian produsen (Rp),Komisi toko (Rp),Dibatalkan (Rp)',
    );
    expect(byProduct.csv.split('\r\n')[1]).toBe('Keripik singkong,PkDarto,2,25000,1000,0,24000,20400,3600,0');
    const byProducer = t.ok('reports.salesCsv', { from: '2026-11-02', to: '2026-11-04', by: 'producer' });
    expect(byProducer.csv).toContain('Bu Siti Telur Asin,3,12000,0,3000,9000,7500,1500,0');
    const bySale = t.ok('reports.salesCsv', { from: '2026-11-02', to: '2026-11-03', by: 'sale' });
    expect(bySale.csv.trim().split('\r\n').slice(1)).toEqual([
      '1,2026-11-02 09:00,Kasir 2222,Tunai,37000,1000,36000,selesai,3000',
      '2,2026-11-02 09:00,Kasir 2222,Tunai,7777,0,7777,dibatalkan,0',
      '3,2026-11-03 23:59,Kasir 2222,Tunai,15554,0,15554,selesai,0',
    ]);
  });

  it('lists the audit log newest first with actor names, filtered by date and action', () => {
    till = makeTill();
    const { t, products, mgr } = till;
    const s1 = till.sale([{ productId: products.egg, quantity: 1 }]);
    t.ok('sales.void', { saleId: s1.id, reason: 'satu', approval: mgr });
    t.clock.advanceDays(1);
    const s2 = till.sale([{ productId: products.egg, quantity: 1 }]);
    t.ok('sales.void', { saleId: s2.id, reason: 'dua', approval: mgr });
    const all = t.ok('audit.list', {}).rows;
    expect(all.map((e) => e.reason).filter(Boolean)).toEqual(['dua', 'satu']);
    expect(all[0]).toMatchObject({ action: 'sale.void', actorId: mgr.staffId, actorName: 'Manajer 1234', subjectType: 'sale' });
    expect(t.ok('audit.list', { from: '2026-11-02', to: '2026-11-02' }).rows.map((e) => e.reason)).toEqual(['satu']);
    expect(t.ok('audit.list', { action: 'sale.void', limit: 1 }).rows.map((e) => e.reason)).toEqual(['dua']);
    expect(t.ok('audit.list', { action: 'sale.vo' }).rows).toEqual([]);
  });
});
