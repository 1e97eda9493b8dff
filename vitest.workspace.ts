import { defineConfig } from 'vitest/config';

/**
 * One Vitest run over every package. Vitest 4 no longer picks this file up
 * on its own, so the root `test` script passes it with `--config`, and
 * `vitest.config.ts` re-exports it for IDEs and a bare `vitest`.
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { conditions: ['source'] },
        ssr: { resolve: { conditions: ['source'] } },
        test: {
          name: 'flow-runtime',
          root: './packages/flow-runtime',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { conditions: ['source'] },
        ssr: { resolve: { conditions: ['source'] } },
        test: {
          name: 'flow-store-postgres',
          root: './packages/flow-store-postgres',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          // PGlite starts in a second or two; real PostgreSQL tests start a cluster.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['./test/global-setup.ts'],
        },
      },
      {
        resolve: { conditions: ['source'] },
        ssr: { resolve: { conditions: ['source'] } },
        test: {
          name: 'example-server',
          root: './examples/server',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Real PostgreSQL for the HTTP race across two services, as the store's tests get it.
          globalSetup: ['../../packages/flow-store-postgres/test/global-setup.ts'],
        },
      },
      {
        resolve: { conditions: ['source'] },
        ssr: { resolve: { conditions: ['source'] } },
        test: {
          name: 'designer',
          root: './packages/designer',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          passWithNoTests: true,
        },
      },
      {
        resolve: { conditions: ['source'] },
        ssr: { resolve: { conditions: ['source'] } },
        test: {
          name: 'demo-crm',
          root: './apps/demo-crm',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          passWithNoTests: true,
        },
      },
    ],
  },
});
