// Runs after `npm install`. Two jobs:
// 1. Fetch the Electron binary (its own install script is skipped via
//    package.json "allowScripts", because a failed download would fail the
//    whole install on machines that cannot reach Electron's download host).
//    A failure here is reported in one line and the install carries on:
//    the app then runs in browser mode.
// 2. Where the Electron binary is present, build a second copy of
//    better-sqlite3 for Electron's ABI (see electron/tools/electron-sqlite.cjs),
//    leaving the Node build that vitest and browser mode use untouched.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const electronDir = path.join(root, 'node_modules', 'electron');

function electronInstalled() {
  try {
    const p = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    return fs.existsSync(path.join(electronDir, 'dist', p));
  } catch {
    return false;
  }
}

if (process.env.UKM_MART_SKIP_ELECTRON === '1') {
  console.log('[ukm-mart] UKM_MART_SKIP_ELECTRON=1: not fetching Electron; the app will run in browser mode.');
  process.exit(0);
}

if (fs.existsSync(path.join(electronDir, 'install.js')) && !electronInstalled()) {
  const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'pipe', encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0 || !electronInstalled()) {
    // The error's own line, not the stack trace under it (e.g. "RequestError: getaddrinfo ENOTFOUND github.com").
    const lines = (r.stderr || r.stdout || '').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at '));
    const why = (lines.find((l) => /error/i.test(l)) || lines.pop() || 'download failed').slice(0, 200);
    console.log(`[ukm-mart] Electron binary not available (${why}); \`npm start\` will use browser mode.`);
    process.exit(0);
  }
}

if (electronInstalled()) {
  const builder = path.join(__dirname, 'electron-sqlite.cjs');
  if (fs.existsSync(builder)) {
    const r = spawnSync(process.execPath, [builder], { stdio: 'inherit' });
    if (r.status !== 0) console.log('[ukm-mart] Could not build better-sqlite3 for Electron; `npm start` will use browser mode.');
  }
}
