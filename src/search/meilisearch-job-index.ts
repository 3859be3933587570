/**
 * The JobIndex port on Meilisearch, through the official client over fetch (Node and Workers).
 * Every write waits for its task and checks that it succeeded: a failed task is returned by the
 * client, not thrown, so an unchecked write could silently lose a change. Queries use a
 * search-only key; the admin key is used only for settings, writes and rebuilds.
 */
import { type Filter, Meilisearch, MeilisearchApiError, type Task } from 'meilisearch';
import { DOCUMENT_FORMAT, type JobDocument } from '../features/search/job-document.ts';
import { type JobIndex, SearchUnavailableError } from '../features/search/job-index.ts';
import { engineQuery } from '../features/search/readings.ts';
import { createNearestFirst } from './meilisearch-nearest.ts';
import { FACETS, facetsOf, filterFor, JOB_INDEX_SETTINGS, sortFor } from './meilisearch-query.ts';

export interface MeilisearchJobIndexOptions {
  /**
   * Where the engine answers. A function for an engine that moves (the Node service restarts its
   * own on a fresh port): undefined while it is down, which fails at once as unavailable.
   */
  host: string | (() => string | undefined);
  /** Master or admin key: settings, writes, key look-up. */
  adminKey: string;
  /** Search-only key; looked up with the admin key when not given. */
  searchKey?: string;
  indexUid: string;
  /** Per-request timeout; a slow engine counts as unavailable. */
  timeoutMs?: number;
  /** How long to wait for an indexing task. */
  taskTimeoutMs?: number;
}

