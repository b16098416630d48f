// ESLint (flat config): the TypeScript parser, a small set of rules the code base keeps, and the import boundaries of
// the architecture (README "How the folders fit"):
//   shared/    pure TypeScript: no Node built-in, no Electron, no database, no DOM global;
//   renderer/  never the main process (electron/*) nor Electron; it talks to the core through platform/ only;
//   electron/core, store, web, cli  never Electron (they run in browser mode, the CLI and the tests too).
// test/repo/lint.test.ts lints small snippets and checks that each boundary rule fires.
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];
const SERVER_PACKAGES = [
  'electron',
  'better-sqlite3',
  'drizzle-orm',
  'nodemailer',
  'node-cron',
  'pdfkit',
  'exceljs',
  'iconv-lite',
];

const sharedBoundary = {
  'no-restricted-imports': [
    'error',
    {
      paths: [...NODE_BUILTINS, ...SERVER_PACKAGES].map((name) => ({
        name,
        message: 'shared/ is pure TypeScript: no Node, Electron or database module.',
      })),
      patterns: [
        { regex: '^node:', message: 'shared/ is pure TypeScript: no Node built-in.' },
        {
          regex: '^(drizzle-orm|better-sqlite3|electron)/',
          message: 'shared/ is pure TypeScript: no database or Electron module.',
        },
        { regex: '(^|/)(electron|renderer)(/|$)', message: 'shared/ imports neither electron/ nor renderer/.' },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'fetch', 'XMLHttpRequest'].map(
      (name) => ({ name, message: 'shared/ runs everywhere: no DOM.' }),
    ),
    ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({
      name,
      message: 'shared/ runs everywhere: no Node global.',
    })),
  ],
};

const rendererBoundary = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'electron', message: 'The renderer never imports Electron: it calls the core through platform/.' },
      ],
      patterns: [
        {
          regex: '(^|/)electron/',
          message: 'The renderer never imports electron/*: it calls the core through platform/ (shared/contract).',
        },
      ],
    },
  ],
};

const noElectronPaths = [
  {
    name: 'electron',
    message: 'Only electron/main may import Electron: the core also runs in browser mode, the CLI and the tests.',
  },
];
/** The main process translates through electron/core/i18n.ts only (type imports stay allowed). */
const oneTranslation = [
  {
    regex: '^i18next$',
    allowTypeImports: true,
    message: 'The main process translates through electron/core/i18n.ts (one mechanism).',
  },
  {
    regex: '(^|/)locales/',
    allowTypeImports: true,
    message: 'The main process reads the locales through electron/core/i18n.ts (one mechanism).',
  },
];
const noElectronPatterns = [
  { regex: '^electron/', message: 'Only electron/main may import Electron.' },
  { regex: '(^|/)renderer/', message: 'The main process never imports the renderer.' },
  ...oneTranslation,
];
/** electron/web and electron/cli: no Electron (they may reuse electron/main's pure guards). */
const noElectron = { 'no-restricted-imports': ['error', { paths: noElectronPaths, patterns: noElectronPatterns }] };
/** electron/main: Electron, but translations only through electron/core/i18n.ts. */
const mainBoundary = { 'no-restricted-imports': ['error', { patterns: oneTranslation }] };
/** electron/core and electron/store: no Electron and nothing of the Electron glue either. */
const coreBoundary = {
  'no-restricted-imports': [
    'error',
    {
      paths: noElectronPaths,
      patterns: [
        ...noElectronPatterns,
        {
          regex: '^(\\.\\./)+(electron/)?main(/|$)',
          message: 'The core never imports the Electron glue (electron/main).',
        },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      'electron/store/migrations/',
    ],
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-dupe-else-if': 'error',
      'no-duplicate-case': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      'no-self-assign': 'error',
      'no-self-compare': 'error',
      'no-sparse-arrays': 'error',
      'no-var': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-with': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]",
          message: 'A focused test (.only) skips the others.',
        },
      ],
      'prefer-const': ['error', { destructuring: 'all' }],
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true, varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-asserted-optional-chain': 'error',
      '@typescript-eslint/no-duplicate-enum-values': 'error',
      '@typescript-eslint/no-misused-new': 'error',
      '@typescript-eslint/prefer-namespace-keyword': 'error',
      '@typescript-eslint/no-unsafe-declaration-merging': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { files: ['shared/**/*.ts'], rules: sharedBoundary },
  { files: ['renderer/**/*.{ts,tsx}'], ignores: ['renderer/vite.config.ts'], rules: rendererBoundary },
  { files: ['electron/core/**/*.ts', 'electron/store/**/*.ts'], rules: coreBoundary },
  { files: ['electron/web/**/*.ts', 'electron/cli/**/*.ts'], rules: noElectron },
  { files: ['electron/main/**/*.ts'], rules: mainBoundary },
  // The one translation module itself.
  {
    files: ['electron/core/i18n.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: noElectronPaths, patterns: noElectronPatterns.slice(0, 2) }] },
  },
);
