/**
 * Issue 14: lists page with a total, sums are kept as rows are written and
 * checked against them, the statement summarises by week and pages; issue 10
 * item 9: the shop's income from the kept days.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/core';
import { makeTill, type Till } from './till-fixtures';
import { seedProducer, seedProduct, writeEntry } from './settle-helpers';

let till: Till | null = null;
let core: TestCore | null = null;
afterEach(() => {
  till?.t.close();
  core?.close();
  till = null;
  core = null;
});

/** The sales report as the old code worked it out: straight from the sale lines (voids left out, refunds in the range). */
function fromLines(tl: Till, fromInstant: string, toInstant: string) {
  const sold = tl.db
    .prepare(
      `SELECT COALESCE(SUM(l.quantity * l.unit_price), 0) AS gross, COALESCE(SUM(l.discount), 0) AS discounts, COALESCE(SUM(l.line_total), 0) AS net,
              COALESCE(SUM(l.producer_share), 0) AS share
         FROM sales s JOIN sale_lines l ON l.sale_id = s.id
        WHERE s.created_at >= ? AND s.created_at < ? AND NOT EXISTS (SELECT 1 FROM sale_voids v WHERE v.sale_id = s.id)`,
    )
    .get(fromInstant, toInstant) as { gross: number; discounts: number; net: number; share: number };
  const refunded = tl.db
    .prepare(
      `SELECT COALESCE(SUM(rl.amount), 0) AS net, COALESCE(SUM(rl.producer_share), 0) AS share
         FROM refunds r JOIN refund_lines rl ON rl.refund_id = r.id WHERE r.refunded_at >= ? AND r.refunded_at < ?`,
    )
    .get(fromInstant, toInstant) as { net: number; share: number };
  return { gross: sold.gross, discounts: sold.discounts, refunds: refunded.net, net: sold.net - refunded.net, producerShare: sold.share - refunded.share };
}

