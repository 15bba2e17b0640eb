// Builds a SECOND copy of better-sqlite3's native module for Electron's ABI,
// into node_modules/.ukm-mart-electron/better_sqlite3.node, leaving the Node
// build (node_modules/better-sqlite3/build/Release) that vitest and browser
// mode load untouched. electron/main.ts passes it as `nativeBinding`.
//
// Called by postinstall.cjs when the Electron binary is present. It never
// fails the install: every problem is one clear line and exit code 0 or 1
// (postinstall reports 1 and carries on).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'node_modules', '.ukm-mart-electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'built-for.json');
const log = (m) => console.log(`[ukm-mart] ${m}`);

function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
  return path.join(dir, 'dist', rel);
}

/** Electron's own view of itself, asked from the binary running as plain Node. */
function electronVersions(bin) {
  const r = spawnSync(bin, ['-e', 'process.stdout.write(JSON.stringify({ electron: process.versions.electron, modules: process.versions.modules, arch: process.arch }))'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`the Electron binary does not run (${(r.stderr || r.error || '').toString().trim().slice(0, 200)})`);
  return JSON.parse(r.stdout);
}

/** Loads a built module under Electron-as-Node and opens a database with it: the proof that the ABI matches. */
function verify(bin, file) {
  const sqlite = require.resolve('better-sqlite3', { paths: [root] });
  const script = `
    const Database = require(${JSON.stringify(sqlite)});
    const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(file)} });
    const v = db.prepare('select sqlite_version() as v').get().v;
    process.stdout.write(JSON.stringify({ ok: true, sqlite: v, modules: process.versions.modules }));`;
  const r = spawnSync(bin, ['-e', script], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) return { ok: false, why: (r.stderr || '').trim().split('\n').slice(-3).join(' ').slice(0, 300) };
  return JSON.parse(r.stdout);
}

/** The child's environment: without npm's config, so the global `nodedir=/usr` cannot point node-gyp at Node's headers. */
function cleanEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_config_/i.test(k) || /^npm_package_/i.test(k) || k === 'NODE_GYP_FORCE_PYTHON') continue;
    env[k] = v;
  }
  return env;
}

function main() {
  let bin;
  try {
    bin = electronBinary();
  } catch {
    log('Electron binary not installed: no Electron build of better-sqlite3 needed.');
    return 0;
  }
  const versions = electronVersions(bin);
  log(`Electron ${versions.electron} (NODE_MODULE_VERSION ${versions.modules}, ${versions.arch}) found.`);

  const sqlitePkg = path.dirname(require.resolve('better-sqlite3/package.json', { paths: [root] }));
  const sqliteVersion = require(path.join(sqlitePkg, 'package.json')).version;
  const wanted = { electron: versions.electron, modules: versions.modules, arch: versions.arch, betterSqlite3: sqliteVersion };
  if (fs.existsSync(outFile) && fs.existsSync(stampFile)) {
    const had = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    if (JSON.stringify(had) === JSON.stringify(wanted) && verify(bin, outFile).ok) {
      log(`better-sqlite3 for Electron already built: ${path.relative(root, outFile)}`);
      return 0;
    }
  }

  // Build in a private copy: node-gyp writes build/ in place, which would replace the Node build.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ukm-mart-electron-sqlite-'));
  const copy = path.join(work, 'better-sqlite3');
  fs.cpSync(sqlitePkg, copy, { recursive: true, filter: (src) => !src.startsWith(path.join(sqlitePkg, 'build')) });
  const gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [root] });
  const args = [
    gyp,
    'rebuild',
    '--release',
    `--target=${versions.electron}`,
    `--arch=${versions.arch}`,
    '--dist-url=https://electronjs.org/headers',
    '--runtime=electron',
    '--build-from-source',
    `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
  ];
  log(`building better-sqlite3 ${sqliteVersion} for Electron ${versions.electron} (this takes a few minutes)…`);
  const r = spawnSync(process.execPath, args, { cwd: copy, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 20 * 60_000 });
  if (r.status !== 0) {
    const tail = `${r.stdout || ''}\n${r.stderr || ''}`.trim().split('\n').slice(-5).join(' | ');
    log(`building better-sqlite3 for Electron failed: ${tail.slice(0, 500)}`);
    fs.rmSync(work, { recursive: true, force: true });
    return 1;
  }
  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  const check = fs.existsSync(built) ? verify(bin, built) : { ok: false, why: 'no better_sqlite3.node was produced' };
  if (!check.ok) {
    log(`the Electron build of better-sqlite3 does not load under Electron ${versions.electron}: ${check.why}`);
    fs.rmSync(work, { recursive: true, force: true });
    return 1;
  }
  if (String(check.modules) !== String(versions.modules)) {
    log(`the build loaded under NODE_MODULE_VERSION ${check.modules}, expected ${versions.modules}; not installing it`);
    fs.rmSync(work, { recursive: true, force: true });
    return 1;
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(built, `${outFile}.tmp`);
  fs.renameSync(`${outFile}.tmp`, outFile);
  fs.writeFileSync(stampFile, JSON.stringify(wanted, null, 2));
  fs.rmSync(work, { recursive: true, force: true });
  log(`better-sqlite3 for Electron ${versions.electron} (SQLite ${check.sqlite}) is at ${path.relative(root, outFile)}; the Node build is untouched.`);
  return 0;
}

try {
  process.exit(main());
} catch (err) {
  log(`could not prepare better-sqlite3 for Electron: ${err && err.message ? err.message : err}`);
  process.exit(1);
}
