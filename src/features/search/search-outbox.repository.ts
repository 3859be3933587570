/**
 * Queries on the search outbox and the database's own full-text table. Enqueue statements are
 * returned as builders so they join the role change's atomic unit.
 */
import { type Kysely, sql } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { DB } from '../../db/schema.ts';

/** Enqueues one role for re-indexing. */
export function enqueueRole(db: Kysely<DB>, roleId: string, now: string) {
  return db.insertInto('search_outbox').values({ role_id: roleId, enqueued_at: now, next_attempt_at: now });
}

/** Enqueues every role of an organisation (its name or verification changed). */
export function enqueueOrganisationRoles(db: Kysely<DB>, organisationId: string, now: string) {
  return db
    .insertInto('search_outbox')
    .columns(['role_id', 'enqueued_at', 'next_attempt_at'])
    .expression((eb) =>
      eb
        .selectFrom('job_roles')
        .select(['id', eb.val(now).as('enqueued_at'), eb.val(now).as('next_attempt_at')])
        .where('organisation_id', '=', organisationId),
    );
}

/** Entries due now, oldest first. */
export function dueEntries(db: Kysely<DB>, now: string, limit: number) {
  return db
    .selectFrom('search_outbox')
    .selectAll()
    .where('next_attempt_at', '<=', now)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Removes the entries a confirmed index write covered, and no newer ones. */
export function deleteEntries(db: Kysely<DB>, ids: readonly number[]) {
  return db.deleteFrom('search_outbox').where('id', 'in', jsonList(ids));
}

export function postponeEntries(
  db: Kysely<DB>,
  ids: readonly number[],
  nextAttemptAt: string,
  error: string,
) {
  return db
    .updateTable('search_outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      next_attempt_at: nextAttemptAt,
      last_error: error.slice(0, 500),
    }))
    .where('id', 'in', jsonList(ids));
}

/** Makes every postponed entry due (the engine is back: no reason to wait out the back-off). */
export function makeAllDue(db: Kysely<DB>, now: string) {
  return db.updateTable('search_outbox').set({ next_attempt_at: now }).where('next_attempt_at', '>', now);
}

/** How far the index is behind: pending entries and the age of the oldest. */
export async function outboxLag(db: Kysely<DB>) {
  const row = await db
    .selectFrom('search_outbox')
    .select((eb) => [eb.fn.countAll<number>().as('pending'), eb.fn.min('enqueued_at').as('oldest')])
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), oldest: (row.oldest as string | null) ?? null };
}

export type SearchTextScope = { roleId: string } | { organisationId: string } | 'all';

/**
 * Rewrites the full-text rows of one role, of an organisation's roles, or of all roles, from the
 * roles' own columns, their organisation and their places: one SQL statement, so the text cannot
 * drift from the tables it is built from.
 */
export function refreshRoleSearchText(scope: SearchTextScope) {
  const roleFilter =
    scope === 'all'
      ? sql``
      : 'roleId' in scope
        ? sql`WHERE r.id = ${scope.roleId}`
        : sql`WHERE r.organisation_id = ${scope.organisationId}`;
  const textFilter =
    scope === 'all'
      ? sql``
      : 'roleId' in scope
        ? sql`WHERE role_id = ${scope.roleId}`
        : sql`WHERE role_id IN (SELECT id FROM job_roles WHERE organisation_id = ${scope.organisationId})`;
  return [
    sql`DELETE FROM role_search_text ${textFilter}`,
    sql`INSERT INTO role_search_text (role_id, body)
        SELECT r.id,
               r.title || ' ' || r.description || ' ' || o.name || ' ' ||
               COALESCE((SELECT group_concat(a.name, ' ') FROM role_locations l JOIN areas a ON a.code = l.area_code
                         WHERE l.role_id = r.id), '')
        FROM job_roles r JOIN organisations o ON o.id = r.organisation_id ${roleFilter}`,
  ];
}
