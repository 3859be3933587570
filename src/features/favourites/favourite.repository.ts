/**
 * Queries on favourites (kept roles) and the marks a page of job cards shows: which of its roles
 * she kept and which she already said she is interested in, both in one query.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { SAID_INTERESTED } from '../matches/match-lifecycle.ts';

/** Keeps a role; keeping it again changes nothing (not even when she first kept it). */
export function insertFavourite(db: Kysely<DB>, userId: string, roleId: string, at: string) {
  return db
    .insertInto('favourites')
    .values({ user_id: userId, role_id: roleId, created_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'role_id']).doNothing());
}

/** Puts a kept role away; only her own row can match. */
export function deleteFavourite(db: Kysely<DB>, userId: string, roleId: string) {
  return db.deleteFrom('favourites').where('user_id', '=', userId).where('role_id', '=', roleId);
}

/**
 * Her kept roles (or the one of them given), newest first, with what she needs to see even once a
 * role is gone from search.
 */
export function favouritesOf(db: Kysely<DB>, userId: string, limit: number, roleId?: string) {
  const query = db
    .selectFrom('favourites')
    .innerJoin('job_roles', 'job_roles.id', 'favourites.role_id')
    .innerJoin('organisations', 'organisations.id', 'job_roles.organisation_id')
    .select([
      'favourites.role_id',
      'favourites.created_at',
      'job_roles.title',
      'job_roles.status',
      'job_roles.closed_at',
      'job_roles.expired_at',
      'organisations.name as organisation_name',
      'organisations.verification_state',
    ])
    .where('favourites.user_id', '=', userId)
    .$if(roleId !== undefined, (q) => q.where('favourites.role_id', '=', roleId as string))
    .orderBy('favourites.created_at', 'desc')
    .orderBy('favourites.role_id')
    .limit(limit);
  return query.execute();
}

export async function countFavourites(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('favourites')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * For a page of roles, which she kept ('kept') and which she said she is interested in
 * ('interested'): one statement, whatever the number of cards.
 */
export async function marksOf(
  db: Kysely<DB>,
  userId: string,
  roleIds: readonly string[],
): Promise<{ role_id: string; mark: 'kept' | 'interested' }[]> {
  if (roleIds.length === 0) return [];
  const ids = JSON.stringify(roleIds);
  const states = JSON.stringify(SAID_INTERESTED);
  const result = await sql<{ role_id: string; mark: 'kept' | 'interested' }>`
    SELECT role_id, 'kept' AS mark FROM favourites
      WHERE user_id = ${userId} AND role_id IN (SELECT value FROM json_each(${ids}))
    UNION ALL
    SELECT role_id, 'interested' AS mark FROM matches
      WHERE member_id = ${userId} AND role_id IN (SELECT value FROM json_each(${ids}))
        AND state IN (SELECT value FROM json_each(${states}))`.execute(db);
  return result.rows;
}

/** Whether a role of this id exists at all, in any state. */
export async function roleExists(db: Kysely<DB>, roleId: string): Promise<boolean> {
  return (
    (await db.selectFrom('job_roles').select('id').where('id', '=', roleId).executeTakeFirst()) !== undefined
  );
}
