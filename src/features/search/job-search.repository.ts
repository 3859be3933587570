/**
 * The database side of job browsing, used while the search engine is unreachable: the filters
 * SQL can apply cheaply, and text through the trigram full-text table (terms of three or more
 * characters) or LIKE (shorter terms such as 事務 or 介護), or through the trade, remote mode or
 * flexibility fact a word names. A kana or romaji word is also looked for in the roles' readings
 * (かまぼこ, kamaboko → 蒲鉾): the full-text body holds them, and short ones are matched by LIKE
 * on `role_readings`.
 */
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { DB } from '../../db/schema.ts';
import { FINDABLE } from '../roles/role.repository.ts';

export interface DatabaseJobFilter {
  /**
   * Each term must match: the role's text, or one of the trades or remote modes the word names.
   * `readings`: other spellings of it to find in the roles' readings (hiragana, folded romaji).
   */
  terms: {
    text: string;
    readings?: string[];
    categories: string[];
    remoteModes: string[];
    facts: string[];
  }[];
  prefCodes?: string[];
  areaCodes?: string[];
  remote?: string[];
  employmentTypes?: string[];
  /** Trades, any of them. */
  categories?: string[];
  /** Her trade words: a role of one of these trades, or whose title says one of these words. */
  trades?: { categories: string[]; titleWords: string[] };
  /** Bits of the mothers' filters (job-conditions.ts) a role must all meet. */
  conditionMask?: number;
  excludeOrganisationIds?: string[];
  limit: number;
}

const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');

function termMatches(
  eb: ExpressionBuilder<DB, 'job_roles'>,
  term: DatabaseJobFilter['terms'][number],
): Expression<SqlBool> {
  const long = (text: string) => [...text].length >= 3;
  const spellings = [term.text, ...(term.readings ?? []).filter((r) => r !== term.text)];
  const fullText = spellings.filter(long);
  // A kana or romaji word (one with other spellings) is also looked for among the readings.
  const shortReadings = spellings.length > 1 ? spellings.filter((r) => !long(r)) : [];
  const textMatch = eb.or([
    ...(fullText.length
      ? [
          eb(
            'job_roles.id',
            'in',
            eb
              .selectFrom('role_search_text')
              .select('role_id')
              // Each quoted as one FTS5 string so characters like - or * are not read as operators.
              .where(
                sql<SqlBool>`role_search_text MATCH ${fullText.map((t) => `"${t.replaceAll('"', '""')}"`).join(' OR ')}`,
              ),
          ),
        ]
      : []),
    ...(long(term.text)
      ? []
      : [
          eb('job_roles.title', 'like', `%${escapeLike(term.text)}%`),
          eb('job_roles.description', 'like', `%${escapeLike(term.text)}%`),
        ]),
    ...(shortReadings.length
      ? [
          eb(
            'job_roles.id',
            'in',
            eb
              .selectFrom('role_readings')
              .select('role_readings.role_id')
              .where((inner) =>
                inner.or(
                  shortReadings.flatMap((r) => [
                    inner('role_readings.kana', 'like', `%${escapeLike(r)}%`),
                    inner('role_readings.romaji', 'like', `%${escapeLike(r)}%`),
                  ]),
                ),
              ),
          ),
        ]
      : []),
  ]);
  // Lists are bound as one JSON parameter each, so no query nears D1's 100-parameter limit.
  return eb.or([
    textMatch,
    ...(term.categories.length ? [eb('job_roles.category', 'in', jsonList(term.categories))] : []),
    ...(term.remoteModes.length ? [eb('job_roles.remote_mode', 'in', jsonList(term.remoteModes))] : []),
    ...(term.facts.length
      ? [
          eb.exists(
            eb
              .selectFrom('role_facts')
              .select('role_facts.role_id')
              .whereRef('role_facts.role_id', '=', 'job_roles.id')
              .where('role_facts.fact', 'in', jsonList(term.facts))
              .where('role_facts.available', '=', 1),
          ),
        ]
      : []),
  ]);
}

