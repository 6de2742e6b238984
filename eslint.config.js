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
            regex: '^(\\.\\./)+(app|client|cli|testbed|e2e|scripts)(/|$)',
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

// client/ is the flow engine both the page and the CLI drive: arrows point down only, so it
// imports core (by package name), oauth4webapi and its own files, never a host or React.
const clientBoundary = {
  files: ['client/src/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(?!@mcp-auth-playground/core$|oauth4webapi$|\\.{1,2}/)',
            message:
              'client/ may import @mcp-auth-playground/core, oauth4webapi and its own files only.',
          },
          {
            regex: '^(\\.\\./)+(app|cli|core|testbed|e2e|scripts|test)(/|$)',
            message: 'client/ must not reach outside client/src/ by a relative path.',
          },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      ...['window', 'document', 'localStorage', 'sessionStorage', 'location', 'history'].map(
        (name) => ({
          name,
          message: 'client/ runs in a page and in a terminal: its I/O is injected.',
        }),
      ),
    ],
  },
};

// The app reaches core and the engine through their package names, never into their files.
const appBoundary = {
  files: ['app/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(\\.\\./)+(core|client|cli)(/|$)',
            message: 'Import @mcp-auth-playground/core or @mcp-auth-playground/client by name.',
          },
          {
            regex: '^@mcp-auth-playground/(cli$|core/|client/)',
            message:
              'The app imports the core and client packages by name only, and never the CLI.',
          },
        ],
      },
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
  clientBoundary,
  appBoundary,
);
