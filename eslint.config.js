// ESLint flat config. Beyond the recommended rules, `no-restricted-imports` keeps the layers of DESIGN §1 apart:
// domain ← store ← services ← contract handlers ← transports; the renderer sees only the contract.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import globals from 'globals';

const NODE_ONLY = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/e2e/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      ['**/backend/**', '**/main/**', '**/preload/**', '**/web-host/**', '**/cli/**', 'electron', 'typeorm', 'better-sqlite3', ...NODE_ONLY],
      'The renderer talks to the backend only through src-main/contract and the api module.',
    ),
  },
  {
    files: ['src-main/backend/domain/**'],
    rules: restrict(
      ['electron', 'typeorm', 'better-sqlite3', ...NODE_ONLY, '**/store/**', '**/services/**', '**/sync/**', '**/audit/**', '**/main/**', '**/web-host/**', '**/cli/**'],
      'The domain is pure: no I/O, no clock, no other layer (DESIGN §1).',
    ),
  },
  {
    files: ['src-main/backend/store/**'],
    rules: restrict(['electron', '**/services/**', '**/sync/**', '**/main/**', '**/web-host/**', '**/cli/**'], 'The store sits below the services and transports.'),
  },
  {
    files: ['src-main/contract/**'],
    rules: restrict(['electron', 'typeorm', 'better-sqlite3', ...NODE_ONLY, '**/backend/**', '**/main/**', '**/web-host/**', '**/cli/**'], 'The contract is shared with the renderer: zod and types only.'),
  },
  {
    files: ['src-main/backend/**', 'src-main/web-host/**', 'src-main/cli/**', 'src-central/**'],
    ignores: ['src-main/backend/domain/**', 'src-main/backend/store/**'],
    rules: restrict(['electron', '**/main/**', '**/preload/**'], 'Only src-main/main and src-main/preload run inside Electron.'),
  },
);
