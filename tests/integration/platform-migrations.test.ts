/**
 * One test per migration, in the Signal-Desktop style: build the database at
 * version N-1, insert rows as the app of that version would have, apply
 * migration N, assert the rows (and what N adds). A new migration adds one
 * entry to MIGRATION_CASES below; the last test fails until it does.
 * Then the start-up refusals of SPEC §9.
 */
import fs from 'node:fs';
import { catchUpLotState, laggingProducts, verifyLotState } from '../../electron/core/stock/lotState';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, DB_FILE_NAME } from '../../electron/core/app';
import { loadMigrations, migrate, schemaVersion, type Migration } from '../../electron/core/db/migrate';
import { openDatabase } from '../../electron/core/db/open';
import { tempDir } from '../helpers/core';
import { keptSumsCase } from './migration-0014-case';
import { salesMonthsCase } from './migration-0019-case';
import { appendSaleJournal, verifySalesJournal } from '../../electron/core/journal/salesJournal';
import { pinAttemptsCase } from './auth-migration-case';

interface MigrationCase {
  /** Rows written into the database at version N-1. */
  before(db: Database.Database): void;
  /** Checks after migration N: the rows survived, the new schema is there. */
  after(db: Database.Database): void;
}

const AT = '2026-11-02T02:00:00.000Z';

