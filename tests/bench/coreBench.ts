/** The core's measurements on the generated store: every call through core.call, as the UI makes it. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { contract, isMethodName } from '../../shared/contract';
import { createCore, DB_FILE_NAME, type Core } from '../../electron/core/app';
import { lineAmounts } from '../../shared/domain/terms';
import { addDays } from '../../shared/domain/time';
import { coreHas } from './coreSink';
import { makeFloor, type FloorLine } from './floor';
import { makePreviewFloor, makeTrustFloor, makeVerifyFloor } from './floors';
import { Rng, WeightedPicker } from './prng';
import type { Scale } from './scale';
import { summarize, timeIt, timePaired, type Summary } from './stats';
import type { GenMeta } from './generate';

export interface Row {
  key: string;
  label: string;
  /** null: the method is not there yet */
  time: Summary | null;
  /** CPU time of the process over the same iterations */
  cpu?: Summary;
  floor?: Summary;
  /** budget text, and the check */
  budget: string;
  ok: boolean | null;
  note?: string;
}

export const NOT_AVAILABLE = (key: string, label: string, budget: string, method: string): Row => ({
  key,
  label,
  time: null,
  budget,
  ok: null,
  note: `not available yet (${method} has no handler)`,
});

/** The session the measured calls carry (SPEC §5): the manager's, then the cashier's for her own shift. */
let caller: { sessionId?: string } = {};
let managerCaller: { sessionId?: string } = {};
function signInAs(core: Core, staffId: number, pin: string): void {
  const reply = core.call('auth.signIn', { staffId, pin });
  if (!reply.ok) throw new Error(`sign-in refused: ${reply.error.message}`);
  caller = { sessionId: (reply.value as { sessionId: string }).sessionId };
  if (!managerCaller.sessionId) managerCaller = caller;
}

