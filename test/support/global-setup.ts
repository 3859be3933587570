/**
 * Starts one real Meilisearch for the whole test run, on a free port with a temp directory, and
 * hands its address and key to the test files (each uses its own index names). Stopped at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMeilisearch } from '../../src/adapter/node/meilisearch-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    meilisearch: { url: string; masterKey: string };
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'yorisoi-meili-'));
  const meili = await startMeilisearch({ dataDir, maxIndexingMemory: '512 MiB' });
  project.provide('meilisearch', { url: meili.url, masterKey: meili.masterKey });
  return async () => {
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
