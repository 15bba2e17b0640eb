/**
 * The import boundaries of ../shared/ARCHITECTURE.md, checked on the imports
 * dependency-cruiser really resolves (static, dynamic `import()`, `require`,
 * type-only imports too), run by `npm run check`. Paths are relative to the
 * folder it runs in, so tests/tools/check-tools.test.ts runs the same rules on
 * seeded fixtures.
 */
const NODE_ONLY_PACKAGES = '(electron|better-sqlite3|playwright-core|vite|vitest|tsx|electron-builder|node-gyp|@types/node)';
/** 'electron' and its subpaths (electron/main, electron/renderer, ...) as written, whether or not the package resolves. */
const ELECTRON = `(^|/)node_modules/electron/|^electron(/(main|common|renderer|utility))?$`;

module.exports = {
  forbidden: [
    {
      name: 'shared-no-node',
      comment: 'shared/ is pure TypeScript that runs anywhere: no Node built-ins (node:fs, fs/promises, path, crypto, ...).',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-only-zod',
      comment: 'shared/ may use zod and nothing else from npm: no electron, better-sqlite3, react, react-dom.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown', 'unknown', 'undetermined'], pathNot: '(^|/)node_modules/zod/' },
    },
    {
      name: 'shared-only-shared',
      comment: 'shared/ never reaches into the Node side or the UI.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer|tests)/' },
    },
    {
      name: 'shared-no-electron',
      comment: "shared/ never imports 'electron' (also when its package is absent and the import does not resolve).",
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: ELECTRON },
    },
    {
      name: 'core-no-electron',
      comment: "electron/core runs under plain Node too: it never reaches 'electron', directly or through another file (e.g. ../printing).",
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: ELECTRON, reachable: true },
    },
    {
      name: 'core-no-ui',
      comment: 'electron/core knows nothing of the UI.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: '^renderer/|(^|/)node_modules/(react|react-dom)/' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer has no Node access: no built-ins (fs/promises included).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-only-shared',
      comment: 'The renderer imports only shared/ and its own files; it reaches the core through api.ts, never electron/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['local'], pathNot: '^(renderer|shared)/' },
    },
    {
      name: 'renderer-browser-packages',
      comment: 'The renderer uses browser libraries only: nothing Node-only from npm.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: [`(^|/)node_modules/${NODE_ONLY_PACKAGES}/`, ELECTRON] },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles: each module can be understood (and loaded) before the ones that use it.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'resolvable',
      comment: 'Every import of our own code resolves; an import the tool cannot follow could hide a boundary crossing.',
      severity: 'error',
      from: { path: '^(shared|electron|renderer)/' },
      to: { couldNotResolve: true, pathNot: ELECTRON },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|release)/|^tests/fixtures/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
