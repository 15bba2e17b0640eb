/**
 * The test case of migrations/0019_sales_months.sql for platform-migrations.test.ts:
 * a store at version 18 with sales on both sides of a month's end (local time),
 * a void and a refund in the next month of a sale of the month before; after
 * 0019 the kept months and day totals equal the kept days they sum, and later
 * sales, voids and refunds keep them so.
 */
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { verifyDailySales } from '../../electron/core/reports/dailySales';

const OCT_31 = '2026-10-31T02:00:00.000Z'; // 09:00 on 31 Oct in Jakarta
const NOV_1 = '2026-10-31T17:30:00.000Z'; // 00:30 on 1 Nov in Jakarta (still 31 Oct in UTC)
const NOV_2 = '2026-11-02T02:00:00.000Z';

function insertSale(db: Database.Database, id: string, receipt: number, at: string, method: string, lines: [number, number, number, number][]) {
  const total = lines.reduce((s, [, q, p]) => s + q * p, 0);
  db.prepare(
    `INSERT INTO sales (id, receipt_no, shift_id, cashier_id, created_at, subtotal, discount_total, total, payment_method, tendered, change_given, request_hash)
     VALUES (?, ?, 1, 1, ?, ?, 0, ?, ?, ?, 0, 'h')`,
  ).run(id, receipt, at, total, total, method, total);
  lines.forEach(([product, qty, price, share], i) =>
    db
      .prepare(
        `INSERT INTO sale_lines (sale_id, line_no, product_id, producer_id, terms_id, quantity, unit_price, discount, line_total, terms_mode, producer_price, producer_share)
         VALUES (?, ?, ?, ?, 1, ?, ?, 0, ?, 'fixed', ?, ?)`,
      )
      .run(id, i + 1, product, product, qty, price, qty * price, share, qty * share),
  );
}

const months = (db: Database.Database) =>
  db.prepare('SELECT month, product_id, producer_id, units, net, producer_share, void_units, void_net, refund_units, refund_net FROM sales_months ORDER BY month, product_id').all();
const totals = (db: Database.Database) => db.prepare('SELECT day, units, net, void_net, refund_net, refund_share FROM sales_day_totals ORDER BY day').all();

