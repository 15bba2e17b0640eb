/**
 * Issue 14 part A: the catalogue and stock lists page (SPEC §11): products,
 * producers, stock on hand and a product's movements take offset/limit next to
 * their filters and answer a page with the total of every matching row, so no
 * list is cut off without saying so.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/core';
import { makeProducer, makeProduct, refused } from './catalogue-helpers';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore();
});
afterEach(() => t.close());

/** Every row of a paged list, page by page of `size`, with the totals each page reported. */
function walk<R>(fetch: (offset: number) => { rows: R[]; total: number; offset: number; limit: number }): { rows: R[]; totals: number[]; pages: number } {
  const rows: R[] = [];
  const totals: number[] = [];
  let pages = 0;
  for (;;) {
    const page = fetch(rows.length);
    pages++;
    expect(page.offset).toBe(rows.length);
    rows.push(...page.rows);
    totals.push(page.total);
    if (page.rows.length === 0 || rows.length >= page.total) return { rows, totals, pages };
  }
}

describe('catalogue and stock lists page with a total', () => {
  it('products: pages of 7 walk every product once, in order, under each filter, with the same total', () => {
    const a = makeProducer(t, 'Telur Asin Bu Siti');
    const b = makeProducer(t, 'Kelanting Mbah Darmi');
    for (let i = 0; i < 23; i++) makeProduct(t, a.id, { name: `Telur ${String(i).padStart(2, '0')}`, shortCode: `A${i}` });
    for (let i = 0; i < 5; i++) makeProduct(t, b.id, { name: `Kelanting ${i}`, shortCode: `B${i}` });
    const gone = t.ok('products.list', { producerId: a.id, search: 'Telur 03' }).rows[0]!;
    t.ok('products.setActive', { id: gone.id, active: false });

    const whole = t.core.db!.prepare('SELECT COUNT(*) AS n FROM products WHERE active = 1').get() as { n: number };
    const all = walk((offset) => t.ok('products.list', { offset, limit: 7 }));
    expect(all.rows).toHaveLength(whole.n);
    expect(all.totals.every((n) => n === 27)).toBe(true);
    expect(all.pages).toBe(4);
    expect(new Set(all.rows.map((p) => p.id)).size).toBe(27);
    // The same order as one large page.
    expect(all.rows.map((p) => p.id)).toEqual(t.ok('products.list', { limit: 500 }).rows.map((p) => p.id));

    // Filters hold on every page: producer, inactive, search.
    const ofA = walk((offset) => t.ok('products.list', { producerId: a.id, includeInactive: true, offset, limit: 5 }));
    expect(ofA.rows).toHaveLength(23);
    expect(ofA.rows.every((p) => p.producerId === a.id)).toBe(true);
    expect(ofA.rows.some((p) => !p.active)).toBe(true);
    const search = t.ok('products.list', { search: 'Kelanting', limit: 2, offset: 2 });
    expect(search).toMatchObject({ total: 5, offset: 2, limit: 2 });
    expect(search.rows.map((p) => p.name)).toEqual(['Kelanting 2', 'Kelanting 3']);

    // Default page: 100 rows at most, and the total says what is beyond.
    expect(t.ok('products.list', {})).toMatchObject({ offset: 0, limit: 100, total: 27 });
    // Past the end: no rows, still the total.
    expect(t.ok('products.list', { offset: 50 })).toMatchObject({ rows: [], total: 27 });
  });

  it('producers: pages keep the search and the inactive filter', () => {
    for (let i = 0; i < 12; i++) makeProducer(t, `Produsen ${String(i).padStart(2, '0')}`);
    const off = t.ok('producers.list', { search: 'Produsen 07' }).rows[0]!;
    t.ok('producers.setActive', { id: off.id, active: false });
    const active = walk((offset) => t.ok('producers.list', { offset, limit: 5 }));
    expect(active.rows.map((p) => p.name)).toEqual(
      Array.from({ length: 12 }, (_, i) => `Produsen ${String(i).padStart(2, '0')}`).filter((n) => n !== 'Produsen 07'),
    );
    expect(active.totals).toEqual([11, 11, 11]);
    const withInactive = t.ok('producers.list', { includeInactive: true, offset: 10, limit: 5 });
    expect(withInactive).toMatchObject({ total: 12 });
    // Inactive producers come last.
    expect(withInactive.rows.map((p) => p.name)).toEqual(['Produsen 11', 'Produsen 07']);
  });

  it('stock on hand pages under its filters; a product\'s movements page with the running on hand', () => {
    const p = makeProducer(t);
    const products = Array.from({ length: 9 }, (_, i) => makeProduct(t, p.id, { name: `Produk ${i}`, shortCode: `P${i}` }));
    for (const [i, product] of products.entries()) t.ok('intakes.create', { producerId: p.id, lines: [{ productId: product.id, quantity: i + 1 }] });
    const stock = walk((offset) => t.ok('stock.list', { producerId: p.id, offset, limit: 4 }));
    expect(stock.rows.map((r) => [r.productName, r.onHand])).toEqual(products.map((x, i) => [x.name, i + 1]));
    expect(stock.totals).toEqual([9, 9, 9]);
    expect(t.ok('stock.list', { search: 'Produk 8', limit: 4 })).toMatchObject({ total: 1, rows: [{ onHand: 9 }] });

    const egg = products[0]!;
    for (let i = 0; i < 11; i++) t.ok('intakes.create', { producerId: p.id, lines: [{ productId: egg.id, quantity: 2 }] });
    const moves = walk((offset) => t.ok('stock.movements', { productId: egg.id, offset, limit: 5 }));
    expect(moves.totals).toEqual([12, 12, 12]);
    // The running balance on a later page counts the movements of the pages before it.
    expect(moves.rows.map((m) => m.balance)).toEqual(Array.from({ length: 12 }, (_, i) => 1 + 2 * i));
    expect(t.ok('stock.movements', { productId: egg.id, offset: 10, limit: 5 }).rows.map((m) => m.balance)).toEqual([21, 23]);
    // Near the start the balance before the page is summed forwards, near the end back from the kept level: both agree.
    expect(t.ok('stock.movements', { productId: egg.id, offset: 2, limit: 2 }).rows.map((m) => m.balance)).toEqual([5, 7]);
    expect(t.ok('stock.movements', { productId: egg.id, offset: 8, limit: 2 }).rows.map((m) => m.balance)).toEqual([17, 19]);
  });

  it('refuses a bad page with a clear message and changes nothing', () => {
    refused(t, 'products.list', { limit: 501 }, 'VALIDATION', /paling banyak 500/);
    refused(t, 'producers.list', { offset: -1 }, 'VALIDATION', /negatif/);
    refused(t, 'stock.list', { limit: 0 }, 'VALIDATION', /paling sedikit 1/);
    refused(t, 'stock.movements', { productId: 1, limit: 2.5 }, 'VALIDATION', /bulat/);
  });
});
