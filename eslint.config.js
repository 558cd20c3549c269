// Lint rules, including the folder boundaries of ARCHITECTURE.md: db never imports electron or react; the renderer imports only db/contract.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const uiLibraries = [
  'react',
  'react-dom',
  'react-dom/*',
  'react-aria-components',
  '@tanstack/*',
  'i18next',
  'react-i18next',
];

/** What nothing in db/ may import, plus the narrower rules of one folder. */
const dbImports = (...more) => [
  'error',
  {
    paths: [{ name: 'electron', message: 'db/ runs in plain Node: never import electron.' }],
    patterns: [
      { group: uiLibraries, message: 'db/ never imports React or UI libraries.' },
      {
        group: ['**/renderer/**', '**/electron/**'],
        message: 'db/ is the core: it does not import the transports or the UI.',
      },
      ...more,
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'build/out/**',
      'build/dist/**',
      'tests/e2e/.artifacts/**',
      'test-results/**',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': dbImports(),
    },
  },
  {
    // Layers only point down (contract ← sqlite ← repos ← services ← api ← host): sqlite/ is below all the rules.
    files: ['db/sqlite/**/*.ts'],
    rules: {
      'no-restricted-imports': dbImports({
        group: ['**/repos/*', '**/services/*', '**/api/*', '**/host/*', '**/seed/*'],
        message: 'sqlite/ is below repos and services: it imports only the contract.',
      }),
    },
  },
  {
    files: ['db/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The contract is pure: zod only.' },
            { name: 'better-sqlite3', message: 'The contract is pure: zod only.' },
          ],
          patterns: [
            { group: ['node:*', ...uiLibraries], message: 'The contract is pure: it imports only zod.' },
            { group: ['../*', '!../contract'], message: 'The contract imports nothing else from db/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer is untrusted: talk to the core through src/api.' },
            { name: 'better-sqlite3', message: 'The renderer never touches SQL.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            { group: ['**/db/*', '!**/db/contract'], message: 'The renderer imports only db/contract from the core.' },
            { group: ['**/db/contract/*'], message: 'Import the contract from its index (db/contract).' },
            { group: ['**/electron/**'], message: 'The renderer does not import the shell.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/repos/*', '**/db/seed/*', '**/db/sqlite/*'],
              message:
                'The shell starts the core through db/app/bootstrap: it does not reach into repos, seed or sqlite.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/*', '!**/db/contract'],
              message: 'The preload exposes invoke only: it imports the contract, never the core.',
            },
          ],
        },
      ],
    },
  },
);
