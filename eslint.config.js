// Lint rules, including the layer boundaries: which folders may import Electron, Node or the
// back end. The folder a file sits in says which APIs it may touch.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net']

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The browser host's bridge script runs in the page, not in Node.
    files: ['src/main/browser-host/browser-bridge.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins],
          patterns: [
            {
              group: ['**/main/**', '**/main'],
              message: 'The renderer never imports the back end.',
            },
            {
              group: ['**/sandbox/**', '**/sandbox'],
              message: 'The renderer never imports the sandbox.',
            },
            { group: ['node:*'], message: 'The renderer runs sandboxed, without Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins],
          patterns: [
            { group: ['node:*'], message: 'Shared contracts are platform-free.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/sandbox/**', '**/preload/**'],
              message: 'Shared imports nothing platform-specific.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/sandbox/**', '**/renderer/**'],
              message: 'The preload knows only the shared contract.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the Electron shell and the preload touch Electron; the rest of main runs in plain Node.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only src/main/electron/ and src/preload/ import electron.',
            },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'The back end never imports the UI.' }],
        },
      ],
    },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/renderer/**'], message: 'The back end never imports the UI.' }],
        },
      ],
    },
  },
  {
    files: ['src/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The sandbox runs in plain Node.' }],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'The sandbox stands alone, like Finch.',
            },
          ],
        },
      ],
    },
  },
)
