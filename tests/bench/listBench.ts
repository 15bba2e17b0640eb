/**
 * Issue 14 at five-year scale: the manager's side reads kept sums and pages.
 * - ledger.balances from the kept balances (≤ 10 ms);
 * - the first page of every list that grows (≤ 50 ms each; the slowest is its own row);
 * - a producer statement page of 12 weeks, the newest, of the busiest producer's whole history (≤ 50 ms);
 * - the sales report over one year (≤ 100 ms) and five years (≤ 300 ms, or ≤ 3× a raw floor reading the same kept rows:
 *   months × product, the partial months' days × product, the day totals).
 */
import Database from 'better-sqlite3';
import { createCore, type Core } from '../../electron/core/app';
import { addDays } from '../../shared/domain/time';
import { productReadsOf, splitByMonths } from '../../electron/core/reports/salesReport';
import type { CoreBenchOptions, Row } from './coreBench';
import { summarize, timeIt, type Summary } from './stats';

let manager: { sessionId: string } | undefined;

function call<T>(core: Core, method: string, input: unknown): T {
  const reply = core.call(method, input, manager);
  if (!reply.ok) throw new Error(`${method} refused: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

export function measureLists(o: CoreBenchOptions): Row[] {
  const realStart = Date.now();
  // Without the background full checks, as in coreBench.ts: the rows are calls on a quiet machine.
  const core = createCore({ dataDir: o.dataDir, backgroundChecksAfterMs: null, now: () => new Date(o.startAt + (Date.now() - realStart)) });
  const db = core.db!;
  // A manager's screens: every call carries the manager's session (SPEC §5).
  manager = undefined;
  manager = { sessionId: call<{ sessionId: string }>(core, 'auth.signIn', { staffId: o.meta.staff.managerId, pin: o.meta.staff.managerPin }).sessionId };
  const n = Math.max(5, o.scale.iterations.lists);
  const warm = 2;
  const rows: Row[] = [];
  const today = new Date(o.startAt + 7 * 3600_000).toISOString().slice(0, 10);
  const time = (fn: () => void) => {
    const s = timeIt(n, warm, fn);
    return { time: summarize(s), cpu: summarize(s.cpu) };
  };

  const balances = time(() => call(core, 'ledger.balances', {}));
  rows.push({ key: 'ledger_balances', label: 'ledger.balances (kept, all producers)', ...balances, budget: '≤ 10 ms', ok: balances.time.p99 <= 10 });

  // The first page of each list that grows with the years, newest first, with its total.
  const busiest = (db.prepare('SELECT producer_id AS id FROM producer_balances ORDER BY entries DESC LIMIT 1').get() as { id: number }).id;
  const lastShift = (db.prepare('SELECT MAX(id) AS id FROM shifts').get() as { id: number }).id;
  const moved = db.prepare('SELECT product_id AS id, COUNT(*) AS n FROM stock_movements GROUP BY product_id ORDER BY n DESC LIMIT 1').get() as { id: number; n: number };
  const lists: [string, string, unknown][] = [
    ['sales.list', 'sales.list (all sales)', {}],
    ['sales.list', 'sales.list (one shift)', { shiftId: lastShift }],
    ['settlements.list', 'settlements.list (all)', {}],
    ['settlements.list', 'settlements.list (paid, one producer)', { status: 'paid', producerId: busiest }],
    ['settlements.list', 'settlements.list (still open)', { status: 'open' }],
    ['shifts.list', 'shifts.list', {}],
    ['audit.list', 'audit.list', {}],
    ['intakes.list', 'intakes.list', {}],
    ['returns.list', 'returns.list', {}],
    ['stockCounts.list', 'stockCounts.list', {}],
    ['payouts.list', 'payouts.list (one producer)', { producerId: busiest }],
    // The catalogue and stock lists (issue 14 part A), and the movements of the most-moved product, its newest page.
    ['products.list', 'products.list', {}],
    ['products.list', 'products.list (search)', { search: 'a', includeInactive: true }],
    ['producers.list', 'producers.list (inactive too)', { includeInactive: true }],
    ['stock.list', 'stock.list', {}],
    ['stock.list', 'stock.list (search)', { search: 'a' }],
    ['stock.movements', 'stock.movements (oldest page)', { productId: moved.id }],
    ['stock.movements', 'stock.movements (newest page)', { productId: moved.id, offset: Math.max(0, moved.n - 100) }],
  ];
  const listTimes: { label: string; total: number; t: Summary; cpu: Summary }[] = [];
  for (const [method, label, input] of lists) {
    let total = 0;
    const { time: t, cpu } = time(() => {
      total = call<{ total: number }>(core, method, { ...(input as object), limit: 100 }).total;
    });
    listTimes.push({ label, total, t, cpu });
  }
  listTimes.sort((a, b) => b.t.p99 - a.t.p99);
  const slowest = listTimes[0]!;
  rows.push({
    key: 'list_page',
    label: `a page of any list (100 rows; slowest: ${slowest.label} of ${slowest.total.toLocaleString('en')})`,
    time: slowest.t,
    cpu: slowest.cpu,
    budget: 'each ≤ 50 ms',
    ok: listTimes.every((l) => l.t.p99 <= 50),
    note: `p99 per list: ${listTimes.map((l) => `${l.label} ${l.t.p99.toFixed(1)} ms (${l.total.toLocaleString('en')} rows)`).join('; ')}`,
  });

  // The busiest producer's statement over all of their history: the newest page of 12 weeks, and the oldest.
  const first = call<{ weeks: { total: number } }>(core, 'ledger.statement', { producerId: busiest, limit: 12 });
  const newest = Math.max(0, first.weeks.total - 12);
  const stmt = time(() => call(core, 'ledger.statement', { producerId: busiest, limit: 12, offset: newest }));
  const oldest = time(() => call(core, 'ledger.statement', { producerId: busiest, limit: 12, offset: 0 }));
  const entries = (db.prepare('SELECT entries FROM producer_balances WHERE producer_id = ?').get(busiest) as { entries: number }).entries;
  rows.push({
    key: 'statement_page',
    label: `ledger.statement, a page of 12 weeks (newest of ${first.weeks.total}; ${entries.toLocaleString('en')} entries)`,
    ...stmt,
    budget: '≤ 50 ms',
    ok: stmt.time.p99 <= 50 && oldest.time.p99 <= 50,
    note: `the oldest page of the same history: p50 ${oldest.time.p50.toFixed(1)} ms, p99 ${oldest.time.p99.toFixed(1)} ms`,
  });

  // The sales report over a year and over everything, against a raw floor reading the same kept rows: the
  // whole months' month × product rows and the partial months' day × product rows (each grouped by product,
  // the reads the report makes), and the day totals.
  const ro = new Database(db.name, { readonly: true, fileMustExist: true });
  const floorDays = ro.prepare(
    `SELECT day, SUM(units - void_units - refund_units), SUM(gross - void_gross), SUM(discounts - void_discounts), SUM(refund_net), SUM(void_net),
            SUM(net - void_net), SUM(producer_share - void_share - refund_share) FROM sales_day_totals WHERE day >= ? AND day <= ? GROUP BY day ORDER BY day`,
  );
  for (const [key, label, from, budgetMs] of [
    ['sales_report_year', 'reports.sales, one year (by week)', addDays(today, -364), 100],
    ['sales_report_all', `reports.sales, ${o.meta.startLocalDate} – ${today} (by month)`, o.meta.startLocalDate, 300],
  ] as const) {
    const groupBy = key === 'sales_report_year' ? 'week' : 'month';
    const report = time(() => call(core, 'reports.sales', { from, to: today, groupBy }));
    const floorReads = productReadsOf(from, today, null).map((r) => ({ stmt: ro.prepare(r.sql).raw(), args: r.args }));
    const floor = summarize(timeIt(n, warm, () => (floorReads.forEach((r) => r.stmt.all(...r.args)), floorDays.raw().all(from, today))));
    const { months, head, tail } = splitByMonths(from, today);
    const count = (sql: string, range: [string, string]) => (ro.prepare(sql).get(...range) as { n: number }).n;
    const monthRows = count('SELECT COUNT(*) AS n FROM sales_months WHERE month >= ? AND month <= ?', months);
    const dayRows = count('SELECT COUNT(*) AS n FROM sales_days WHERE day >= ? AND day <= ?', head) + count('SELECT COUNT(*) AS n FROM sales_days WHERE day >= ? AND day <= ?', tail);
    const totalRows = count('SELECT COUNT(*) AS n FROM sales_day_totals WHERE day >= ? AND day <= ?', [from, today]);
    const allDayRows = count('SELECT COUNT(*) AS n FROM sales_days WHERE day >= ? AND day <= ?', [from, today]);
    rows.push({
      key,
      label,
      ...report,
      floor,
      budget: `≤ ${budgetMs} ms or ≤ 3× floor`,
      ok: report.time.p99 <= budgetMs || report.time.p99 <= 3 * floor.p99,
      note:
        `reads ${monthRows.toLocaleString('en')} kept month × product rows, ${dayRows.toLocaleString('en')} day × product rows of the partial months and ` +
        `${totalRows.toLocaleString('en')} day totals (not the range's ${allDayRows.toLocaleString('en')} day × product rows; floor: the same grouped reads of them, raw)`,
    });
  }
  ro.close();
  core.close();
  return rows;
}
