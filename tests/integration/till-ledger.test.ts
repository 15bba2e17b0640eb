import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/contract/till';
import { makeTill } from './till-fixtures';

/*
 * A model check: random sales, voids and refunds; after every operation the
 * ledger chains verify and each producer's balance equals what a simple model
 * of the same operations says the shop owes.
 */
describe('the producer ledger after every till operation', () => {
  it('stays a valid chain and matches the model', () => {
    const till = makeTill();
    const { t, db, products, producers, mgr } = till;
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const owed = new Map<number, number>([[producers.eggs, 0], [producers.chips, 0]]);
    const open: Sale[] = [];
    const productIds = [products.egg, products.chips, products.cake];
    const balance = (id: number) => (db.prepare('SELECT COALESCE(SUM(amount), 0) AS b FROM ledger_entries WHERE producer_id = ?').get(id) as { b: number }).b;
    try {
      for (let step = 0; step < 60; step++) {
        const op = rnd(10);
        if (op < 6 || open.length === 0) {
          const lines = Array.from({ length: 1 + rnd(3) }, () => ({ productId: productIds[rnd(3)]!, quantity: 1 + rnd(5), discount: rnd(2) * rnd(300) }));
          const sale = till.sale(lines);
          for (const l of sale.lines) owed.set(l.producerId, owed.get(l.producerId)! + l.producerShare);
          open.push(sale);
        } else if (op < 8) {
          const index = rnd(open.length);
          const sale = open[index]!;
          if (t.ok('sales.get', { id: sale.id }).refunds.length === 0) {
            open.splice(index, 1);
            t.ok('sales.void', { saleId: sale.id, reason: 'model', approval: mgr });
            for (const l of sale.lines) owed.set(l.producerId, owed.get(l.producerId)! - l.producerShare);
          }
        } else {
          const sale = t.ok('sales.get', { id: open[rnd(open.length)]!.id });
          const line = sale.lines[rnd(sale.lines.length)]!;
          const left = line.quantity - line.refundedQuantity;
          if (left > 0) {
            const refund = t.ok('sales.refund', {
              id: randomUUID(), saleId: sale.id, lines: [{ saleLineId: line.id, quantity: 1 + rnd(left) }], restock: rnd(2) === 0, reason: 'model', approval: mgr,
            });
            owed.set(line.producerId, owed.get(line.producerId)! - refund.lines[0]!.producerShare);
          }
        }
        const verify = t.ok('ledger.verify', {});
        expect(verify.ok, `step ${step}`).toBe(true);
        for (const [producerId, amount] of owed) expect(balance(producerId), `step ${step}, producer ${producerId}`).toBe(amount);
      }
      // Fully refunding every remaining line brings the model back to exactly what the voids and refunds left.
      for (const s of open) {
        const sale = t.ok('sales.get', { id: s.id });
        const lines = sale.lines.filter((l) => l.quantity > l.refundedQuantity).map((l) => ({ saleLineId: l.id, quantity: l.quantity - l.refundedQuantity }));
        if (lines.length) t.ok('sales.refund', { id: randomUUID(), saleId: sale.id, lines, restock: true, reason: 'semua', approval: mgr });
      }
      expect(balance(producers.eggs)).toBe(0);
      expect(balance(producers.chips)).toBe(0);
      expect(t.ok('ledger.verify', {}).ok).toBe(true);
    } finally {
      t.close();
    }
  });
});
