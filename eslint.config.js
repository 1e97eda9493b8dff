// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/storybook-static/**', '**/.vite/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The runtime stays headless: no React, DOM renderer or Dexie outside its dexie subpath.
    files: ['packages/flow-runtime/src/**/*.ts'],
    ignores: ['packages/flow-runtime/src/stores/dexie/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: '@crm/flow-runtime is headless: no React at its root entry.' },
            { name: 'react-dom', message: '@crm/flow-runtime is headless: no react-dom at its root entry.' },
            { name: 'dexie', message: 'Dexie lives behind the @crm/flow-runtime/dexie subpath only.' },
          ],
          patterns: [
            { group: ['react/*', 'react-dom/*', '@xyflow/*'], message: '@crm/flow-runtime is headless.' },
            { group: ['**/stores/dexie/**', '**/stores/dexie'], message: 'Only the dexie subpath entry may import the Dexie store.' },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
);
