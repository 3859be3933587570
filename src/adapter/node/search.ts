/**
 * Search for the Node service: a Meilisearch it supervises itself (no MEILI_URL) or the one
 * configured, the job index on it, a start-up sync (outbox replay, or a rebuild when the index
 * does not match the database) and the outbox relay, all in the background. Search trouble never
 * stops or delays the service: it answers degraded from the database until the index is current.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../deps.ts';
import {
  type IndexFreshness,
  type JobIndex,
  SearchUnavailableError,
} from '../../features/search/job-index.ts';
import { createOutboxRelay, type OutboxRelay } from '../../features/search/outbox-relay.ts';
import type { ReadingAnalyser } from '../../features/search/readings.ts';
import { countFindableRoles, rebuildJobIndex } from '../../features/search/rebuild-index.ts';
import { makeAllDue, outboxLag } from '../../features/search/search-outbox.repository.ts';
import { meilisearchJobIndex } from '../../search/meilisearch-job-index.ts';
import {
  attachOrStartMeilisearch,
  type MeilisearchSupervisor,
  superviseMeilisearch,
} from './meilisearch-process.ts';

export interface SearchConfig {
  /** An existing Meilisearch (self-hosted or Cloud); when absent the service starts its own. */
  url?: string;
  apiKey?: string;
  searchKey?: string;
  indexUid: string;
  dataDir: string;
  maxIndexingMemory: string;
}

export interface NodeSearch {
  index: JobIndex;
  relay: OutboxRelay;
  /** The engine we supervise, if we started one. */
  process?: MeilisearchSupervisor;
  stop(): Promise<void>;
}

/**
 * Drains the outbox every `intervalMs` until stopped, logging when search goes away and comes
 * back. `firstSync` runs before the first drain and is retried until it succeeds. A drain that
 * carried changes is followed by another at once: what was written while it waited for the
 * engine goes out without also waiting for the interval (each drain waits for its own task, so
 * this never spins).
 */
export function runRelayLoop(
  relay: OutboxRelay,
  log: (line: string) => void,
  firstSync: () => Promise<void>,
  intervalMs = 250,
) {
  let stopped = false;
  let failing = false;
  let synced = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    let moved = false;
    try {
      if (!synced) {
        await firstSync();
        synced = true;
      }
      const result = await relay.drain();
      moved = !result.error && result.indexed + result.removed > 0;
      if (result.error && !failing) log(`search index behind (will retry): ${result.error}`);
      // Quiet rounds (entries waiting for their retry time) say nothing either way.
      if (!result.error && failing && result.indexed + result.removed > 0)
        log('search index catching up again');
      if (result.error) failing = true;
      else if (result.indexed + result.removed > 0) failing = false;
    } catch (error) {
      if (!failing) log(`search sync error (will retry): ${(error as Error).message}`);
      failing = true;
    }
    if (!stopped) timer = setTimeout(tick, moved ? 0 : intervalMs);
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** A full rebuild of the index from the database: in this process, or in a child (below). */
export type FullRebuild = () => Promise<{ documents: number }>;

/** Where a rebuild in a child process works: the database file and the engine as it is now. */
export interface RebuildTarget {
  databasePath: string;
  url: string;
  apiKey: string;
  indexUid: string;
}

/**
 * A full rebuild run by `reindex-cli.ts --for-service` in a child process: building 100k roles'
 * documents takes tens of seconds of CPU and a few hundred MB that the service's heap would
 * otherwise keep long after (its RSS went past 300 MB and stayed there under load). The child
 * leaves when the service does (see the CLI).
 * @example await rebuildInChildProcess({ databasePath, url, apiKey, indexUid: 'roles' })
 */
export function rebuildInChildProcess(target: RebuildTarget): Promise<{ documents: number }> {
  const cli = fileURLToPath(new URL('./reindex-cli.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--for-service'], {
      env: {
        ...process.env,
        DATABASE_PATH: target.databasePath,
        MEILI_URL: target.url,
        MEILI_API_KEY: target.apiKey,
        MEILI_INDEX: target.indexUid,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let error = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      error += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const outcome = out.trim().split('\n').at(-1);
      if (code === 0 && outcome) return resolve(JSON.parse(outcome) as { documents: number });
      reject(
        new Error(`index rebuild ${signal ?? `exited ${code}`}: ${error.trim().slice(-500) || 'no output'}`),
      );
    });
  });
}

