/**
 * The store runtime under load (SPEC §11): the till's sale while long work
 * runs on the runtime's other threads, and a click's read while a burst of
 * sales fills the write queue. Everything goes through StoreRuntime.call, the
 * path both shells take. Each figure is compared with the quiet figure of the
 * same run just before it (shown in the floor column).
 */
import { StoreRuntime } from '../../electron/core/runtime/storeRuntime';
import type { CoreBenchOptions, Row } from './coreBench';
import { Rng } from './prng';
import { summarize, type Summary } from './stats';

type Who = { sessionId: string };

async function must<T>(runtime: StoreRuntime, method: string, input: unknown, who?: Who): Promise<T> {
  const reply = await runtime.call(method, input, who);
  if (!reply.ok) throw new Error(`${method} refused: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

const within2x = (t: Summary, quiet: Summary) => t.p50 <= 2 * quiet.p50 && t.p99 <= 2 * quiet.p99;

export async function measureRuntime(o: CoreBenchOptions): Promise<Row[]> {
  const { scale, meta } = o;
  const realStart = Date.now();
  // Without the background full checks that start 3 s after opening: they run for about a minute on the five-year
  // store (integrity, foreign keys, every chain, every lot), hold one snapshot per check (so the WAL cannot start
  // over: it grew by 85 MiB per burst of 400 sales) and would land in whichever rows ran then. They are long work
  // like the jobs below and give way the same way (runtime-give-way.test.ts); the start-up rows time them.
  const runtime = await StoreRuntime.start({ dataDir: o.dataDir, backgroundChecksAfterMs: null, now: () => new Date(o.startAt + (Date.now() - realStart)) });
  const rows: Row[] = [];
  try {
    const rng = new Rng(meta.seed ^ 0x5a1e);
    const today = new Date(o.startAt + 7 * 3600_000).toISOString().slice(0, 10);
    // Every call carries a session (SPEC §5): the manager for long work, the shift's cashier at the till.
    const signIn = async (staffId: number, pin: string): Promise<Who> => ({ sessionId: (await must<{ sessionId: string }>(runtime, 'auth.signIn', { staffId, pin })).sessionId });
    const manager = await signIn(meta.staff.managerId, meta.staff.managerPin);
    const products = (await must<{ rows: { id: number; active: boolean }[] }>(runtime, 'products.list', { limit: 500 }, manager)).rows.filter((p) => p.active);
    let shift = await must<{ id: number; cashierId: number } | null>(runtime, 'shifts.current', {}, manager);
    const owner = meta.staff.cashiers.find((c) => c.id === shift?.cashierId) ?? meta.staff.cashiers[0]!;
    const till = await signIn(owner.id, owner.pin);
    if (!shift) shift = await must<{ id: number; cashierId: number }>(runtime, 'shifts.open', { openingFloat: 200_000 }, till);
    const shiftId = shift.id;
    const saleInput = () => {
      const picked = new Set<number>();
      while (picked.size < 3) picked.add(rng.pick(products).id);
      return { id: rng.uuid(), shiftId, lines: [...picked].map((productId) => ({ productId, quantity: 1 })), payment: { method: 'cash', tendered: 5_000_000 } };
    };
    const timedSale = async () => {
      const t0 = performance.now();
      await must(runtime, 'sales.create', saleInput(), till);
      return performance.now() - t0;
    };
    const n = Math.min(400, scale.iterations.salesCreate);
    for (let i = 0; i < scale.warmup; i++) await timedSale();
    const quietSamples: number[] = [];
    for (let i = 0; i < n; i++) quietSamples.push(await timedSale());
    const quiet = summarize(quietSamples);
    rows.push({
      key: 'sales_create_runtime',
      label: 'sales.create through the store runtime, quiet',
      time: quiet,
      budget: '—',
      ok: null,
      note: 'the path both shells take: the UI thread posts to the writer thread and awaits its answer',
    });

    const jobs: { key: string; label: string; run: () => Promise<unknown> }[] = [
      { key: 'sale_during_verify', label: 'ledger.verify of all producers', run: () => must(runtime, 'ledger.verify', {}, manager) },
      { key: 'sale_during_backup', label: 'an automatic backup', run: () => runtime.automaticBackup('daily') },
      { key: 'sale_during_export', label: `a CSV export of every sale ${meta.startLocalDate} – ${today}`, run: () => must(runtime, 'reports.salesCsv', { from: meta.startLocalDate, to: today, by: 'sale' }, manager) },
      { key: 'sale_during_trust', label: 'reports.trust in a loop', run: () => must(runtime, 'reports.trust', { from: meta.startLocalDate, to: today }, manager) },
    ];
    // Long work gives way to the till at each progress step while a call is in flight (runtime/jobs.ts): how long, per job.
    let gaveWayMs = 0;
    runtime.on('job.finished', (f) => (gaveWayMs += f.gaveWayMs));
    for (const job of jobs) {
      // The quiet figure this row is judged by: sales just before the job starts, so a drift of the machine's speed
      // over the minutes the rows take (the jobs last up to a minute each) does not move the ratio.
      const before: number[] = [];
      for (let i = 0; i < n / 2; i++) before.push(await timedSale());
      const quietBefore = summarize(before);
      gaveWayMs = 0;
      let running: Promise<unknown> | null = null;
      let runs = 0;
      const samples: number[] = [];
      const jobStart = performance.now();
      let jobMs = 0;
      while (samples.length < n) {
        if (!running) {
          runs++;
          const t0 = performance.now();
          running = job.run().then(() => {
            jobMs += performance.now() - t0;
            running = null;
          });
          // Let the job get going on its thread before the first sale.
          await new Promise((r) => setTimeout(r, 5));
        }
        samples.push(await timedSale());
      }
      await running;
      const t = summarize(samples);
      rows.push({
        key: job.key,
        label: `sales.create while ${job.label} runs`,
        time: t,
        floor: quietBefore,
        budget: 'p50, p99 ≤ 2× quiet',
        ok: within2x(t, quietBefore),
        note: `${n} sales while the job ran ${runs} time(s), ${(jobMs / runs / 1000).toFixed(2)} s each (${((performance.now() - jobStart) / 1000).toFixed(1)} s in all)${job.key === 'sale_during_trust' ? ' (a read: nothing to give way)' : `, of which it gave way to the sales ${(gaveWayMs / 1000).toFixed(2)} s`}; floor column = ${before.length} quiet sales just before the job started`,
      });
    }

    // A click's read while the write queue is full: a burst of sales posted at once, settlements.owed timed meanwhile.
    // The quiet figure: the same read with no write in flight, each right after one sale, as in a shop where the
    // till sells between clicks. SQLite drops a connection's page cache whenever the WAL has changed since its last
    // read, so every read after a sale starts with a cold cache, burst or not; the figure of reads with no sale
    // between them (a warm cache, only after a quiet spell) is in the note.
    const timedRead = async () => {
      const t0 = performance.now();
      await must(runtime, 'settlements.owed', {}, manager);
      return performance.now() - t0;
    };
    for (let i = 0; i < scale.warmup; i++) await timedRead();
    const readWarm: number[] = [];
    for (let i = 0; i < Math.min(50, n); i++) readWarm.push(await timedRead());
    const readQuiet: number[] = [];
    for (let i = 0; i < Math.min(100, n); i++) {
      await must(runtime, 'sales.create', saleInput(), till);
      readQuiet.push(await timedRead());
    }
    // Three bursts, their reads pooled: a burst of 400 sales lasts about a second, room for only some 20 reads.
    const burst = Math.max(200, n);
    const bursts = 3;
    const readBusy: number[] = [];
    let burstMs = 0;
    for (let k = 0; k < bursts; k++) {
      let left = burst;
      const burstStart = performance.now();
      const writes = Array.from({ length: burst }, () => must(runtime, 'sales.create', saleInput(), till).finally(() => left--));
      while (left > 0) readBusy.push(await timedRead());
      await Promise.all(writes);
      burstMs += performance.now() - burstStart;
    }
    const q = summarize(readQuiet);
    const b = summarize(readBusy);
    const w = summarize(readWarm);
    rows.push({
      key: 'read_during_burst',
      label: `settlements.owed while a burst of ${burst} sales is written`,
      time: b,
      floor: q,
      budget: 'p50, p99 ≤ 2× quiet',
      ok: within2x(b, q),
      note: `${readBusy.length} reads during ${bursts} bursts (${(burstMs / bursts / 1000).toFixed(1)} s each, the write queue full throughout); floor column = the same read with no write in flight, right after one sale; with a warm cache (no sale between reads) p50 ${w.p50.toFixed(1)} / p99 ${w.p99.toFixed(1)} ms`,
    });
  } finally {
    await runtime.close();
  }
  return rows;
}
