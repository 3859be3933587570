/**
 * The database side of job browsing, used while the search engine is unreachable: the filters
 * SQL can apply cheaply, and text through the trigram full-text table (terms of three or more
 * characters) or LIKE (shorter terms such as 事務 or 介護), or through the trade, remote mode or
 * flexibility fact a word names.
 */
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { DB } from '../../db/schema.ts';

export interface DatabaseJobFilter {
  /** Each term must match: the role's text, or one of the trades or remote modes the word names. */
  terms: { text: string; categories: string[]; remoteModes: string[]; facts: string[] }[];
  prefCodes?: string[];
  areaCodes?: string[];
  remote?: string[];
  employmentTypes?: string[];
  excludeOrganisationIds?: string[];
  limit: number;
}

const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');

function termMatches(
  eb: ExpressionBuilder<DB, 'job_roles'>,
  term: DatabaseJobFilter['terms'][number],
): Expression<SqlBool> {
  const textMatch =
    [...term.text].length >= 3
      ? eb(
          'job_roles.id',
          'in',
          eb
            .selectFrom('role_search_text')
            .select('role_id')
            // Quoted as one FTS5 string so characters like - or * are not read as operators.
            .where(sql<SqlBool>`role_search_text MATCH ${`"${term.text.replaceAll('"', '""')}"`}`),
        )
      : eb.or([
          eb('job_roles.title', 'like', `%${escapeLike(term.text)}%`),
          eb('job_roles.description', 'like', `%${escapeLike(term.text)}%`),
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

/** Ids of findable roles (published, verified organisation) passing the filters, newest first. */
export async function findPublishedRoleIds(db: Kysely<DB>, filter: DatabaseJobFilter): Promise<string[]> {
  let query = db
    .selectFrom('job_roles')
    .innerJoin('organisations', 'organisations.id', 'job_roles.organisation_id')
    .select('job_roles.id')
    .where('job_roles.status', '=', 'published')
    .where('organisations.verification_state', '=', 'verified');
  const { prefCodes, areaCodes } = filter;
  if (prefCodes?.length || areaCodes?.length) {
    query = query.where((eb) =>
      eb.exists(
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
      ),
    );
  }
  if (filter.remote?.length) query = query.where('job_roles.remote_mode', 'in', jsonList(filter.remote));
  if (filter.employmentTypes?.length)
    query = query.where('job_roles.employment_type', 'in', jsonList(filter.employmentTypes));
  if (filter.excludeOrganisationIds?.length) {
    query = query.where('job_roles.organisation_id', 'not in', jsonList(filter.excludeOrganisationIds));
  }
  for (const term of filter.terms) query = query.where((eb) => termMatches(eb, term));
  const rows = await query
    .orderBy('job_roles.published_at', 'desc')
    .orderBy('job_roles.id')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => row.id);
}
