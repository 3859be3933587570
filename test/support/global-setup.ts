/**
 * Starts one real Meilisearch for the whole test run, on a free port with a temp directory, and
 * hands its address and key to the test files (each uses its own index names). Both test projects
 * (Node and workerd) list this setup; they share the one process, stopped when the last is done.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type MeilisearchProcess, startMeilisearch } from '../../src/adapter/node/meilisearch-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    meilisearch: { url: string; masterKey: string };
  }
}

interface Shared {
  started: Promise<{ meili: MeilisearchProcess; dataDir: string }>;
  users: number;
}

// Each project loads this module on its own, so the shared process is kept on globalThis.
const KEY = Symbol.for('yorisoi.test.meilisearch');
const registry = globalThis as { [KEY]?: Shared };

export default async function setup(project: TestProject) {
  registry[KEY] ??= {
    users: 0,
    started: (async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'yorisoi-meili-'));
      return { meili: await startMeilisearch({ dataDir, maxIndexingMemory: '512 MiB' }), dataDir };
    })(),
  };
  const shared = registry[KEY];
  shared.users += 1;
  const { meili } = await shared.started;
  project.provide('meilisearch', { url: meili.url, masterKey: meili.masterKey });
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[KEY];
    const { meili, dataDir } = await shared.started;
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