describe('kept daily sales and the income report', () => {
  it('reads days that always equal the lines, shows what the shop keeps per period and payment method, and re-keys days on a zone change', () => {
    till = makeTill(); // Mon 2 Nov 2026 09:00 Jakarta
    const tl = till;
    const { t, products, mgr } = tl;
    const made = [];
    for (let day = 0; day < 10; day++) {
      t.clock.set(new Date(Date.UTC(2026, 10, 2 + day, 2 + (day % 3) * 7, 0)));
      made.push(tl.sale([{ productId: products.egg, quantity: 1 + (day % 3) }, { productId: products.chips, quantity: 1, discount: day % 2 ? 500 : 0 }]));
      made.push(tl.sale([{ productId: products.cake, quantity: 2 }], { payment: day % 2 ? { method: 'qris' } : { method: 'transfer', reference: `TRF${day}` } }));
    }
    t.ok('sales.void', { saleId: made[19]!.id, reason: 'salah', approval: mgr });
    t.ok('sales.refund', { id: randomUUID(), saleId: made[0]!.id, lines: [{ saleLineId: made[0]!.lines[0]!.id, quantity: 1 }], restock: false, method: 'qris', reason: 'retak', approval: mgr });

    const r = t.ok('reports.sales', { from: '2026-11-02', to: '2026-11-11', groupBy: 'week' });
    const lines = fromLines(tl, '2026-11-01T17:00:00.000Z', '2026-11-11T17:00:00.000Z');
    expect(r.totals).toMatchObject(lines);
    expect(r.totals.commission).toBe(lines.net - lines.producerShare);
    expect(r.totals.voids).toBe(made[19]!.total);
    expect(r.totals).toMatchObject({ sales: 19, voidedSales: 1, refundCount: 1 });
    // Weeks end on the store's settlement day (Sunday): 2–8 Nov and 9–15 Nov (cut at the 11th's data).
    expect(r.periods.map((p) => [p.from, p.to])).toEqual([['2026-11-02', '2026-11-08'], ['2026-11-09', '2026-11-15']]);
    expect(r.periods.reduce((s, p) => s + p.net, 0)).toBe(r.totals.net);
    const monthly = t.ok('reports.sales', { from: '2026-11-01', to: '2026-11-30', groupBy: 'month' });
    expect(monthly.periods).toHaveLength(1);
    expect(monthly.periods[0]).toMatchObject({ from: '2026-11-01', to: '2026-11-30', net: r.totals.net });
    // Cash, QRIS, transfer: what was taken less voids, refunds by their own method.
    const pay = Object.fromEntries(r.payments.map((p) => [p.method, p]));
    expect(pay.cash!.sales + pay.qris!.sales + pay.transfer!.sales).toBe(19);
    expect(pay.qris).toMatchObject({ refunds: 1, refunded: 3000 });
    expect(pay.qris!.voidedSales + pay.transfer!.voidedSales).toBe(1);
    expect(r.payments.reduce((s, p) => s + p.net, 0)).toBe(r.totals.net);
    // One producer: their lines only.
    const eggs = t.ok('reports.sales', { from: '2026-11-02', to: '2026-11-11', producerId: tl.producers.eggs });
    expect(eggs.byProducer.map((p) => p.producerId)).toEqual([tl.producers.eggs]);
    expect(eggs.payments).toEqual([]);
    // CSVs per week and per payment method.
    const weekCsv = t.ok('reports.salesCsv', { from: '2026-11-02', to: '2026-11-11', by: 'week' }).csv.split('\r\n');
    expect(weekCsv[0]).toContain('Komisi toko (Rp)');
    expect(weekCsv[1]!.startsWith('2026-11-02,2026-11-08,')).toBe(true);
    expect(t.ok('reports.salesCsv', { from: '2026-11-02', to: '2026-11-11', by: 'payment' }).csv).toContain('QRIS,');

    expect(t.ok('reports.verifyDaily', {})).toMatchObject({ ok: true, problems: [] });
    // A sale at 23:30 UTC is the next day in Jakarta but the same day in UTC: a zone change re-keys the days.
    t.clock.set('2026-11-12T23:30:00.000Z');
    tl.sale([{ productId: products.egg, quantity: 1 }]);
    expect(t.ok('reports.sales', { from: '2026-11-13', to: '2026-11-13' }).totals.sales).toBe(1);
    t.ok('settings.update', { timeZone: 'UTC', approval: mgr });
    expect(t.ok('reports.sales', { from: '2026-11-13', to: '2026-11-13' }).totals.sales).toBe(0);
    expect(t.ok('reports.sales', { from: '2026-11-12', to: '2026-11-12' }).totals.sales).toBe(1);
    expect(t.ok('reports.verifyDaily', {}).ok).toBe(true);
    // A kept day changed behind the triggers' back is named.
    tl.db.prepare("UPDATE sales_days SET gross = gross + 1 WHERE day = '2026-11-12'").run();
    const broken = t.ok('reports.verifyDaily', {});
    expect(broken.ok).toBe(false);
    expect(broken.problems[0]!.what).toMatch(/^sales_days 2026-11-12 /);
  });
});

describe('kept balances', () => {
  it('answers ledger.balances from the kept rows and ledger.verify names a kept balance that differs from its entries', () => {
    core = makeTestCore();
    const db = core.core.db!;
    const sari = seedProducer(db, 'Bu Sari');
    const egg = seedProduct(db, sari, 'Telur asin', 'butir');
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 4000, at: '2026-11-01T03:00:00.000Z', productId: egg, quantity: 2 });
    writeEntry(db, { producerId: sari, kind: 'refund', amount: -1000, at: '2026-11-01T04:00:00.000Z', productId: egg, quantity: 1 });
    expect(core.ok('ledger.balances', {}).find((b) => b.id === sari)).toMatchObject({ balance: 3000, entries: 2 });
    expect(core.ok('ledger.verify', {})).toMatchObject({ ok: true, keptSums: { ok: true, problems: [] } });
    db.prepare('UPDATE producer_balances SET balance = 9999 WHERE producer_id = ?').run(sari);
    expect(core.ok('ledger.balances', {}).find((b) => b.id === sari)!.balance).toBe(9999); // read from the kept row, not the entries
    const v = core.ok('ledger.verify', {});
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([]); // the chain itself is intact
    expect(v.keptSums!.problems).toEqual([expect.objectContaining({ what: `producer ${sari} balance`, kept: 9999, actual: 3000 })]);
  });
});

