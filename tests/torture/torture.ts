/**
 * `npm run torture` — real faults, from outside, repeatable (issue 12, item 8).
 *
 *   npm run torture                          1,000 kills during sales, 100 each during finalise, backup and restore, and a full disk
 *   npm run torture -- --sales 50 --finalize 10 --backup 10 --restore 10
 *
 * Each kill is a SIGKILL of a child process (tests/torture/child.ts) at a
 * random moment while it works; the child prints each act only after the core
 * acknowledged it. After each kill the store is opened again as the app opens
 * it, and the harness counts acknowledged acts that are missing (losses),
 * receipt-number gaps, leftover files, and starts that refuse to trade.
 * The full disk runs on a 20 MB tmpfs where the machine allows mounting one.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/app';
import { listBackups } from '../../electron/core/backup/files';
import { makeTill } from '../integration/till-fixtures';

/** A manager's session on a core the torture opened itself (the fixtures' manager, PIN 1234). */
function asManager(core: Core): { sessionId: string } {
  const id = (core.db!.prepare("SELECT id FROM staff WHERE role = 'manager' AND active = 1 ORDER BY id LIMIT 1").get() as { id: number }).id;
  const reply = core.call('auth.signIn', { staffId: id, pin: '1234' });
  if (!reply.ok) throw new Error(`auth.signIn refused: ${reply.error.message}`);
  return { sessionId: (reply.value as { sessionId: string }).sessionId };
}
import { TestClock } from '../helpers/core';

const ROOT = path.resolve(__dirname, '../..');
const CHILD = path.join(__dirname, 'child.ts');

export interface TortureRow {
  scenario: string;
  trials: number;
  acknowledged: number;
  lost: number;
  receiptGaps: number;
  leftovers: number;
  refusedStarts: number;
  note: string;
}

/**
 * The child bundled once into plain JavaScript (esbuild, which tsx ships): it
 * starts in a fraction of the time the TypeScript loader needs, so a thousand
 * kills take minutes, not hours, on a small machine. Falls back to tsx.
 */
const bundled = new Map<string, string[]>();
export function nodeArgsFor(entry: string): string[] {
  const known = bundled.get(entry);
  if (known) return known;
  let args: string[];
  try {
    const out = path.join(ROOT, 'node_modules', '.cache', 'ukm-mart-torture', `${path.basename(entry, '.ts')}-${process.pid}.cjs`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    esbuild.buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['better-sqlite3'], outfile: out, logLevel: 'error' });
    process.once('exit', () => fs.rmSync(out, { force: true }));
    args = [out];
  } catch (err) {
    console.warn(`[torture] ${path.basename(entry)} could not be bundled (${(err as Error).message}); running it through tsx`);
    args = ['--import', 'tsx', entry];
  }
  bundled.set(entry, args);
  return args;
}
/** Bundled, a child finds the migrations by this variable rather than beside its sources. */
export const childEnv = (): NodeJS.ProcessEnv => ({ ...process.env, UKM_MART_MIGRATIONS_DIR: process.env.UKM_MART_MIGRATIONS_DIR ?? path.join(ROOT, 'migrations') });
const childArgs = () => nodeArgsFor(CHILD);

/** Runs the child until `killAfterMs` after it said ready, then SIGKILLs it; returns its acknowledged lines. */
function runUntilKilled(args: string[], killAfterMs: number): Promise<{ lines: string[]; killed: boolean; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...childArgs(), ...args], { cwd: ROOT, env: childEnv() });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.startsWith('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      const lines = out.split('\n').slice(0, -1).filter((l) => l !== 'ready');
      resolve({ lines, killed: signal === 'SIGKILL', err });
    });
  });
}

const LEFTOVER = /\.partial(-journal|-wal|-shm)?$|^restore-candidate-|^restore-in-progress/;
function leftoversIn(dataDir: string): string[] {
  const out: string[] = [];
  for (const dir of [dataDir, path.join(dataDir, 'backups')]) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) if (LEFTOVER.test(f)) out.push(path.join(dir, f));
  }
  return out;
}

function openAsTheApp(dataDir: string, now?: () => Date): Core {
  return createCore({ dataDir, backgroundChecksAfterMs: null, ...(now ? { now } : {}) });
}

function receiptsOf(core: Core): number[] {
  return (core.db!.prepare('SELECT receipt_no FROM sales ORDER BY receipt_no').all() as { receipt_no: number }[]).map((r) => r.receipt_no);
}
const gapsIn = (receipts: number[]) => receipts.reduce((n, r, i) => n + (r === i + 1 ? 0 : 1), 0);
const quiet = <T>(fn: () => T): T => {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return fn();
  } finally {
    console.warn = warn;
  }
};

