/**
 * The self-started Meilisearch, as real processes: an owner-only master key; the supervisor
 * bringing the engine back after it is killed (on a fresh port), retrying after starts that fail
 * (an exit code, a death by signal) without giving up; and an engine orphaned by a killed service
 * stopped before a new one starts on the same data directory.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MEILISEARCH_BINARY_SHA256,
  meilisearchBinary,
  startMeilisearch,
  superviseMeilisearch,
  verifiedBinary,
} from './meilisearch-process.ts';

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function healthy(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  return fetch(`${url}/health`).then(
    (r) => r.ok,
    () => false,
  );
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('self-started Meilisearch', () => {
  it('keeps its key owner-only, requires it, and is brought back on a fresh port after being killed', async () => {
    const dataDir = tempDir('yorisoi-meili-proc-');
    const lines: string[] = [];
    const meili = superviseMeilisearch({ dataDir, maxIndexingMemory: '256 MiB', log: (l) => lines.push(l) });
    try {
      const url = await meili.running();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(statSync(join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
      expect((await fetch(`${url}/indexes`)).status).toBe(401);
      const authorised = await fetch(`${url}/indexes`, {
        headers: { authorization: `Bearer ${meili.masterKey}` },
      });
      expect(authorised.status).toBe(200);
      const firstPid = meili.pid as number;
      expect(readFileSync(join(dataDir, 'meilisearch.pid'), 'utf8').trim()).toBe(String(firstPid));

      process.kill(firstPid, 'SIGKILL');
      await until(() => meili.url === undefined, 5000);
      expect(lines.some((l) => l.includes('exited (signal SIGKILL)'))).toBe(true);
      const again = await meili.running();
      expect(await healthy(again)).toBe(true);
      expect(meili.pid).not.toBe(firstPid);
      expect(readFileSync(join(dataDir, 'meilisearch.pid'), 'utf8').trim()).toBe(String(meili.pid));
    } finally {
      await meili.stop();
    }
    expect(existsSync(join(dataDir, 'meilisearch.pid'))).toBe(false);
  }, 60_000);

  it('keeps retrying after starts that fail, by an exit code and by a signal', async () => {
    const dataDir = tempDir('yorisoi-meili-retry-');
    // A binary that fails its first two starts (exit 3, then killed by a signal) and then works.
    const attempts = join(dataDir, 'attempts');
    const flaky = join(dataDir, 'flaky-meilisearch.sh');
    writeFileSync(
      flaky,
      [
        '#!/bin/sh',
        `n=$(cat '${attempts}' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '${attempts}'`,
        'if [ "$n" -eq 1 ]; then exit 3; fi',
        'if [ "$n" -eq 2 ]; then kill -9 $$; fi',
        `exec '${await meilisearchBinary()}' "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(flaky, 0o755);
    const lines: string[] = [];
    const meili = superviseMeilisearch({
      dataDir,
      binary: flaky,
      maxIndexingMemory: '256 MiB',
      maxBackoffMs: 1000,
      log: (l) => lines.push(l),
    });
    try {
      expect(await healthy(await meili.running())).toBe(true);
      expect(readFileSync(attempts, 'utf8').trim()).toBe('3');
      const failures = lines.filter((l) => l.startsWith('Meilisearch did not start'));
      expect(failures).toHaveLength(2);
      expect(failures[0]).toContain('code 3');
      expect(failures[1]).toContain('signal SIGKILL');
    } finally {
      await meili.stop();
    }
  }, 60_000);

  it('stops an engine orphaned by a killed service before starting a new one on its data', async () => {
    const dataDir = tempDir('yorisoi-meili-orphan-');
    // A "service" that starts its engine and is then killed with SIGKILL, leaving it running.
    const script = `
      import { startMeilisearch } from ${JSON.stringify(join(import.meta.dirname, 'meilisearch-process.ts'))};
      const meili = await startMeilisearch({ dataDir: ${JSON.stringify(dataDir)}, maxIndexingMemory: '256 MiB' });
      console.log(JSON.stringify({ pid: meili.pid, url: meili.url }));
      setInterval(() => {}, 1000);
    `;
    const service = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = await new Promise<{ pid: number; url: string }>((resolve, reject) => {
      let out = '';
      service.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0] as string));
      });
      service.once('exit', (code) => reject(new Error(`service exited early (${code})`)));
    });
    service.kill('SIGKILL');
    await new Promise((r) => service.once('exit', r));
    expect(alive(started.pid)).toBe(true);
    expect(await healthy(started.url)).toBe(true);

    const meili = await startMeilisearch({ dataDir, maxIndexingMemory: '256 MiB' });
    try {
      expect(alive(started.pid)).toBe(false);
      expect(meili.pid).not.toBe(started.pid);
      expect(await healthy(meili.url)).toBe(true);
    } finally {
      await meili.stop();
    }
  }, 60_000);

  it('leaves alone a process whose id the PID file names but that is not our engine', async () => {
    const dataDir = tempDir('yorisoi-meili-recycled-');
    const bystander = spawn('sleep', ['30']);
    writeFileSync(join(dataDir, 'meilisearch.pid'), `${bystander.pid}\n`);
    const meili = await startMeilisearch({ dataDir, maxIndexingMemory: '256 MiB' });
    try {
      expect(alive(bystander.pid as number)).toBe(true);
    } finally {
      await meili.stop();
      bystander.kill();
    }
  }, 60_000);
});

describe('the packaged binary (issue 14, fault 9)', () => {
  it('is the one whose SHA-256 is pinned, and is made executable only after the check', async () => {
    const binary = await meilisearchBinary(undefined);
    expect(statSync(binary).mode & 0o111).not.toBe(0);
    expect(MEILISEARCH_BINARY_SHA256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a file whose digest differs, leaving it not executable, and names MEILI_BIN', async () => {
    const dataDir = tempDir('yorisoi-meili-digest-');
    const fake = join(dataDir, 'not-meilisearch');
    writeFileSync(fake, '#!/bin/sh\necho pwned\n');
    chmodSync(fake, 0o644);
    await expect(verifiedBinary(fake, MEILISEARCH_BINARY_SHA256)).rejects.toThrow(/SHA-256.*MEILI_BIN/s);
    expect(statSync(fake).mode & 0o111).toBe(0);
  });

  it('runs with its key and without the service’s own environment', async () => {
    const dataDir = tempDir('yorisoi-meili-env-');
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