/**
 * Brings the index into step with the database at start: nothing when the counts agree or the
 * difference is no larger than what waits in the outbox (a crash between a change and its relay:
 * replaying the outbox fixes it in seconds); otherwise (first start, a reseeded database, another
 * MEILI_INDEX, documents in a format from before an upgrade) a full rebuild (`rebuild`: in this
 * process unless told otherwise), announced through `onRebuild` so searches use the database
 * meanwhile.
 */
export async function syncIndexOnStart(
  deps: { database: Database; clock: Clock; readings?: ReadingAnalyser | null },
  index: JobIndex,
  log: (line: string) => void,
  onRebuild: () => void = () => {},
  rebuild: FullRebuild = () => rebuildJobIndex(deps, index),
): Promise<'in step' | 'replay' | 'rebuilt'> {
  const [indexed, findable, lag, outdated] = await Promise.all([
    index.documentCount(),
    countFindableRoles(deps.database.db),
    outboxLag(deps.database.db),
    index.outdatedDocuments?.() ?? 0,
  ]);
  if (outdated > 0) {
    onRebuild();
    log('search index holds documents in an older format: rebuilding in the background…');
    const result = await rebuild();
    log(`search index rebuilt with ${result.documents} roles`);
    return 'rebuilt';
  }
  if (indexed === findable) return 'in step';
  if (indexed > 0 && Math.abs(indexed - findable) <= lag.pending) {
    log(`search index has ${indexed} roles, database ${findable}: replaying ${lag.pending} outbox entries`);
    return 'replay';
  }
  onRebuild();
  log(`search index has ${indexed} roles, database ${findable}: rebuilding in the background…`);
  const result = await rebuild();
  log(`search index rebuilt with ${result.documents} roles`);
  return 'rebuilt';
}

export interface IndexSync {
  freshness(): IndexFreshness;
  /** The engine went away (its process exited): searches go to the database at once. */
  engineDown(): void;
  /** The engine is back: catching up until the changes made meanwhile are sent. */
  engineUp(): void;
  stop(): Promise<void>;
}

/**
 * Keeps the index in step in the background and tracks how far it can be trusted: first the
 * start-up sync (retried until the engine answers), then the outbox relay every `intervalMs`.
 * After an outage the index is `catchingUp` until no outbox entry from before its return is left;
 * entries postponed during the outage are made due at once, so catching up takes seconds.
 * @example const sync = startIndexSync(deps, index, relay, log); sync.freshness()
 */
