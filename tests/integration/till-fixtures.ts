import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { contract, isMethodName, type MethodInput } from '../../shared/contract';
import type { Sale } from '../../shared/contract/till';
import { makeTestCore, type TestClock, type TestCore } from '../helpers/core';

// Catalogue rows by plain SQL, so the till's tests do not depend on the catalogue area's handlers.

const at = '2026-01-01T00:00:00.000Z';

export function addProducer(db: Database.Database, name: string, shortName = name.slice(0, 8)): number {
  return Number(
    db
      .prepare('INSERT INTO producers (name, short_name, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, shortName, at, at).lastInsertRowid,
  );
}

export interface TermsFixture {
  retailPrice: number;
  mode: 'fixed' | 'percent';
  producerPrice?: number;
  commissionBps?: number;
  effectiveFrom?: string;
}

export function addTerms(db: Database.Database, productId: number, t: TermsFixture): number {
  return Number(
    db
      .prepare(
        `INSERT INTO product_terms (product_id, effective_from, retail_price, mode, producer_price, commission_bps, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(productId, t.effectiveFrom ?? '2026-01-01', t.retailPrice, t.mode, t.mode === 'fixed' ? t.producerPrice : null, t.mode === 'percent' ? t.commissionBps : null, at)
      .lastInsertRowid,
  );
}

export function addProduct(db: Database.Database, producerId: number, name: string, terms: TermsFixture | null, extra: { barcode?: string; unit?: string } = {}): number {
  const id = Number(
    db
      .prepare('INSERT INTO products (producer_id, name, unit, barcode, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(producerId, name, extra.unit ?? 'pcs', extra.barcode ?? null, at, at).lastInsertRowid,
  );
  if (terms) addTerms(db, id, terms);
  return id;
}

export interface Till {
  t: TestCore;
  db: Database.Database;
  mgr: { staffId: number; pin: string };
  cashier: { staffId: number; pin: string };
  shiftId: number;
  producers: { eggs: number; chips: number };
  /** egg: fixed Rp 3.000 retail, producer gets Rp 2.500; chips: Rp 12.500 retail, 15% commission; cake: Rp 7.777, 12.5% */
  products: { egg: number; chips: number; cake: number };
  /** A sale request with a fresh id (overridable). */
  sale(lines: { productId: number; quantity: number; discount?: number }[], extra?: Partial<MethodInput<'sales.create'>>): Sale;
  saleInput(lines: { productId: number; quantity: number; discount?: number }[], extra?: Partial<MethodInput<'sales.create'>>): MethodInput<'sales.create'>;
  count(table: string): number;
}

/**
 * The shop at work: the cashier is signed in at the till and the manager in the
 * back office. Calls a cashier may make (selling on her own shift, X report,
 * closing it, a void with the manager's PIN) go as the cashier; the manager's
 * (reports, ledger, audit log) as the manager.
 */
function atTheTill(t: TestCore, cashier: { staffId: number; pin: string }): TestCore {
  const asCashier = t.asStaff(cashier.staffId, cashier.pin);
  const pick = (method: string) => (isMethodName(method) && contract[method].access === 'staff' ? asCashier : t);
  return {
    ...t,
    ok: (method, input) => pick(method).ok(method, input),
    err: (method, input) => pick(method).err(method, input),
    raw: (method, input) => pick(method).raw(method, input),
    callAsync: (method, input) => pick(method).callAsync(method, input),
  };
}

export function makeTill(options: { clock?: TestClock; dataDir?: string; openShift?: boolean } = {}): Till {
  const base = makeTestCore(options);
  const db = base.core.db!;
  const mgr = base.manager();
  const cashier = base.cashier();
  const t = atTheTill(base, cashier);
  const eggs = addProducer(db, 'Bu Siti Telur Asin', 'BuSiti');
  const chips = addProducer(db, 'Keripik Pak Darto', 'PkDarto');
  const products = {
    egg: addProduct(db, eggs, 'Telur asin', { retailPrice: 3000, mode: 'fixed', producerPrice: 2500 }, { unit: 'butir', barcode: '8990001' }),
    chips: addProduct(db, chips, 'Keripik singkong', { retailPrice: 12500, mode: 'percent', commissionBps: 1500 }, { unit: 'bungkus' }),
    cake: addProduct(db, chips, 'Bolu pandan', { retailPrice: 7777, mode: 'percent', commissionBps: 1250 }),
  };
  const shiftId = options.openShift === false ? 0 : t.ok('shifts.open', { openingFloat: 200_000 }).id;
  const saleInput: Till['saleInput'] = (lines, extra = {}) => {
    const total = lines.reduce((s, l) => s + l.quantity * 100_000, 0);
    return { id: randomUUID(), shiftId, lines, payment: { method: 'cash', tendered: total }, ...extra } as MethodInput<'sales.create'>;
  };
  return {
    t,
    db,
    mgr,
    cashier,
    shiftId,
    producers: { eggs, chips },
    products,
    saleInput,
    sale: (lines, extra) => t.ok('sales.create', saleInput(lines, extra)),
    count: (table) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
  };
}

export const nextReceiptValue = (db: Database.Database) =>
  (db.prepare("SELECT next_value FROM sequences WHERE name = 'receipt'").get() as { next_value: number }).next_value;

export function ledgerOk(t: TestCore): boolean {
  const v = t.ok('ledger.verify', {});
  if (!v.ok) throw new Error(`ledger chain broken: ${JSON.stringify(v.problems)}`);
  return v.ok;
}
