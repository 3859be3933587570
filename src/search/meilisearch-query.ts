/**
 * What the job index asks of Meilisearch: the index's settings, and a JobIndexQuery written as
 * the engine's filter, order and facets. Pure: no client, no I/O (meilisearch-job-index.ts sends).
 */
import type { Settings } from 'meilisearch';
import type { GeoCodes, JobIndexQuery, JobIndexResult } from '../features/search/job-index.ts';
import { SEARCH_SYNONYMS } from '../features/search/keywords.ts';

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
  // (every write would wait for it). Circles filter on place codes, and nearest first is sorted in the
  // adapter (meilisearch-nearest.ts).
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

export function codesFilter(within: GeoCodes): string {
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

export function facetsOf(
  distribution: Record<string, Record<string, number>> | undefined,
): JobIndexResult['facets'] {
  return {
    prefCodes: distribution?.prefCodes ?? {},
    employmentType: distribution?.employmentType ?? {},
    remote: distribution?.remote ?? {},
    conditions: distribution?.conditions ?? {},
  };
}

/** The engine's order; nearest first is sorted by meilisearch-nearest.ts, so the engine has none. */
export function sortFor(query: JobIndexQuery): string[] | undefined {
  switch (query.sort) {
    case 'pay':
      return ['hourlyPay:desc'];
    case 'newest':
      return ['publishedAt:desc'];
    default:
      return undefined;
  }
}
