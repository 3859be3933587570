/**
 * Queries on mentoring cohorts, mentors, pairs and sessions. The coordinator's reads of session
 * records go through `sessionsForStaff`, whose SQL returns topics and next step only where the
 * mentee allowed it: nothing she kept between herself and her mentor can come out of it.
 */
import { type Kysely, sql } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { DB, MentoringCohortTable, MentoringPairTable, MentoringSessionTable } from '../../db/schema.ts';

export function insertCohort(db: Kysely<DB>, row: MentoringCohortTable) {
  return db.insertInto('mentoring_cohorts').values(row);
}

export function findCohort(db: Kysely<DB>, id: string) {
  return db.selectFrom('mentoring_cohorts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function cohortsWithCounts(db: Kysely<DB>) {
  return db
    .selectFrom('mentoring_cohorts')
    .selectAll()
    .select((eb) => [
      eb
        .selectFrom('mentoring_mentors')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('mentoring_mentors.cohort_id', '=', 'mentoring_cohorts.id')
        .where('mentoring_mentors.consented_at', 'is not', null)
        .as('mentors'),
      eb
        .selectFrom('mentoring_pairs')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('mentoring_pairs.cohort_id', '=', 'mentoring_cohorts.id')
        .as('pairs'),
    ])
    .orderBy('starts_on', 'desc')
    .orderBy('id')
    .execute();
}

export function inviteMentor(db: Kysely<DB>, cohortId: string, memberId: string, at: string) {
  return db
    .insertInto('mentoring_mentors')
    .values({
      cohort_id: cohortId,
      member_id: memberId,
      invited_at: at,
      consented_at: null,
      declined_at: null,
    })
    .onConflict((oc) => oc.columns(['cohort_id', 'member_id']).doNothing());
}

export function findMentor(db: Kysely<DB>, cohortId: string, memberId: string) {
  return db
    .selectFrom('mentoring_mentors')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

export function answerInvitation(
  db: Kysely<DB>,
  cohortId: string,
  memberId: string,
  consent: boolean,
  at: string,
) {
  return db
    .updateTable('mentoring_mentors')
    .set(consent ? { consented_at: at, declined_at: null } : { declined_at: at, consented_at: null })
    .where('cohort_id', '=', cohortId)
    .where('member_id', '=', memberId);
}

export function mentorsOfCohort(db: Kysely<DB>, cohortId: string) {
  return db
    .selectFrom('mentoring_mentors')
    .innerJoin('members', 'members.user_id', 'mentoring_mentors.member_id')
    .selectAll('mentoring_mentors')
    .select(['members.family_name', 'members.given_name', 'members.support_stage'])
    .where('mentoring_mentors.cohort_id', '=', cohortId)
    .orderBy('mentoring_mentors.invited_at')
    .orderBy('mentoring_mentors.member_id')
    .execute();
}

export function invitationsOf(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('mentoring_mentors')
    .innerJoin('mentoring_cohorts', 'mentoring_cohorts.id', 'mentoring_mentors.cohort_id')
    .selectAll('mentoring_mentors')
    .select(['mentoring_cohorts.name', 'mentoring_cohorts.starts_on'])
    .where('mentoring_mentors.member_id', '=', memberId)
    .orderBy('mentoring_cohorts.starts_on', 'desc')
    .execute();
}

export function insertPair(db: Kysely<DB>, row: MentoringPairTable) {
  return db.insertInto('mentoring_pairs').values(row);
}

export function insertSessions(db: Kysely<DB>, rows: MentoringSessionTable[]) {
  return rows.map((row) => db.insertInto('mentoring_sessions').values(row));
}

/** Pairs with both names and the cohort's name. */
function pairsWithNames(db: Kysely<DB>) {
  return db
    .selectFrom('mentoring_pairs')
    .innerJoin('mentoring_cohorts', 'mentoring_cohorts.id', 'mentoring_pairs.cohort_id')
    .innerJoin('members as mentor', 'mentor.user_id', 'mentoring_pairs.mentor_id')
    .innerJoin('members as mentee', 'mentee.user_id', 'mentoring_pairs.mentee_id')
    .selectAll('mentoring_pairs')
    .select([
      'mentoring_cohorts.name as cohort_name',
      'mentor.family_name as mentor_family_name',
      'mentor.given_name as mentor_given_name',
      'mentee.family_name as mentee_family_name',
      'mentee.given_name as mentee_given_name',
    ]);
}

export type PairRow = Awaited<ReturnType<typeof findPair>> & {};

export function findPair(db: Kysely<DB>, id: string) {
  return pairsWithNames(db).where('mentoring_pairs.id', '=', id).executeTakeFirst();
}

export function pairsOfCohort(db: Kysely<DB>, cohortId: string) {
  return pairsWithNames(db)
    .where('mentoring_pairs.cohort_id', '=', cohortId)
    .orderBy('mentoring_pairs.created_at')
    .orderBy('mentoring_pairs.id')
    .execute();
}

export function pairsOfMember(db: Kysely<DB>, memberId: string) {
  return pairsWithNames(db)
    .where((eb) =>
      eb.or([eb('mentoring_pairs.mentor_id', '=', memberId), eb('mentoring_pairs.mentee_id', '=', memberId)]),
    )
    .orderBy('mentoring_pairs.created_at')
    .execute();
}

export function findPairFor(db: Kysely<DB>, cohortId: string, menteeId: string) {
  return db
    .selectFrom('mentoring_pairs')
    .select('id')
    .where('cohort_id', '=', cohortId)
    .where('mentee_id', '=', menteeId)
    .executeTakeFirst();
}

export function setShares(db: Kysely<DB>, pairId: string, shares: readonly string[]) {
  return db
    .updateTable('mentoring_pairs')
    .set({ mentee_shares: JSON.stringify(shares) })
    .where('id', '=', pairId);
}

/** Full session rows, for the pair themselves. */
export function sessionsOfPairs(db: Kysely<DB>, pairIds: readonly string[]) {
  if (pairIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('mentoring_sessions')
    .selectAll()
    .where('pair_id', 'in', jsonList(pairIds))
    .orderBy('pair_id')
    .orderBy('number')
    .execute();
}

/** Sessions as a coordinator may see them: topics and next step only where the mentee allowed it. */
export function sessionsForStaff(db: Kysely<DB>, pairIds: readonly string[]) {
  if (pairIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('mentoring_sessions')
    .select([
      'id',
      'pair_id',
      'number',
      'planned_on',
      'held',
      'recorded_at',
      'mentee_answered_at',
      sql<string | null>`CASE WHEN coordinator_may_read = 1 THEN topics END`.as('topics'),
      sql<string | null>`CASE WHEN coordinator_may_read = 1 THEN next_step END`.as('next_step'),
      'coordinator_may_read',
    ])
    .where('pair_id', 'in', jsonList(pairIds))
    .orderBy('pair_id')
    .orderBy('number')
    .execute();
}

export function findSession(db: Kysely<DB>, id: string) {
  return db.selectFrom('mentoring_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function recordSession(
  db: Kysely<DB>,
  id: string,
  record: Pick<MentoringSessionTable, 'held' | 'topics' | 'next_step' | 'recorded_by' | 'recorded_at'>,
) {
  return db.updateTable('mentoring_sessions').set(record).where('id', '=', id);
}

export function answerSession(db: Kysely<DB>, id: string, coordinatorMayRead: boolean, at: string) {
  return db
    .updateTable('mentoring_sessions')
    .set({ coordinator_may_read: coordinatorMayRead ? 1 : 0, mentee_answered_at: at })
    .where('id', '=', id);
}

/** Sessions not recorded by `plannedBefore` (their grace days passed), with their pair and cohort. */
export function unrecordedSessions(db: Kysely<DB>, plannedBefore: string, limit: number) {
  return db
    .selectFrom('mentoring_sessions')
    .innerJoin('mentoring_pairs', 'mentoring_pairs.id', 'mentoring_sessions.pair_id')
    .innerJoin('mentoring_cohorts', 'mentoring_cohorts.id', 'mentoring_pairs.cohort_id')
    .select([
      'mentoring_sessions.id',
      'mentoring_sessions.number',
      'mentoring_sessions.planned_on',
      'mentoring_pairs.mentee_id',
      'mentoring_cohorts.name as cohort_name',
    ])
    .where('mentoring_sessions.held', 'is', null)
    .where('mentoring_sessions.planned_on', '<=', plannedBefore)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM follow_ups WHERE follow_ups.source_type = 'session'
        AND follow_ups.source_id = mentoring_sessions.id AND follow_ups.reason = 'missed_session')`,
    )
    .orderBy('mentoring_sessions.planned_on')
    .limit(limit)
    .execute();
}

/**
 * Pairs whose last two recorded sessions both wait for the mentee's answer, the later recorded
 * before `recordedBefore`, and not yet reported as silent.
 */
export async function silentMenteePairs(db: Kysely<DB>, recordedBefore: string, limit: number) {
  const rows = await db
    .selectFrom('mentoring_sessions')
    .innerJoin('mentoring_pairs', 'mentoring_pairs.id', 'mentoring_sessions.pair_id')
    .innerJoin('mentoring_cohorts', 'mentoring_cohorts.id', 'mentoring_pairs.cohort_id')
    .select([
      'mentoring_pairs.id as pair_id',
      'mentoring_pairs.mentee_id',
      'mentoring_cohorts.name as cohort_name',
      'mentoring_sessions.number',
      'mentoring_sessions.recorded_at',
      'mentoring_sessions.mentee_answered_at',
    ])
    .where('mentoring_sessions.recorded_at', 'is not', null)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM follow_ups WHERE follow_ups.source_type = 'pair'
        AND follow_ups.source_id = mentoring_pairs.id AND follow_ups.reason = 'silent_mentee')`,
    )
    .orderBy('mentoring_pairs.id')
    .orderBy('mentoring_sessions.number', 'desc')
    .execute();
  const byPair = new Map<string, typeof rows>();
  for (const row of rows) byPair.set(row.pair_id, [...(byPair.get(row.pair_id) ?? []), row]);
  return [...byPair.values()]
    .filter(([last, before]) =>
      Boolean(
        last &&
          before &&
          !last.mentee_answered_at &&
          !before.mentee_answered_at &&
          (last.recorded_at as string) <= recordedBefore,
      ),
    )
    .slice(0, limit)
    .map(([last]) => last as (typeof rows)[number]);
}

/** Job categories of roles a member was hired in (a mentor's experience). */
export async function hiredCategories(db: Kysely<DB>, memberIds: readonly string[]) {
  if (memberIds.length === 0) return new Map<string, string[]>();
  const rows = await db
    .selectFrom('matches')
    .innerJoin('job_roles', 'job_roles.id', 'matches.role_id')
    .select(['matches.member_id', 'job_roles.category'])
    .where('matches.member_id', 'in', jsonList(memberIds))
    .where('matches.state', '=', 'hired')
    .execute();
  return groupCategories(rows);
}

/** Job categories of roles a member asked about (what a mentee is looking for). */
export async function soughtCategories(db: Kysely<DB>, memberId: string) {
  const rows = await db
    .selectFrom('matches')
    .innerJoin('job_roles', 'job_roles.id', 'matches.role_id')
    .select(['matches.member_id', 'job_roles.category'])
    .where('matches.member_id', '=', memberId)
    .where('matches.state', 'not in', ['suggested', 'dismissed'])
    .execute();
  return groupCategories(rows).get(memberId) ?? [];
}

function groupCategories(rows: { member_id: string; category: string }[]) {
  const map = new Map<string, string[]>();
  for (const r of rows) {
    const list = map.get(r.member_id) ?? [];
    if (!list.includes(r.category)) list.push(r.category);
    map.set(r.member_id, list);
  }
  return map;
}

/** Members at the given support stages, by name: whom a coordinator may ask to mentor, or pair as mentees. */
export function membersAtStages(db: Kysely<DB>, stages: readonly number[], limit: number) {
  return db
    .selectFrom('members')
    .select(['user_id', 'family_name', 'given_name', 'support_stage'])
    .where('support_stage', 'in', stages)
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('user_id')
    .limit(limit)
    .execute();
}
