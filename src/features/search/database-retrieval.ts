/**
 * Retrieval from the database when the search engine is unreachable (degraded mode), with the
 * same meaning as the engine's. SQL applies every filter and the order over each role's search
 * figures (`role_search_rows`) and stops at a bounded number of candidates, so one search costs
 * milliseconds and never blocks the service; exact distances, the facet counts and the page are
 * worked out over those slim rows. Text relevance is not ranked here: matches come newest first.
 */
import type { Kysely } from 'kysely';
import { distanceKm, type GeoPoint } from '../../../matching/index.ts';
import type { DB } from '../../db/schema.ts';
import { conditionMask, conditionsOfMask } from './job-conditions.ts';
import type { JobIndexQuery, JobIndexResult } from './job-index.ts';
import { findSearchCandidates } from './job-search.repository.ts';
import { CATEGORY_KEYWORDS, FACT_KEYWORDS, REMOTE_KEYWORDS } from './keywords.ts';
import { queryForms } from './readings.ts';

/** Enough candidates for a person's search; beyond this a degraded answer asks her to narrow it. */
const MAX_CANDIDATES = 2000;

/**
 * The words a database search looks for: Meilisearch reads at most the first 10 words of a query,
 * and so does this (which also keeps every statement well within D1's 100 bound parameters).
 */
const MAX_TERMS = 10;

/** Splits a query into words (ASCII and full-width spaces), each once, at most MAX_TERMS. */
export function queryTerms(q: string): string[] {
  return [...new Set(q.split(/[\s\u3000]+/).filter(Boolean))].slice(0, MAX_TERMS);
}

/** The trades, remote modes and facts a word names: 事務 also finds 一般事務 roles, zaitaku remote ones. */
function namedBy(term: string) {
  const word = term.toLowerCase();
  const names = (keywords: string[]) => keywords.some((k) => k.toLowerCase().includes(word));
  return {
    categories: Object.entries(CATEGORY_KEYWORDS)
      .filter(([, keywords]) => names(keywords))
      .map(([category]) => category),
    remoteModes: Object.entries(REMOTE_KEYWORDS)
      .filter(([, keywords]) => names(keywords))
      .map(([mode]) => mode),
    facts: Object.entries(FACT_KEYWORDS)
      .filter(([, keywords]) => names(keywords ?? []))
      .map(([fact]) => fact),
  };
}

function count(values: string[], into: Record<string, number>) {
  for (const value of values) into[value] = (into[value] ?? 0) + 1;
}

const metersBetween = (a: GeoPoint, b: GeoPoint) => distanceKm(a, b) * 1000;

/**
 * Retrieves roles from the database with the engine's meaning. SQL applies every filter (distances
 * by bounding box) and the order, and returns at most MAX_CANDIDATES slim rows; distances are then
 * measured exactly, and the page's ids returned. No child rows are read here: the caller loads
 * the page's roles only.
 */
export async function retrieveFromDatabase(db: Kysely<DB>, query: JobIndexQuery): Promise<JobIndexResult> {
  const near = query.near;
  const a = query.availability;
  const candidates = await findSearchCandidates(db, {
    terms: queryTerms(query.q).map((text) => ({ text, readings: queryForms(text), ...namedBy(text) })),
    ...(query.prefCodes ? { prefCodes: query.prefCodes } : {}),
    ...(query.areaCodes ? { areaCodes: query.areaCodes } : {}),
    ...(query.remote ? { remote: query.remote } : {}),
    ...(query.employmentTypes ? { employmentTypes: query.employmentTypes } : {}),
    ...(query.categories ? { categories: query.categories } : {}),
    ...(query.trades ? { trades: query.trades } : {}),
    ...(query.conditions?.length ? { conditionMask: conditionMask(query.conditions) } : {}),
    ...(query.excludeOrganisationIds ? { excludeOrganisationIds: query.excludeOrganisationIds } : {}),
    ...(query.minHourlyPay !== undefined ? { minHourlyPay: query.minHourlyPay } : {}),
    ...(a
      ? {
          availability: {
            weekdayMask: a.weekdays.reduce((mask, day) => mask | (1 << (day - 1)), 0),
            maxHoursPerWeek: a.maxHoursPerWeek,
            earliestStart: a.earliestStart,
            latestEnd: a.latestEnd,
          },
        }
      : {}),
    ...(near?.radiusMeters !== undefined ? { within: { ...near, radiusMeters: near.radiusMeters } } : {}),
    ...(query.reach
      ? {
          reach: {
            ...query.reach,
            // Whole areas the circle touches (a coarse superset) replace its box; a finer list of
            // towns does not, as roles are placed by area.
            circles: query.reach.circles.map(({ within, ...circle }) =>
              within && within.points.length === 0 ? { ...circle, areaCodes: within.areas } : circle,
            ),
          },
        }
      : {}),
    order: query.sort === 'pay' ? 'pay' : query.sort === 'distance' && near ? { nearest: near } : 'newest',
    withPrefCodes: query.facets,
    limit: MAX_CANDIDATES,
  });

  const found = candidates.flatMap((c) => {
    const point = c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : undefined;
    const meters = near && point ? metersBetween(near, point) : undefined;
    if (near?.radiusMeters !== undefined && (meters === undefined || meters > near.radiusMeters)) return [];
    if (
      query.reach &&
      !c.reach_by_place &&
      !(point && query.reach.circles.some((circle) => metersBetween(circle, point) <= circle.radiusMeters))
    )
      return [];
    return [{ c, meters }];
  });
  // SQL ordered by time, pay, or flat-earth distance; distance is re-sorted on the exact figure.
  if (query.sort === 'distance')
    found.sort(
      (x, y) =>
        (x.meters ?? Number.POSITIVE_INFINITY) - (y.meters ?? Number.POSITIVE_INFINITY) ||
        (x.c.id < y.c.id ? -1 : 1),
    );

  const facets: JobIndexResult['facets'] = { prefCodes: {}, employmentType: {}, remote: {}, conditions: {} };
  if (query.facets) {
    for (const { c } of found) {
      count(c.pref_codes ? c.pref_codes.split(',') : [], facets.prefCodes);
      count([c.employment_type], facets.employmentType);
      count([c.remote_mode], facets.remote);
      count(conditionsOfMask(c.conditions), facets.conditions);
    }
  }
  return {
    hits: found.slice(query.offset, query.offset + query.limit).map(({ c, meters }) => ({
      id: c.id,
      relevance: 1,
      ...(meters !== undefined ? { distanceMeters: meters } : {}),
    })),
    total: found.length,
    facets,
  };
}
