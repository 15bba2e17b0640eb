import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, TestClock, type TestCore } from '../helpers/core';
import { DEMO_CASHIER, DEMO_MANAGER } from '../../shared/domain/demo';

// The first-run demo store, with its trading history, through setup.complete.

const cores: TestCore[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

function demoStore(at: string): TestCore {
  const t = makeTestCore({ clock: new TestClock(at) });
  cores.push(t);
  const started = performance.now();
  t.ok('setup.complete', { mode: 'demo', storeName: 'UKM Mart KTM Telang' });
  console.log(`demo setup at ${at}: ${Math.round(performance.now() - started)} ms`);
  return t;
}

const db = (t: TestCore) => t.core.db!;
const rows = <T>(t: TestCore, q: string, ...args: unknown[]) => db(t).prepare(q).all(...args) as T[];

/** Saturday noon, Monday 07:00 (before that week's settlement) and Tuesday 23:00 (the due date's evening), Jakarta time. */
const CLOCKS = ['2026-11-28T05:00:00.000Z', '2026-11-30T00:00:00.000Z', '2026-12-01T16:00:00.000Z'];

describe('demo store history', () => {
  it.each(CLOCKS)('tells a true trust story at %s', (at) => {
    const t = demoStore(at);
    const now = t.clock.now().toISOString();

    // The ledger holds: chains verify, balances are the sum of the entries, no settlement is overpaid.
    expect(t.ok('ledger.verify', {})).toMatchObject({ ok: true, problems: [] });
    const sums = new Map(rows<{ producer_id: number; s: number }>(t, 'SELECT producer_id, SUM(amount) AS s FROM ledger_entries GROUP BY producer_id').map((r) => [r.producer_id, r.s]));
    const balances = t.ok('ledger.balances', {});
    expect(balances).toHaveLength(6);
    for (const b of balances) expect(b.balance).toBe(sums.get(b.id) ?? 0);
    const settlements = t.ok('settlements.list', { limit: 500 }).rows;
    expect(settlements.length).toBeGreaterThanOrEqual(24);
    const payouts = t.ok('payouts.list', {}).rows;
    for (const s of settlements) {
      const paid = payouts.filter((p) => p.settlementId === s.id).reduce((sum, p) => sum + p.amount, 0);
      expect(paid).toBe(s.paid);
      expect(s.paid).toBeLessThanOrEqual(s.totalDue);
    }
    // Partly paid: one settlement paid in part with the rest open; another paid in two parts.
    expect(settlements.some((s) => s.paid > 0 && s.remaining > 0)).toBe(true);
    const parts = new Map<number, number>();
    for (const p of payouts) parts.set(p.settlementId, (parts.get(p.settlementId) ?? 0) + 1);
    expect([...parts.values()].some((n) => n >= 2)).toBe(true);

    // The trust report: on time and late, someone overdue now, a rate strictly between 0 and 1.
    const trust = t.ok('reports.trust', {});
    const range = trust.store.range;
    expect(range.onTime).toBeGreaterThan(0);
    expect(range.late).toBeGreaterThan(0);
    expect(range.overdue).toBeGreaterThan(0);
    expect(trust.lateNow.length).toBeGreaterThanOrEqual(1);
    expect(range.onTimeRateBps).toBeGreaterThan(0);
    expect(range.onTimeRateBps).toBeLessThan(10_000);
    expect(range.onTime + range.late + range.overdue + range.notYetDue).toBe(range.due);
    // Who is late now agrees with the settlements' own state.
    const overdueProducers = [...new Set(settlements.filter((s) => s.overdue).map((s) => s.producer.id))].sort();
    expect(trust.lateNow.map((l) => l.producerId).sort()).toEqual(overdueProducers);
    expect(trust.producers.some((p) => p.range.late === 0 && p.range.onTime > 0)).toBe(true); // a producer always paid on time
    expect(range.maxDaysLate).toBeGreaterThanOrEqual(3);

    // Gapless numbers: receipts, Z reports, settlements.
    const gapless = (q: string) => {
      const n = rows<{ n: number }>(t, q).map((r) => r.n);
      expect(n.length).toBeGreaterThan(0);
      expect(n).toEqual(n.map((_, i) => i + 1));
    };
    gapless('SELECT receipt_no AS n FROM sales ORDER BY receipt_no');
    gapless('SELECT z_number AS n FROM shift_closes ORDER BY z_number');
    gapless("SELECT CAST(substr(number, 4) AS INTEGER) AS n FROM settlements ORDER BY n");

    // Everything is in the past, and today starts with no open shift.
    expect(rows<{ m: string }>(t, 'SELECT MAX(created_at) AS m FROM sales')[0]!.m < now).toBe(true);
    expect(rows<{ m: string }>(t, 'SELECT MAX(occurred_at) AS m FROM ledger_entries')[0]!.m < now).toBe(true);
    expect(t.ok('shifts.current', {})).toBeNull();
  });

  it('has the demo staff with their real PINs, and a varied, plausible shop', () => {
    const t = demoStore(CLOCKS[0]!);
    const staff = t.ok('staff.list', {});
    const manager = staff.find((s) => s.name === DEMO_MANAGER.name)!;
    const cashier = staff.find((s) => s.name === DEMO_CASHIER.name)!;
    expect(manager.role).toBe('manager');
    expect(cashier.role).toBe('cashier');
    expect(t.ok('auth.signIn', { staffId: manager.id, pin: DEMO_MANAGER.pin }).staff.id).toBe(manager.id);
    expect(t.ok('auth.approve', { staffId: manager.id, pin: DEMO_MANAGER.pin }).role).toBe('manager');
    expect(t.err('auth.signIn', { staffId: cashier.id, pin: '9999' }).code).toBe('FORBIDDEN');
    // The demo staff's PINs are stored with the app's full-cost hash, as staff.create made them
    // (the test helper's own manager, "Manajer …", is hashed cheaply to keep tests quick).
    const demoHashes = rows<{ pin_hash: string }>(t, "SELECT pin_hash FROM staff WHERE name NOT LIKE 'Manajer %'");
    expect(demoHashes.length).toBeGreaterThanOrEqual(2);
    for (const r of demoHashes) expect(r.pin_hash.startsWith('scrypt$16384$')).toBe(true);

    // Every payment method at the till; voids, refunds, shifts closed with a few small variances.
    const methods = rows<{ payment_method: string; n: number }>(t, 'SELECT payment_method, COUNT(*) AS n FROM sales GROUP BY 1');
    expect(methods.map((m) => m.payment_method).sort()).toEqual(['cash', 'qris', 'transfer']);
    const cash = methods.find((m) => m.payment_method === 'cash')!.n;
    expect(cash).toBeGreaterThan(methods.reduce((s, m) => s + m.n, 0) / 2);
    expect(rows(t, 'SELECT 1 FROM sale_voids').length).toBeGreaterThan(0);
    expect(rows(t, 'SELECT 1 FROM refunds').length).toBeGreaterThan(0);
    expect(rows(t, 'SELECT 1 FROM sale_lines WHERE discount > 0').length).toBeGreaterThan(0);
    const variances = rows<{ variance: number }>(t, 'SELECT variance FROM shift_closes');
    expect(variances.filter((v) => v.variance !== 0).length).toBeGreaterThan(0);
    expect(variances.every((v) => Math.abs(v.variance) <= 5_000)).toBe(true);
    expect(rows(t, 'SELECT 1 FROM shift_closes WHERE expected_cash < 0 OR counted_cash < 0')).toEqual([]);
    expect(rows(t, "SELECT 1 FROM payouts WHERE method = 'cash_drawer'").length).toBeGreaterThan(0);
    const perDay = rows<{ n: number }>(t, 'SELECT COUNT(*) AS n FROM sales GROUP BY shift_id');
    expect(perDay.every((d) => d.n >= 10 && d.n <= 30)).toBe(true);

    // A deduction and an adjustment, each with its reason.
    const manual = rows<{ kind: string; reason: string }>(t, "SELECT kind, reason FROM ledger_entries WHERE kind IN ('deduction', 'adjustment')");
    expect(manual.map((m) => m.kind).sort()).toEqual(['adjustment', 'deduction']);
    expect(manual.every((m) => m.reason.length > 5)).toBe(true);

    // Sales sell what was delivered before, and never more than was on the shelf.
    const early = rows(
      t,
      `SELECT sl.id FROM sale_lines sl JOIN sales s ON s.id = sl.sale_id
        WHERE NOT EXISTS (SELECT 1 FROM stock_movements m WHERE m.product_id = sl.product_id AND m.kind = 'intake' AND m.occurred_at <= s.created_at)`,
    );
    expect(early).toEqual([]);
    expect(t.ok('stock.list', {}).rows.every((r) => r.onHand > 0)).toBe(true);

    // Payout methods follow each producer's preference; drawer payouts only in an open shift.
    const producers = new Map(t.ok('producers.list', {}).rows.map((p) => [p.id, p.payoutMethod]));
    for (const p of t.ok('payouts.list', {}).rows) {
      const pref = producers.get(p.producerId);
      if (pref === 'cash') expect(['cash_safe', 'cash_drawer']).toContain(p.method);
      else expect(p.method).toBe(pref);
      if (p.method === 'cash_drawer') expect(p.shiftId).not.toBeNull();
    }
  });

  it('is deterministic: the same clock gives the same history', () => {
    const figures = (t: TestCore) => ({
      sales: rows(t, 'SELECT id, receipt_no, created_at, total, payment_method FROM sales ORDER BY receipt_no'),
      settlements: t.ok('settlements.list', { limit: 500 }).rows.map((s) => [s.number, s.producer.shortName, s.totalDue, s.paid]),
      payouts: t.ok('payouts.list', {}).rows.map((p) => [p.id, p.amount, p.method, p.paidAt]),
      trust: t.ok('reports.trust', {}).store,
      heads: t.ok('ledger.verify', {}).heads,
    });
    const a = figures(demoStore(CLOCKS[0]!));
    const b = figures(demoStore(CLOCKS[0]!));
    expect(b).toEqual(a);
  });
});
