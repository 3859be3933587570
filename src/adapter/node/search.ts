/**
 * Search for the Node service: a Meilisearch it starts itself (no MEILI_URL) or the one
 * configured, the job index on it, an initial rebuild when the index does not match the database,
 * and the outbox relay running in the background. Search trouble never stops the service: it
 * starts degraded and catches up once Meilisearch answers.
 */
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../deps.ts';
import { type JobIndex, SearchUnavailableError } from '../../features/search/job-index.ts';
import { createOutboxRelay, type OutboxRelay } from '../../features/search/outbox-relay.ts';
import { countFindableRoles, rebuildJobIndex } from '../../features/search/rebuild-index.ts';
import { meilisearchJobIndex } from '../../search/meilisearch-job-index.ts';
import {
  attachOrStartMeilisearch,
  type MeilisearchProcess,
  startMeilisearch,
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
  /** The process we started, if we started one. */
  process?: MeilisearchProcess;
  stop(): Promise<void>;
}

/**
 * Drains the outbox every `intervalMs` until stopped, logging when search goes away and comes
 * back. `firstSync` runs before the first drain and is retried until it succeeds.
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
    try {
      if (!synced) {
        await firstSync();
        synced = true;
      }
      const result = await relay.drain();
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
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** Rebuilds the index when its size differs from the database's findable roles (first start, reseed). */
export async function syncIndexOnStart(
  deps: { database: Database; clock: Clock },
  index: JobIndex,
  log: (line: string) => void,
) {
  const [indexed, findable] = await Promise.all([
    index.documentCount(),
    countFindableRoles(deps.database.db),
  ]);
  if (indexed === findable) return;
  log(`search index has ${indexed} roles, database ${findable}: rebuilding…`);
  const result = await rebuildJobIndex(deps, index);
  log(`search index rebuilt with ${result.documents} roles`);
}

export async function startSearch(
  config: SearchConfig,
  deps: { database: Database; clock: Clock },
  log: (line: string) => void,
): Promise<NodeSearch> {
  const process = config.url
    ? undefined
    : await startMeilisearch({
        dataDir: config.dataDir,
        maxIndexingMemory: config.maxIndexingMemory,
        restart: true,
        log: (line) => {
          // Only our own supervision messages; Meilisearch's own log stays out of the service's.
          if (/^Meilisearch (exited|is running again|did not start)/.test(line)) log(line.trim());
        },
      });
  const host = config.url ?? (process as MeilisearchProcess).url;
  const adminKey = config.apiKey ?? (process as MeilisearchProcess).masterKey;
  const index = meilisearchJobIndex({
    host,
    adminKey,
    ...(config.searchKey ? { searchKey: config.searchKey } : {}),
    indexUid: config.indexUid,
  });
  let startSynced = false;
  try {
    await syncIndexOnStart(deps, index, log);
    startSynced = true;
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    log(`Meilisearch at ${host} is unreachable; serving from the database until it answers`);
  }
  const relay = createOutboxRelay(deps, index);
  // If the start-up sync could not run, the loop retries it before relaying anything.
  const loop = runRelayLoop(relay, log, async () => {
    if (startSynced) return;
    await syncIndexOnStart(deps, index, log);
    startSynced = true;
  });
  return {
    index,
    relay,
    ...(process ? { process } : {}),
    async stop() {
      await loop.stop();
      await process?.stop();
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
