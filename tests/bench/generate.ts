/**
 * Generates (or reuses from the cache) the benchmark database: a busy village
 * shop over five years, deterministic from a seed. The oldest part is
 * bulk-loaded in the app's own shape; the last weeks go through the core.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, DB_FILE_NAME } from '../../electron/core/app';
import { BulkSink } from './bulkSink';
import { loadCatalogue, type StaffIds } from './catalogue';
import { CORE_GROUPS, CoreSink, missingOf } from './coreSink';
import { planOf, runShop, type ShopStats } from './shop';
import type { Scale } from './scale';
import type { Sink } from './sink';
import { buildWorld } from './world';

const GEN_VERSION = 1;
const ROOT = path.resolve(__dirname, '../..');

export interface GenMeta {
  key: string;
  seed: number;
  scale: Scale['name'];
  startLocalDate: string;
  endLocalDate: string;
  /** local date from which the core wrote everything (or null: all bulk) */
  coreFrom: string | null;
  coreMissing: string[];
  stockThroughCore: boolean;
  stats: ShopStats;
  staff: StaffIds;
  seconds: number;
  generatedAt: string;
  /** period end (ISO) of the first week that is not settled yet */
  firstOpenPeriodEnd: string;
  openPeriodEnds: string[];
}

export interface Generated {
  dbFile: string;
  meta: GenMeta;
  cached: boolean;
}

function cacheKey(scale: Scale, seed: number, coreMode: string): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ GEN_VERSION, seed, scale: { ...scale, iterations: undefined, warmup: undefined, cartLines: undefined }, coreMode }));
  const migrations = path.join(ROOT, 'migrations');
  for (const f of fs.readdirSync(migrations).sort()) h.update(f).update(fs.readFileSync(path.join(migrations, f)));
  for (const f of ['prng.ts', 'world.ts', 'shop.ts', 'bulkSink.ts', 'catalogue.ts', 'coreSink.ts', 'generate.ts', 'sink.ts']) h.update(fs.readFileSync(path.join(__dirname, f)));
  return `${scale.name}-${seed}-${h.digest('hex').slice(0, 16)}`;
}

export const cacheRoot = () => path.join(os.tmpdir(), 'ukm-mart-bench-cache');

export function generate(options: { scale: Scale; seed: number; log: (s: string) => void; noCache?: boolean }): Generated {
  const { scale, seed, log } = options;
  const tillMissing = missingOf(CORE_GROUPS.till);
  const settleMissing = missingOf(CORE_GROUPS.settlement);
  const stockMissing = missingOf(CORE_GROUPS.stock);
  const useCore = tillMissing.length === 0 && settleMissing.length === 0;
  const coreMode = useCore ? (stockMissing.length ? 'core-nostock' : 'core') : 'bulk';
  const key = cacheKey(scale, seed, coreMode);
  const dir = path.join(cacheRoot(), key);
  const metaFile = path.join(dir, 'meta.json');
  if (!options.noCache && fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as GenMeta;
    log(`Reusing the cached database for seed ${seed}, scale ${scale.name}: ${dir} (generated in ${meta.seconds.toFixed(0)} s on ${meta.generatedAt}; delete it to regenerate)`);
    return { dbFile: path.join(dir, DB_FILE_NAME), meta, cached: true };
  }

  // Keep one cached database per scale: older keys of the same scale go.
  fs.mkdirSync(cacheRoot(), { recursive: true });
  for (const old of fs.readdirSync(cacheRoot())) {
    if (old.startsWith(`${scale.name}-`) && old !== key) fs.rmSync(path.join(cacheRoot(), old), { recursive: true, force: true });
  }
  const building = `${dir}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  const started = performance.now();
  const plan = planOf(scale);
  let clock = Date.parse(`${plan.startLocalDate}T00:00:00Z`);
  // Sessions last the whole generation: a shop's staff sign in once a day, but the history is written in minutes (one scrypt per sign-in).
  const core = createCore({ dataDir: building, now: () => new Date(clock), shell: 'browser', sessionIdleMinutes: 366 * 24 * 60 });
  const db = core.db;
  if (!db) throw new Error(`the core refused to open a new store: ${core.status().reason}`);
  const world = buildWorld(scale, seed, plan.startLocalDate);
  const staff = loadCatalogue(db, world, plan.startLocalDate);

  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const bulk = new BulkSink(db, world, staff, 2);
  const coreSink = new CoreSink(core, (ms) => (clock = ms), staff, stockMissing.length === 0);
  const coreFromDay = useCore ? plan.coreStartDay : Number.POSITIVE_INFINITY;
  if (!useCore) log(`Through the core: not yet (missing handlers: ${[...tillMissing, ...settleMissing].join(', ')}); every week is bulk-loaded in the app's shape.`);
  else if (stockMissing.length) log(`Through the core: intakes/returns/counts skipped in the core weeks (missing: ${stockMissing.join(', ')}).`);

  const progressEvery = scale.name === 'full' ? 182 : 28;
  const stats = runShop({
    scale,
    seed,
    world,
    staff,
    sinkFor: (day) => (day >= coreFromDay ? coreSink : bulk),
    onSwitch: (from: Sink) => {
      if (from === bulk) {
        bulk.finish();
        db.pragma('synchronous = FULL');
        db.pragma('cache_size = -2000');
      }
    },
    progress: (day, total, s) => {
      if (day % progressEvery < 28) log(`  day ${day}/${total}: ${s.sales.toLocaleString('en')} sales, ${s.lines.toLocaleString('en')} lines, ${s.settlements} settlements, ${s.payouts} payouts (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    },
  });
  if (!useCore) bulk.finish();
  stats.coreCalls = coreSink.calls;
  const openPeriodEnds = Array.from({ length: scale.openWeeks }, (_, i) =>
    new Date(Date.parse(`${plan.startLocalDate}T00:00:00Z`) - 7 * 3600_000 + (scale.settledWeeks + 1 + i) * 7 * 86_400_000).toISOString(),
  );
  core.close();
  const meta: GenMeta = {
    key,
    seed,
    scale: scale.name,
    startLocalDate: plan.startLocalDate,
    endLocalDate: scale.endLocalDate,
    coreFrom: useCore ? new Date(Date.parse(`${plan.startLocalDate}T00:00:00Z`) + plan.coreStartDay * 86_400_000).toISOString().slice(0, 10) : null,
    coreMissing: [...tillMissing, ...settleMissing, ...stockMissing],
    stockThroughCore: useCore && stockMissing.length === 0,
    stats,
    staff,
    seconds: (performance.now() - started) / 1000,
    generatedAt: new Date().toISOString(),
    firstOpenPeriodEnd: openPeriodEnds[0]!,
    openPeriodEnds,
  };
  fs.writeFileSync(path.join(building, 'meta.json'), JSON.stringify(meta, null, 2));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
  log(`Generated in ${meta.seconds.toFixed(1)} s and cached at ${dir} (reruns with the same seed and scale reuse it).`);
  return { dbFile: path.join(dir, DB_FILE_NAME), meta, cached: false };
}
