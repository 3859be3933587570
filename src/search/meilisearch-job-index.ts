/**
 * The JobIndex port on Meilisearch, through the official client over fetch (Node and Workers).
 * Every write waits for its task and checks that it succeeded: a failed task is returned by the
 * client, not thrown, so an unchecked write could silently lose a change. Queries use a
 * search-only key; the admin key is used only for settings, writes and rebuilds.
 */
import { type Filter, Meilisearch, MeilisearchApiError, type Settings, type Task } from 'meilisearch';
import { DOCUMENT_FORMAT, type JobDocument } from '../features/search/job-document.ts';
import {
  type GeoCodes,
  type JobIndex,
  type JobIndexHit,
  type JobIndexQuery,
  type JobIndexResult,
  SearchUnavailableError,
} from '../features/search/job-index.ts';
import { SEARCH_SYNONYMS } from '../features/search/keywords.ts';
import { engineQuery } from '../features/search/readings.ts';

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

export const JOB_INDEX_SETTINGS: Settings = {
  // Title and keywords first: a word in the title says more than one deep in the description.
  // Readings (kana, romaji) last, so a word written as she typed it outranks one found by reading.
  searchableAttributes: [
    'title',
    'keywords',
    'categoryLabel',
    'organisationName',
    'areaNames',
    'description',
    'readingsKana',
    'readingsRomaji',
  ],
  // Without this, kanji-only text is read as Chinese and 経理 or 事務 are cut wrongly.
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['jpn'] }],
  filterableAttributes: [
    'prefCodes',
    'areaCodes',
    'remote',
    'employmentType',
    'category',
    'hourlyPay',
    'hoursPerWeek',
    'daysPerWeek',
    'scheduleKind',
    'weekdays',
    'earliestStart',
    'latestEnd',
    'facts',
    'verifiedFacts',
    'organisationId',
    'weekendWork',
    'nightWork',
    'geoArea',
    'geoPoint',
    'conditions',
    'titleTerms',
    'documentFormat',
  ],
  // No `_geo`: indexing geo points costs seconds per batch at 100k roles, however small the batch
  // (every write would wait for it). Circles filter on place codes, and nearest first is sorted here.
  sortableAttributes: ['hourlyPay', 'publishedAt'],
  displayedAttributes: ['id', 'version', 'point'],
  synonyms: SEARCH_SYNONYMS,
  faceting: { maxValuesPerFacet: 100 },
  // Facets are counted, never searched within: without facet search, every index write skips
  // building its structures (part of the per-batch cost that grows with the index).
  facetSearch: false,
  pagination: { maxTotalHits: 5000 },
  // A search that runs long answers with what it has rather than holding the page.
  searchCutoffMs: 150,
};

const quote = (value: string) => JSON.stringify(value);

/** The attributes counted for a search's facets. */
export const FACETS = ['prefCodes', 'employmentType', 'remote', 'conditions'];

/** A circle as a filter on its place codes (an indexed look-up; the engine keeps no points). */
function circleFilter(c: { within?: GeoCodes }): string {
  // The service always works the codes out; a circle without them is a bug, not a wide search.
  if (!c.within) throw new Error('a circle reached the search engine without its place codes');
  return codesFilter(c.within);
}

/**
 * Filters already written, by their codes: a circle's codes are kept and handed out again for
 * the same centre (geo-codes.ts), and one of a member's circles lists hundreds of towns.
 */
const writtenFilters = new WeakMap<GeoCodes, string>();

function codesFilter(within: GeoCodes): string {
  const written = writtenFilters.get(within);
  if (written !== undefined) return written;
  const filter = writeCodesFilter(within);
  writtenFilters.set(within, filter);
  return filter;
}

function writeCodesFilter(within: GeoCodes): string {
  const anyOf = [
    ...(within.areas.length ? [`geoArea IN [${within.areas.map(quote).join(', ')}]`] : []),
    ...(within.points.length ? [`geoPoint IN [${within.points.map(quote).join(', ')}]`] : []),
  ];
  // No place within the circle: a filter nothing matches ("-" is no place's code).
  return anyOf.length ? `(${anyOf.join(' OR ')})` : 'geoPoint = "-"';
}

