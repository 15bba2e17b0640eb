/**
 * `npm run bench` — five years of a busy village shop, and SPEC §11's budgets.
 *
 *   npm run bench                 the full benchmark (≥ 1,000,000 sale lines)
 *   npm run bench -- --quick      a small version that runs in under a minute
 *   flags: --seed N  --no-browser  --no-cache  --json FILE  --shots DIR (screenshot of the cashier screen)
 *
 * The generated database is cached in the OS temp folder by seed and scale;
 * every run measures on a fresh copy of it (measuring writes sales and settles weeks).
 */
import fs from 'node:fs';
import { measureLists } from './listBench';
import os from 'node:os';
import path from 'node:path';
import { DB_FILE_NAME } from '../../electron/core/app';
import { measurePinTiming } from './pinTiming';
import { measureCore, measureStartup, type Row } from './coreBench';
import { measureScan } from './browserBench';
import { measureManagerScreens, SCREEN_KEYS, skippedScreens } from './managerScreens';
import { measureRuntime } from './runtimeBench';
import { STORE_THREAD_YOUNG_GENERATION_MB } from '../../electron/core/runtime/storeRuntime';
import { diagnose } from './diagnose';
import { generate } from './generate';
import { notes, table } from './report';
import { SCALES } from './scale';
import { localInstant } from './sink';
import { measureSafety } from './safetyBench';

export interface BenchResult {
  rows: Row[];
  jsonFile: string;
}

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function machine() {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version, platform: `${os.platform()} ${os.release()}`, loadavg: os.loadavg().map((l) => +l.toFixed(2)) };
}

const fileSize = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);

