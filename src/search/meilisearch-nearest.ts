/**
 * Nearest first on Meilisearch, which keeps no geo points (see job-document.ts): the roles of the
 * smallest ring of places around the centre that holds the page are fetched and sorted here by
 * each role's stored point, the ring chosen from the rings' counts, remembered per question.
 */
import type { Filter, Meilisearch } from 'meilisearch';
import type { JobIndexHit, JobIndexQuery, JobIndexResult } from '../features/search/job-index.ts';
import { engineQuery } from '../features/search/readings.ts';
import { codesFilter, FACETS, facetsOf, filterFor } from './meilisearch-query.ts';

/**
 * The most roles fetched to be sorted by distance here: the engine's own page limit
 * (pagination.maxTotalHits), far more than the deepest page asks for (offset 1,000 + 50).
 */
const DISTANCE_FETCH_CAP = 5000;
/**
 * Rings counted per request: the nearest seven (to 8 km around a place, or half the radius)
 * answer almost every search in the first one.
 */
const RINGS_PER_REQUEST = 7;

/** Questions whose rings' counts are remembered (see nearestFirst). */
const RING_MEMORY = 1000;
/** A ring in a nearest-first search: its radius and place codes. */
type Ring = NonNullable<NonNullable<JobIndexQuery['near']>['rings']>[number];
/** How far inside a ring's edge a remembered count stops (see remember). */
const RING_EDGE_METERS = 50;

/** Metres between two points on a sphere of the Earth's mean radius. */
function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A nearest-first search on one index, with its memory of the rings.
 * @example const nearestFirst = createNearestFirst('roles'); await nearestFirst(client, query, query.near)
 */
export function createNearestFirst(indexUid: string) {
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
    client: Meilisearch,
    query: JobIndexQuery,
    near: NonNullable<JobIndexQuery['near']>,
  ): Promise<JobIndexResult> {
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
      client.index(indexUid).search(q, {
        filter,
        matchingStrategy: 'all',
        limit,
        showRankingScore: true,
        attributesToRetrieve: ['id', 'point'],
      });
    // The total and facets (the costliest query: every filter, the reach's included) are counted
    // while the rings are counted and the page's ring is fetched, not before.
    const counted = client.index(indexUid).search(q, {
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
          indexUid: indexUid,
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

  return nearestFirst;
}