function tillStore() {
  const till = makeTill();
  const out = { dataDir: till.t.dataDir, shiftId: till.shiftId, products: till.products, mgr: till.mgr };
  till.t.close();
  return out;
}

async function salesScenario(trials: number, log: (s: string) => void): Promise<TortureRow> {
  const s = tillStore();
  const row: TortureRow = { scenario: 'SIGKILL during sales', trials: 0, acknowledged: 0, lost: 0, receiptGaps: 0, leftovers: 0, refusedStarts: 0, note: '' };
  for (let i = 0; i < trials; i++) {
    const { lines } = await runUntilKilled(['sales', s.dataDir, String(s.shiftId), [s.products.egg, s.products.chips, s.products.cake].join(',')], Math.floor(Math.random() * 250));
    row.trials++;
    row.acknowledged += lines.length;
    const core = quiet(() => openAsTheApp(s.dataDir));
    if (core.status().state !== 'ready') {
      row.refusedStarts++;
      row.note = core.status().reason ?? '';
      core.close();
      break;
    }
    const receipts = receiptsOf(core);
    const stored = new Set(receipts);
    row.lost += lines.filter((l) => !stored.has(Number(l))).length;
    row.receiptGaps += gapsIn(receipts);
    row.leftovers += leftoversIn(s.dataDir).length;
    core.close();
    if ((i + 1) % 100 === 0) log(`  sales: ${i + 1}/${trials} kills`);
  }
  const core = openAsTheApp(s.dataDir);
  if (core.db && core.db.pragma('integrity_check', { simple: true }) !== 'ok') row.note = 'integrity_check failed';
  if (core.db) {
    const verify = core.call('ledger.verify', {}, asManager(core));
    if (!verify.ok || !(verify.value as { ok: boolean }).ok) row.note += ` ledger.verify failed: ${JSON.stringify(verify.ok ? verify.value : verify.error).slice(0, 400)}`;
  }
  core.close();
  return row;
}

const sundaysFrom = (first: string, n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.parse(`${first}T00:00:00Z`) + i * 7 * 86_400_000).toISOString().slice(0, 10));

async function finalizeScenario(trials: number, log: (s: string) => void): Promise<TortureRow> {
  const clock = new TestClock('2026-01-05T02:00:00.000Z');
  const till = makeTill({ clock });
  for (let i = 0; i < 10; i++) till.sale([{ productId: till.products.egg, quantity: 1 }]);
  const { dataDir } = till.t;
  const mgr = till.mgr;
  const producers = (till.db.prepare('SELECT count(*) AS n FROM producers').get() as { n: number }).n;
  till.t.close();
  // More weeks than a kill window can finalise, so every trial is killed mid-way.
  const periods = sundaysFrom('2026-01-11', Math.max(1000, trials * 3));
  const now = new Date(Date.parse(`${periods.at(-1)}T00:00:00Z`) + 30 * 86_400_000).toISOString();
  const row: TortureRow = { scenario: 'SIGKILL during settlement finalise', trials: 0, acknowledged: 0, lost: 0, receiptGaps: 0, leftovers: 0, refusedStarts: 0, note: '' };
  const acknowledged = new Set<string>();
  for (let i = 0; i < trials; i++) {
    const { lines } = await runUntilKilled(['finalize', dataDir, now, String(mgr.staffId), mgr.pin, periods.join(',')], Math.floor(Math.random() * 1500));
    row.trials++;
    for (const l of lines) if (l !== 'done') acknowledged.add(l);
    row.acknowledged = acknowledged.size;
    const core = quiet(() => openAsTheApp(dataDir, () => new Date(now)));
    if (core.status().state !== 'ready') {
      row.refusedStarts++;
      core.close();
      break;
    }
    const groups = core.db!.prepare('SELECT period_end, count(*) AS n FROM settlements GROUP BY period_end').all() as { period_end: string; n: number }[];
    // Every finalised week is whole: one settlement per producer, never some of them.
    row.lost += groups.filter((g) => g.n !== producers).length;
    row.lost += Math.max(0, acknowledged.size - groups.length);
    const verify = core.call('ledger.verify', {}, asManager(core));
    if (!verify.ok || !(verify.value as { ok: boolean }).ok) row.note = 'ledger.verify failed';
    row.leftovers += leftoversIn(dataDir).length;
    core.close();
    if (lines.includes('done')) {
      row.note = `all ${periods.length} weeks finalised after ${i + 1} kills`;
      break;
    }
    if ((i + 1) % 25 === 0) log(`  finalise: ${i + 1}/${trials} kills`);
  }
  return row;
}

