/**
 * Queries of the ad expiry job. Each write is guarded by what the job read (the expiry date it
 * saw, that the role has not expired yet), so a run repeated after a crash, or two runs at once,
 * change nothing the first already did.
 */
import { type Kysely, sql } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { DB } from '../../db/schema.ts';

/** The SQLite spelling of `Date.toISOString()`, so stored instants compare as text. */
const isoOf = (julian: ReturnType<typeof sql>) => sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${julian})`;

/**
 * Gives every published role without an expiry date one: `days` after it was published, but no
 * sooner than `floorDays` from now (a role bulk-loaded long after its publication date gets its
 * week-ahead notice and time to renew, instead of leaving search at once).
 */
export function dateUndatedRoles(now: string, days: number, floorDays: number) {
  return sql`UPDATE job_roles SET expires_at = ${isoOf(
    sql`max(julianday(published_at, ${`+${days} days`}), julianday(${now}, ${`+${floorDays} days`}))`,
  )}
    WHERE status = 'published' AND expires_at IS NULL AND published_at IS NOT NULL`;
}

/** Published roles expiring within the notice period whose current date nobody was told of yet. */
export function rolesToForewarn(db: Kysely<DB>, now: string, noticeUntil: string, limit: number) {
  return db
    .selectFrom('job_roles')
    .select(['id', 'organisation_id', 'title', 'expires_at'])
    .where('status', '=', 'published')
    .where('expired_at', 'is', null)
    .where('expires_at', '>', now)
    .where('expires_at', '<=', noticeUntil)
    .where((eb) =>
      eb.or([eb('expiry_notice_for', 'is', null), eb('expiry_notice_for', '!=', eb.ref('expires_at'))]),
    )
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

/** The employer accounts of these organisations, by organisation. */
export async function employersOf(db: Kysely<DB>, organisationIds: readonly string[]) {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('organisation_id', 'in', jsonList(organisationIds))
    .where('role', '=', 'employer')
    .execute();
  const byOrganisation = new Map<string, string[]>();
  for (const r of rows) {
    const list = byOrganisation.get(r.organisation_id as string) ?? [];
    list.push(r.id);
    byOrganisation.set(r.organisation_id as string, list);
  }
  return byOrganisation;
}

/** One week-ahead notice to one employer account, only while the date it tells of is unannounced. */
export function insertForewarning(
  notice: { id: string; userId: string; roleId: string; expiresAt: string; title: string; body: string },
  at: string,
) {
  return sql`INSERT INTO notifications
      (id, user_id, kind, match_id, title, body, created_at, read_at, delivery, attempts, next_attempt_at, last_error)
    SELECT ${notice.id}, ${notice.userId}, 'role_expiring', NULL, ${notice.title}, ${notice.body},
           ${at}, NULL, 'pending', 0, ${at}, NULL
    WHERE EXISTS (SELECT 1 FROM job_roles WHERE id = ${notice.roleId} AND expires_at = ${notice.expiresAt}
                  AND expiry_notice_for IS NOT expires_at)`;
}

/** Records that this expiry date was announced (after the notices, in the same unit). */
export function markForewarned(db: Kysely<DB>, roleId: string, expiresAt: string) {
  return db
    .updateTable('job_roles')
    .set({ expiry_notice_for: expiresAt })
    .where('id', '=', roleId)
    .where('expires_at', '=', expiresAt);
}

/** Published roles whose date has passed and that are still findable. */
export async function rolesDueToExpire(db: Kysely<DB>, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('job_roles')
    .select('id')
    .where('status', '=', 'published')
    .where('expired_at', 'is', null)
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Marks these roles expired (a new version, so caches keyed by version let go of them) unless
 * renewed meanwhile; the caller queues them for the search index in the same unit.
 */
export function markExpired(roleIds: readonly string[], now: string) {
  return sql`UPDATE job_roles SET expired_at = ${now}, version = version + 1, updated_at = ${now}
    WHERE id IN (SELECT value FROM json_each(${JSON.stringify(roleIds)}))
      AND status = 'published' AND expired_at IS NULL AND expires_at <= ${now}`;
}

/** Queues these roles for the search index (the relay removes what is no longer findable). */
export function enqueueRoles(roleIds: readonly string[], now: string) {
  return sql`INSERT INTO search_outbox (role_id, enqueued_at, next_attempt_at)
    SELECT value, ${now}, ${now} FROM json_each(${JSON.stringify(roleIds)})`;
}
