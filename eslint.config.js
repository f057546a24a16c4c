import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering of design.md, enforced: a file's folder says what it may import (VS Code's common / node /
 * electron-main split). Breaking a rule fails `npm test`.
 */
const node = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'worker_threads'];
const rule = (patterns) => ['error', { patterns }];
const group = (names, message) => ({ group: names, message });

const layers = [
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': rule([
        group(
          [...node, 'electron', 'better-sqlite3', 'react', 'react-dom', 'i18next', 'react-i18next'],
          'main/core is pure: no Node, Electron, DOM or UI imports.',
        ),
        group(
          ['**/services/**', '**/ipc/**', '**/electron/**', '**/renderer/**', '**/preload/**'],
          'main/core imports nothing outside main/core.',
        ),
      ]),
    },
  },
  {
    files: ['main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': rule([
        group(
          ['electron'],
          'services run under plain Node: never import electron (pass a port such as FileDialogs in).',
        ),
        group(
          ['**/ipc/**', '**/electron/**', '**/renderer/**', '**/preload/**', 'react', 'react-dom'],
          'services depend only on main/core.',
        ),
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': rule([
        group(
          [...node, 'electron', 'better-sqlite3'],
          'The renderer is sandboxed: it talks to main only through window.api.',
        ),
        group(
          ['**/main/services/**', '**/main/ipc/**', '**/main/electron/**', '**/main/index*', '**/preload/**'],
          'The renderer may import main/core only.',
        ),
      ]),
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': rule([
        group(
          ['**/main/services/**', '**/main/electron/**', '**/main/ipc/**', '**/renderer/**', 'better-sqlite3'],
          'preload builds window.api from main/core/contract only.',
        ),
      ]),
    },
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // noUncheckedIndexedAccess makes every index possibly undefined; an assertion after a check is clearer than a branch.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...layers,
  prettier,
);
