/**
 * Test runner configuration. Tests beside the code (`*.test.ts`) and under `test/` run in
 * Node against real SQLite files and one real Meilisearch process started for the run;
 * nothing is mocked.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'matching/**/*.test.ts', 'seed/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
  },
});