function fillStore(dataDir: string, rows: number): void {
  const core = openAsTheApp(dataDir);
  const add = core.db!.prepare("INSERT INTO audit_log (at, action, reason) VALUES ('2026-11-02T02:00:00.000Z', 'filler', ?)");
  core.db!.transaction(() => {
    for (let i = 0; i < rows; i++) add.run(`filler ${i} ${Math.random().toString(36).repeat(8)}`);
  })();
  core.close();
}

async function backupScenario(trials: number, log: (s: string) => void): Promise<TortureRow> {
  const s = tillStore();
  fillStore(s.dataDir, 40_000);
  const row: TortureRow = { scenario: 'SIGKILL during backup', trials: 0, acknowledged: 0, lost: 0, receiptGaps: 0, leftovers: 0, refusedStarts: 0, note: '' };
  for (let i = 0; i < trials; i++) {
    const { lines } = await runUntilKilled(['backup', s.dataDir], Math.floor(Math.random() * 600));
    row.trials++;
    row.acknowledged += lines.length;
    const core = quiet(() => openAsTheApp(s.dataDir));
    if (core.status().state !== 'ready') row.refusedStarts++;
    row.leftovers += leftoversIn(s.dataDir).length;
    // Every acknowledged backup is listed and whole (decompresses, passes quick_check); nothing half-written is listed.
    const listed = new Set(listBackups(path.join(s.dataDir, 'backups')).map((b) => b.file));
    row.lost += lines.filter((f) => !listed.has(f)).length;
    for (const file of listed) {
      const plain = path.join(os.tmpdir(), `torture-check-${process.pid}.sqlite`);
      try {
        fs.writeFileSync(plain, (await import('node:zlib')).gunzipSync(fs.readFileSync(file)));
        const Database = (await import('better-sqlite3')).default;
        const db = new Database(plain, { readonly: true });
        if (db.pragma('quick_check', { simple: true }) !== 'ok') row.lost++;
        db.close();
      } catch {
        row.lost++;
      } finally {
        fs.rmSync(plain, { force: true });
      }
      fs.rmSync(file, { force: true });
    }
    core.close();
    if ((i + 1) % 25 === 0) log(`  backup: ${i + 1}/${trials} kills`);
  }
  return row;
}

async function restoreScenario(trials: number, log: (s: string) => void): Promise<TortureRow> {
  const s = tillStore();
  fillStore(s.dataDir, 20_000);
  const core0 = openAsTheApp(s.dataDir);
  const backup = await core0.callAsync('backup.create', { folder: path.join(os.tmpdir(), `torture-backup-${process.pid}`) }, asManager(core0));
  core0.close();
  if (!backup.ok) throw new Error(backup.error.message);
  const file = (backup.value as { file: string }).file;
  const row: TortureRow = { scenario: 'SIGKILL during restore', trials: 0, acknowledged: 0, lost: 0, receiptGaps: 0, leftovers: 0, refusedStarts: 0, note: '' };
  for (let i = 0; i < trials; i++) {
    const { lines } = await runUntilKilled(['restore', s.dataDir, file, String(s.mgr.staffId), s.mgr.pin], Math.floor(Math.random() * 700));
    row.trials++;
    row.acknowledged += lines.length;
    const core = quiet(() => openAsTheApp(s.dataDir));
    if (core.status().state !== 'ready') {
      row.refusedStarts++;
      row.note = core.status().reason ?? '';
    } else {
      if (core.db!.pragma('quick_check', { simple: true }) !== 'ok') row.lost++;
      row.receiptGaps += gapsIn(receiptsOf(core));
    }
    row.leftovers += leftoversIn(s.dataDir).length;
    core.close();
    // The replaced files are kept aside on purpose (README); the harness clears them so the disk does not fill.
    for (const f of fs.readdirSync(s.dataDir)) if (f.includes('.replaced-')) fs.rmSync(path.join(s.dataDir, f), { force: true });
    if ((i + 1) % 25 === 0) log(`  restore: ${i + 1}/${trials} kills`);
  }
  return row;
}

