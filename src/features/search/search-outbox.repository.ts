/**
 * Queries on the search outbox and the database's own full-text table. Enqueue statements are
 * returned as builders so they join the role change's atomic unit.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { DB } from '../../db/schema.ts';
import { conditionBitsSql } from './job-conditions.ts';

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

/** Roles in scope, as a condition on a column holding role ids. */
function rolesIn(scope: SearchTextScope, column: RawBuilder<unknown>) {
  if (scope === 'all') return sql`1`;
  if ('roleId' in scope) return sql`${column} = ${scope.roleId}`;
  return sql`${column} IN (SELECT id FROM job_roles WHERE organisation_id = ${scope.organisationId})`;
}

/**
 * The figures degraded search filters and sorts on, with the meaning of the search document's
 * (`toJobDocument`): pay per hour over the role's own week (as `monthlyPay` converts it, 52/12
 * weeks a month), hours and working days a week, the first and last minute, the working days as
 * bits (Monday = 1), and the point of the first located place in area-code order (its town's point
 * when it has one, else its area's: the same point the search index holds).
 */
function figuresOf(scope: SearchTextScope) {
  return sql`SELECT f.id AS role_id,
       CAST(ROUND(
         CASE f.pay_unit
           WHEN 'hour' THEN f.pay_min * f.hours * 52.0 / 12
           WHEN 'day' THEN f.pay_min * f.days * 52.0 / 12
           WHEN 'month' THEN f.pay_min
           ELSE f.pay_min / 12.0
         END / MAX(1, f.hours * 52.0 / 12)) AS INTEGER) AS hourly_pay,
       f.hours AS hours_per_week, f.earliest_start, f.latest_end, f.weekday_mask, f.lat, f.lng
    FROM (
      SELECT r.id, r.pay_min, r.pay_unit,
             CASE r.schedule_kind WHEN 'fixed' THEN COALESCE(w.minutes, 0) / 60.0 ELSE COALESCE(r.min_hours_per_week, 0) END AS hours,
             CASE r.schedule_kind WHEN 'fixed' THEN COALESCE(w.days, 0) ELSE COALESCE(r.min_days_per_week, 0) END AS days,
             COALESCE(w.earliest_start, 0) AS earliest_start,
             COALESCE(w.latest_end, 0) AS latest_end,
             COALESCE(w.weekday_mask, 0) AS weekday_mask,
             (SELECT COALESCE(l.lat, a.lat) FROM role_locations l JOIN areas a ON a.code = l.area_code
               WHERE l.role_id = r.id AND a.lat IS NOT NULL AND a.lng IS NOT NULL ORDER BY l.area_code LIMIT 1) AS lat,
             (SELECT COALESCE(l.lng, a.lng) FROM role_locations l JOIN areas a ON a.code = l.area_code
               WHERE l.role_id = r.id AND a.lat IS NOT NULL AND a.lng IS NOT NULL ORDER BY l.area_code LIMIT 1) AS lng
      FROM job_roles r
      LEFT JOIN (
        SELECT role_id, SUM(end_minute - start_minute) AS minutes, COUNT(DISTINCT day) AS days,
               MIN(start_minute) AS earliest_start, MAX(end_minute) AS latest_end,
               SUM(DISTINCT 1 << (day - 1)) AS weekday_mask
        FROM role_windows WHERE ${rolesIn(scope, sql.ref('role_id'))} GROUP BY role_id
      ) w ON w.role_id = r.id
      WHERE ${rolesIn(scope, sql.ref('r.id'))}
    ) f`;
}

/**
 * Rewrites the search rows (figures, conditions and full-text) of one role, of an organisation's roles, or of
 * all roles, from the roles' own columns, their organisation and their places: a few SQL
 * statements, so they cannot drift from the tables they are built from. A role keeps its key, and
 * its old text is found by that key (an index), not by scanning the full-text table.
 */
