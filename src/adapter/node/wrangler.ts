/**
 * Runs the pinned wrangler CLI from Node, offline (no account look-ups, no metrics), for the
 * local Workers tooling: `npm run dev:worker` and the workerd tests apply the D1 migrations and
 * load SQL with the very commands the README gives for Cloudflare.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);
const wranglerBin = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');

/** The environment wrangler runs in here: offline, no metrics, no prompts. */
export function offlineWranglerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', CI: 'true' };
}

/**
 * Runs `wrangler <args>`; throws with its output when it fails.
 * @example await wrangler(['d1', 'migrations', 'apply', 'yorisoi', '--local'])
 */
export async function wrangler(args: string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [wranglerBin, ...args], {
      env: offlineWranglerEnv(),
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`wrangler ${args.slice(0, 4).join(' ')} failed:\n${stderr || stdout}`);
  }
}

const persistArgs = (persistTo?: string) => (persistTo ? ['--persist-to', persistTo] : []);

const LOCAL_D1_ATTEMPTS = 3;

/**
 * Runs a wrangler command that writes to the local D1, trying again when it fails. The local D1
 * (miniflare's emulation in a fresh workerd per command) now and then fails a statement with an
 * internal assertion ("false == true") on a loaded machine. Each command writes in one
 * transaction — a migration together with its record in `d1_migrations`, a file as one batch —
 * so a failed attempt leaves nothing behind and the next one resumes where it stopped; a real
 * error in the SQL fails every attempt and is reported.
 */
async function writeLocalD1(args: string[]): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await wrangler(args);
    } catch (error) {
      if (attempt >= LOCAL_D1_ATTEMPTS) throw error;
      console.warn(`${(error as Error).message.trim()}\nTrying again (${attempt + 1}/${LOCAL_D1_ATTEMPTS}).`);
    }
  }
}

/** Applies the D1 migrations to the local D1 (`.wrangler/state`, or `persistTo`). */
export function applyLocalMigrations(persistTo?: string) {
  return writeLocalD1(['d1', 'migrations', 'apply', 'yorisoi', '--local', ...persistArgs(persistTo)]);
}

/** Runs a SQL file against the local D1, as one batch. */
export function executeLocalSqlFile(file: string, persistTo?: string) {
  return writeLocalD1([
    'd1',
    'execute',
    'yorisoi',
    '--local',
    '--yes',
    '--file',
    file,
    ...persistArgs(persistTo),
  ]);
}

/** Runs one query against the local D1 and returns its rows. */
export async function queryLocal<T>(sql: string, persistTo?: string): Promise<T[]> {
  const out = await wrangler([
    'd1',
    'execute',
    'yorisoi',
    '--local',
    '--json',
    '--command',
    sql,
    ...persistArgs(persistTo),
  ]);
  const results = JSON.parse(out) as { results: T[] }[];
  return results.at(-1)?.results ?? [];
}