export async function main(argv: string[] = process.argv.slice(2), log: (s: string) => void = console.log): Promise<BenchResult> {
  const started = performance.now();
  const scale = SCALES[argv.includes('--quick') ? 'quick' : 'full'];
  const seed = Number(arg(argv, '--seed') ?? 20261128);
  const m = machine();
  log(`UKM Mart benchmark — scale ${scale.name}, seed ${seed}`);
  log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}, load average ${m.loadavg.join(' ')}`);
  // The core measured in this process stands for a store-runtime thread: the same young generation (storeRuntime.ts).
  const semi = process.execArgv.find((a) => a.startsWith('--max-semi-space-size='));
  log(semi ? `heap: ${semi} (as the store runtime's threads: a ${STORE_THREAD_YOUNG_GENERATION_MB} MiB young generation)` : `heap: V8's default young generation; the store runtime's threads have ${STORE_THREAD_YOUNG_GENERATION_MB} MiB (npm run bench passes --max-semi-space-size=32)`);
  log(`Generating: ${scale.producers} producers, ${scale.products} products, ${scale.settledWeeks} settled weeks + ${scale.openWeeks} open, about ${Math.round(scale.linesPerDay * 7 * (scale.settledWeeks + scale.openWeeks)).toLocaleString('en')} sale lines`);
  const gen = generate({ scale, seed, log, noCache: argv.includes('--no-cache') });
  const s = gen.meta.stats;
  log(
    `Store: ${s.sales.toLocaleString('en')} sales, ${s.lines.toLocaleString('en')} sale lines, ${s.voids} voids, ${s.refunds} refunds, ${s.intakes} intakes, ${s.returns} returns, ${s.counts} stock counts, ` +
      `${s.settlements.toLocaleString('en')} settlements, ${s.payouts.toLocaleString('en')} payouts (${s.latePayouts} late, ${s.partialPayouts} settlements paid in parts), ${gen.meta.startLocalDate} – ${gen.meta.endLocalDate}.`,
  );
  log(
    gen.meta.coreFrom
      ? `Bulk-loaded in the app's shape (same tables, hash chain via appendLedgerEntry, settlement entries and cursors, payouts with ledger entries) up to ${gen.meta.coreFrom}; from then on every event went through the core (${s.coreCalls.toLocaleString('en')} calls: sales.create, sales.void, sales.refund, shifts, ${gen.meta.stockThroughCore ? 'intakes, returns, stock counts, ' : ''}settlements.finalize, payouts.create).`
      : `Everything bulk-loaded in the app's shape (the core lacks: ${gen.meta.coreMissing.join(', ')}).`,
  );

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ukm-mart-bench-run-'));
  const dataDir = path.join(runDir, 'data');
  fs.mkdirSync(dataDir);
  fs.copyFileSync(gen.dbFile, path.join(dataDir, DB_FILE_NAME));
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  const sizeAfterFiveYears = fileSize(dbFile);
  log(`Measuring on a copy: ${dbFile} (${(sizeAfterFiveYears / 2 ** 20).toFixed(1)} MiB)`);
  // "Now" is Monday 10:00 local after the history: the last open week has just ended.
  const startAt = localInstant(scale.endLocalDate, 10);
  const opts = { dataDir, scale, meta: gen.meta, startAt, log };
  const rows: Row[] = [];
  rows.push(measureStartup(opts));
  log('  start-up measured');
  rows.push(...measureCore(opts));
  log('  core measured');
  rows.push(...(await measureRuntime(opts)));
  log('  store runtime measured');
  rows.push(...measureLists(opts));
  log('  lists, statement and sales report measured');
  rows.push(measurePinTiming());
  log('  PIN timing measured');
  if (argv.includes('--no-browser')) {
    rows.push({ key: 'scan_to_line', label: `scan to line visible, Chromium (${scale.cartLines}-line cart)`, time: null, budget: 'p95 ≤ 50 ms', ok: null, note: 'skipped (--no-browser)' });
    rows.push(...skippedScreens('skipped (--no-browser)'));
  } else {
    const rendererDir = path.resolve(process.env.UKM_MART_RENDERER_DIR ?? 'dist/renderer');
    rows.push(await measureScan({ ...opts, rendererDir, ...(arg(argv, '--shots') ? { shotsDir: path.resolve(arg(argv, '--shots')!) } : {}) }));
    log('  browser measured');
    rows.push(...(await measureManagerScreens({ ...opts, rendererDir, ...(arg(argv, '--shots') ? { shotsDir: path.resolve(arg(argv, '--shots')!) } : {}) })));
    log('  manager screens measured (Chromium)');
  }
  const order = ['sales_create', 'lookup_barcode', 'lookup_short_code', 'settlements_preview', 'settlements_finalize', 'reports_trust', 'insight_producer', 'insight_reorder', 'insight_statement', 'insight_shop', 'insight_low_stock', 'ledger_verify_one', 'ledger_verify_all', 'sales_create_runtime', 'sale_during_verify', 'sale_during_backup', 'sale_during_export', 'sale_during_trust', 'read_during_burst', 'startup', 'scan_to_line', ...SCREEN_KEYS,
    'ledger_balances', 'list_page', 'statement_page', 'sales_report_year', 'sales_report_all',
    'pin_unknown_id', 'backup_create', 'sales_during_backup', 'backup_restore', 'startup_clean'];
  rows.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  rows.push(...(await measureSafety(opts)));

  const seconds = (performance.now() - started) / 1000;
  log('');
  log(table(rows));
  log('');
  for (const n of notes(rows)) log(n);
  log(`- database file after ${scale.name === 'full' ? 'five years' : `${scale.settledWeeks + scale.openWeeks} weeks`}: ${(sizeAfterFiveYears / 2 ** 20).toFixed(1)} MiB (${sizeAfterFiveYears.toLocaleString('en')} bytes); after the measurements: ${(fileSize(dbFile) / 2 ** 20).toFixed(1)} MiB`);
  const misses = rows.filter((r) => r.ok === false);
  const missing = rows.filter((r) => !r.time);
  const why = await diagnose(dbFile, rows);
  if (misses.length) {
    log(`- MISSES: ${misses.map((r) => r.label).join('; ')}. Why:`);
    for (const r of misses) log(`  - ${r.label}: ${why.get(r.key)}`);
  }
  if (missing.length) log(`- not measured: ${missing.map((r) => `${r.label} (${r.note})`).join('; ')}`);
  if (!misses.length && !missing.length) log('- every figure meets its budget');
  log(`- cpu p50: CPU time of the process per call (user + system); well below the wall time means the call waited for the disk (fsync) or for a busy machine (load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores)`);
  log(`- total run time ${seconds.toFixed(0)} s (generation ${gen.cached ? 'reused from the cache' : `${gen.meta.seconds.toFixed(0)} s`}); p99 of a few samples (finalize, verify, start-up) is their maximum`);

  const jsonFile = path.resolve(arg(argv, '--json') ?? path.join(os.tmpdir(), `ukm-mart-bench-${scale.name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`));
  const json = {
    scale: scale.name,
    seed,
    machine: m,
    generatedAt: gen.meta.generatedAt,
    generationSeconds: gen.meta.seconds,
    cached: gen.cached,
    store: { ...gen.meta.stats, from: gen.meta.startLocalDate, to: gen.meta.endLocalDate, coreFrom: gen.meta.coreFrom, dbBytes: sizeAfterFiveYears },
    rows: rows.map((r) => ({ key: r.key, label: r.label, budget: r.budget, ok: r.ok, note: r.note ?? null, why: why.get(r.key) ?? null, ms: r.time, cpuMs: r.cpu ?? null, floorMs: r.floor ?? null, ratio: r.floor && r.time ? { p50: r.time.p50 / r.floor.p50, p99: r.time.p99 / r.floor.p99 } : null })),
    seconds,
  };
  fs.writeFileSync(jsonFile, JSON.stringify(json, null, 2));
  log(`- figures as JSON: ${jsonFile}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  return { rows, jsonFile };
}

if (require.main === module) {
  main().then(
    (r) => process.exit(r.rows.some((x) => !x.time && !x.note?.startsWith('skipped')) ? 2 : 0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
