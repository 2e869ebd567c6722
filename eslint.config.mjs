// @ts-check
/**
 * ESLint, type-aware (typescript-eslint's project service reads tsconfig.json, and bench/tsconfig.json under
 * bench/). `npm run lint` checks the TypeScript sources; formatting is Prettier's job (`npm run format`).
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Build output, caches, data, Stryker's sandboxes and reports, test fixtures, and the few plain-JS config files (not type-checked).
    ignores: [
      'dist/**',
      'coverage/**',
      'data/**',
      '.tmp/**',
      '.stryker-tmp/**',
      'reports/**',
      '**/node_modules/**',
      '**/fixtures/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // tsc already reports these (noUnusedLocals, noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
      // An async method without await is how a synchronous adapter implements an async port (and a test fake, one).
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read HTTP and JSON bodies, which their clients type as `any`; the assertions check their shape.
    files: ['**/*.spec.ts', 'test/**/*.ts', 'libs/testing/**/*.ts', '**/testing/**/*.ts', '**/*.fixture.ts', '**/*.contract.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
