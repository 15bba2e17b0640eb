/**
 * `npm run check` must be able to fail. The project's own configs (ESLint,
 * dependency-cruiser, the renderer's tsconfig) run on tests/fixtures/check/bad,
 * where each boundary of ARCHITECTURE.md is crossed once on purpose, and every
 * seeded violation must be reported by its rule; on tests/fixtures/check/clean
 * (the same layout, crossing nothing) they must pass.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Each case starts a checker of its own: seconds on a quiet machine, far more on a busy one.
const root = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const fixture = (which: 'bad' | 'clean') => path.join(root, 'tests/fixtures/check', which);

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

const depcruise = (cwd: string) => run(bin('depcruise'), ['--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'err', 'shared', 'electron', 'renderer'], cwd);
/** ESLint's findings as `file:line rule message` lines. */
async function eslint(cwd: string): Promise<{ code: number | null; out: string }> {
  const r = await run(bin('eslint'), ['--config', path.join(root, 'eslint.config.mjs'), '--format', 'json', '.'], cwd);
  const files = JSON.parse(r.out) as { filePath: string; messages: { line: number; ruleId: string; message: string; severity: number }[] }[];
  const lines = files.flatMap((f) => f.messages.map((m) => `${path.relative(cwd, f.filePath)}:${m.line} ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId} ${m.message.split('\n')[0]}`));
  return { code: r.code, out: lines.join('\n') };
}
const tscRenderer = (cwd: string) => run(bin('tsc'), ['-p', 'tsconfig.renderer.json', '--noEmit'], cwd);

describe('the import boundaries (dependency-cruiser)', { timeout: 120_000 }, () => {
  it('reports every seeded crossing by its rule', async () => {
    const r = await depcruise(fixture('bad'));
    expect(r.code).not.toBe(0);
    const found = (rule: string, from: string, to: string | RegExp) =>
      expect(r.out, `${rule}: ${from}`).toMatch(new RegExp(`error ${rule}: ${from.replace(/\./g, '\\.')} → ${typeof to === 'string' ? to.replace(/\./g, '\\.') : to.source}`));
    found('shared-no-node', 'shared/usesNode.ts', 'fs');
    found('shared-no-electron', 'shared/loadsElectron.ts', 'electron/main');
    found('shared-only-zod', 'shared/loadsElectron.ts', 'electron/main');
    // the core reaching electron through ../printing, and by a dynamic import of a subpath
    found('core-no-electron', 'electron/core/prints.ts', /.*node_modules\/electron\/index\.js/);
    expect(r.out).toMatch(/core-no-electron: electron\/core\/prints\.ts → [^\n]*\n\s+electron\/printing\.ts →/);
    found('core-no-electron', 'electron/core/loadsElectron.ts', 'electron/main');
    found('renderer-no-node', 'renderer/readsFile.ts', 'fs/promises');
    found('renderer-only-shared', 'renderer/callsCore.ts', 'electron/core/prints.ts');
    found('renderer-browser-packages', 'renderer/usesSqlite.ts', /.*node_modules\/better-sqlite3\//);
    found('no-circular', 'shared/cycleA.ts', '');
    // nothing else: importing electron outside the core is allowed
    expect(r.out).not.toMatch(/error [a-z-]+: electron\/printing\.ts/);
  });

  it('passes a tree that crosses nothing', async () => {
    const r = await depcruise(fixture('clean'));
    expect(r.out).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  });
});

describe('ESLint (typescript-eslint, React hooks, restricted globals)', { timeout: 120_000 }, () => {
  it('reports every seeded violation by its rule', async () => {
    const r = await eslint(fixture('bad'));
    expect(r.code).toBe(1);
    for (const name of ['Buffer', 'process', 'window', 'document']) {
      expect(r.out).toMatch(new RegExp(`shared/usesGlobals\\.ts:\\d+ error no-restricted-globals Unexpected use of '${name}'`));
    }
    expect(r.out).toMatch(/renderer\/Counter\.tsx:5 error react-hooks\/rules-of-hooks React Hook "useState" is called conditionally/);
    expect(r.out).toMatch(/renderer\/Counter\.tsx:8 error @typescript-eslint\/no-explicit-any Unexpected any/);
  });

  it('passes clean code', async () => {
    const r = await eslint(fixture('clean'));
    expect(r.out.trim()).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('tsc for the renderer (no Node types)', { timeout: 120_000 }, () => {
  it('refuses `process` in the renderer', async () => {
    const r = await tscRenderer(fixture('bad'));
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/renderer\/readsEnv\.ts\(2,\d+\): error TS2591: Cannot find name 'process'/);
  });

  it('passes a renderer that uses only shared/ and React', async () => {
    const r = await tscRenderer(fixture('clean'));
    expect(r.out.trim()).toBe('');
    expect(r.code).toBe(0);
  });
});