function call<T>(core: Core, method: string, input: unknown): T {
  // A manager's method always as the manager; the till's as whoever is at the till now.
  const who = isMethodName(method) && contract[method].access === 'manager' ? managerCaller : caller;
  const reply = core.call(method, input, who);
  if (!reply.ok) throw new Error(`${method} refused: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

interface ProductRow {
  id: number;
  producer_id: number;
  barcode: string | null;
  short_code: string | null;
  terms_id: number;
  retail_price: number;
  mode: 'fixed' | 'percent';
  producer_price: number | null;
  commission_bps: number | null;
}

function productsNow(db: Database.Database, today: string): ProductRow[] {
  return db
    .prepare(
      `SELECT p.id, p.producer_id, p.barcode, p.short_code, t.id AS terms_id, t.retail_price, t.mode, t.producer_price, t.commission_bps
         FROM products p JOIN product_terms t ON t.id = (
           SELECT id FROM product_terms WHERE product_id = p.id AND effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1)
        WHERE p.active = 1 ORDER BY p.id`,
    )
    .all(today) as ProductRow[];
}

export interface CoreBenchOptions {
  dataDir: string;
  scale: Scale;
  meta: GenMeta;
  /** ms: the bench's "now" starts here and runs with the real clock */
  startAt: number;
  log: (s: string) => void;
}

/** Start-up: createCore on the existing store (open, checks, migrations already applied) until it answers ready. */
export function measureStartup(o: CoreBenchOptions): Row {
  let state = '';
  const samples = timeIt(o.scale.iterations.startup, 1, () => {
    const core = createCore({ dataDir: o.dataDir, now: () => new Date(o.startAt) });
    state = core.status().state;
    core.close();
  });
  if (state !== 'ready') throw new Error(`the store did not open ready: ${state}`);
  // Where the time goes: the two checks SPEC §9 asks for at every start, timed alone on a read-only connection.
  const ro = new Database(path.join(o.dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
  const t0 = performance.now();
  ro.pragma('quick_check');
  const t1 = performance.now();
  ro.pragma('foreign_key_check');
  const t2 = performance.now();
  ro.close();
  const t = summarize(samples);
  // SPEC §9 / issue 13: after a clean close the store trades at once (row startup_clean); this is the other path, an unclean
  // shutdown or no full check for a week, where the whole-file checks run first. They grow with the file, so the budget is
  // a ratio to the same two checks timed alone, one after the other, in this run (start-up runs them side by side).
  const checks = t2 - t0;
  const floor: Summary = { n: 1, p50: checks, p95: checks, p99: checks, max: checks, mean: checks };
  return {
    key: 'startup',
    label: 'start-up to ready with the full checks first (after an unclean shutdown, or a week without a full check)',
    time: t,
    cpu: summarize(samples.cpu),
    floor,
    budget: 'p99 ≤ 1.5× the two checks alone',
    ok: t.p99 <= 1.5 * checks,
    note: `of which PRAGMA quick_check ${(t1 - t0).toFixed(0)} ms and PRAGMA foreign_key_check ${(t2 - t1).toFixed(0)} ms (timed alone, file in the page cache)`,
  };
}

/** A p99 row's note: its slowest call, which the p99 of enough samples leaves out. */
const slowest = (t: Summary) => `the slowest of ${t.n}: ${t.max.toFixed(1)} ms`;

export function measureCore(o: CoreBenchOptions): Row[] {
  const { scale, meta } = o;
  const realStart = Date.now();
  // Without the background full checks (3 s after opening, about a minute on the five-year store, on a thread of
  // their own): each row here is one call on a quiet machine against its floor, and the checks would run beside
  // whichever rows came first (the start-up rows time them; the runtime gives them way to the till).
  const core = createCore({ dataDir: o.dataDir, backgroundChecksAfterMs: null, now: () => new Date(o.startAt + (Date.now() - realStart)) });
  const db = core.db!;
  const rng = new Rng(meta.seed ^ 0xbe7c4);
  const today = new Date(o.startAt + 7 * 3600_000).toISOString().slice(0, 10);
  const products = productsNow(db, today);
  const rows: Row[] = [];
  const approval = { staffId: meta.staff.managerId, pin: meta.staff.managerPin };
  managerCaller = {};
  signInAs(core, meta.staff.managerId, meta.staff.managerPin);

  // Product lookup by barcode and by short code, in the mix a cashier scans: each product as often as it sells.
  if (coreHas('products.lookup')) {
    const sold = new Map(
      (db.prepare('SELECT product_id AS id, COUNT(*) AS n FROM sale_lines GROUP BY product_id').all() as { id: number; n: number }[]).map((r) => [r.id, r.n]),
    );
    for (const by of ['barcode', 'short_code'] as const) {
      const withCode = products.filter((p) => !!p[by]);
      const picker = new WeightedPicker(withCode.map((p) => sold.get(p.id) ?? 1));
      let misses = 0;
      const samples = timeIt(scale.iterations.lookup, scale.warmup * 5, () => {
        const found = call<{ id: number } | null>(core, 'products.lookup', { code: withCode[picker.pick(rng)]![by] });
        if (!found) misses++;
      });
      if (misses) throw new Error(`products.lookup missed ${misses} known ${by} codes`);
      const t = summarize(samples);
      rows.push({
        key: `lookup_${by}`,
        label: `products.lookup by ${by === 'barcode' ? 'barcode' : 'short code'}`,
        time: t,
        cpu: summarize(samples.cpu),
        budget: 'p99 ≤ 1 ms',
        ok: t.p99 <= 1,
        note: 'codes drawn in proportion to how often each product sells (a cashier scans the best sellers most)',
      });
    }
  } else {
    rows.push(NOT_AVAILABLE('lookup_barcode', 'products.lookup by barcode', 'p99 ≤ 1 ms', 'products.lookup'));
    rows.push(NOT_AVAILABLE('lookup_short_code', 'products.lookup by short code', 'p99 ≤ 1 ms', 'products.lookup'));
  }

  // Settling, as on a Monday morning: every earlier week is finalised (timed: finalize), then the week that
  // has just ended is previewed (timed: preview) and finalised (timed: finalize). Before the sales are timed,
  // so the preview reads one week of entries and a morning's, not the benchmark's thousands of extra sales.
  const openWeeks = meta.openPeriodEnds.map((e) => new Date(Date.parse(e) - 1 + 7 * 3600_000).toISOString().slice(0, 10));
  const lastWeek = openWeeks[openWeeks.length - 1]!;
  const finalizeSamples: number[] = [];
  const finalize = (week: string) => {
    const t0 = performance.now();
    call(core, 'settlements.finalize', { periodEnd: week, approval });
    finalizeSamples.push(performance.now() - t0);
  };
  const canFinalize = coreHas('settlements.finalize');
  if (canFinalize) for (const week of openWeeks.slice(0, -1)) finalize(week);
  if (coreHas('settlements.preview')) {
    let producers = 0;
    const floorRun = makePreviewFloor(db, new Date(Date.parse(meta.openPeriodEnds[meta.openPeriodEnds.length - 1]!)).toISOString());
    const paired = timePaired(
      scale.iterations.preview,
      scale.warmup,
      () => {
        const p = call<{ producers: { lines?: unknown[] }[]; finalised: boolean }>(core, 'settlements.preview', { periodEnd: lastWeek });
        producers = p.producers.length;
        if (p.finalised) throw new Error('the preview week is already finalised');
      },
      floorRun,
    );
    const samples = paired.samples;
    const entries = (db.prepare("SELECT COUNT(*) FROM ledger_entries WHERE occurred_at >= ? AND kind <> 'payout'").pluck().get(meta.openPeriodEnds[meta.openPeriodEnds.length - 2] ?? meta.firstOpenPeriodEnd) as number);
    const t = summarize(samples);
    const f = summarize(paired.floor);
    rows.push({
      key: 'settlements_preview',
      label: `settlements.preview (${producers} producers, one week)`,
      time: t,
      cpu: summarize(samples.cpu),
      floor: f,
      budget: 'p99 ≤ 3× floor',
      ok: t.p99 <= 3 * f.p99,
      note: `the week ending ${lastWeek}, every earlier week settled; ${entries.toLocaleString('en')} unsettled entries; preview and floor timed in turns; ${slowest(t)} (floor ${f.max.toFixed(1)} ms)`,
    });
  } else rows.push(NOT_AVAILABLE('settlements_preview', 'settlements.preview (all producers, one week)', '≤ 50 ms', 'settlements.preview'));
  if (canFinalize) {
    finalize(lastWeek);
    rows.push({
      key: 'settlements_finalize',
      label: `settlements.finalize (one week, all producers)`,
      time: summarize(finalizeSamples),
      budget: '—',
      ok: null,
      note: `${finalizeSamples.length} weeks finalised in turn (each checks the manager PIN: one scrypt, ~30–60 ms of it)`,
    });
  } else rows.push(NOT_AVAILABLE('settlements_finalize', 'settlements.finalize (one week)', '—', 'settlements.finalize'));

  // sales.create with 3 lines against the raw floor, interleaved so both see the same machine.
  if (coreHas('sales.create') && coreHas('shifts.open')) {
    const cashier = meta.staff.cashiers[0]!;
    signInAs(core, cashier.id, cashier.pin);
    const shift = call<{ id: number }>(core, 'shifts.open', { openingFloat: 200_000 });
    const sync = db.pragma('synchronous', { simple: true });
    const journal = db.pragma('journal_mode', { simple: true });
    if (sync !== 2 || journal !== 'wal') throw new Error(`the store is not durable as SPEC §9 asks: synchronous=${sync}, journal_mode=${journal}`);
    const floor = makeFloor(db);
    const pick3 = () => {
      const set = new Set<ProductRow>();
      while (set.size < 3) set.add(rng.pick(products));
      return [...set];
    };
    const coreSamples: number[] = [];
    const coreCpu: number[] = [];
    const floorSamples: number[] = [];
    const n = scale.iterations.salesCreate;
    for (let i = -scale.warmup; i < n; i++) {
      const ps = pick3();
      const input = { id: rng.uuid(), shiftId: shift.id, lines: ps.map((p) => ({ productId: p.id, quantity: 1 })), payment: { method: 'cash', tendered: 5_000_000 } };
      const lines: FloorLine[] = pick3().map((p) => ({
        productId: p.id,
        producerId: p.producer_id,
        termsId: p.terms_id,
        quantity: 1,
        unitPrice: p.retail_price,
        mode: p.mode,
        producerPrice: p.producer_price,
        commissionBps: p.commission_bps,
        share: lineAmounts({ retailPrice: p.retail_price, mode: p.mode, producerPrice: p.producer_price, commissionBps: p.commission_bps }, p.retail_price, 1, 0).producerShare,
      }));
      const at = new Date(o.startAt + (Date.now() - realStart)).toISOString();
      let cpu = 0;
      const runCore = () => {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        call(core, 'sales.create', input);
        const wall = performance.now() - t0;
        const c = process.cpuUsage(c0);
        cpu = (c.user + c.system) / 1000;
        return wall;
      };
      const runFloor = () => {
        const t0 = performance.now();
        floor(shift.id, cashier.id, at, lines);
        return performance.now() - t0;
      };
      // Alternate which goes first, so neither always follows the other's fsync.
      const [a, b] = i % 2 === 0 ? [runCore(), runFloor()] : [runFloor(), runCore()].reverse() as [number, number];
      if (i >= 0) {
        coreCpu.push(cpu);
        coreSamples.push(a);
        floorSamples.push(b);
      }
    }
    const t = summarize(coreSamples);
    const f = summarize(floorSamples);
    rows.push({
      key: 'sales_create',
      label: 'sales.create (3 lines, durable commit)',
      time: t,
      cpu: summarize(coreCpu),
      floor: f,
      budget: 'p50, p99 ≤ 2× floor',
      ok: t.p50 <= 2 * f.p50 && t.p99 <= 2 * f.p99,
      note: 'WAL, synchronous=FULL (checked); core and floor interleaved on the same connection, each commit fsynced',
    });
  } else rows.push(NOT_AVAILABLE('sales_create', 'sales.create (3 lines, durable commit)', 'p50, p99 ≤ 2× floor', 'sales.create'));

  if (coreHas('reports.trust')) {
    const input = { from: meta.startLocalDate, to: today };
    const floorRun = makeTrustFloor(db);
    const paired = timePaired(scale.iterations.reports, Math.min(3, scale.warmup), () => call(core, 'reports.trust', input), floorRun);
    const t = summarize(paired.samples);
    const f = summarize(paired.floor);
    rows.push({ key: 'reports_trust', label: `reports.trust (all producers, ${meta.startLocalDate} – ${today})`, time: t, cpu: summarize(paired.samples.cpu), floor: f, budget: 'p99 ≤ 3× floor', ok: t.p99 <= 3 * f.p99, note: `report and floor timed in turns; ${slowest(t)} (floor ${f.max.toFixed(1)} ms)` });
  } else rows.push(NOT_AVAILABLE('reports_trust', 'reports.trust (all producers, five years)', '≤ 100 ms', 'reports.trust'));

  // What sells (issue #17): one producer's 12 weeks (the one with most products), and the reorder list of every producer.
  if (coreHas('insight.producer')) {
    const busiest = db.prepare('SELECT producer_id AS id, COUNT(*) AS n FROM products GROUP BY producer_id ORDER BY n DESC LIMIT 1').get() as { id: number; n: number };
    const one = timeIt(scale.iterations.reports, Math.min(3, scale.warmup), () => call(core, 'insight.producer', { producerId: busiest.id, weeks: 12 }));
    rows.push({ key: 'insight_producer', label: `insight.producer (12 weeks, ${busiest.n} products)`, time: summarize(one), cpu: summarize(one.cpu), budget: '≤ 50 ms', ok: summarize(one).p99 <= 50, note: slowest(summarize(one)) });
    const all = timeIt(scale.iterations.reports, Math.min(3, scale.warmup), () => call(core, 'insight.reorder', {}));
    rows.push({ key: 'insight_reorder', label: 'insight.reorder (all producers)', time: summarize(all), cpu: summarize(all.cpu), budget: '≤ 100 ms', ok: summarize(all).p99 <= 100, note: slowest(summarize(all)) });
  }
  // The statement's "Yang laku dan yang kembali" page (a year of weeks), the shop's best sellers per category, and
  // the low-stock list the stock screen and the landing tile read.
  if (coreHas('insight.shop')) {
    const busiest = db.prepare('SELECT producer_id AS id, COUNT(*) AS n FROM products GROUP BY producer_id ORDER BY n DESC LIMIT 1').get() as { id: number; n: number };
    const yearFrom = addDays(today, -364);
    const year = timeIt(scale.iterations.reports, Math.min(3, scale.warmup), () => call(core, 'insight.producer', { producerId: busiest.id, from: yearFrom, to: today }));
    rows.push({ key: 'insight_statement', label: `insight.producer (a statement's year, ${busiest.n} products)`, time: summarize(year), cpu: summarize(year.cpu), budget: '≤ 100 ms', ok: summarize(year).p99 <= 100, note: slowest(summarize(year)) });
    const shop = timeIt(scale.iterations.reports, Math.min(3, scale.warmup), () => call(core, 'insight.shop', { weeks: 12, limit: 5 }));
    rows.push({ key: 'insight_shop', label: 'insight.shop (12 weeks, every product)', time: summarize(shop), cpu: summarize(shop.cpu), budget: '≤ 200 ms', ok: summarize(shop).p99 <= 200, note: slowest(summarize(shop)) });
    const low = timeIt(scale.iterations.reports, Math.min(3, scale.warmup), () => call(core, 'insight.lowStock', {}));
    rows.push({ key: 'insight_low_stock', label: 'insight.lowStock (all producers)', time: summarize(low), cpu: summarize(low.cpu), budget: '≤ 100 ms', ok: summarize(low).p99 <= 100, note: slowest(summarize(low)) });
  }

  if (coreHas('ledger.verify')) {
    const busiest = db.prepare('SELECT producer_id AS id, COUNT(*) AS n FROM ledger_entries GROUP BY producer_id ORDER BY n DESC LIMIT 1').get() as { id: number; n: number };
    let entries = 0;
    const one = timeIt(scale.iterations.verifyOne, 2, () => {
      const v = call<{ ok: boolean; entriesChecked: number }>(core, 'ledger.verify', { producerId: busiest.id });
      if (!v.ok) throw new Error('ledger.verify found a broken chain');
      entries = v.entriesChecked;
    });
    rows.push({ key: 'ledger_verify_one', label: `ledger.verify, one producer (${entries.toLocaleString('en')} entries)`, time: summarize(one), cpu: summarize(one.cpu), budget: '—', ok: null });
    const paired = timePaired(
      scale.iterations.verifyAll,
      1,
      () => {
        const v = call<{ ok: boolean; entriesChecked: number }>(core, 'ledger.verify', {});
        if (!v.ok) throw new Error('ledger.verify found a broken chain');
        entries = v.entriesChecked;
      },
      makeVerifyFloor(db),
    );
    const all = paired.samples;
    const floor = summarize(paired.floor);
    const tAll = summarize(all);
    rows.push({ key: 'ledger_verify_all', label: `ledger.verify, all producers (${entries.toLocaleString('en')} entries)`, time: tAll, cpu: summarize(all.cpu), floor, budget: '≤ 1.5× floor', ok: tAll.p50 <= 1.5 * floor.p50 && tAll.p99 <= 1.5 * floor.p99, note: 'verify and floor timed in turns' });
  }
  core.close();
  return rows;
}
