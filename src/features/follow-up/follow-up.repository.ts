/**
 * Queries on check-ins, the follow-up queue and separations. A follow-up is unique per (source,
 * reason), so the scheduled job and a simultaneous answer can both try to open one and only one
 * row results.
 */
import { type Kysely, sql } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { CheckInTable, DB, FollowUpTable, SeparationTable } from '../../db/schema.ts';

/** Check-ins with the role and employer they follow. */
function checkInsWithRole(db: Kysely<DB>) {
  return db
    .selectFrom('check_ins')
    .innerJoin('matches', 'matches.id', 'check_ins.match_id')
    .innerJoin('job_roles', 'job_roles.id', 'matches.role_id')
    .innerJoin('organisations', 'organisations.id', 'matches.organisation_id')
    .selectAll('check_ins')
    .select(['job_roles.title as role_title', 'organisations.name as organisation_name']);
}

export type CheckInRow = CheckInTable & { role_title: string; organisation_name: string };

export function checkInsOfMember(db: Kysely<DB>, memberId: string): Promise<CheckInRow[]> {
  return checkInsWithRole(db)
    .where('check_ins.member_id', '=', memberId)
    .orderBy('check_ins.due_at')
    .orderBy('check_ins.id')
    .execute();
}

export function findCheckIn(db: Kysely<DB>, id: string): Promise<CheckInRow | undefined> {
  return checkInsWithRole(db).where('check_ins.id', '=', id).executeTakeFirst();
}

export function checkInsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<CheckInRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return checkInsWithRole(db).where('check_ins.id', 'in', jsonList(ids)).execute();
}

/** Records her answer unless one is already there (a double tap answers once). */
export function answerCheckIn(
  db: Kysely<DB>,
  id: string,
  answer: Pick<CheckInTable, 'wellbeing' | 'comment' | 'wants_contact' | 'answered_at'>,
) {
  return db.updateTable('check_ins').set(answer).where('id', '=', id).where('answered_at', 'is', null);
}

/** Matches that ended in a separation have no further check-ins. */
const notSeparated = sql<boolean>`NOT EXISTS (SELECT 1 FROM separations WHERE separations.match_id = check_ins.match_id)`;

/** Due, unanswered and not yet announced to her. */
export function checkInsToAnnounce(db: Kysely<DB>, now: string, limit: number): Promise<CheckInRow[]> {
  return checkInsWithRole(db)
    .where('check_ins.announced_at', 'is', null)
    .where('check_ins.answered_at', 'is', null)
    .where('check_ins.due_at', '<=', now)
    .where(notSeparated)
    .orderBy('check_ins.due_at')
    .limit(limit)
    .execute();
}

export function markAnnounced(db: Kysely<DB>, id: string, at: string) {
  return db.updateTable('check_ins').set({ announced_at: at }).where('id', '=', id);
}

/** Unanswered past their window, with no follow-up for it yet. */
export function unansweredCheckIns(db: Kysely<DB>, dueBefore: string, limit: number) {
  return db
    .selectFrom('check_ins')
    .selectAll()
    .where('answered_at', 'is', null)
    .where('due_at', '<=', dueBefore)
    .where(notSeparated)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('follow_ups')
            .select('follow_ups.id')
            .where('follow_ups.source_type', '=', 'check_in')
            .whereRef('follow_ups.source_id', '=', 'check_ins.id')
            .where('follow_ups.reason', '=', 'no_answer'),
        ),
      ),
    )
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

/** Opens a follow-up unless the same source already raised it for the same reason. */
export function openFollowUp(
  db: Kysely<DB>,
  row: Omit<FollowUpTable, 'closed_at' | 'closed_by' | 'contact_note'>,
) {
  return db
    .insertInto('follow_ups')
    .values({ ...row, closed_at: null, closed_by: null, contact_note: null })
    .onConflict((oc) => oc.columns(['source_type', 'source_id', 'reason']).doNothing());
}

export type FollowUpRow = FollowUpTable & {
  family_name: string;
  given_name: string;
  support_stage: number | null;
};

export function followUps(
  db: Kysely<DB>,
  filter: { open: boolean; memberId?: string; limit: number; offset: number },
): Promise<FollowUpRow[]> {
  let query = db
    .selectFrom('follow_ups')
    .innerJoin('members', 'members.user_id', 'follow_ups.member_id')
    .selectAll('follow_ups')
    .select(['members.family_name', 'members.given_name', 'members.support_stage'])
    .where('follow_ups.closed_at', filter.open ? 'is' : 'is not', null);
  if (filter.memberId) query = query.where('follow_ups.member_id', '=', filter.memberId);
  return query
    .orderBy('follow_ups.opened_at', filter.open ? 'asc' : 'desc')
    .orderBy('follow_ups.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export function findFollowUp(db: Kysely<DB>, id: string) {
  return db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Closes an open follow-up with the contact note; a second close changes nothing. */
export function closeFollowUp(db: Kysely<DB>, id: string, by: string, note: string, at: string) {
  return db
    .updateTable('follow_ups')
    .set({ closed_at: at, closed_by: by, contact_note: note })
    .where('id', '=', id)
    .where('closed_at', 'is', null);
}

export function insertSeparation(db: Kysely<DB>, row: SeparationTable) {
  return db.insertInto('separations').values(row);
}

export function findSeparation(db: Kysely<DB>, matchId: string) {
  return db.selectFrom('separations').selectAll().where('match_id', '=', matchId).executeTakeFirst();
}

export function separationsOfMember(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('separations')
    .innerJoin('matches', 'matches.id', 'separations.match_id')
    .innerJoin('job_roles', 'job_roles.id', 'matches.role_id')
    .selectAll('separations')
    .select('job_roles.title as role_title')
    .where('separations.member_id', '=', memberId)
    .orderBy('separations.separated_on')
    .execute();
}