export function startIndexSync(
  deps: { database: Database; clock: Clock; readings?: ReadingAnalyser | null },
  index: JobIndex,
  relay: OutboxRelay,
  log: (line: string) => void,
  intervalMs = 250,
  rebuild?: FullRebuild,
): IndexSync {
  let state: IndexFreshness = 'building';
  let synced = false;
  let stopped = false;
  /** When the engine came back; entries enqueued before it must be sent before we are current. */
  let returnedAt: string | undefined;
  let timer: NodeJS.Timeout | undefined;

  const catchUp = async () => {
    state = 'catchingUp';
    returnedAt = deps.clock.now().toISOString();
    await deps.database.atomic([makeAllDue(deps.database.db, returnedAt)]);
  };

  const tick = async () => {
    let moved = false;
    try {
      if (!synced) {
        // The comparison counts every findable role (hundreds of ms at 100k, on the service's one
        // thread): run it only once the engine answers, not every few hundred ms while it is down.
        if (await index.healthy()) {
          const outcome = await syncIndexOnStart(
            deps,
            index,
            log,
            () => {
              state = 'building';
            },
            rebuild,
          );
          synced = true;
          await catchUp();
          if (outcome !== 'in step') log('search index catching up');
        }
      } else if (state === 'unavailable') {
        // Nothing to send may mean nobody notices the return: ask.
        if (await index.healthy()) {
          await catchUp();
          log('search engine answers again; catching up');
        }
      }
      if (state === 'catchingUp' || state === 'current') {
        const result = await relay.drain();
        moved = !result.error && result.indexed + result.removed > 0;
        if (result.error) {
          if (state === 'current') log(`search index behind (will retry): ${result.error}`);
          if (!(await index.healthy())) state = 'unavailable';
        } else if (state === 'catchingUp') {
          const { oldest } = await outboxLag(deps.database.db);
          if (oldest === null || (returnedAt !== undefined && oldest > returnedAt)) {
            state = 'current';
            log('search index is current');
          }
        }
      }
    } catch (error) {
      if (!(error instanceof SearchUnavailableError))
        log(`search sync error (will retry): ${(error as Error).message}`);
      if (synced) state = 'unavailable';
    }
    if (!stopped) timer = setTimeout(tick, moved ? 0 : intervalMs);
  };
  timer = setTimeout(tick, 0);
  return {
    freshness: () => state,
    engineDown() {
      if (synced) state = 'unavailable';
    },
    engineUp() {
      // The next round notices and catches up (before the first sync, that sync decides).
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(tick, 0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts search for the service without waiting for it: the supervised Meilisearch (or MEILI_URL)
 * comes up, the index is brought into step and the outbox relayed, all in the background, while
 * the service already answers from the database (`degraded: true`). With `databasePath` (the
 * service's own file), a full rebuild runs in a child process (rebuildInChildProcess).
 * @example const search = startSearch(config.search, deps, log, { databasePath }); newApp({ ...deps, jobIndex: search.index })
 */
export function startSearch(
  config: SearchConfig,
  deps: { database: Database; clock: Clock; readings?: ReadingAnalyser | null },
  log: (line: string) => void,
  options: { databasePath?: string } = {},
): NodeSearch {
  let sync: IndexSync | undefined;
  const supervisor = config.url
    ? undefined
    : superviseMeilisearch({
        dataDir: config.dataDir,
        maxIndexingMemory: config.maxIndexingMemory,
        log: (line) => {
          // Only our own supervision messages; Meilisearch's own log stays out of the service's.
          if (/^Meilisearch[: ]/.test(line)) log(line.trim());
        },
        onChange: (url) => (url ? sync?.engineUp() : sync?.engineDown()),
      });
  const engine = meilisearchJobIndex({
    host: config.url ?? (() => supervisor?.url),
    adminKey: config.apiKey ?? (supervisor as MeilisearchSupervisor).masterKey,
    ...(config.searchKey ? { searchKey: config.searchKey } : {}),
    indexUid: config.indexUid,
  });
  const relay = createOutboxRelay(deps, engine);
  const { databasePath } = options;
  const inChild: FullRebuild | undefined = databasePath
    ? async () => {
        const url = config.url ?? supervisor?.url;
        if (!url) throw new SearchUnavailableError('search engine is not running');
        return rebuildInChildProcess({
          databasePath,
          url,
          apiKey: config.apiKey ?? (supervisor as MeilisearchSupervisor).masterKey,
          indexUid: config.indexUid,
        });
      }
    : undefined;
  sync = startIndexSync(deps, engine, relay, log, undefined, inChild);
  const tracked = sync;
  return {
    index: { ...engine, freshness: () => tracked.freshness() },
    relay,
    ...(supervisor ? { process: supervisor } : {}),
    async stop() {
      await tracked.stop();
      await supervisor?.stop();
    },
  };
}

/**
 * The job index for a one-off command (reindex, suggest): MEILI_URL when configured, else the
 * Meilisearch the running service started, else one started for the command (stopped by `close`).
 * @example const { index, close } = await commandJobIndex(config.search); … await close();
 */
export async function commandJobIndex(config: SearchConfig, options: { taskTimeoutMs?: number } = {}) {
  const meili = config.url
    ? undefined
    : await attachOrStartMeilisearch({
        dataDir: config.dataDir,
        maxIndexingMemory: config.maxIndexingMemory,
      });
  const index = meilisearchJobIndex({
    host: config.url ?? (meili?.url as string),
    adminKey: config.apiKey ?? (meili?.masterKey as string),
    indexUid: config.indexUid,
    ...(options.taskTimeoutMs ? { taskTimeoutMs: options.taskTimeoutMs } : {}),
  });
  return {
    index,
    async close() {
      if (meili && !meili.attached) await meili.stop();
    },
  };
}
