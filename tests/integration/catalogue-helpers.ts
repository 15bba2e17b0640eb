import { expect } from 'vitest';
import type { TestCore } from '../helpers/core';
import type { Producer, Product } from '../../shared/contract/catalogue';

const TABLES = [
  'producers', 'products', 'product_terms', 'intakes', 'intake_lines', 'stock_movements', 'returns', 'return_lines',
  'stock_counts', 'stock_count_lines', 'ledger_entries', 'audit_log',
];

/** Row counts of every table this area writes, plus the sequences and a digest of the mutable rows. */
export function snapshot(t: TestCore): Record<string, unknown> {
  const db = t.core.db!;
  const out: Record<string, unknown> = {};
  // A refused wrong PIN is itself audited (auth.pinFailed, SPEC §5): that is the only row a refusal may add.
  const where = (table: string) => (table === 'audit_log' ? " WHERE action NOT LIKE 'auth.%'" : '');
  for (const table of TABLES) out[table] = (db.prepare(`SELECT COUNT(*) AS n FROM ${table}${where(table)}`).get() as { n: number }).n;
  out.sequences = db.prepare('SELECT name, next_value FROM sequences ORDER BY name').all();
  out.producerRows = db.prepare('SELECT * FROM producers ORDER BY id').all();
  out.productRows = db.prepare('SELECT * FROM products ORDER BY id').all();
  return out;
}

/** Calls a method that must be refused with `code`, and checks nothing changed. Returns the message. */
export function refused(t: TestCore, method: string, input: unknown, code: string, messagePart?: RegExp): string {
  const before = snapshot(t);
  const error = t.err(method as never, input);
  expect(error.code, `${method}: ${error.message}`).toBe(code);
  expect(error.message.length).toBeGreaterThan(5);
  if (messagePart) expect(error.message).toMatch(messagePart);
  expect(snapshot(t)).toEqual(before);
  return error.message;
}

export function makeProducer(t: TestCore, name = 'Telur Asin Bu Siti', extra: Record<string, unknown> = {}): Producer {
  return t.ok('producers.create', { name, shortName: name.split(' ').slice(-2).join(' '), ...extra } as never);
}

export function makeProduct(
  t: TestCore,
  producerId: number,
  extra: Partial<{ name: string; unit: string; barcode: string; shortCode: string; perishable: boolean; terms: Record<string, unknown> }> = {},
): Product {
  return t.ok('products.create', {
    producerId,
    name: extra.name ?? 'Telur Asin Rebus',
    unit: extra.unit ?? 'butir',
    ...(extra.barcode ? { barcode: extra.barcode } : {}),
    ...(extra.shortCode ? { shortCode: extra.shortCode } : {}),
    perishable: extra.perishable ?? false,
    terms: (extra.terms ?? { retailPrice: 4000, mode: 'fixed', producerPrice: 3200 }) as never,
  });
}

export const onHandOf = (t: TestCore, productId: number) => t.ok('products.get', { id: productId }).onHand;
