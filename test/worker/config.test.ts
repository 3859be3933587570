/**
 * A Worker with a bad configuration says which variable is wrong, on every request and in the
 * cron's log, instead of failing somewhere later; and the bundle `wrangler deploy` would upload
 * builds without Node compatibility (no Node API reaches it).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wrangler } from '../../src/adapter/node/wrangler.ts';
import { readWorkerConfig } from '../../src/adapter/worker/env.ts';
import { startTestWorker } from '../support/test-worker.ts';

const binding = { prepare: () => ({}), batch: async () => [] };

describe('Worker configuration', { timeout: 60_000 }, () => {
  it('names each bad variable', () => {
    expect(() => readWorkerConfig({})).toThrow(/DB: a D1 database binding is required/);
    expect(() => readWorkerConfig({ DB: binding, MEILI_URL: 'https://meili.example.jp' })).toThrow(
      'Invalid configuration:\n  MEILI_API_KEY: required with MEILI_URL',
    );
    expect(() => readWorkerConfig({ DB: binding, TRUST_PROXY: 'yes', MAX_BODY_BYTES: '1' })).toThrow(
      /TRUST_PROXY: .*\n {2}MAX_BODY_BYTES: /,
    );
    const ok = readWorkerConfig({ DB: binding, MEILI_URL: '', SESSION_TTL_HOURS: 24 });
    expect(ok.search.url).toBeUndefined();
    expect(ok.app.sessionTtlHours).toBe(24);
  });

  it('answers every request of a misconfigured worker with an error naming the variable', async () => {
    const w = await startTestWorker({
      bindings: { MEILI_URL: 'http://127.0.0.1:9', SESSION_TTL_HOURS: 'forever' },
    });
    try {
      const res = await w.call('GET', '/api/jobs');
      expect(res.status).toBe(500);
      expect(res.json.error.code).toBe('misconfigured');
      expect(res.json.error.message).toMatch(/SESSION_TTL_HOURS/);
      expect(res.json.error.requestId).toEqual(expect.any(String));
      expect((await w.runCron('* * * * *')).status).not.toBe(200);
    } finally {
      await w.close();
    }
  });

  it('bundles for Cloudflare without Node compatibility', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bundle-'));
    try {
      await wrangler(['deploy', '--dry-run', '--outdir', dir]);
      const bundle = readdirSync(dir)
        .filter((name) => name.endsWith('.js'))
        .map((name) => readFileSync(join(dir, name), 'utf8'))
        .join('\n');
      expect(bundle).toContain('misconfigured');
      expect(bundle).not.toMatch(/\bfrom\s*["']node:|\brequire\(\s*["']node:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