/**
 * A circle on the map; candidates are first cut by the areas it touches when the caller knows
 * them (an indexed lookup), else by its bounding box, then checked exactly.
 */
export interface SearchCircle {
  lat: number;
  lng: number;
  radiusMeters: number;
  /** Every area the circle touches, whole (geo-codes.ts, coarse): a superset of the roles inside. */
  areaCodes?: string[];
}

export interface DatabaseSearchFilter extends DatabaseJobFilter {
  minHourlyPay?: number;
  availability?: { weekdayMask: number; maxHoursPerWeek: number; earliestStart: number; latestEnd: number };
  /** Only roles whose point lies in this circle's bounding box. */
  within?: SearchCircle;
  /** Fully remote, or in one of the circles' boxes, or placed in one of these prefectures or areas. */
  reach?: { circles: SearchCircle[]; prefCodes: string[]; areaCodes: string[] };
  /** Newest first, best paid first, or nearest this point first (approximately; refine exactly). */
  order: 'newest' | 'pay' | { nearest: { lat: number; lng: number } };
  /** Also return each role's prefecture codes (for facet counts). */
  withPrefCodes: boolean;
}

/** What degraded search needs of each candidate: no child rows, no text. */
export interface SearchCandidate {
  id: string;
  published_at: string | null;
  hourly_pay: number;
  employment_type: string;
  remote_mode: string;
  lat: number | null;
  lng: number | null;
  /** In reach by being remote or by place (not by distance), when a reach was asked for. */
  reach_by_place: number | null;
  /** Comma-separated prefecture codes, when asked for. */
  pref_codes: string | null;
  /** The mothers' filters it meets, as bits. */
  conditions: number;
}

const METERS_PER_DEGREE = 111_320;

/** The box around a circle, 1 % wider so no point inside the circle falls outside it. */
function inBox(eb: ExpressionBuilder<DB, 'role_search_rows'>, c: SearchCircle): Expression<SqlBool> {
  const dLat = (c.radiusMeters * 1.01) / METERS_PER_DEGREE;
  const dLng = dLat / Math.max(0.01, Math.cos((c.lat * Math.PI) / 180));
  return eb.and([
    eb('role_search_rows.lat', '>=', c.lat - dLat),
    eb('role_search_rows.lat', '<=', c.lat + dLat),
    eb('role_search_rows.lng', '>=', c.lng - dLng),
    eb('role_search_rows.lng', '<=', c.lng + dLng),
  ]);
}

/** The roles placed in these prefectures and (when given) these areas or their wards. */
function rolesPlacedIn(db: Kysely<DB>, prefCodes: string[] | undefined, areaCodes: string[] | undefined) {
  return db
    .selectFrom('role_locations')
    .innerJoin('areas', 'areas.code', 'role_locations.area_code')
    .select('role_locations.role_id')
    .where((inner) =>
      inner.and([
        ...(prefCodes?.length ? [inner('areas.pref_code', 'in', jsonList(prefCodes))] : []),
        ...(areaCodes?.length
          ? [
              inner.or([
                inner('areas.code', 'in', jsonList(areaCodes)),
                inner('areas.parent_code', 'in', jsonList(areaCodes)),
              ]),
            ]
          : []),
      ]),
    );
}

/**
 * The place filter of a search: the roles of those places, looked up from the places' side (an
 * index on the area) so the rest of the query only reads the roles there — at 100k roles a
 * prefecture's search reads its own roles instead of every published role (≈ 40 ms, not 400).
 */
function placedAmong(
  eb: ExpressionBuilder<DB, 'job_roles'>,
  db: Kysely<DB>,
  prefCodes: string[] | undefined,
  areaCodes: string[] | undefined,
): Expression<SqlBool> {
  return eb('job_roles.id', 'in', rolesPlacedIn(db, prefCodes, areaCodes));
}

