// The import boundaries of ARCHITECTURE.md, checked on every source file:
//   shared/    pure TypeScript: no node:*, no electron, no DOM-only modules, no better-sqlite3, nothing outside shared/ (zod allowed)
//   electron/core/  never imports 'electron' nor anything from renderer/
//   renderer/  imports only shared/, renderer/ and browser libraries: no node:*, electron, better-sqlite3, electron/
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'url', 'util', 'stream', 'events', 'net', 'zlib', 'worker_threads']);

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full;
  }
}

const importRe = /(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

const problems = [];
function check(file, rule) {
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const why = rule(spec, file);
    if (why) problems.push(`${path.relative(root, file)}: imports '${spec}': ${why}`);
  }
}
const resolvesInto = (spec, file, folder) =>
  spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(path.join(root, folder) + path.sep);
const isNode = (spec) => spec.startsWith('node:') || NODE_BUILTINS.has(spec);

for (const file of walk(path.join(root, 'shared'))) {
  check(file, (spec) => {
    if (isNode(spec)) return 'shared/ must not use Node modules';
    if (spec === 'electron' || spec === 'better-sqlite3' || spec.startsWith('react')) return 'shared/ is pure TypeScript';
    if (spec.startsWith('.') && !resolvesInto(spec, file, 'shared')) return 'shared/ must not import outside shared/';
    if (!spec.startsWith('.') && spec !== 'zod') return 'shared/ may only import zod';
    return null;
  });
}
for (const file of walk(path.join(root, 'electron', 'core'))) {
  check(file, (spec) => {
    if (spec === 'electron') return "the core never imports 'electron' (it must run under plain Node)";
    if (spec.startsWith('react') || resolvesInto(spec, file, 'renderer')) return 'the core knows nothing of the UI';
    return null;
  });
}
for (const file of walk(path.join(root, 'renderer'))) {
  check(file, (spec) => {
    if (isNode(spec)) return 'the renderer has no Node access';
    if (spec === 'electron' || spec === 'better-sqlite3') return 'the renderer reaches the core only through api.ts';
    if (resolvesInto(spec, file, 'electron')) return 'the renderer must not import the Node side';
    return null;
  });
}
if (problems.length) {
  console.error(`Import boundary violations (${problems.length}):\n` + problems.map((p) => `  ${p}`).join('\n'));
  process.exit(1);
}
console.log('Import boundaries: ok');
