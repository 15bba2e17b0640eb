// `npm test`: builds what the end-to-end tests serve, then runs every test
// (unit, integration on real SQLite, Playwright end-to-end in Chromium,
// Electron where its binary exists) in one vitest run, which ends with the
// line `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const build = spawnSync(npm, ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed, so the tests cannot run.');
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
const args = ['vitest', 'run', '--reporter=default', '--reporter=./tests/tools/summary-reporter.ts', ...process.argv.slice(2)];
const run = spawnSync(npx, args, { stdio: 'inherit' });
process.exit(run.status ?? 1);
