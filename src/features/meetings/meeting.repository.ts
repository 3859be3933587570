/**
 * Queries on exchange meetings and replies. Whom a meeting is for is one rule, `isForMember`: it
 * is online, or held in the prefecture where she lives or plans to move, and she is at one of its
 * stages. Seats are decided inside single statements — a yes takes a seat only while fewer than
 * the capacity have one, and a cancellation moves the first in line up only into a free seat —
 * so simultaneous replies can never overfill a meeting, on SQLite or D1.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { DB, MeetingTable } from '../../db/schema.ts';

/** Whether meeting `g` is for member `m`. */
export function isForMember(): RawBuilder<boolean> {
  return sql<boolean>`(
    (g.online = 1 OR EXISTS (
      SELECT 1 FROM areas ga JOIN areas ma ON ma.pref_code = ga.pref_code
      WHERE ga.code = g.area_code
        AND (ma.code = m.area_code
             OR ma.code IN (SELECT mt.area_code FROM member_target_areas mt WHERE mt.member_id = m.user_id))
    ))
    AND (g.stages IS NULL OR m.support_stage IN (SELECT value FROM json_each(g.stages)))
  )`;
}

const counts = [
  sql<number>`(SELECT count(*) FROM meeting_replies r WHERE r.meeting_id = g.id AND r.state = 'going')`.as(
    'going',
  ),
  sql<number>`(SELECT count(*) FROM meeting_replies r WHERE r.meeting_id = g.id AND r.state = 'waiting')`.as(
    'waiting',
  ),
];

function withArea(db: Kysely<DB>) {
  return db
    .selectFrom('meetings as g')
    .leftJoin('areas as a', 'a.code', 'g.area_code')
    .selectAll('g')
    .select(['a.name as area_name', 'a.prefecture as area_prefecture'])
    .select(counts);
}

export type MeetingRow = Awaited<ReturnType<typeof findMeeting>> & {};

export function insertMeeting(db: Kysely<DB>, row: MeetingTable) {
  return db.insertInto('meetings').values(row);
}

export function findMeeting(db: Kysely<DB>, id: string) {
  return withArea(db).where('g.id', '=', id).executeTakeFirst();
}

/** Meetings from a day on (or all), soonest first, for staff. */
export function meetingsFrom(db: Kysely<DB>, fromDay: string, limit: number) {
  return withArea(db)
    .where('g.held_on', '>=', fromDay)
    .orderBy('g.held_on')
    .orderBy('g.start_time')
    .orderBy('g.id')
    .limit(limit)
    .execute();
}

/** Upcoming meetings for her (or that she already replied to), soonest first, with her reply. */
export function meetingsForMember(db: Kysely<DB>, memberId: string, today: string) {
  return withArea(db)
    .innerJoin('members as m', (join) => join.on('m.user_id', '=', memberId))
    .leftJoin('meeting_replies as mine', (join) =>
      join.onRef('mine.meeting_id', '=', 'g.id').on('mine.member_id', '=', memberId),
    )
    .select(['mine.state as my_state', 'mine.replied_at as my_replied_at'])
    .where('g.held_on', '>=', today)
    .where((eb) => eb.or([eb('mine.member_id', 'is not', null), isForMember()]))
    .orderBy('g.held_on')
    .orderBy('g.start_time')
    .orderBy('g.id')
    .limit(50)
    .execute();
}

/** Whether the meeting is for her (the rule above, for one pair). */
export async function meetingIsFor(db: Kysely<DB>, meetingId: string, memberId: string) {
  const row = await db
    .selectFrom('meetings as g')
    .innerJoin('members as m', (join) => join.on('m.user_id', '=', memberId))
    .select('g.id')
    .where('g.id', '=', meetingId)
    .where(isForMember())
    .executeTakeFirst();
  return row !== undefined;
}

