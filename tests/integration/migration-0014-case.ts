/**
 * The test case of migrations/0014_kept_sums.sql for platform-migrations.test.ts:
 * a store with sales, a void, a refund, ledger entries, a settlement and a
 * payout at version 13; after 0014 the kept balances and daily sales equal what
 * the rows add up to, and later rows keep them so.
 */
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { verifyDailySales } from '../../electron/core/reports/dailySales';
import { checkKeptBalances } from '../../electron/core/ledger/keptBalances';

const AT = '2026-11-02T02:00:00.000Z'; // 09:00 in Jakarta
const LATE = '2026-11-02T17:30:00.000Z'; // 00:30 on the 3rd in Jakarta

function insertSale(db: Database.Database, id: string, receipt: number, at: string, method: string, lines: [number, number, number, number][]) {
  const total = lines.reduce((s, [, q, p]) => s + q * p, 0);
  db.prepare(
    `INSERT INTO sales (id, receipt_no, shift_id, cashier_id, created_at, subtotal, discount_total, total, payment_method, tendered, change_given, request_hash)
     VALUES (?, ?, 1, 1, ?, ?, 0, ?, ?, ?, 0, 'h')`,
  ).run(id, receipt, at, total, total, method, total);
  lines.forEach(([product, qty, price, share], i) =>
    db.prepare(
      `INSERT INTO sale_lines (sale_id, line_no, product_id, producer_id, terms_id, quantity, unit_price, discount, line_total, terms_mode, producer_price, producer_share)
       VALUES (?, ?, ?, 1, 1, ?, ?, 0, ?, 'fixed', ?, ?)`,
    ).run(id, i + 1, product, qty, price, qty * price, share, qty * share),
  );
}

function insertEntry(db: Database.Database, seq: number, kind: string, amount: number) {
  db.prepare(`INSERT INTO ledger_entries (producer_id, seq, kind, amount, occurred_at, prev_hash, hash) VALUES (1, ?, ?, ?, ?, 'p', 'h')`).run(seq, kind, amount, AT);
}