async function diskFullScenario(): Promise<TortureRow> {
  const row: TortureRow = { scenario: 'full disk (20 MB tmpfs)', trials: 0, acknowledged: 0, lost: 0, receiptGaps: 0, leftovers: 0, refusedStarts: 0, note: '' };
  const mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'ukm-mart-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=20m', 'tmpfs', mnt], { stdio: 'pipe' });
  } catch (err) {
    row.note = `skipped: cannot mount a tmpfs here (${(err as Error).message.split('\n')[0]})`;
    return row;
  }
  try {
    const dataDir = path.join(mnt, 'data');
    const till = makeTill({ dataDir });
    const filler = path.join(mnt, 'filler.bin');
    // Fill the disk up to about 1 MB, so sales meet ENOSPC within a few hundred.
    const free = fs.statfsSync(mnt).bavail * fs.statfsSync(mnt).bsize;
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free - 1024 * 1024)));
    const acked: number[] = [];
    const codes = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const reply = till.t.raw('sales.create', till.saleInput([{ productId: till.products.egg, quantity: 1 }, { productId: till.products.chips, quantity: 2 }]));
      if (reply.ok) acked.push((reply.value as { receiptNo: number }).receiptNo);
      else {
        codes.add(reply.error.code);
        if (codes.size && reply.error.code === 'DISK_FULL') row.trials++;
        if (row.trials >= 20) break;
      }
    }
    row.acknowledged = acked.length;
    const banner = till.t.core.status().health?.diskFull === true;
    fs.rmSync(filler);
    const after = till.t.raw('sales.create', till.saleInput([{ productId: till.products.egg, quantity: 1 }]));
    if (after.ok) acked.push((after.value as { receiptNo: number }).receiptNo);
    const recovered = after.ok && till.t.core.status().health?.diskFull === false;
    till.t.close();
    const core = openAsTheApp(dataDir);
    const stored = new Set(receiptsOf(core));
    row.lost = acked.filter((n) => !stored.has(n)).length;
    row.receiptGaps = gapsIn(receiptsOf(core));
    if (core.status().state !== 'ready') row.refusedStarts++;
    core.close();
    row.note = `refusals: ${[...codes].join(', ') || 'none'}; banner ${banner ? 'shown' : 'NOT shown'}; ${recovered ? 'recovered by itself' : 'did NOT recover'}`;
    if (!codes.has('DISK_FULL') || codes.size !== 1 || !banner || !recovered) row.lost += 0.5; // marks the row as failed
  } finally {
    try {
      execFileSync('umount', [mnt]);
    } catch {
      // busy: left for the OS
    }
  }
  return row;
}

export function table(rows: TortureRow[]): string {
  const head = '| fault | kills / trials | acknowledged acts | lost | receipt gaps | leftover files | refused starts | note |';
  const sep = '|:--|--:|--:|--:|--:|--:|--:|:--|';
  const body = rows.map((r) => `| ${r.scenario} | ${r.trials} | ${r.acknowledged} | ${r.lost} | ${r.receiptGaps} | ${r.leftovers} | ${r.refusedStarts} | ${r.note} |`);
  return [head, sep, ...body].join('\n');
}

export interface TortureOptions {
  sales: number;
  finalize: number;
  backup: number;
  restore: number;
  diskFull: boolean;
}

export async function runTorture(options: TortureOptions, log: (s: string) => void = console.log): Promise<TortureRow[]> {
  const rows: TortureRow[] = [];
  if (options.sales) rows.push(await salesScenario(options.sales, log));
  if (options.finalize) rows.push(await finalizeScenario(options.finalize, log));
  if (options.backup) rows.push(await backupScenario(options.backup, log));
  if (options.restore) rows.push(await restoreScenario(options.restore, log));
  if (options.diskFull) rows.push(await diskFullScenario());
  return rows;
}

export const failed = (rows: TortureRow[]) => rows.some((r) => r.lost || r.receiptGaps || r.leftovers || r.refusedStarts);

if (require.main === module) {
  const argv = process.argv.slice(2);
  const n = (name: string, def: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : def;
  };
  const started = Date.now();
  const options = { sales: n('sales', 1000), finalize: n('finalize', 100), backup: n('backup', 100), restore: n('restore', 100), diskFull: !argv.includes('--no-disk-full') };
  console.log(`UKM Mart torture: ${JSON.stringify(options)} on ${os.cpus().length} cores, ${os.platform()} ${os.release()}, Node ${process.version}`);
  runTorture(options).then(
    (rows) => {
      console.log('');
      console.log(table(rows));
      console.log(`\n${failed(rows) ? 'FAILED' : 'passed'}: 0 lost, 0 gaps, 0 leftovers and 0 refused starts required; ${Math.round((Date.now() - started) / 1000)} s`);
      process.exit(failed(rows) ? 1 : 0);
    },
    (err) => {
      console.error(err);
      process.exit(2);
    },
  );
}
