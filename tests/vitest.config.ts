import { configDefaults, defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchSmoke = 'tests/bench/smoke.test.ts';

export default defineConfig({
  test: {
    root,
    projects: [
      {
        test: {
          name: 'server',
          root,
          include: [
            'server/src/**/*.test.ts',
            'shared/src/**/*.test.ts',
            'db/src/**/*.test.ts',
            'tests/api/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/security/**/*.test.ts',
            'tests/bench/**/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, benchSmoke],
          environment: 'node',
          globalSetup: ['tests/build-server.globalSetup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'client',
          root,
          include: ['client/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['client/src/test/setup.ts'],
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          // The bench smoke test measures a server under 64 connections: it runs here, one file at a
          // time, so it never shares the two cores with another test file.
          include: ['tests/e2e/**/*.test.ts', benchSmoke],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
