/**
 * The self-started Meilisearch: a real process on a free port with its own data directory and an
 * owner-only master key; with `restart`, killing it by hand brings it back on the same address.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MEILISEARCH_BINARY_SHA256,
  meilisearchBinary,
  startMeilisearch,
  verifiedBinary,
} from './meilisearch-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'yorisoi-meili-proc-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function healthy(url: string): Promise<boolean> {
  return fetch(`${url}/health`).then(
    (r) => r.ok,
    () => false,
  );
}

describe('self-started Meilisearch', () => {
  it('keeps its key owner-only, requires it, and comes back after being killed', async () => {
    const meili = await startMeilisearch({ dataDir, restart: true, maxIndexingMemory: '256 MiB' });
    try {
      expect(meili.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(statSync(join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
      expect((await fetch(`${meili.url}/indexes`)).status).toBe(401);
      const authorised = await fetch(`${meili.url}/indexes`, {
        headers: { authorization: `Bearer ${meili.masterKey}` },
      });
      expect(authorised.status).toBe(200);

      const firstPid = meili.pid;
      process.kill(firstPid as number, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const deadline = Date.now() + 20_000;
      // Healthy again and known as the new process (the engine may answer a moment before it is recorded).
      while ((meili.pid === firstPid || !(await healthy(meili.url))) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      expect(await healthy(meili.url)).toBe(true);
      expect(meili.pid).not.toBe(firstPid);
    } finally {
      await meili.stop();
    }
    expect(await healthy(meili.url)).toBe(false);
  }, 60_000);
});

describe('the packaged binary (issue 14, fault 9)', () => {
  it('is the one whose SHA-256 is pinned, and is made executable only after the check', async () => {
    const binary = await meilisearchBinary(undefined);
    expect(statSync(binary).mode & 0o111).not.toBe(0);
    expect(MEILISEARCH_BINARY_SHA256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a file whose digest differs, leaving it not executable, and names MEILI_BIN', async () => {
    const fake = join(dataDir, 'not-meilisearch');
    writeFileSync(fake, '#!/bin/sh\necho pwned\n');
    chmodSync(fake, 0o644);
    await expect(verifiedBinary(fake, MEILISEARCH_BINARY_SHA256)).rejects.toThrow(/SHA-256.*MEILI_BIN/s);
    expect(statSync(fake).mode & 0o111).toBe(0);
  });

  it('runs with its key and without the service’s own environment', async () => {
    const envFile = join(dataDir, 'env.txt');
    const wrapper = join(dataDir, 'meili-wrapper.sh');
    const real = await meilisearchBinary(undefined);
    writeFileSync(wrapper, `#!/bin/sh\nenv > '${envFile}'\nexec '${real}' "$@"\n`);
    chmodSync(wrapper, 0o700);
    process.env.YORISOI_TEST_SECRET = 'must-not-leak';
    process.env.MEILI_DB_PATH = '/must/not/be/used';
    const meili = await startMeilisearch({
      dataDir: join(dataDir, 'env-check'),
      binary: wrapper,
      maxIndexingMemory: '256 MiB',
    });
    try {
      const env = readFileSync(envFile, 'utf8');
      expect(env).toContain(`MEILI_MASTER_KEY=${meili.masterKey}`);
      expect(env).not.toContain('YORISOI_TEST_SECRET');
      expect(env).not.toContain('MEILI_DB_PATH');
    } finally {
      delete process.env.YORISOI_TEST_SECRET;
      delete process.env.MEILI_DB_PATH;
      await meili.stop();
    }
  }, 60_000);
});
