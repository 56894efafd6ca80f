// Lint rules for the whole workspace; run from the repository root by `pnpm lint`.
// The layer rules keep HTTP, domain rules and SQL apart: routes never reach the database,
// services never see Fastify, and the client never imports server-side code.
import tseslint from 'typescript-eslint';

const serverOnly = [
  '@bds/server',
  '@bds/server/*',
  '@bds/db',
  '@bds/db/*',
  'drizzle-orm',
  'drizzle-orm/*',
  'better-sqlite3',
  'fastify',
  'fastify/*',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'db/migrations/**', 'tests/e2e/artifacts/**', 'tests/bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['server/src/**/routes.ts', 'server/src/**/*-routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'drizzle-orm', message: 'Routes speak HTTP only: SQL belongs in queries.ts.' },
            { name: '@bds/db', message: 'Routes speak HTTP only: the database belongs to services and queries.' },
            { name: 'better-sqlite3', message: 'Routes speak HTTP only.' },
          ],
          patterns: [{ group: ['./queries.ts', '../*/queries.ts'], message: 'Routes call services; only services call queries.' }],
        },
      ],
    },
  },
  {
    files: ['server/src/**/service.ts', 'server/src/**/queries.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fastify', 'fastify/*', 'fastify-*', '@fastify/*'],
              message: 'Services and queries know nothing of HTTP: take values, return values.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}', 'shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: serverOnly, message: 'Client and shared code may not import server-side packages.' }],
        },
      ],
    },
  },
);