/** Builds the Meilisearch filter for a query. */
export function filterFor(query: JobIndexQuery): string[] {
  const filters: string[] = [];
  if (query.prefCodes?.length) filters.push(`prefCodes IN [${query.prefCodes.map(quote).join(', ')}]`);
  if (query.areaCodes?.length) filters.push(`areaCodes IN [${query.areaCodes.map(quote).join(', ')}]`);
  if (query.remote?.length) filters.push(`remote IN [${query.remote.map(quote).join(', ')}]`);
  if (query.employmentTypes?.length)
    filters.push(`employmentType IN [${query.employmentTypes.map(quote).join(', ')}]`);
  if (query.categories?.length) filters.push(`category IN [${query.categories.map(quote).join(', ')}]`);
  if (query.trades) {
    const { categories, titleWords } = query.trades;
    filters.push(
      `(category IN [${categories.map(quote).join(', ')}] OR titleTerms IN [${titleWords.map(quote).join(', ')}])`,
    );
  }
  for (const condition of query.conditions ?? []) filters.push(`conditions = ${quote(condition)}`);
  if (query.minHourlyPay !== undefined) filters.push(`hourlyPay >= ${query.minHourlyPay}`);
  if (query.excludeOrganisationIds?.length) {
    filters.push(`NOT organisationId IN [${query.excludeOrganisationIds.map(quote).join(', ')}]`);
  }
  if (query.near?.radiusMeters !== undefined) {
    filters.push(circleFilter(query.near));
  }
  if (query.reach) {
    const { circles, prefCodes, areaCodes } = query.reach;
    const anyOf = [
      'remote = "full"',
      ...circles.map(circleFilter),
      ...(prefCodes.length ? [`prefCodes IN [${prefCodes.map(quote).join(', ')}]`] : []),
      ...(areaCodes.length ? [`areaCodes IN [${areaCodes.map(quote).join(', ')}]`] : []),
    ];
    filters.push(`(${anyOf.join(' OR ')})`);
  }
  const a = query.availability;
  if (a) {
    // Coarse and permissive: the matching module checks schedules to the minute afterwards.
    const closedDays = [1, 2, 3, 4, 5, 6, 7].filter((d) => !a.weekdays.includes(d));
    const fixedFits = [
      `earliestStart >= ${a.earliestStart}`,
      `latestEnd <= ${a.latestEnd}`,
      ...(closedDays.length ? [`NOT weekdays IN [${closedDays.join(', ')}]`] : []),
    ].join(' AND ');
    filters.push(`hoursPerWeek <= ${a.maxHoursPerWeek}`);
    filters.push(`(scheduleKind = "flexible" OR (${fixedFits}))`);
  }
  return filters;
}

function facetsOf(
  distribution: Record<string, Record<string, number>> | undefined,
): JobIndexResult['facets'] {
  return {
    prefCodes: distribution?.prefCodes ?? {},
    employmentType: distribution?.employmentType ?? {},
    remote: distribution?.remote ?? {},
    conditions: distribution?.conditions ?? {},
  };
}

/** The engine's order; nearest first is sorted here (see nearestFirst), so the engine has none. */
function sortFor(query: JobIndexQuery): string[] | undefined {
  switch (query.sort) {
    case 'pay':
      return ['hourlyPay:desc'];
    case 'newest':
      return ['publishedAt:desc'];
    default:
      return undefined;
  }
}

/**
 * The most roles fetched to be sorted by distance here: the engine's own page limit
 * (pagination.maxTotalHits), far more than the deepest page asks for (offset 1,000 + 50).
 */
const DISTANCE_FETCH_CAP = 5000;
/** Documents per indexing task in a rebuild (a few MiB of JSON held at a time). */
const REBUILD_SEND_SIZE = 5000;
/**
 * Rings counted per request: the nearest seven (to 8 km around a place, or half the radius)
 * answer almost every search in the first one.
 */
const RINGS_PER_REQUEST = 7;

/** Questions whose rings' counts are remembered (see nearestFirst). */
const RING_MEMORY = 1000;
/** A ring in a nearest-first search: its radius and place codes. */
type Ring = NonNullable<NonNullable<JobIndexQuery['near']>['rings']>[number];
/** How far inside a ring's edge a remembered count stops (see remember in meilisearch JobIndex). */
const RING_EDGE_METERS = 50;

