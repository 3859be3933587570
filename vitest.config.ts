/**
 * Test runner configuration. Tests beside the code (`*.test.ts`) and under `test/` run in
 * Node against real SQLite files and one real Meilisearch process started for the run;
 * `test/worker/` runs the Workers entry in workerd (wrangler's `unstable_startWorker`, the
 * bundle `wrangler deploy` would upload) on a local D1 migrated by `wrangler d1 migrations
 * apply`, against the same Meilisearch. Nothing is mocked.
 */
import { defineConfig } from 'vitest/config';

// Wrangler works offline in the tests: no account look-ups, no metrics.
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
process.env.WRANGLER_SEND_METRICS = 'false';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'matching/**/*.test.ts', 'seed/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
  },
});