export function refreshRoleSearchText(scope: SearchTextScope) {
  const keyed = rolesIn(scope, sql.ref('role_id'));
  return [
    sql`DELETE FROM role_search_text WHERE rowid IN (SELECT key FROM role_search_rows WHERE ${keyed})`,
    // A deleted draft leaves no row behind.
    sql`DELETE FROM role_search_rows WHERE ${keyed} AND role_id NOT IN (SELECT id FROM job_roles)`,
    sql`INSERT INTO role_search_rows (role_id, hourly_pay, hours_per_week, earliest_start, latest_end, weekday_mask, lat, lng)
        SELECT * FROM (${figuresOf(scope)}) WHERE true
        ON CONFLICT (role_id) DO UPDATE SET hourly_pay = excluded.hourly_pay,
          hours_per_week = excluded.hours_per_week, earliest_start = excluded.earliest_start,
          latest_end = excluded.latest_end, weekday_mask = excluded.weekday_mask,
          lat = excluded.lat, lng = excluded.lng`,
    // The mothers' filters the role meets (job-conditions.ts), from its columns, facts and windows.
    sql`UPDATE role_search_rows SET conditions = (
          SELECT ${conditionBitsSql()} FROM job_roles r WHERE r.id = role_search_rows.role_id)
        WHERE ${keyed}`,
    sql`INSERT INTO role_search_text (rowid, role_id, body)
        SELECT k.key, r.id, ${searchBody}
        FROM job_roles r JOIN organisations o ON o.id = r.organisation_id
        JOIN role_search_rows k ON k.role_id = r.id
        WHERE ${rolesIn(scope, sql.ref('r.id'))}`,
  ];
}

/**
 * The full-text body of role `r` (organisation `o`): its words, its organisation's and places'
 * names, and the readings stored for it (kana and romaji, see role-readings.ts), if any yet.
 */
const searchBody = sql`r.title || ' ' || r.description || ' ' || o.name || ' ' ||
  COALESCE((SELECT group_concat(a.name, ' ') FROM role_locations l JOIN areas a ON a.code = l.area_code
            WHERE l.role_id = r.id), '') || ' ' ||
  COALESCE((SELECT rr.kana || ' ' || rr.romaji FROM role_readings rr WHERE rr.role_id = r.id), '')`;

/**
 * Rewrites the full-text bodies of some roles in place (their readings changed), one statement
 * for any number of roles: each is found by its key.
 */
export function rewriteSearchBodies(roleIds: readonly string[]) {
  return sql`UPDATE role_search_text SET body = (
      SELECT ${searchBody} FROM job_roles r JOIN organisations o ON o.id = r.organisation_id
      WHERE r.id = role_search_text.role_id)
    WHERE rowid IN (SELECT key FROM role_search_rows WHERE role_id IN ${jsonList(roleIds)})`;
}

/**
 * Turns the full-text table's merging as it goes (FTS5's `automerge`, 4 by default) off for a
 * bulk rewrite, or back on. Off, a rewrite of every body writes each role's words once instead
 * of again at every merge level (merging was ≈ 70% of a first index's database time at 40k
 * roles); the table still merges a level whenever 16 segments pile up there (FTS5's crisis
 * merge, which stays on), so it keeps answering as fast even if the setting were left off.
 */
export function fullTextMerging(on: boolean) {
  return sql`INSERT INTO role_search_text (role_search_text, rank) VALUES ('automerge', ${sql.lit(on ? 4 : 0)})`;
}

/**
 * How many changes to what search may answer there have been: a role change enqueued, or one the
 * engine confirmed (migration 0027's triggers step it in the same statement, whichever code path
 * wrote). An answer computed at an older value may be out of date. One primary-key lookup.
 */
export async function searchChangeCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('change_counters')
    .select('value')
    .where('name', '=', 'search')
    .executeTakeFirst();
  return row?.value ?? 0;
}
