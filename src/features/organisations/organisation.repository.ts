/**
 * Queries on employer organisations.
 */
import { type Kysely, sql } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { DB, OrganisationTable } from '../../db/schema.ts';

/** Organisation with its head office's names, the shape every read uses. */
function organisationWithArea(db: Kysely<DB>) {
  return db
    .selectFrom('organisations')
    .innerJoin('areas', 'areas.code', 'organisations.head_office_area_code')
    .selectAll('organisations')
    .select(['areas.name as head_office_name', 'areas.prefecture as head_office_prefecture']);
}

export function findOrganisation(db: Kysely<DB>, id: string) {
  return organisationWithArea(db).where('organisations.id', '=', id).executeTakeFirst();
}

/** Names only, for lists a member keeps (her blocked employers): names are public on every role. */
export function findOrganisationNames(db: Kysely<DB>, ids: readonly string[]) {
  return db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', jsonList(ids)).execute();
}

/**
 * Verified organisations whose name contains the words, for a member choosing whom to block
 * (names are public on every role they post). LIKE wildcards she types are taken literally.
 */
export function searchOrganisationNames(db: Kysely<DB>, words: string, limit: number) {
  const literal = words.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where(sql<boolean>`name LIKE ${`%${literal}%`} ESCAPE '\\'`)
    .where('verification_state', '=', 'verified')
    .orderBy('name')
    .limit(limit)
    .execute();
}

export type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

export function insertOrganisation(db: Kysely<DB>, row: OrganisationTable) {
  return db.insertInto('organisations').values(row);
}

export function updateOrganisation(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Omit<OrganisationTable, 'id' | 'created_at'>>,
) {
  return db.updateTable('organisations').set(changes).where('id', '=', id);
}

export function listOrganisations(
  db: Kysely<DB>,
  filter: { state?: OrganisationTable['verification_state']; limit: number; offset: number },
) {
  let query = organisationWithArea(db);
  if (filter.state) query = query.where('organisations.verification_state', '=', filter.state);
  return query
    .orderBy('organisations.created_at')
    .orderBy('organisations.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function countOrganisations(db: Kysely<DB>, state?: OrganisationTable['verification_state']) {
  let query = db.selectFrom('organisations');
  if (state) query = query.where('verification_state', '=', state);
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
