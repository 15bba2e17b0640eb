// ESLint for `npm run check`: typescript-eslint's recommended rules, the React
// hooks rules for the UI, and the runtime globals each folder may not touch
// (imports are dependency-cruiser's job: .dependency-cruiser.cjs).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = ['Buffer', 'process', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'];
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'alert'];
const restricted = (names, why) => names.map((name) => ({ name, message: `${name}: ${why}` }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tests/fixtures/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // `_name` marks an argument a signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Kept visible, not failing: it flags the data screens' "reset the error, then
      // load" effects (setError(null) before a call), which re-render once more but
      // are correct; moving them into keyed components is a refactor of screens
      // other work is changing. Every other hooks rule is an error.
      'react-hooks/set-state-in-effect': 'warn',
    },
  },
  {
    // `interface OwedItem extends SettlementSummary {}` names a contract type
    // after what it is; an empty interface with one parent is that, not a mistake.
    files: ['shared/contract/**/*.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }] },
  },
  {
    // Node scripts (run-tests, tools): Node's globals are theirs to use.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...restricted([...NODE_GLOBALS, ...DOM_GLOBALS], 'shared/ is pure TypeScript that runs anywhere (no Node, no DOM)')],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...restricted(DOM_GLOBALS, 'the core runs under Node, there is no DOM')],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', ...restricted(NODE_GLOBALS, 'the renderer has no Node access; reach the core through api.ts')],
    },
  },
);
