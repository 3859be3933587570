/**
 * The self-started Meilisearch: a real process on a free port with its own data directory and an
 * owner-only master key; with `restart`, killing it by hand brings it back on the same address.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMeilisearch } from './meilisearch-process.ts';

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
      while (!(await healthy(meili.url)) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      expect(await healthy(meili.url)).toBe(true);
      expect(meili.pid).not.toBe(firstPid);
    } finally {
      await meili.stop();
    }
    expect(await healthy(meili.url)).toBe(false);
  }, 60_000);
});
