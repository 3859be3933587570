/**
 * Queries on notifications. Announcements of a match change are inserted only if the change won
 * (the same guard as the match event), so a lost race announces nothing.
 */
import { type Kysely, sql } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { DB } from '../../db/schema.ts';

export interface Announcement {
  id: string;
  userId: string;
  kind: string;
  matchId: string;
  title: string;
  body: string;
}

/** Inserts the announcement if the match's last event is `eventId`. */
export function announceIfWon(announcement: Announcement, eventId: string, at: string) {
  return sql`INSERT INTO notifications (id, user_id, kind, match_id, title, body, created_at, next_attempt_at)
    SELECT ${announcement.id}, ${announcement.userId}, ${announcement.kind}, ${announcement.matchId},
           ${announcement.title}, ${announcement.body}, ${at}, ${at}
    WHERE EXISTS (SELECT 1 FROM matches WHERE id = ${announcement.matchId} AND last_event_id = ${eventId})`;
}

/** The employer accounts of an organisation: who hears of a new introduction. */
export async function employerUserIds(db: Kysely<DB>, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'employer')
    .execute();
  return rows.map((r) => r.id);
}

export function notificationsOf(db: Kysely<DB>, userId: string, limit: number, unreadOnly = false) {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  return query.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

export function markRead(db: Kysely<DB>, userId: string, id: string, at: string) {
  return db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
}

export function dueDeliveries(db: Kysely<DB>, now: string, limit: number) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('delivery', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function markDelivered(db: Kysely<DB>, ids: readonly string[], delivery: 'delivered' | 'recorded') {
  return db.updateTable('notifications').set({ delivery }).where('id', 'in', jsonList(ids));
}

export function postponeDelivery(db: Kysely<DB>, id: string, nextAttemptAt: string, error: string) {
  return db
    .updateTable('notifications')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      next_attempt_at: nextAttemptAt,
      last_error: error.slice(0, 500),
    }))
    .where('id', '=', id);
}

/** A notification not tied to a match change (a check-in opening, a mentoring invitation…). */
export interface Notice {
  id: string;
  userId: string;
  kind: string;
  matchId: string | null;
  title: string;
  body: string;
}

/** Inserts a notification as is (callers write it in the atomic unit of what it announces). */
export function insertNotice(db: Kysely<DB>, notice: Notice, at: string) {
  return db.insertInto('notifications').values({
    id: notice.id,
    user_id: notice.userId,
    kind: notice.kind,
    match_id: notice.matchId,
    title: notice.title,
    body: notice.body,
    created_at: at,
    read_at: null,
    delivery: 'pending',
    attempts: 0,
    next_attempt_at: at,
    last_error: null,
  });
}

/** The coordinator accounts: who hears that a member asked for contact or left a job. */
export async function coordinatorUserIds(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'coordinator')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
