/** Issue #10 item 3: a void is a cancelled sale, not a customer refund. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTill, type Till } from './till-fixtures';

let till: Till;
afterEach(() => till?.t.close());

describe('item 3: voided sales are not customer refunds', () => {
  it('shows a void as a cancelled sale in the preview and the finalised detail, and keeps refunds for returns', () => {
    till = makeTill(); // Monday 2 Nov 09:00 Jakarta
    const { t, products, producers } = till;
    const cancelled = till.sale([{ productId: products.egg, quantity: 2 }]);
    t.ok('sales.void', { saleId: cancelled.id, reason: 'pelanggan batal', approval: till.mgr });
    till.sale([{ productId: products.egg, quantity: 1 }]);
    t.clock.set('2026-11-09T02:00:00.000Z');
    const p = t.ok('settlements.preview', { periodEnd: '2026-11-08' }).producers.find((x) => x.producer.id === producers.eggs)!;
    expect(p.products[0]).toMatchObject({ productName: 'Telur asin', unitsSold: 3, unitsRefunded: 0, refundShare: 0, unitsVoided: 2, voidShare: -5000, netShare: 2500 });
    expect(p).toMatchObject({ salesTotal: 7500, refundTotal: 0, voidTotal: -5000, totalDue: 2500 });
    const fin = t.ok('settlements.finalize', { periodEnd: '2026-11-08', approval: till.mgr });
    const id = fin.settlements.find((s) => s.producer.id === producers.eggs)!.id;
    expect(t.ok('settlements.get', { id }).items).toMatchObject({ refundTotal: 0, voidTotal: -5000, totalDue: 2500 });
  });
});
