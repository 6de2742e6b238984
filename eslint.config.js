// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import coreLayers from './scripts/eslint/core-layers.mjs';

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

// core/'s layers, lowest first: a file imports from its own layer or one below it, never above,
// and no chain of imports (type-only ones included) comes back to where it started. A new
// folder in core/src must be listed here; core/README.md explains each layer.
const CORE_LAYERS = {
  root: `${import.meta.dirname}/core/src`,
  layers: [
    {
      name: 'text and memo utilities',
      paths: ['cite.ts', 'types.ts', 'profile-ids.ts', 'text/', 'encoding/', 'documents/'],
    },
    { name: 'schemas', paths: ['schemas/'] },
    { name: 'decision building blocks', paths: ['decision/'] },
    { name: 'profiles', paths: ['profiles/'] },
    { name: 'public API', paths: ['api/'] },
    {
      name: 'findings and scenarios',
      paths: [
        'findings/',
        'scenario/',
        'protocol/',
        'discovery/',
        'flow/',
        'pictures/',
        'presets/',
        'index.ts',
      ],
    },
  ],
};

const coreLayerOrder = {
  files: ['core/src/**/*.ts'],
  plugins: { 'core-layers': coreLayers },
  rules: {
    'core-layers/layer-order': ['error', CORE_LAYERS],
    'core-layers/no-cycle': ['error', CORE_LAYERS],
  },
};

// The other packages have no layers of their own, but no cycle either: in each, no chain of
// relative imports (type-only ones included) comes back to the file it left.
const packageCycles = ['client/src', 'cli/src', 'app/src', 'testbed/src'].map((root) => ({
  files: [`${root}/**/*.{ts,tsx}`],
  plugins: { 'core-layers': coreLayers },
  rules: {
    'core-layers/no-cycle': ['error', { root: `${import.meta.dirname}/${root}`, layers: [] }],
  },
}));

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
      '**/*.d.mts',
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
  coreLayerOrder,
  ...packageCycles,
  clientBoundary,
  appBoundary,
);
