/**
 * Queries on saved searches. Every read and change of one is scoped to its owner's account, so
 * another account's id finds nothing. An alert is written with `recordCheck` in one unit, guarded
 * by the `checked_until` the run started from.
 */
import { type Kysely, sql } from 'kysely';
import type { DB, SavedSearchTable } from '../../db/schema.ts';

export function insertSavedSearch(db: Kysely<DB>, row: SavedSearchTable) {
  return db.insertInto('saved_searches').values(row);
}

export function savedSearchesOf(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('saved_searches')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export function findOwnSavedSearch(db: Kysely<DB>, userId: string, id: string) {
  return db
    .selectFrom('saved_searches')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function updateOwnSavedSearch(
  db: Kysely<DB>,
  userId: string,
  id: string,
  fields: Partial<Pick<SavedSearchTable, 'name' | 'frequency' | 'next_alert_at' | 'updated_at'>>,
) {
  return db.updateTable('saved_searches').set(fields).where('id', '=', id).where('user_id', '=', userId);
}

export function deleteOwnSavedSearch(db: Kysely<DB>, userId: string, id: string) {
  return db.deleteFrom('saved_searches').where('id', '=', id).where('user_id', '=', userId);
}

export async function countSavedSearches(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('saved_searches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Saved searches whose alert is due, of accounts that are members, oldest due first. */
export function dueSavedSearches(db: Kysely<DB>, now: string, limit: number) {
  return db
    .selectFrom('saved_searches')
    .innerJoin('users', 'users.id', 'saved_searches.user_id')
    .selectAll('saved_searches')
    .where('saved_searches.next_alert_at', '<=', now)
    .where('users.role', '=', 'member')
    .orderBy('saved_searches.next_alert_at')
    .orderBy('saved_searches.id')
    .limit(limit)
    .execute();
}

/** When the oldest change still waiting for the search index was made (null: none waiting). */
export async function oldestPendingSearchChange(db: Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom('search_outbox')
    .select((eb) => eb.fn.min('enqueued_at').as('oldest'))
    .executeTakeFirst();
  return (row?.oldest as string | null | undefined) ?? null;
}

/**
 * The alert itself: her notification, inserted only while the search is still at the
 * `checked_until` the run read (so a second run that raced it, or a re-run after a crash that
 * had already written it, inserts nothing).
 */
export function insertAlertIfUnchecked(
  alert: { id: string; userId: string; searchId: string; from: string; title: string; body: string },
  at: string,
) {
  return sql`INSERT INTO notifications
      (id, user_id, kind, match_id, title, body, created_at, read_at, delivery, attempts, next_attempt_at, last_error)
    SELECT ${alert.id}, ${alert.userId}, 'job_alert', NULL, ${alert.title}, ${alert.body}, ${at}, NULL,
           'pending', 0, ${at}, NULL
    WHERE EXISTS (SELECT 1 FROM saved_searches WHERE id = ${alert.searchId} AND checked_until = ${alert.from})`;
}

/** Moves the search on past what this run considered (after the alert, in the same unit). */
export function recordCheck(
  db: Kysely<DB>,
  search: { id: string; from: string },
  fields: Pick<SavedSearchTable, 'checked_until' | 'next_alert_at'> & { last_alert_at?: string },
) {
  return db
    .updateTable('saved_searches')
    .set(fields)
    .where('id', '=', search.id)
    .where('checked_until', '=', search.from);
}
