import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/core';
import { makeProducer, makeProduct } from './catalogue-helpers';

/*
 * The intake receipt's prices: each line at the producer's price in force on
 * the day of the intake (harga setor, or the producer's share of the retail
 * price under bagi hasil), and the goods' value in total. A later terms
 * change never rewrites an old receipt.
 */
let t: TestCore;
beforeEach(() => {
  t = makeTestCore();
});
afterEach(() => {
  t.close();
});

it("prices intake lines at the producer's price of the intake day, fixed and percent terms alike", () => {
  const p = makeProducer(t);
  const telur = makeProduct(t, p.id, { terms: { retailPrice: 4_000, mode: 'fixed', producerPrice: 3_200 } });
  const keripik = makeProduct(t, p.id, { name: 'Keripik', unit: 'bungkus', terms: { retailPrice: 10_000, mode: 'percent', commissionBps: 1_500 } });
  const intake = t.ok('intakes.create', { producerId: p.id, lines: [{ productId: telur.id, quantity: 30 }, { productId: keripik.id, quantity: 7 }] });
  expect(intake.lines).toMatchObject([
    { productId: telur.id, retailPrice: 4_000, producerPrice: 3_200, producerValue: 96_000 },
    { productId: keripik.id, retailPrice: 10_000, producerPrice: 8_500, producerValue: 59_500 },
  ]);
  expect(intake.producerValue).toBe(96_000 + 59_500);

  // A price change from tomorrow on: the old receipt keeps its prices, the next intake has the new ones.
  t.ok('terms.change', { productId: telur.id, effectiveFrom: '2026-11-03', retailPrice: 4_500, mode: 'fixed', producerPrice: 3_600, approval: t.manager() } as never);
  t.clock.set('2026-11-03T02:00:00.000Z');
  expect(t.ok('intakes.get', { id: intake.id })).toMatchObject({ producerValue: 155_500, lines: [{ producerPrice: 3_200 }, { producerPrice: 8_500 }] });
  const next = t.ok('intakes.create', { producerId: p.id, lines: [{ productId: telur.id, quantity: 10 }] });
  expect(next).toMatchObject({ producerValue: 36_000, lines: [{ retailPrice: 4_500, producerPrice: 3_600, producerValue: 36_000 }] });
});
