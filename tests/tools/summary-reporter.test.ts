/**
 * The closing line of `npm test` must tell the truth. Each seeded fixture in
 * tests/fixtures/reporter/ runs through the same path `npm test` takes
 * (run-tests.mjs → vitest → summary-reporter), and the last line and the exit
 * code are checked: a failing beforeAll, an import error and a failing
 * afterAll fail the run whatever their test counts; only an Electron suite may
 * skip, saying why, and UKM_MART_REQUIRE_ALL=1 turns that skip into a failure.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const config = 'tests/fixtures/reporter/vitest.config.mts';

function runFixture(files: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; last: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['tests/tools/run-tests.mjs', '--no-build', '--config', config, ...files.map((f) => `tests/${f}.fixture.ts`)], {
      cwd: root,
      env: { ...process.env, UKM_MART_SUMMARY_FILE: '', UKM_MART_REQUIRE_ALL: '', NO_COLOR: '1', ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, last: out.trimEnd().split('\n').pop()! }));
  });
}

// Each case starts a vitest of its own: seconds on a quiet machine, far more on a busy one.
describe('the closing line of npm test', { timeout: 120_000 }, () => {
  it('a passing file: all passed, exit 0', async () => {
    const r = await runFixture(['passes']);
    expect(r.last).toBe('2 passed, 0 failed, 0 skipped');
    expect(r.code).toBe(0);
  });

  it('a failing test: counted, exit 1, and not listed as a file that failed outside its tests', async () => {
    const r = await runFixture(['one-fails']);
    expect(r.last).toBe('1 passed, 1 failed, 0 skipped');
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('Files that failed outside their tests');
  });

  it('a failing beforeAll: the tests it kept from running count as failed, not skipped', async () => {
    const r = await runFixture(['before-all-fails', 'passes']);
    expect(r.last).toBe('2 passed, 2 failed, 0 skipped');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/before-all-fails\.fixture\.ts: a suite whose browser never starts: seeded: the browser did not start/);
  });

  it('an import error: the file counts as failed although it has no tests', async () => {
    const r = await runFixture(['import-fails']);
    expect(r.last).toBe('0 passed, 1 failed, 0 skipped');
    expect(r.code).toBe(1);
    expect(r.out).toContain('seeded: this module cannot load');
  });

  it('a failing afterAll: the file counts as failed although its test passed', async () => {
    const r = await runFixture(['after-all-fails']);
    expect(r.last).toBe('1 passed, 1 failed, 0 skipped');
    expect(r.code).toBe(1);
  });

  it('a skip outside tests/electron/ counts as failed, with or without a reason', async () => {
    const r = await runFixture(['skips-outside-electron']);
    expect(r.last).toBe('0 passed, 2 failed, 0 skipped');
    expect(r.code).toBe(1);
    expect(r.out).toContain('only tests/electron/ may skip');
  });

  it('an Electron suite without its binary skips, and the closing output lists it with its reason', async () => {
    const r = await runFixture(['electron/skips-without-binary']);
    expect(r.last).toBe('1 passed, 0 failed, 2 skipped');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Skipped suites:\n\s+- tests\/electron\/skips-without-binary\.fixture\.ts › the Electron app .*\(2 tests\): no Electron binary \(seeded\)/);
  });

  it('UKM_MART_REQUIRE_ALL=1 turns that skip into a failure', async () => {
    const r = await runFixture(['electron/skips-without-binary'], { UKM_MART_REQUIRE_ALL: '1' });
    expect(r.last).toBe('1 passed, 2 failed, 0 skipped');
    expect(r.code).toBe(1);
    expect(r.out).toContain('while UKM_MART_REQUIRE_ALL=1');
  });
});
