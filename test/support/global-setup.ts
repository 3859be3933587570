/**
 * Prepares what the whole test run shares, side by side: one real Meilisearch on a free port with
 * a temp directory (each test file uses its own index names), and the migrated local D1 the
 * workerd tests copy. Both are removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMeilisearch } from '../../src/adapter/node/meilisearch-process.ts';
import { buildD1Template } from './d1-template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    meilisearch: { url: string; masterKey: string };
    /** The migrated, staffed local D1 directory; copy it, never write to it. */
    d1Template: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'yorisoi-meili-'));
  const [meili, d1Template] = await Promise.all([
    startMeilisearch({ dataDir, maxIndexingMemory: '512 MiB' }),
    buildD1Template(),
  ]);
  project.provide('meilisearch', { url: meili.url, masterKey: meili.masterKey });
  project.provide('d1Template', d1Template);
  return async () => {
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(d1Template, { recursive: true, force: true });
  };
}