describe('paging', () => {
  it('pages the sales of a shift with a total, without overlap or gaps, and keeps the filter', () => {
    till = makeTill();
    const ids = Array.from({ length: 7 }, (_, i) => {
      till!.t.clock.advance(60_000);
      return till!.sale([{ productId: till!.products.egg, quantity: 1 + i }]).id;
    });
    const pages = [0, 3, 6].map((offset) => till!.t.ok('sales.list', { shiftId: till!.shiftId, offset, limit: 3 }));
    expect(pages.map((p) => [p.total, p.offset, p.limit, p.rows.length])).toEqual([[7, 0, 3, 3], [7, 3, 3, 3], [7, 6, 3, 1]]);
    expect(pages.flatMap((p) => p.rows.map((s) => s.id))).toEqual([...ids].reverse());
    expect(till.t.ok('sales.list', { shiftId: till.shiftId + 99 })).toMatchObject({ rows: [], total: 0 });
    expect(till.t.err('sales.list', { limit: 501 }).code).toBe('VALIDATION');
    expect(till.t.err('sales.list', { offset: -1 }).code).toBe('VALIDATION');
  });

  it('pages a statement by weeks with balances that carry from page to page, and a week\'s lines on demand', () => {
    core = makeTestCore(); // now: Mon 2 Nov 2026
    const db = core.core.db!;
    const sari = seedProducer(db, 'Bu Sari');
    const egg = seedProduct(db, sari, 'Telur asin', 'butir');
    // 30 weeks back: every week a sale on Wednesday, a refund every third week, a payout every second.
    let expected = 0;
    for (let w = 30; w >= 1; w--) {
      const at = new Date(Date.UTC(2026, 10, 2) - w * 7 * 86_400_000 + 2 * 86_400_000 + 3 * 3_600_000).toISOString();
      writeEntry(db, { producerId: sari, kind: 'sale', amount: 1000 * w, at, productId: egg, quantity: w });
      expected += 1000 * w;
      if (w % 3 === 0) {
        writeEntry(db, { producerId: sari, kind: 'refund', amount: -100, at, productId: egg, quantity: 1 });
        expected -= 100;
      }
      if (w % 2 === 0) {
        writeEntry(db, { producerId: sari, kind: 'payout', amount: -500, at, reason: 'ST' });
        expected -= 500;
      }
    }
    const first = core.ok('ledger.statement', { producerId: sari });
    expect(first.weeks).toMatchObject({ total: 31, offset: 0, limit: 12 }); // 30 weeks of entries and this (empty) week
    const weeks = [...first.weeks.rows];
    for (let offset = 12; offset < first.weeks.total; offset += 12) weeks.push(...core.ok('ledger.statement', { producerId: sari, offset }).weeks.rows);
    expect(weeks).toHaveLength(31);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.openingBalance, `week ${weeks[i]!.weekEnd}`).toBe(weeks[i - 1]!.closingBalance);
    expect(weeks.at(-1)!.closingBalance).toBe(expected);
    const w3 = weeks[27]!; // three weeks back: a sale, a refund (3 divides 3)
    expect(w3).toMatchObject({ sales: 3000, refunds: -100, payouts: 0, lines: 2 });
    expect(w3.closingBalance - w3.openingBalance).toBe(2900);
    // The lines of one week, paged, continue the balance.
    const a = core.ok('ledger.statementLines', { producerId: sari, week: w3.weekEnd, limit: 1 });
    const b = core.ok('ledger.statementLines', { producerId: sari, week: w3.weekEnd, offset: 1, limit: 1 });
    expect([a.total, a.openingBalance, a.rows[0]!.balance, b.rows[0]!.balance]).toEqual([2, w3.openingBalance, w3.openingBalance + 3000, w3.closingBalance]);
    // A range cuts its first and last week; its opening balance is every entry before it.
    const part = core.ok('ledger.statement', { producerId: sari, from: weeks[10]!.from, to: weeks[12]!.to, limit: 500 });
    expect(part.weeks.total).toBe(3);
    expect([part.openingBalance, part.closingBalance]).toEqual([weeks[10]!.openingBalance, weeks[12]!.closingBalance]);
    expect(core.err('ledger.statementLines', { producerId: sari, week: '2027-01-03', to: '2026-11-01' }).code).toBe('VALIDATION');
  });
});