export const salesMonthsCase = {
  before(db: Database.Database) {
    db.prepare(`INSERT INTO settings (key, value) VALUES ('timeZone', '"Asia/Jakarta"')`).run();
    db.prepare(`INSERT INTO staff (name, role, pin_hash, created_at, updated_at) VALUES ('Rina', 'manager', 'x', ?, ?)`).run(OCT_31, OCT_31);
    for (const [name, short] of [['Bu Sari', 'Sari'], ['Pak Darto', 'Darto']]) {
      db.prepare(`INSERT INTO producers (name, short_name, created_at, updated_at) VALUES (?, ?, ?, ?)`).run(name, short, OCT_31, OCT_31);
    }
    // Product 1 is Bu Sari's, product 2 Pak Darto's.
    for (const [producer, name] of [[1, 'Telur asin'], [2, 'Keripik']] as const) {
      db.prepare(`INSERT INTO products (producer_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`).run(producer, name, OCT_31, OCT_31);
    }
    db.prepare(`INSERT INTO product_terms (product_id, effective_from, retail_price, mode, producer_price, created_at) VALUES (1, '2026-01-01', 3000, 'fixed', 2500, ?)`).run(OCT_31);
    db.prepare(`INSERT INTO shifts (cashier_id, opened_at, opening_float) VALUES (1, ?, 0)`).run(OCT_31);
    insertSale(db, 's1', 1, OCT_31, 'cash', [[1, 4, 3000, 2500], [2, 1, 10000, 8000]]);
    insertSale(db, 's2', 2, OCT_31, 'qris', [[1, 1, 3000, 2500]]);
    insertSale(db, 's3', 3, NOV_1, 'cash', [[2, 2, 10000, 8000]]);
    // s2 voided in November, one egg of s1 refunded in November: the void stays in October, the refund is November's.
    db.prepare(`INSERT INTO sale_voids (sale_id, voided_at, shift_id, approved_by, reason) VALUES ('s2', ?, 1, 1, 'batal')`).run(NOV_2);
    db.prepare(`INSERT INTO refunds (id, sale_id, refunded_at, shift_id, approved_by, reason, restock, method, amount, request_hash) VALUES ('r1', 's1', ?, 1, 1, 'retak', 1, 'cash', 3000, 'h')`).run(NOV_2);
    db.prepare(`INSERT INTO refund_lines (refund_id, sale_line_id, quantity, amount, producer_share) VALUES ('r1', 1, 1, 3000, 2500)`).run();
  },
  after(db: Database.Database) {
    expect(months(db)).toEqual([
      { month: '2026-10', product_id: 1, producer_id: 1, units: 5, net: 15000, producer_share: 12500, void_units: 1, void_net: 3000, refund_units: 0, refund_net: 0 },
      { month: '2026-10', product_id: 2, producer_id: 2, units: 1, net: 10000, producer_share: 8000, void_units: 0, void_net: 0, refund_units: 0, refund_net: 0 },
      { month: '2026-11', product_id: 1, producer_id: 1, units: 0, net: 0, producer_share: 0, void_units: 0, void_net: 0, refund_units: 1, refund_net: 3000 },
      { month: '2026-11', product_id: 2, producer_id: 2, units: 2, net: 20000, producer_share: 16000, void_units: 0, void_net: 0, refund_units: 0, refund_net: 0 },
    ]);
    expect(totals(db)).toEqual([
      { day: '2026-10-31', units: 6, net: 25000, void_net: 3000, refund_net: 0, refund_share: 0 },
      { day: '2026-11-01', units: 2, net: 20000, void_net: 0, refund_net: 0, refund_share: 0 },
      { day: '2026-11-02', units: 0, net: 0, void_net: 0, refund_net: 3000, refund_share: 2500 },
    ]);
    expect(verifyDailySales(db)).toMatchObject({ ok: true, problems: [] });
    // Later rows keep them (0014's triggers move the days, 0019's the months and totals): a sale on
    // 1 Nov, a void of it, a refund of s3 on 2 Nov.
    insertSale(db, 's4', 4, NOV_1, 'transfer', [[1, 2, 3000, 2500], [2, 1, 10000, 8000]]);
    db.prepare(`INSERT INTO sale_voids (sale_id, voided_at, shift_id, approved_by, reason) VALUES ('s4', ?, 1, 1, 'batal')`).run(NOV_2);
    db.prepare(`INSERT INTO refunds (id, sale_id, refunded_at, shift_id, approved_by, reason, restock, method, amount, request_hash) VALUES ('r2', 's3', ?, 1, 1, 'remuk', 0, 'qris', 10000, 'h')`).run(NOV_2);
    db.prepare(`INSERT INTO refund_lines (refund_id, sale_line_id, quantity, amount, producer_share) VALUES ('r2', 4, 1, 10000, 8000)`).run();
    expect(months(db)).toEqual([
      { month: '2026-10', product_id: 1, producer_id: 1, units: 5, net: 15000, producer_share: 12500, void_units: 1, void_net: 3000, refund_units: 0, refund_net: 0 },
      { month: '2026-10', product_id: 2, producer_id: 2, units: 1, net: 10000, producer_share: 8000, void_units: 0, void_net: 0, refund_units: 0, refund_net: 0 },
      { month: '2026-11', product_id: 1, producer_id: 1, units: 2, net: 6000, producer_share: 5000, void_units: 2, void_net: 6000, refund_units: 1, refund_net: 3000 },
      { month: '2026-11', product_id: 2, producer_id: 2, units: 3, net: 30000, producer_share: 24000, void_units: 1, void_net: 10000, refund_units: 1, refund_net: 10000 },
    ]);
    expect(totals(db)).toEqual([
      { day: '2026-10-31', units: 6, net: 25000, void_net: 3000, refund_net: 0, refund_share: 0 },
      { day: '2026-11-01', units: 5, net: 36000, void_net: 16000, refund_net: 0, refund_share: 0 },
      { day: '2026-11-02', units: 0, net: 0, void_net: 0, refund_net: 13000, refund_share: 10500 },
    ]);
    expect(verifyDailySales(db)).toMatchObject({ ok: true, problems: [] });
    // A kept month or day total changed behind the triggers' back is named.
    db.prepare(`UPDATE sales_months SET units = units + 1 WHERE month = '2026-10' AND product_id = 2`).run();
    db.prepare(`UPDATE sales_day_totals SET net = net + 1 WHERE day = '2026-11-02'`).run();
    expect(verifyDailySales(db).problems.map((p) => p.what)).toEqual(['sales_months 2026-10 2', 'sales_day_totals 2026-11-02']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  },
};
