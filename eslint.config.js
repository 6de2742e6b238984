// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// core/ is the framework-free half of the project: it may import zod and its own files only.
// The same rule is enforced by core/test/boundaries.test.ts, which also catches relative paths
// that climb out of core/.
const coreBoundary = {
  files: ['core/src/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(?!zod$|zod/|\\.{1,2}/)',
            message: 'core/ may import zod and its own files only.',
          },
          {
            regex: '^(\\.\\./)+(app|testbed|e2e|scripts)(/|$)',
            message: 'core/ must not import from outside core/.',
          },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      ...[
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'navigator',
        'location',
        'history',
        'process',
        'Buffer',
      ].map((name) => ({
        name,
        message: 'core/ uses no DOM beyond WebCrypto, fetch and CompressionStream.',
      })),
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'test-results/',
      'playwright-report/',
      'coverage/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'testbed/**/*.ts',
      'e2e/**/*.ts',
      'scripts/**/*.{ts,mjs}',
      '*.{js,ts}',
      'bench/**/*.ts',
      'cli/**/*.{js,ts}',
    ],
    languageOptions: { globals: globals.node },
  },
  coreBoundary,
);
