/**
 * Issue 14: over long ranges the sales report reads the kept month × product
 * rows for the range's whole months and the kept day totals for its days
 * (migrations/0019_sales_months.sql), the day × product rows only for the
 * partial months at its ends. Every figure must stay what the lines say: ten
 * weeks across four months, with sales minutes either side of local midnight
 * on a month's last day, voids of last month's sales, refunds in the month
 * after their sale, compared with the lines over ranges that start and end
 * mid-month, on a month's first or last day, or hold no whole month; again
 * after the store's time zone changes (the sales near midnight change month);
 * and for one producer.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { splitByMonths } from '../../electron/core/reports/salesReport';
import { addDays } from '../../shared/domain/time';
import { TestClock } from '../helpers/core';
import { makeTill, type Till } from './till-fixtures';
import { expectSame, fromLines } from './sales-report-lines';

let till: Till | null = null;
afterEach(() => {
  till?.t.close();
  till = null;
});

describe('a range cut into whole months and the days around them', () => {
  it('reads months only where a whole calendar month lies in the range', () => {
    const NONE = ['1', '0'];
    expect(splitByMonths('2025-11-24', '2026-11-23')).toEqual({ months: ['2025-12', '2026-10'], head: ['2025-11-24', '2025-11-30'], tail: ['2026-11-01', '2026-11-23'] });
    expect(splitByMonths('2026-10-01', '2026-10-31')).toEqual({ months: ['2026-10', '2026-10'], head: NONE, tail: NONE });
    expect(splitByMonths('2026-10-02', '2026-10-31')).toEqual({ months: NONE, head: ['2026-10-02', '2026-10-31'], tail: NONE });
    expect(splitByMonths('2026-10-01', '2026-10-30')).toEqual({ months: NONE, head: ['2026-10-01', '2026-10-30'], tail: NONE });
    expect(splitByMonths('2026-10-15', '2026-11-14')).toEqual({ months: NONE, head: ['2026-10-15', '2026-11-14'], tail: NONE });
    expect(splitByMonths('2026-12-05', '2027-02-28')).toEqual({ months: ['2027-01', '2027-02'], head: ['2026-12-05', '2026-12-31'], tail: NONE });
    expect(splitByMonths('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02', '2024-02'], head: NONE, tail: NONE });
    expect(splitByMonths('2026-11-23', '2026-11-23')).toEqual({ months: NONE, head: ['2026-11-23', '2026-11-23'], tail: NONE });
  });
});

describe('the sales report from the kept months and day totals equals the report from the lines', () => {
  it('over ranges across months, with voids and refunds in other months, before and after a time-zone change, and for one producer', () => {
    till = makeTill({ clock: new TestClock('2026-09-27T02:00:00.000Z') });
    const tl = till;
    const { t, products, mgr } = tl;
    const made: ReturnType<Till['sale']>[] = [];
    const first = '2026-09-27';
    for (let day = 0; day < 68; day++) {
      const date = addDays(first, day);
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      // 09:05 local, 23:40 local (16:40 UTC) and 00:20 local the next day (17:20 UTC, still this day in UTC).
      for (const [hourUtc, minute] of [[2, 5], [16, 40], [17, 20]] as const) {
        t.clock.set(new Date(Date.UTC(y, m - 1, d, hourUtc, minute)));
        const i = made.length;
        made.push(
          tl.sale(
            [
              { productId: products.egg, quantity: 1 + (i % 3) },
              ...(i % 2 ? [{ productId: products.chips, quantity: 1, discount: i % 5 === 0 ? 500 : 0 }] : []),
              ...(i % 5 === 2 ? [{ productId: products.cake, quantity: 2 }] : []),
            ],
            i % 4 === 3 ? { payment: { method: 'qris' } } : {},
          ),
        );
        // Voided at once, and voided three days later (a sale of the month before, at a month's start).
        if (i % 9 === 4) t.ok('sales.void', { saleId: made[i]!.id, reason: 'salah input', approval: mgr });
        if (i % 9 === 7 && i >= 9) {
          const old = made[i - 9]!;
          if (!tl.db.prepare('SELECT 1 FROM sale_voids WHERE sale_id = ?').get(old.id)) t.ok('sales.void', { saleId: old.id, reason: 'salah input kemarin', approval: mgr });
        }
        // Refunds of a sale four to eight days back: near a month's start, of a sale in the month before.
        if (i % 5 === 0 && i >= 24) {
          const old = made[i - 12 - (i % 3) * 4]!;
          if (!tl.db.prepare('SELECT 1 FROM sale_voids WHERE sale_id = ?').get(old.id) && !tl.db.prepare('SELECT 1 FROM refunds WHERE sale_id = ?').get(old.id)) {
            const line = old.lines[old.lines.length - 1]!;
            t.ok('sales.refund', {
              id: randomUUID(),
              saleId: old.id,
              lines: [{ saleLineId: line.id, quantity: 1 }],
              restock: i % 2 === 0,
              method: i % 10 === 0 ? 'cash' : 'qris',
              reason: 'rusak',
              approval: mgr,
            });
          }
        }
      }
    }
    // Refunds and voids that cross a month: a sale of one month refunded or voided in the next.
    const crossing = tl.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM refunds r JOIN sales s ON s.id = r.sale_id
                  WHERE substr(datetime(r.refunded_at, '+7 hours'), 1, 7) > substr(datetime(s.created_at, '+7 hours'), 1, 7)) AS refunds,
                (SELECT COUNT(*) FROM sale_voids v JOIN sales s ON s.id = v.sale_id
                  WHERE substr(datetime(v.voided_at, '+7 hours'), 1, 7) > substr(datetime(s.created_at, '+7 hours'), 1, 7)) AS voids`,
      )
      .get() as { refunds: number; voids: number };
    expect(crossing.refunds).toBeGreaterThan(0);
    expect(crossing.voids).toBeGreaterThan(0);
    expect(tl.count('sales_months')).toBeGreaterThan(8);

    const ranges: [string, string][] = [
      ['2026-09-27', '2026-12-03'], // everything: head, two whole months, tail
      ['2026-09-29', '2026-11-17'], // mid-month to mid-month
      ['2026-10-01', '2026-10-31'], // one whole month, nothing else
      ['2026-10-01', '2026-11-30'], // two whole months
      ['2026-10-02', '2026-10-31'], // a day short: no whole month
      ['2026-10-01', '2026-10-30'],
      ['2026-10-15', '2026-11-14'], // across a month's end, no whole month
      ['2026-09-30', '2026-11-01'], // a day either side of a whole month
      ['2026-11-01', '2026-12-03'],
      ['2026-10-31', '2026-11-01'],
      ['2026-11-30', '2026-11-30'],
    ];
    const compareAll = (timeZone: string, what: string) => {
      for (const [from, to] of ranges) {
        expectSame(t.ok('reports.sales', { from, to }), fromLines(tl, from, to, timeZone), `${what} ${from} – ${to}`);
        for (const producerId of [tl.producers.eggs, tl.producers.chips]) {
          expectSame(t.ok('reports.sales', { from, to, producerId }), fromLines(tl, from, to, timeZone, producerId), `${what} ${from} – ${to}, producer ${producerId}`);
        }
      }
      // The months and weeks of the report add up its days.
      for (const groupBy of ['week', 'month'] as const) {
        const r = t.ok('reports.sales', { from: '2026-09-29', to: '2026-11-17', groupBy });
        expect(r.periods.reduce((s, p) => s + p.net, 0)).toBe(r.totals.net);
      }
    };
    compareAll('Asia/Jakarta', 'Jakarta');
    const whole = t.ok('reports.sales', { from: '2026-10-01', to: '2026-11-30' });
    expect(whole.totals.voids).toBeGreaterThan(0);
    expect(whole.totals.refunds).toBeGreaterThan(0);
    expect(whole.totals.discounts).toBeGreaterThan(0);
    expect(t.ok('reports.verifyDaily', {})).toMatchObject({ ok: true, problems: [] });

    // A zone change re-keys the days: 00:20 in Jakarta on the 1st is the month before in UTC.
    const octoberBefore = t.ok('reports.sales', { from: '2026-10-01', to: '2026-10-31' }).totals;
    t.ok('settings.update', { timeZone: 'UTC', approval: mgr });
    expect(t.ok('reports.sales', { from: '2026-10-01', to: '2026-10-31' }).totals).not.toEqual(octoberBefore);
    compareAll('UTC', 'UTC');
    expect(t.ok('reports.verifyDaily', {})).toMatchObject({ ok: true, problems: [] });
    // Later sales keep the rebuilt sums.
    t.clock.set('2026-12-03T20:00:00.000Z');
    tl.sale([{ productId: products.cake, quantity: 5 }]);
    expectSame(t.ok('reports.sales', { from: '2026-11-01', to: '2026-12-31' }), fromLines(tl, '2026-11-01', '2026-12-31', 'UTC'), 'after the change');
    expect(t.ok('reports.verifyDaily', {}).ok).toBe(true);

    // The whole month is read from its month row: a month row changed behind the triggers' back changes the
    // whole-month report but not the same days a day short of it, and verifyDaily names the row.
    const octoberEgg = tl.db.prepare("SELECT month, product_id FROM sales_months WHERE month = '2026-10' AND product_id = ?").get(products.egg) as { month: string; product_id: number };
    const shortBefore = t.ok('reports.sales', { from: '2026-10-02', to: '2026-10-31' });
    tl.db.prepare('UPDATE sales_months SET net = net + 1 WHERE month = ? AND product_id = ?').run(octoberEgg.month, octoberEgg.product_id);
    expect(() => expectSame(t.ok('reports.sales', { from: '2026-10-01', to: '2026-10-31' }), fromLines(tl, '2026-10-01', '2026-10-31', 'UTC'), 'tampered month')).toThrow();
    expect(t.ok('reports.sales', { from: '2026-10-02', to: '2026-10-31' })).toEqual(shortBefore);
    const broken = t.ok('reports.verifyDaily', {});
    expect(broken.ok).toBe(false);
    expect(broken.problems.map((p) => p.what)).toEqual([`sales_months 2026-10 ${products.egg}`]);
    tl.db.prepare('UPDATE sales_months SET net = net - 1 WHERE month = ? AND product_id = ?').run(octoberEgg.month, octoberEgg.product_id);
    // A day total changed: the report's days show it, verifyDaily names it.
    tl.db.prepare("UPDATE sales_day_totals SET refund_net = refund_net + 1 WHERE day = '2026-11-05'").run();
    expect(() => expectSame(t.ok('reports.sales', { from: '2026-11-01', to: '2026-11-30' }), fromLines(tl, '2026-11-01', '2026-11-30', 'UTC'), 'tampered day')).toThrow();
    expect(t.ok('reports.verifyDaily', {}).problems.map((p) => p.what)).toEqual(['sales_day_totals 2026-11-05']);
  }, 120_000);
});
