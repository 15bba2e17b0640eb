// `npm test`: builds what the end-to-end tests serve, then runs every test
// (unit, integration on real SQLite, Playwright end-to-end in Chromium,
// Electron where its binary exists) in one vitest run. The LAST line it prints
// is always `N passed, N failed, N skipped`, and the exit code agrees with it:
// 0 exactly when nothing failed. `--no-build` skips the build (used by the
// reporter's own tests); every other argument goes to vitest.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const line = (s) => `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`;

const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
const vitestArgs = args.filter((a) => a !== '--no-build');

if (!noBuild) {
  const build = spawnSync(npm, ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed, so the tests cannot run.');
    console.log(`\n${line({ passed: 0, failed: 1, skipped: 0 })}`);
    process.exit(1);
  }
}

// Absolute, so a run with another --root (the reporter's own fixtures) finds it.
const reporter = path.join(path.dirname(fileURLToPath(import.meta.url)), 'summary-reporter.ts');
const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ukm-mart-summary-')), 'summary.json');
// vitest's own entry, run by this node (no npx lookup on every run).
const vitest = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/vitest/vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', `--reporter=${reporter}`, ...vitestArgs], {
  stdio: 'inherit',
  env: { ...process.env, UKM_MART_SUMMARY_FILE: summaryFile },
});
let summary;
try {
  summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
} catch {
  summary = null;
}
fs.rmSync(path.dirname(summaryFile), { recursive: true, force: true });
if (!summary) {
  // vitest died before its reporters ran (bad config, a crash, a signal).
  console.error(`vitest ended (${run.status ?? run.signal}) without a summary.`);
  summary = { passed: 0, failed: 1, skipped: 0 };
} else if (run.status !== 0 && summary.failed === 0) {
  // vitest saw a failure the summary has no test for (e.g. a crash in teardown).
  console.error(`vitest exited with ${run.status ?? run.signal} although no test failed: counted as one failure.`);
  summary.failed = 1;
}
console.log(`\n${line(summary)}`);
process.exit(summary.failed > 0 ? 1 : 0);