export const keptSumsCase = {
  before(db: Database.Database) {
    db.prepare(`INSERT INTO settings (key, value) VALUES ('timeZone', '"Asia/Jakarta"')`).run();
    db.prepare(`INSERT INTO staff (name, role, pin_hash, created_at, updated_at) VALUES ('Rina', 'manager', 'x', ?, ?)`).run(AT, AT);
    db.prepare(`INSERT INTO producers (name, short_name, created_at, updated_at) VALUES ('Bu Sari', 'Sari', ?, ?)`).run(AT, AT);
    db.prepare(`INSERT INTO producers (name, short_name, created_at, updated_at) VALUES ('Pak Darto', 'Darto', ?, ?)`).run(AT, AT);
    for (const name of ['Telur asin', 'Keripik']) db.prepare(`INSERT INTO products (producer_id, name, created_at, updated_at) VALUES (1, ?, ?, ?)`).run(name, AT, AT);
    db.prepare(`INSERT INTO product_terms (product_id, effective_from, retail_price, mode, producer_price, created_at) VALUES (1, '2026-01-01', 3000, 'fixed', 2500, ?)`).run(AT);
    db.prepare(`INSERT INTO shifts (cashier_id, opened_at, opening_float) VALUES (1, ?, 0)`).run(AT);
    insertSale(db, 's1', 1, AT, 'cash', [[1, 4, 3000, 2500], [2, 1, 10000, 8000]]);
    insertSale(db, 's2', 2, AT, 'qris', [[1, 1, 3000, 2500]]);
    insertSale(db, 's3', 3, LATE, 'cash', [[2, 2, 10000, 8000]]);
    db.prepare(`INSERT INTO sale_voids (sale_id, voided_at, shift_id, approved_by, reason) VALUES ('s2', ?, 1, 1, 'batal')`).run(AT);
    db.prepare(`INSERT INTO refunds (id, sale_id, refunded_at, shift_id, approved_by, reason, restock, method, amount, request_hash) VALUES ('r1', 's1', ?, 1, 1, 'retak', 1, 'cash', 3000, 'h')`).run(LATE);
    db.prepare(`INSERT INTO refund_lines (refund_id, sale_line_id, quantity, amount, producer_share) VALUES ('r1', 1, 1, 3000, 2500)`).run();
    insertEntry(db, 1, 'sale', 10000);
    insertEntry(db, 2, 'sale', 8000);
    insertEntry(db, 3, 'refund', -2500);
    db.prepare(`INSERT INTO settlements (number, producer_id, period_end, due_date, total_due, chain_head, created_at) VALUES ('ST-000001', 1, ?, '2026-11-04', 15500, 'h', ?)`).run(AT, AT);
    db.prepare(
      `INSERT INTO payouts (id, settlement_id, producer_id, amount, method, paid_at, receiver_name, ledger_entry_id, created_at, request_hash)
       VALUES ('p1', 1, 1, 5000, 'cash_safe', ?, 'Sari', 3, ?, 'h')`,
    ).run(AT, AT);
  },
  after(db: Database.Database) {
    const kept = () => db.prepare('SELECT producer_id, balance, entries, settled, paid FROM producer_balances ORDER BY producer_id').all();
    expect(kept()).toEqual([
      { producer_id: 1, balance: 15500, entries: 3, settled: 15500, paid: 5000 },
      { producer_id: 2, balance: 0, entries: 0, settled: 0, paid: 0 },
    ]);
    const days = () => db.prepare('SELECT day, product_id, units, gross, net, producer_share, void_units, void_net, refund_units, refund_net, refund_share FROM sales_days ORDER BY day, product_id').all();
    expect(days()).toEqual([
      // the 2nd: s1 (4 eggs, 1 chips) and the voided s2 (1 egg) counted apart
      { day: '2026-11-02', product_id: 1, units: 5, gross: 15000, net: 15000, producer_share: 12500, void_units: 1, void_net: 3000, refund_units: 0, refund_net: 0, refund_share: 0 },
      { day: '2026-11-02', product_id: 2, units: 1, gross: 10000, net: 10000, producer_share: 8000, void_units: 0, void_net: 0, refund_units: 0, refund_net: 0, refund_share: 0 },
      // 00:30 local on the 3rd: the refund of one egg and s3
      { day: '2026-11-03', product_id: 1, units: 0, gross: 0, net: 0, producer_share: 0, void_units: 0, void_net: 0, refund_units: 1, refund_net: 3000, refund_share: 2500 },
      { day: '2026-11-03', product_id: 2, units: 2, gross: 20000, net: 20000, producer_share: 16000, void_units: 0, void_net: 0, refund_units: 0, refund_net: 0, refund_share: 0 },
    ]);
    expect(db.prepare('SELECT * FROM sales_day_payments ORDER BY day, method').all()).toEqual([
      { day: '2026-11-02', method: 'cash', sales: 1, taken: 22000, void_sales: 0, voided: 0, refunds: 0, refunded: 0 },
      { day: '2026-11-02', method: 'qris', sales: 1, taken: 3000, void_sales: 1, voided: 3000, refunds: 0, refunded: 0 },
      { day: '2026-11-03', method: 'cash', sales: 1, taken: 20000, void_sales: 0, voided: 0, refunds: 1, refunded: 3000 },
    ]);
    expect(verifyDailySales(db)).toMatchObject({ ok: true, problems: [] });
    expect(checkKeptBalances(db)).toEqual([]);
    // Later rows keep the sums (the triggers), and a new producer gets its row.
    insertEntry(db, 4, 'payout', -5000);
    db.prepare(`INSERT INTO producers (name, short_name, created_at, updated_at) VALUES ('Bu Ani', 'Ani', ?, ?)`).run(AT, AT);
    insertSale(db, 's4', 4, LATE, 'transfer', [[1, 2, 3000, 2500]]);
    expect(kept()).toContainEqual({ producer_id: 1, balance: 10500, entries: 4, settled: 15500, paid: 5000 });
    expect(kept()).toContainEqual({ producer_id: 3, balance: 0, entries: 0, settled: 0, paid: 0 });
    expect(verifyDailySales(db).ok).toBe(true);
    expect(checkKeptBalances(db)).toEqual([]);
    // A kept sum changed behind the triggers' back is named by the checks.
    db.prepare(`UPDATE sales_days SET net = net + 1 WHERE day = '2026-11-03' AND product_id = 2`).run();
    db.prepare('UPDATE producer_balances SET balance = balance + 1 WHERE producer_id = 1').run();
    expect(verifyDailySales(db).problems.map((p) => p.what)).toEqual(['sales_days 2026-11-03 2']);
    expect(checkKeptBalances(db).map((p) => p.what)).toEqual(['producer 1 balance']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  },
};