const MIGRATION_CASES: Record<number, MigrationCase> = {
  11: pinAttemptsCase,
  1: {
    before: () => undefined, // version 0 is the empty file
    after(db) {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
      for (const t of ['settings', 'sequences', 'staff', 'producers', 'products', 'product_terms', 'sales', 'sale_lines', 'intakes',
        'stock_movements', 'ledger_entries', 'settlements', 'payouts', 'audit_log']) {
        expect(tables).toContain(t);
      }
      const seqs = db.prepare('SELECT name, next_value FROM sequences ORDER BY name').all();
      expect(seqs).toHaveLength(6);
      // The append-only triggers are in place from the first version on.
      db.prepare('INSERT INTO audit_log (at, action) VALUES (?, ?)').run(AT, 'test');
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      // A producer and a product insert as the catalogue will.
      const producer = db.prepare('INSERT INTO producers (name, short_name, created_at, updated_at) VALUES (?, ?, ?, ?)').run('Bu Sari', 'Sari', AT, AT);
      db.prepare('INSERT INTO products (producer_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(producer.lastInsertRowid, 'Telur asin', AT, AT);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    },
  },
  3: {
    before(db) {
      const producer = insertProducer(db);
      const product = insertProduct(db, producer);
      db.prepare("INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (?, 40, 'intake', '1', ?)").run(product, AT);
      db.prepare("INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (?, -3, 'count', '1', ?)").run(product, AT);
      const count = db.prepare("INSERT INTO stock_counts (number, counted_at, shrinkage_born_by) VALUES ('SO-000001', ?, 'shop')").run(AT).lastInsertRowid;
      db.prepare("INSERT INTO stock_count_lines (count_id, product_id, expected, counted, difference, reason) VALUES (?, ?, 40, 37, -3, 'hilang')").run(count, product);
    },
    after(db) {
      expect(db.prepare('SELECT SUM(quantity) AS onHand FROM stock_movements').get()).toEqual({ onHand: 37 });
      // Existing count lines get the new column with its default.
      expect(db.prepare('SELECT counted, difference, reason, shrinkage FROM stock_count_lines').all()).toEqual([
        { counted: 37, difference: -3, reason: 'hilang', shrinkage: 0 },
      ]);
      expect(indexNames(db)).toEqual(expect.arrayContaining(['ix_stock_movements_product_qty', 'ix_intake_lines_product', 'ix_return_lines_product']));
      expect(indexNames(db)).not.toContain('ix_stock_movements_product');
    },
  },
  4: {
    before(db) {
      const staff = db.prepare("INSERT INTO staff (name, role, pin_hash, created_at, updated_at) VALUES ('Kasir', 'cashier', 'x', ?, ?)").run(AT, AT).lastInsertRowid;
      db.prepare('INSERT INTO shifts (cashier_id, opened_at, opening_float) VALUES (?, ?, 200000)').run(staff, AT);
    },
    after(db) {
      expect(db.prepare('SELECT opened_at, opening_float FROM shifts').all()).toEqual([{ opened_at: AT, opening_float: 200000 }]);
      expect(indexNames(db)).toEqual(expect.arrayContaining(['ix_refunds_shift', 'ix_sale_voids_shift', 'ix_shifts_opened', 'ix_refund_lines_refund']));
    },
  },
  5: {
    before(db) {
      insertProducer(db);
    },
    after(db) {
      expect(db.prepare('SELECT name FROM producers').all()).toEqual([{ name: 'Bu Sari' }]);
      const columns = (db.prepare('PRAGMA table_info(settlement_cursors)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).toEqual(['settlement_id', 'producer_id', 'through_seq', 'settled_max_seq']);
      expect(indexNames(db)).toContain('ix_settlement_cursors_producer');
    },
  },
  6: {
    before(db) {
      const producer = insertProducer(db);
      const egg = insertProduct(db, producer);
      const chips = insertProduct(db, producer);
      insertProduct(db, producer); // no movements: no level
      const move = db.prepare("INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (?, ?, 'intake', '1', ?)");
      move.run(egg, 40, AT);
      move.run(egg, -3, '2026-11-03T02:00:00.000Z');
      move.run(chips, 12, AT);
      move.run(egg, -5, '2026-11-02T09:00:00.000Z'); // written later, happened earlier
      move.run(chips, -12, AT);
    },
    after(db) {
      const levels = () => db.prepare('SELECT product_id, on_hand, last_movement_at FROM stock_levels ORDER BY product_id').all();
      const sums = () =>
        db.prepare('SELECT product_id, SUM(quantity) AS on_hand, MAX(occurred_at) AS last_movement_at FROM stock_movements GROUP BY product_id ORDER BY product_id').all();
      expect(levels()).toEqual([
        { product_id: 1, on_hand: 32, last_movement_at: '2026-11-03T02:00:00.000Z' },
        { product_id: 2, on_hand: 0, last_movement_at: AT },
      ]);
      expect(levels()).toEqual(sums());
      // A later movement moves its level (and creates the level of a product that had none).
      const move = db.prepare("INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (?, ?, 'sale', 'x', ?)");
      move.run(1, -2, '2026-11-04T02:00:00.000Z');
      move.run(3, 7, AT);
      expect(levels()).toEqual([
        { product_id: 1, on_hand: 30, last_movement_at: '2026-11-04T02:00:00.000Z' },
        { product_id: 2, on_hand: 0, last_movement_at: AT },
        { product_id: 3, on_hand: 7, last_movement_at: AT },
      ]);
      expect(levels()).toEqual(sums());
      // The level is derived: edits other than through a movement are refused.
      expect(() => db.prepare('UPDATE stock_levels SET on_hand = 99 WHERE product_id = 1').run()).toThrow(/follow stock movements/);
      expect(() => db.prepare('DELETE FROM stock_levels').run()).toThrow(/follow stock movements/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    },
  },
  10: {
    before(db) {
      const producerId = insertProducer(db);
      db.prepare(
        `INSERT INTO settlements (number, producer_id, period_end, due_date, total_due, chain_head, created_at) VALUES ('ST-000001', ?, '2026-11-01T17:00:00.000Z', '2026-11-03', 8000, 'x', ?)`,
      ).run(producerId, AT);
    },
    after(db) {
      // an old settlement carries nothing; a carried amount is never positive
      expect(db.prepare('SELECT total_due, carried_in, carried_forward FROM settlements').all()).toEqual([{ total_due: 8000, carried_in: 0, carried_forward: 0 }]);
      expect(() =>
        db
          .prepare(`INSERT INTO settlements (number, producer_id, period_end, due_date, total_due, carried_forward, chain_head, created_at) VALUES ('ST-000002', 1, '2026-11-08T17:00:00.000Z', '2026-11-10', 0, 5, 'x', ?)`)
          .run(AT),
      ).toThrow(/CHECK/);
      },
    },
  15: {
    // Parked sales, the store QRIS image, refund receipt numbers (the counter, issue #15).
    before(db) {
      db.exec(`
        INSERT INTO staff (id, name, role, pin_hash, active, created_at, updated_at) VALUES (1, 'Rina', 'manager', 'x', 1, '${AT}', '${AT}');
        INSERT INTO shifts (id, cashier_id, opened_at, opening_float) VALUES (1, 1, '${AT}', 0);
        INSERT INTO sales (id, receipt_no, shift_id, cashier_id, created_at, subtotal, discount_total, total, payment_method, tendered, change_given, payment_ref, request_hash)
          VALUES ('s1', 1, 1, 1, '${AT}', 100, 0, 100, 'cash', 100, 0, '', 'h');
        INSERT INTO refunds (id, sale_id, refunded_at, shift_id, approved_by, reason, restock, method, amount, request_hash) VALUES
          ('later', 's1', '2026-11-04T02:00:00.000Z', 1, 1, 'b', 0, 'cash', 10, 'h'),
          ('earlier', 's1', '2026-11-03T02:00:00.000Z', 1, 1, 'a', 0, 'cash', 10, 'h');
      `);
    },
    after(db) {
      expect(db.prepare('SELECT COUNT(*) AS n FROM refunds').get()).toEqual({ n: 2 });
      expect(db.prepare('SELECT refund_id, number FROM refund_receipts ORDER BY number').all()).toEqual([
        { refund_id: 'earlier', number: 1 },
        { refund_id: 'later', number: 2 },
      ]);
      expect(db.prepare("SELECT next_value FROM sequences WHERE name = 'refund'").get()).toEqual({ next_value: 3 });
      db.prepare("INSERT INTO parked_sales (id, shift_id, parked_by, parked_at, lines, line_count, total, request_hash) VALUES ('p', 1, 1, ?, '[]', 1, 100, 'h')").run(AT);
      expect(() => db.prepare("INSERT INTO parked_sales (id, shift_id, parked_by, parked_at, lines, line_count, total, request_hash) VALUES ('q', 1, 1, ?, '[]', 0, 100, 'h')").run(AT)).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO store_qris (id, mime, data, updated_at) VALUES (1, 'text/html', x'00', ?)").run(AT)).toThrow(/CHECK/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    },
  },
  14: keptSumsCase,
  19: salesMonthsCase,
  12: {
    // The sales journal's chain: sales before 0012 stay as they are and unchained; the chain starts after them.
    before(db) {
      const producer = insertProducer(db);
      const product = insertProduct(db, producer);
      const terms = Number(
        db.prepare("INSERT INTO product_terms (product_id, effective_from, retail_price, mode, producer_price, created_at) VALUES (?, '2026-01-01', 3000, 'fixed', 2500, ?)").run(product, AT).lastInsertRowid,
      );
      const staff = Number(db.prepare("INSERT INTO staff (name, role, pin_hash, active, created_at, updated_at) VALUES ('Wulan', 'cashier', 'x', 1, ?, ?)").run(AT, AT).lastInsertRowid);
      const shift = Number(db.prepare('INSERT INTO shifts (cashier_id, opened_at, opening_float) VALUES (?, ?, 0)').run(staff, AT).lastInsertRowid);
      db.prepare(
        "INSERT INTO sales (id, receipt_no, shift_id, cashier_id, created_at, subtotal, discount_total, total, payment_method, tendered, change_given, request_hash) VALUES ('old-sale', 1, ?, ?, ?, 3000, 0, 3000, 'cash', 5000, 2000, 'h')",
      ).run(shift, staff, AT);
      db.prepare(
        "INSERT INTO sale_lines (sale_id, line_no, product_id, producer_id, terms_id, quantity, unit_price, line_total, terms_mode, producer_price, producer_share) VALUES ('old-sale', 1, ?, ?, ?, 1, 3000, 3000, 'fixed', 2500, 2500)",
      ).run(product, producer, terms);
    },
    after(db) {
      expect(db.prepare('SELECT id, receipt_no, total FROM sales').all()).toEqual([{ id: 'old-sale', receipt_no: 1, total: 3000 }]);
      expect(db.prepare('SELECT count(*) AS n FROM sale_journal').get()).toEqual({ n: 0 });
      // A sale chained after the migration; an old unchained sale is not reported as missing.
      db.prepare(
        "INSERT INTO sales (id, receipt_no, shift_id, cashier_id, created_at, subtotal, discount_total, total, payment_method, tendered, change_given, request_hash) VALUES ('new-sale', 2, 1, 1, ?, 3000, 0, 3000, 'cash', 3000, 0, 'h2')",
      ).run(AT);
      appendSaleJournal(db, 'new-sale');
      expect(verifySalesJournal(db)).toMatchObject({ ok: true, salesChecked: 1 });
      expect(() => db.prepare('UPDATE sale_journal SET hash = hash').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM sale_journal').run()).toThrow(/append-only/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    },
  },
  18: {
    before(db) {
      const product = insertProduct(db, insertProducer(db));
      db.prepare("INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (?, 12, 'intake', '1', ?)").run(product, AT);
    },
    after(db) {
      // Movements and levels untouched; the insight's by-product-and-time index is there (tests/integration/insight-migration.test.ts checks its plan).
      expect(db.prepare('SELECT on_hand FROM stock_levels').all()).toEqual([{ on_hand: 12 }]);
      expect(indexNames(db)).toContain('ix_stock_movements_product_time');
    },
  },
  20: {
    before(db) {
      const producer = insertProducer(db);
      const product = insertProduct(db, producer);
      const intake = Number(db.prepare("INSERT INTO intakes (number, producer_id, received_at) VALUES ('TT-000001', ?, ?)").run(producer, AT).lastInsertRowid);
      db.prepare("INSERT INTO intake_lines (intake_id, product_id, quantity, expiry_date) VALUES (?, ?, 10, '2026-11-05'), (?, ?, 5, '2026-11-03')").run(intake, product, intake, product);
      const move = db.prepare('INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (?, ?, ?, ?, ?)');
      move.run(product, 10, 'intake', String(intake), AT);
      move.run(product, 5, 'intake', String(intake), AT);
      move.run(product, -7, 'sale', 's', AT);
    },
    after(db) {
      // The kept lots on the shelf: empty tables; the store's open fills them from the history (catchUpLotState).
      expect(db.prepare('SELECT COUNT(*) FROM stock_lot_left').pluck().get()).toBe(0);
      expect(laggingProducts(db)).toEqual([1]);
      expect(catchUpLotState(db)).toBe(1);
      // the sale took the earlier-expiring lot first (5), then 2 of the other
      expect(db.prepare('SELECT lot_id, quantity_left FROM stock_lot_left ORDER BY lot_id').raw().all()).toEqual([
        [1, 8],
        [2, 0],
      ]);
      expect(verifyLotState(db)).toMatchObject({ ok: true, productsChecked: 1, lagging: 0 });
      expect(db.prepare('SELECT on_hand FROM stock_levels').pluck().all()).toEqual([8]);
    },
  },
};

function insertProducer(db: Database.Database): number {
  return Number(db.prepare('INSERT INTO producers (name, short_name, created_at, updated_at) VALUES (?, ?, ?, ?)').run('Bu Sari', 'Sari', AT, AT).lastInsertRowid);
}
function insertProduct(db: Database.Database, producerId: number): number {
  return Number(db.prepare('INSERT INTO products (producer_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(producerId, 'Telur asin', AT, AT).lastInsertRowid);
}
const indexNames = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);

function dbAt(version: number, migrations: Migration[]): Database.Database {
  const db = openDatabase(path.join(tempDir(), DB_FILE_NAME));
  migrate(db, migrations.filter((m) => m.version <= version));
  expect(schemaVersion(db)).toBe(version);
  return db;
}

describe('each migration, from the version before it', () => {
  const migrations = loadMigrations();
  for (const m of migrations) {
    const testCase = MIGRATION_CASES[m.version];
    it(`${m.name}: rows at the version before survive, ${m.version} adds its schema`, () => {
      expect(testCase, `no case for ${m.name} in MIGRATION_CASES`).toBeDefined();
      const previous = migrations.filter((x) => x.version < m.version).at(-1)?.version ?? 0;
      const db = dbAt(previous, migrations);
      testCase!.before(db);
      expect(migrate(db, migrations.filter((x) => x.version <= m.version))).toEqual([m.version]);
      expect(schemaVersion(db)).toBe(m.version);
      testCase!.after(db);
      expect((db.pragma('quick_check') as { quick_check: string }[])[0]!.quick_check).toBe('ok');
      db.close();
    });
  }

  it('every migration file has a case here (a test per migration)', () => {
    const missing = migrations.filter((m) => !MIGRATION_CASES[m.version]).map((m) => m.name);
    expect(missing, `add a case to MIGRATION_CASES in ${path.basename(__filename)} for: ${missing.join(', ')}`).toEqual([]);
  });

  it('a failing migration rolls back whole and the store refuses with the reason', () => {
    const dir = tempDir();
    const migDir = tempDir('ukm-mart-migrations-');
    for (const m of loadMigrations()) fs.writeFileSync(path.join(migDir, `${m.name}.sql`), m.sql);
    const core0 = createCore({ dataDir: dir, migrationsDir: migDir });
    core0.close();
    const last = migrations.at(-1)!.version;
    const bad = String(last + 1).padStart(4, '0');
    fs.writeFileSync(path.join(migDir, `${bad}_broken.sql`), 'CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);');
    const core = createCore({ dataDir: dir, migrationsDir: migDir });
    expect(core.status().state).toBe('refused');
    expect(core.status().reason).toMatch(/could not be upgraded.*no_such_table/s);
    core.close();
    const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true });
    expect(schemaVersion(db)).toBe(last);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses two migrations with the same number', () => {
    const migDir = tempDir('ukm-mart-migrations-');
    fs.writeFileSync(path.join(migDir, '0001_a.sql'), 'SELECT 1;');
    fs.writeFileSync(path.join(migDir, '0001_b.sql'), 'SELECT 1;');
    expect(() => loadMigrations(migDir)).toThrow(/two migrations numbered 1/);
  });
});