/** Metres between two points on a sphere of the Earth's mean radius. */
function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

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

  /**
   * What the rings around a place held the last time the same question was asked there (see
   * nearestFirst), for RING_MEMORY recent questions: a member paging through her roles, or
   * visitors around an area's centre, are asked around the same points again and again.
   */
  const ringMemory = new Map<string, number[]>();

  /**
   * A search sorted by distance, sorted here (the engine keeps no points): the smallest ring
   * around the centre holding the page is fetched and sorted by each role's stored point — every
   * role in it is nearer than any outside it. Which ring that is comes from the rings' counts: the
   * ones remembered from the same question here, or else counted, the nearest first, in one
   * request (another, alongside, counts the total and facets). A remembered ring is trusted only
   * once its fetch shows it still holds the page, so a stale memory costs a request, never a wrong
   * order. Farther rings are counted only when the near ones are too small; with no ring holding
   * the page, every match is fetched when there are at most DISTANCE_FETCH_CAP of them. Roles
   * without a point (fully remote) come after every placed one.
   */
  async function nearestFirst(
    query: JobIndexQuery,
    near: NonNullable<JobIndexQuery['near']>,
  ): Promise<JobIndexResult> {
    const client = await searchClient();
    const q = engineQuery(query.q);
    const filters = filterFor(query);
    // Rings lie inside the radius and the reach (see JobIndexQuery), so their queries leave those
    // large filters out and carry only the ring's codes with the other filters.
    const { reach: _reach, near: _near, ...unplaced } = query;
    const ringFilters = filterFor(unplaced);
    const rings = near.rings ?? [];
    const need = query.offset + query.limit;
    const ringFilter = (i: number) => [...ringFilters, codesFilter((rings[i] as Ring).within)] as Filter;
    const fetchPlaced = (filter: Filter, limit: number) =>
      client.index(options.indexUid).search(q, {
        filter,
        matchingStrategy: 'all',
        limit,
        showRankingScore: true,
        attributesToRetrieve: ['id', 'point'],
      });
    // The total and facets (the costliest query: every filter, the reach's included) are counted
    // while the rings are counted and the page's ring is fetched, not before.
    const counted = client.index(options.indexUid).search(q, {
      matchingStrategy: 'all',
      filter: filters as Filter,
      limit: 0,
      ...(query.facets ? { facets: FACETS } : {}),
    });
    // Awaited below; a failure while the rings are counted is not unhandled meanwhile.
    counted.catch(() => {});
    const totalOf = async () => (await counted).estimatedTotalHits ?? 0;

    const memoryKey = JSON.stringify([q, ringFilters, near.lat, near.lng, rings.map((r) => r.radiusMeters)]);
    const counts: number[] = [];
    let chosen = -1;
    let fetched: Awaited<ReturnType<typeof fetchPlaced>>['hits'] | undefined;
    const remembered = ringMemory.get(memoryKey)?.findIndex((n) => n >= need) ?? -1;
    if (remembered !== -1) {
      const ring = await fetchPlaced(ringFilter(remembered), DISTANCE_FETCH_CAP);
      const held = ring.estimatedTotalHits ?? 0;
      if (held >= need) {
        chosen = remembered;
        fetched = ring.hits;
        counts[chosen] = held;
      } else {
        // This ring, and so every nearer one, misses the page now: counting resumes beyond it.
        counts.push(...Array.from({ length: remembered + 1 }, () => held));
      }
    }
    for (let from = counts.length; chosen === -1 && from < rings.length; from = counts.length) {
      // Farther rings only when the near ones miss the page and the matches are too many to fetch.
      if (from > 0 && (await totalOf()) <= DISTANCE_FETCH_CAP) break;
      const more = await client.multiSearch({
        queries: rings.slice(from, from + RINGS_PER_REQUEST).map((_, i) => ({
          indexUid: options.indexUid,
          q,
          matchingStrategy: 'all' as const,
          filter: ringFilter(from + i),
          limit: 0,
        })),
      });
      counts.push(...more.results.map((r) => r.estimatedTotalHits ?? 0));
      chosen = counts.findIndex((n) => n >= need);
    }
    if (!fetched) {
      const size = Math.min(DISTANCE_FETCH_CAP, chosen === -1 ? await totalOf() : (counts[chosen] as number));
      fetched =
        size === 0
          ? []
          : (await fetchPlaced(chosen === -1 ? (filters as Filter) : ringFilter(chosen), size)).hits;
    }
    const measured = fetched.map((hit) => {
      const point = hit.point as { lat: number; lng: number } | undefined;
      return {
        id: String(hit.id),
        relevance: hit._rankingScore ?? 1,
        meters: point ? metresBetween(near, point) : Number.POSITIVE_INFINITY,
      };
    });
    // A stable sort: roles at the same point stay in the engine's order.
    measured.sort((a, b) => a.meters - b.meters);
    remember(memoryKey, rings, counts, chosen, measured);
    const hits: JobIndexHit[] = measured.slice(query.offset, need).map((m) => ({
      id: m.id,
      relevance: m.relevance,
      ...(Number.isFinite(m.meters) ? { distanceMeters: m.meters } : {}),
    }));
    const main = await counted;
    return { hits, total: main.estimatedTotalHits ?? 0, facets: facetsOf(main.facetDistribution) };
  }

  /**
   * Keeps what the rings held for the next search of the same question here. The chosen ring
   * holds every role of the nearer ones, so their counts come from its roles' distances (a place
   * that filled up is fetched from a nearer ring next time), counted RING_EDGE_METERS inside each
   * edge: a role on the edge may be measured in here and out in geo-codes.ts, and a count too low
   * only costs a wider ring, where one too high would cost a fetch that misses the page.
   */
  function remember(
    key: string,
    rings: readonly Ring[],
    counts: number[],
    chosen: number,
    measured: readonly { meters: number }[],
  ) {
    if (chosen !== -1) {
      for (let i = 0; i < chosen; i++) {
        const radius = (rings[i] as Ring).radiusMeters;
        counts[i] = measured.filter((m) => m.meters <= radius - RING_EDGE_METERS).length;
      }
    }
    ringMemory.delete(key);
    ringMemory.set(key, counts);
    while (ringMemory.size > RING_MEMORY) ringMemory.delete(ringMemory.keys().next().value as string);
  }

  return {
    prepare: () => reachable(ensureReady),

    search: (query) =>
      reachable(async () => {
        await ensureReady();
        if (query.sort === 'distance' && query.near) return nearestFirst(query, query.near);
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