/** Documents per indexing task in a rebuild (a few MiB of JSON held at a time). */
const REBUILD_SEND_SIZE = 5000;
/** Network failures and timeouts mean "unavailable"; API errors are our bugs and are rethrown. */
async function reachable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MeilisearchApiError) throw error;
    throw new SearchUnavailableError(`search engine unreachable: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The engine's search-only key, created on first use. */
async function findOrCreateSearchKey(admin: Meilisearch): Promise<string> {
  const { results } = await admin.getKeys({ limit: 100 });
  const key = results.find(
    (k) => k.actions.length === 1 && k.actions[0] === 'search' && k.indexes.includes('*'),
  );
  if (key) return key.key;
  const created = await admin.createKey({
    name: 'yorisoi-search',
    description: 'Search-only key for job browsing',
    actions: ['search'],
    indexes: ['*'],
    expiresAt: null,
  });
  return created.key;
}

function assertSucceeded(task: Task, what: string): void {
  if (task.status !== 'succeeded') {
    throw new Error(
      `Meilisearch task ${task.uid} (${what}) ${task.status}: ${task.error?.message ?? 'no detail'}`,
    );
  }
}

export function meilisearchJobIndex(options: MeilisearchJobIndexOptions): JobIndex {
  // gzip costs ~45 ms a request on small local responses; identity costs ~2 ms.
  const requestInit = { headers: { 'accept-encoding': 'identity' } };
  const timeout = options.timeoutMs ?? 2000;
  const wait = { timeout: options.taskTimeoutMs ?? 60_000, interval: 25 };
  const hostNow = typeof options.host === 'function' ? options.host : () => options.host as string;
  // The search key lives in the engine's own database, so it survives a restart on a new port.
  let searchKey = options.searchKey;
  let clients: { host: string; admin: Meilisearch; searcher?: Meilisearch; bulk?: Meilisearch } | undefined;

  /** Clients for where the engine answers now; a moved engine gets new ones (and its settings checked). */
  function current() {
    const host = hostNow();
    if (host === undefined) throw new SearchUnavailableError('search engine is not running');
    if (clients?.host !== host) {
      clients = { host, admin: new Meilisearch({ host, apiKey: options.adminKey, requestInit, timeout }) };
      ready = undefined;
    }
    return clients;
  }
  const adminClient = () => current().admin;
  /**
   * The admin client for a rebuild's large sends: the engine takes in several MiB of documents
   * per request, slower while it indexes the last ones, so the per-request timeout is a minute.
   */
  const bulkClient = () => {
    const now = current();
    now.bulk ??= new Meilisearch({
      host: now.host,
      apiKey: options.adminKey,
      requestInit,
      timeout: Math.max(timeout, 60_000),
    });
    return now.bulk;
  };

  async function searchClient(): Promise<Meilisearch> {
    const now = current();
    if (now.searcher) return now.searcher;
    searchKey ??= await findOrCreateSearchKey(now.admin);
    now.searcher = new Meilisearch({ host: now.host, apiKey: searchKey, requestInit, timeout });
    return now.searcher;
  }

  async function applySettings(uid: string) {
    const exists = await adminClient()
      .getIndex(uid)
      .then(
        () => true,
        (error: unknown) => {
          if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return false;
          throw error;
        },
      );
    if (!exists)
      assertSucceeded(
        await adminClient().createIndex(uid, { primaryKey: 'id' }).waitTask(wait),
        'create index',
      );
    // Unchanged settings make a task that finishes at once; changed ones re-index, as they must.
    assertSucceeded(
      await adminClient().index(uid).updateSettings(JOB_INDEX_SETTINGS).waitTask(wait),
      'settings',
    );
  }

  // Settings are applied once per process before the first use, and again after a failure, so an
  // engine that was down at start still gets them before it receives any document.
  let ready: Promise<void> | undefined;
  const ensureReady = () =>
    (ready ??= applySettings(options.indexUid).catch((error) => {
      ready = undefined;
      throw error;
    }));

  const nearestFirst = createNearestFirst(options.indexUid);

  return {
    prepare: () => reachable(ensureReady),

    search: (query) =>
      reachable(async () => {
        await ensureReady();
        if (query.sort === 'distance' && query.near)
          return nearestFirst(await searchClient(), query, query.near);
        const client = await searchClient();
        const response = await client.index(options.indexUid).search(engineQuery(query.q), {
          filter: filterFor(query) as Filter,
          sort: sortFor(query),
          limit: query.limit,
          offset: query.offset,
          showRankingScore: true,
          // Every word must match: someone typing 事務 在宅 wants both, and a word no role has
          // should give no results rather than be dropped until everything matches.
          matchingStrategy: 'all',
          attributesToRetrieve: ['id'],
          ...(query.facets ? { facets: FACETS } : {}),
        });
        return {
          hits: response.hits.map((hit) => ({ id: String(hit.id), relevance: hit._rankingScore ?? 0 })),
          total: response.estimatedTotalHits ?? response.hits.length,
          facets: facetsOf(response.facetDistribution),
        };
      }),

    upsert: (documents) =>
      reachable(async () => {
        if (documents.length === 0) return;
        await ensureReady();
        assertSucceeded(
          await adminClient().index(options.indexUid).addDocuments(documents).waitTask(wait),
          'add documents',
        );
      }),

    remove: (ids) =>
      reachable(async () => {
        if (ids.length === 0) return;
        await ensureReady();
        assertSucceeded(
          await adminClient().index(options.indexUid).deleteDocuments(ids).waitTask(wait),
          'delete documents',
        );
      }),

    rebuild: (batches, onProgress) =>
      reachable(async () => {
        const fresh = `${options.indexUid}_rebuild_${Date.now()}`;
        await applySettings(fresh);
        // Enqueue every batch first, then wait for the tasks in order: Meilisearch indexes one
        // batch while we read the next from the database. Pages are sent REBUILD_SEND_SIZE
        // documents at a time: each engine batch pays a cost that grows with the index, not the
        // batch, so few large tasks index far faster than many small ones.
        const enqueued: number[] = [];
        let sent = 0;
        let pending: JobDocument[] = [];
        const send = async () => {
          if (pending.length === 0) return;
          enqueued.push((await bulkClient().index(fresh).addDocuments(pending)).taskUid);
          sent += pending.length;
          pending = [];
        };
        for await (const batch of batches) {
          pending.push(...batch);
          if (pending.length >= REBUILD_SEND_SIZE) await send();
        }
        await send();
        let done = 0;
        // A rebuild takes seconds to minutes: poll gently (each poll is a request).
        for await (const task of adminClient().tasks.waitForTasksIter(enqueued, { ...wait, interval: 250 })) {
          assertSucceeded(task, 'rebuild batch');
          done += task.details?.receivedDocuments ?? 0;
          onProgress?.(Math.min(done, sent));
        }
        await applySettings(options.indexUid);
        assertSucceeded(
          await adminClient()
            .swapIndexes([{ indexes: [options.indexUid, fresh], rename: false }])
            .waitTask(wait),
          'swap',
        );
        assertSucceeded(await adminClient().deleteIndex(fresh).waitTask(wait), 'delete old index');
      }),

    outdatedDocuments: () =>
      reachable(async () => {
        await ensureReady();
        // Documents written by an older version: before formats were numbered (no geoArea, then
        // no documentFormat), or of a lower format.
        const response = await adminClient()
          .index(options.indexUid)
          .search('', {
            filter: `geoArea NOT EXISTS OR documentFormat NOT EXISTS OR documentFormat < ${DOCUMENT_FORMAT}`,
            limit: 0,
          });
        return response.estimatedTotalHits ?? 0;
      }),

    documentCount: () =>
      reachable(async () => {
        await ensureReady();
        return (await adminClient().index(options.indexUid).getStats()).numberOfDocuments;
      }),

    versions: () =>
      reachable(async () => {
        const versions = new Map<string, number>();
        const index = adminClient().index(options.indexUid);
        for (let offset = 0; ; offset += 1000) {
          const page = await index.getDocuments<Pick<JobDocument, 'id' | 'version'>>({
            fields: ['id', 'version'],
            limit: 1000,
            offset,
          });
          for (const doc of page.results) versions.set(doc.id, doc.version);
          if (page.results.length < 1000) return versions;
        }
      }),

    healthy: async () => {
      try {
        return (await adminClient().health()).status === 'available';
      } catch {
        return false;
      }
    },
  };
}
