/**
 * Test runner configuration: two projects sharing one real Meilisearch process (started by the
 * global setup on a free port with a temp directory); nothing is mocked.
 * - `node`: tests beside the code (`*.test.ts`) and under `test/`, in Node against real SQLite files.
 * - `workers`: `test/worker/`, inside workerd (the Workers runtime) through
 *   @cloudflare/vitest-pool-workers, against the worker entry with a local D1 migrated from the
 *   same SQL files, and the same Meilisearch.
 */
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Wrangler (inside the pool) works offline: no account look-ups, no metrics.
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
process.env.WRANGLER_SEND_METRICS = 'false';

const globalSetup = ['test/support/global-setup.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'matching/**/*.test.ts', 'seed/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/worker/**'],
          pool: 'forks',
          globalSetup,
        },
      },
      {
        extends: true,
        plugins: [
          cloudflareTest(async ({ inject }) => {
            const meili = inject('meilisearch');
            return {
              main: './src/adapter/worker/main.ts',
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                bindings: {
                  MEILI_URL: meili.url,
                  MEILI_API_KEY: meili.masterKey,
                  MEILI_INDEX: `worker_${Date.now()}`,
                  TEST_MIGRATIONS: await readD1Migrations('src/db/migrations'),
                },
              },
            };
          }),
        ],
        test: {
          name: 'workers',
          include: ['test/worker/**/*.test.ts'],
          globalSetup,
          setupFiles: ['test/worker/apply-migrations.ts'],
        },
      },
    ],
  },
});