/** Placed in one of these prefectures and (when given) one of these areas or their wards. */
function placedIn(
  eb: ExpressionBuilder<DB, 'job_roles'>,
  prefCodes: string[] | undefined,
  areaCodes: string[] | undefined,
): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('role_locations')
      .innerJoin('areas', 'areas.code', 'role_locations.area_code')
      .select('role_locations.role_id')
      .whereRef('role_locations.role_id', '=', 'job_roles.id')
      .where((inner) =>
        inner.and([
          ...(prefCodes?.length ? [inner('areas.pref_code', 'in', jsonList(prefCodes))] : []),
          ...(areaCodes?.length
            ? [
                inner.or([
                  inner('areas.code', 'in', jsonList(areaCodes)),
                  inner('areas.parent_code', 'in', jsonList(areaCodes)),
                ]),
              ]
            : []),
        ]),
      ),
  );
}

/**
 * The ids of roles in reach without measuring a distance: fully remote, placed in an area one of
 * her circles touches (for circles whose areas are known), or in a place she plans to move to.
 */
function reachableRoleIds(db: Kysely<DB>, reach: NonNullable<DatabaseSearchFilter['reach']>) {
  const touched = [...new Set(reach.circles.flatMap((c) => c.areaCodes ?? []))];
  let ids = db
    .selectFrom('job_roles')
    .select('job_roles.id as role_id')
    .where('job_roles.status', '=', 'published')
    .where('job_roles.remote_mode', '=', 'full');
  if (touched.length)
    ids = ids.unionAll(
      db.selectFrom('role_locations').select('role_id').where('area_code', 'in', jsonList(touched)),
    );
  if (reach.prefCodes.length) ids = ids.unionAll(rolesPlacedIn(db, reach.prefCodes, undefined));
  if (reach.areaCodes.length) ids = ids.unionAll(rolesPlacedIn(db, undefined, reach.areaCodes));
  return ids;
}

/**
 * Findable roles (published, verified organisation) passing every filter SQL can apply — text,
 * places, remote, employment type, pay, the coarse availability fit, and bounding boxes for
 * distances — in the order asked, at most `limit` of them, each with only what the caller needs
 * to check distances exactly, sort and count facets. The work is bounded by `limit`.
 */
