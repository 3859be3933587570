/**
 * Test runner configuration. Tests beside the code (`*.test.ts`) and under `test/` run in
 * Node against real SQLite files and one real Meilisearch process started for the run;
 * `test/worker/` runs the Workers entry in workerd (wrangler's `unstable_startWorker`, the
 * bundle `wrangler deploy` would upload) on a local D1 migrated by `wrangler d1 migrations
 * apply`, against the same Meilisearch. Nothing is mocked. The slowest files are listed at the end.
 */
import { availableParallelism } from 'node:os';
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
    // Files run side by side: most of their time is spent waiting on Meilisearch, workerd, a
    // browser or scrypt, so even a 2-core machine gains from two at once (vitest's own default
    // there is a single worker, one file after another).
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ['default', './test/support/slowest-files.ts'],
    globalSetup: ['test/support/global-setup.ts'],
  },
});