export function findReply(db: Kysely<DB>, meetingId: string, memberId: string) {
  return db
    .selectFrom('meeting_replies')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/**
 * Her yes: a seat while fewer than the capacity have one, else the end of the line. A yes she
 * already gave (going or waiting) stays as it is, keeping her place.
 */
export function replyYes(meetingId: string, memberId: string, at: string) {
  return sql`INSERT INTO meeting_replies (meeting_id, member_id, state, replied_at, promoted_by, attended)
    SELECT ${meetingId}, ${memberId},
      CASE WHEN (SELECT count(*) FROM meeting_replies WHERE meeting_id = ${meetingId} AND state = 'going')
                < (SELECT capacity FROM meetings WHERE id = ${meetingId})
           THEN 'going' ELSE 'waiting' END,
      ${at}, NULL, NULL
    WHERE true
    ON CONFLICT (meeting_id, member_id) DO UPDATE SET state = excluded.state, replied_at = excluded.replied_at,
      promoted_by = NULL
    WHERE meeting_replies.state = 'not_going'`;
}

/** Her no (or her cancellation): she gives up her seat or her place in line. */
export function replyNo(db: Kysely<DB>, meetingId: string, memberId: string, at: string) {
  return db
    .insertInto('meeting_replies')
    .values({
      meeting_id: meetingId,
      member_id: memberId,
      state: 'not_going',
      replied_at: at,
      promoted_by: null,
      attended: null,
    })
    .onConflict((oc) =>
      oc
        .columns(['meeting_id', 'member_id'])
        .doUpdateSet({ state: 'not_going', replied_at: at, promoted_by: null }),
    );
}

/**
 * Moves the first in line up into the seats that are free, marking whom with `token` so the
 * same atomic write can tell exactly them.
 */
export function promoteWaiting(meetingId: string, token: string) {
  return sql`UPDATE meeting_replies SET state = 'going', promoted_by = ${token}
    WHERE meeting_id = ${meetingId} AND state = 'waiting' AND member_id IN (
      SELECT member_id FROM meeting_replies WHERE meeting_id = ${meetingId} AND state = 'waiting'
      ORDER BY replied_at, member_id
      LIMIT max(0, (SELECT capacity FROM meetings WHERE id = ${meetingId})
        - (SELECT count(*) FROM meeting_replies WHERE meeting_id = ${meetingId} AND state = 'going')))`;
}

/** A random version-4 UUID made by SQLite (or D1), the shape `newId()` gives. */
const RANDOM_UUID = sql`lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
  || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

/** A notification to each member whose reply matches: the ones a promotion moved up, or those coming. */
export function notifyRepliers(
  where: { meetingId: string; promotedBy?: string; state?: 'going' },
  notice: { kind: string; title: string; body: string; at: string },
) {
  const filter = where.promotedBy ? sql`promoted_by = ${where.promotedBy}` : sql`state = 'going'`;
  return sql`INSERT INTO notifications
      (id, user_id, kind, match_id, title, body, created_at, read_at, delivery, attempts, next_attempt_at, last_error)
    SELECT ${RANDOM_UUID}, member_id, ${notice.kind}, NULL, ${notice.title}, ${notice.body}, ${notice.at}, NULL,
           'pending', 0, ${notice.at}, NULL
    FROM meeting_replies WHERE meeting_id = ${where.meetingId} AND ${filter}`;
}

/** First names of those coming, but her. */
export async function firstNamesGoing(db: Kysely<DB>, meetingId: string, exceptMemberId: string) {
  const rows = await db
    .selectFrom('meeting_replies')
    .innerJoin('members', 'members.user_id', 'meeting_replies.member_id')
    .select('members.given_name')
    .where('meeting_replies.meeting_id', '=', meetingId)
    .where('meeting_replies.state', '=', 'going')
    .where('meeting_replies.member_id', '!=', exceptMemberId)
    .orderBy('meeting_replies.replied_at')
    .orderBy('meeting_replies.member_id')
    .execute();
  return rows.map((r) => r.given_name);
}

/** Her place in line (1 = next), counting those who said yes before her. */
export async function waitingPosition(
  db: Kysely<DB>,
  meetingId: string,
  repliedAt: string,
  memberId: string,
) {
  const row = await db
    .selectFrom('meeting_replies')
    .select((eb) => eb.fn.countAll<number>().as('ahead'))
    .where('meeting_id', '=', meetingId)
    .where('state', '=', 'waiting')
    .where((eb) =>
      eb.or([
        eb('replied_at', '<', repliedAt),
        eb.and([eb('replied_at', '=', repliedAt), eb('member_id', '<', memberId)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.ahead) + 1;
}

/** Everyone who replied, with full names, for the coordinator. */
export function repliesWithNames(db: Kysely<DB>, meetingId: string) {
  return db
    .selectFrom('meeting_replies')
    .innerJoin('members', 'members.user_id', 'meeting_replies.member_id')
    .selectAll('meeting_replies')
    .select(['members.family_name', 'members.given_name'])
    .where('meeting_replies.meeting_id', '=', meetingId)
    .orderBy('meeting_replies.state')
    .orderBy('meeting_replies.replied_at')
    .orderBy('meeting_replies.member_id')
    .execute();
}

export function recordAttendance(db: Kysely<DB>, meetingId: string, memberId: string, attended: boolean) {
  return db
    .updateTable('meeting_replies')
    .set({ attended: attended ? 1 : 0 })
    .where('meeting_id', '=', meetingId)
    .where('member_id', '=', memberId);
}

/** Meetings on a day whose reminder has not gone out. */
export function meetingsToRemind(db: Kysely<DB>, day: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'title', 'held_on', 'start_time'])
    .where('held_on', '=', day)
    .where('reminded_at', 'is', null)
    .execute();
}

export function markReminded(db: Kysely<DB>, ids: readonly string[], at: string) {
  return db.updateTable('meetings').set({ reminded_at: at }).where('id', 'in', jsonList(ids));
}