export async function findSearchCandidates(
  db: Kysely<DB>,
  filter: DatabaseSearchFilter,
): Promise<SearchCandidate[]> {
  const reach = filter.reach;
  let query = db
    .selectFrom('job_roles')
    .innerJoin('organisations', 'organisations.id', 'job_roles.organisation_id')
    .innerJoin('role_search_rows', 'role_search_rows.role_id', 'job_roles.id')
    .select([
      'job_roles.id',
      'job_roles.published_at',
      'job_roles.employment_type',
      'job_roles.remote_mode',
      'role_search_rows.hourly_pay',
      'role_search_rows.lat',
      'role_search_rows.lng',
      'role_search_rows.conditions',
    ])
    .where(FINDABLE);
  const { prefCodes, areaCodes } = filter;
  if (prefCodes?.length || areaCodes?.length)
    query = query.where((eb) => placedAmong(eb, db, prefCodes, areaCodes));
  if (filter.remote?.length) query = query.where('job_roles.remote_mode', 'in', jsonList(filter.remote));
  if (filter.employmentTypes?.length)
    query = query.where('job_roles.employment_type', 'in', jsonList(filter.employmentTypes));
  if (filter.categories?.length) query = query.where('job_roles.category', 'in', jsonList(filter.categories));
  const trades = filter.trades;
  if (trades)
    query = query.where((eb) =>
      eb.or([
        eb('job_roles.category', 'in', jsonList(trades.categories)),
        // One JSON parameter for the words (D1 binds at most 100); trade words hold no LIKE
        // wildcards (her-words.ts), so each is looked for as written.
        sql<SqlBool>`exists (select 1 from json_each(${JSON.stringify(trades.titleWords)}) as w where job_roles.title like '%' || w.value || '%')`,
      ]),
    );
  const mask = filter.conditionMask;
  if (mask) query = query.where(sql`role_search_rows.conditions & ${mask}`, '=', mask);
  if (filter.excludeOrganisationIds?.length) {
    query = query.where('job_roles.organisation_id', 'not in', jsonList(filter.excludeOrganisationIds));
  }
  for (const term of filter.terms) query = query.where((eb) => termMatches(eb, term));
  if (filter.minHourlyPay !== undefined)
    query = query.where('role_search_rows.hourly_pay', '>=', filter.minHourlyPay);
  const a = filter.availability;
  if (a) {
    query = query.where('role_search_rows.hours_per_week', '<=', a.maxHoursPerWeek).where((eb) =>
      eb.or([
        eb('job_roles.schedule_kind', '=', 'flexible'),
        eb.and([
          eb('role_search_rows.earliest_start', '>=', a.earliestStart),
          eb('role_search_rows.latest_end', '<=', a.latestEnd),
          // No working day outside hers.
          eb(sql`role_search_rows.weekday_mask & ${~a.weekdayMask & 0x7f}`, '=', 0),
        ]),
      ]),
    );
  }
  const within = filter.within;
  if (within) query = query.where((eb) => inBox(eb as never, within));
  if (reach) {
    // Each way of being in reach is looked up on its own index and the ids joined: one OR across
    // them made SQLite read every findable role (≈ 1.4 s at 100k on this machine for a member
    // whose reach spans two places).
    const ways = reachableRoleIds(db, reach);
    query = query.where((eb) =>
      reach.circles.every((c) => c.areaCodes)
        ? eb('job_roles.id', 'in', ways)
        : eb.or([eb('job_roles.id', 'in', ways), ...reach.circles.map((c) => inBox(eb as never, c))]),
    );
  }
  const order = filter.order;
  if (order === 'newest') query = query.orderBy('job_roles.published_at', 'desc');
  else if (order === 'pay') query = query.orderBy('role_search_rows.hourly_pay', 'desc');
  else {
    // Flat-earth distance is enough to keep the nearest; the caller measures exactly.
    const { lat, lng } = order.nearest;
    const k = Math.cos((lat * Math.PI) / 180);
    query = query
      .orderBy(sql`role_search_rows.lat IS NULL`)
      .orderBy(
        sql`(role_search_rows.lat - ${lat}) * (role_search_rows.lat - ${lat}) + (role_search_rows.lng - ${lng}) * (role_search_rows.lng - ${lng}) * ${k * k}`,
      );
  }
  const picked = await query.orderBy('job_roles.id').limit(filter.limit).execute();
  // Worked out for the picked rows only: as columns of the query above, SQLite evaluated them for
  // every role it sorted (tens of thousands in a member's reach), not just the ones it kept.
  const extras =
    reach || filter.withPrefCodes ? await placeFacts(db, picked, reach, filter.withPrefCodes) : null;
  return picked.map((row) => ({
    ...row,
    reach_by_place: extras?.get(row.id)?.reach_by_place ?? null,
    pref_codes: extras?.get(row.id)?.pref_codes ?? null,
  }));
}

/** For these roles: whether they are in her reach by being remote or by place, and their prefectures. */
async function placeFacts(
  db: Kysely<DB>,
  rows: readonly { id: string }[],
  reach: DatabaseSearchFilter['reach'],
  withPrefCodes: boolean,
) {
  if (rows.length === 0)
    return new Map<string, { reach_by_place: number | null; pref_codes: string | null }>();
  const facts = await db
    .selectFrom('job_roles')
    .select((eb) => [
      'job_roles.id',
      (reach
        ? sql<number | null>`${eb.or([
            eb('job_roles.remote_mode', '=', 'full'),
            ...(reach.prefCodes.length ? [placedIn(eb, reach.prefCodes, undefined)] : []),
            ...(reach.areaCodes.length ? [placedIn(eb, undefined, reach.areaCodes)] : []),
          ])}`
        : sql<number | null>`NULL`
      ).as('reach_by_place'),
      (withPrefCodes
        ? sql<string | null>`(SELECT group_concat(DISTINCT a.pref_code) FROM role_locations l
            JOIN areas a ON a.code = l.area_code WHERE l.role_id = job_roles.id)`
        : sql<string | null>`NULL`
      ).as('pref_codes'),
    ])
    .where('job_roles.id', 'in', jsonList(rows.map((r) => r.id)))
    .execute();
  return new Map(facts.map((f) => [f.id, f]));
}
