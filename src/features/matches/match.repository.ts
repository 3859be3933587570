/**
 * Queries on matches and their events. A transition is two statements run atomically: the state
 * change guarded by the version the caller saw, and the event inserted only if that change won
 * (its id is on the row), so a lost race writes nothing and D1 can run it as one batch.
 *
 * Employer-facing reads go through `introductionsOf`, whose SQL admits introduced states only:
 * nothing about a member before approval can come out of it.
 */
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { DB, MatchEventTable, MatchTable } from '../../db/schema.ts';
import { AWAITING_DECISION, INTRODUCED, type MatchState, OPEN, TRANSITIONS } from './match-lifecycle.ts';

export function findMatch(db: Kysely<DB>, id: string) {
  return db.selectFrom('matches').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findMatchFor(db: Kysely<DB>, memberId: string, roleId: string) {
  return db
    .selectFrom('matches')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('role_id', '=', roleId)
    .executeTakeFirst();
}

export interface NewMatch {
  id: string;
  memberId: string;
  roleId: string;
  organisationId: string;
  state: 'suggested' | 'interested';
  action: 'suggest' | 'express_interest';
  actor: { id: string; role: string };
  reason: string | null;
  at: string;
}

/** A new match with its first event and audit entry, as one atomic unit. */
export function newMatchWrites(db: Kysely<DB>, match: NewMatch, eventId: string) {
  const event: MatchEventTable = {
    id: eventId,
    match_id: match.id,
    action: match.action,
    from_state: null,
    to_state: match.state,
    actor_id: match.actor.id,
    actor_role: match.actor.role,
    reason_code: null,
    reason: match.reason,
    at: match.at,
  };
  return [
    db.insertInto('matches').values({
      id: match.id,
      member_id: match.memberId,
      role_id: match.roleId,
      organisation_id: match.organisationId,
      state: match.state,
      interested_at: match.state === 'interested' ? match.at : null,
      decided_at: null,
      created_at: match.at,
      updated_at: match.at,
      version: 1,
      last_event_id: eventId,
    }),
    db.insertInto('match_events').values(event),
    auditNewMatch(db, event),
  ];
}

/**
 * The guarded state change, its event and its audit entry, as one atomic unit. The event and the
 * audit entry are written only if the change won (its event id is on the row).
 */
export function transitionWrites(
  db: Kysely<DB>,
  match: Pick<MatchTable, 'id' | 'version'>,
  changes: Partial<Pick<MatchTable, 'interested_at' | 'decided_at'>> & {
    state: MatchState;
    updated_at: string;
  },
  event: MatchEventTable,
  options: { onlyIfIntroducible?: boolean } = {},
) {
  let update = db
    .updateTable('matches')
    .set({ ...changes, version: match.version + 1, last_event_id: event.id })
    .where('id', '=', match.id)
    .where('version', '=', match.version);
  if (options.onlyIfIntroducible) update = update.where(stillIntroducible);
  return [
    update,
    sql`INSERT INTO match_events (id, match_id, action, from_state, to_state, actor_id, actor_role, reason_code, reason, at)
        SELECT ${event.id}, ${event.match_id}, ${event.action}, ${event.from_state}, ${event.to_state}, ${event.actor_id},
               ${event.actor_role}, ${event.reason_code}, ${event.reason}, ${event.at}
        WHERE EXISTS (SELECT 1 FROM matches WHERE id = ${match.id} AND last_event_id = ${event.id})`,
    sql`INSERT INTO audit_log (at, actor_id, actor_role, action, subject_type, subject_id, detail)
        SELECT ${event.at}, ${event.actor_id}, ${event.actor_role}, ${event.action}, 'match', ${match.id},
               ${`${event.from_state ?? '-'} → ${event.to_state}`}
        WHERE EXISTS (SELECT 1 FROM matches WHERE id = ${match.id} AND last_event_id = ${event.id})`,
  ];
}

/**
 * What an introduction needs at the moment it is made, checked inside the guarded write itself
 * so that nothing changed between the coordinator's read and her approval slips through: she has
 * not blocked the employer, the organisation is verified, and the role is still published and its
 * ad has not expired (an employer who let it lapse may no longer be hiring; a renewal brings it back).
 */
export function stillIntroducible(eb: ExpressionBuilder<DB, 'matches'>) {
  return eb.and([
    eb.not(
      eb.exists(
        eb
          .selectFrom('member_blocks')
          .select('member_blocks.member_id')
          .whereRef('member_blocks.member_id', '=', 'matches.member_id')
          .whereRef('member_blocks.organisation_id', '=', 'matches.organisation_id'),
      ),
    ),
    eb.exists(
      eb
        .selectFrom('organisations')
        .select('organisations.id')
        .whereRef('organisations.id', '=', 'matches.organisation_id')
        .where('organisations.verification_state', '=', 'verified'),
    ),
    eb.exists(
      eb
        .selectFrom('job_roles')
        .select('job_roles.id')
        .whereRef('job_roles.id', '=', 'matches.role_id')
        .where('job_roles.status', '=', 'published')
        .where('job_roles.expired_at', 'is', null),
    ),
  ]);
}

/** Why a match cannot be introduced now, or undefined when it can (the same rule, for messages). */
export async function whyNotIntroducible(
  db: Kysely<DB>,
  matchId: string,
): Promise<'blocked' | 'organisation_not_verified' | 'role_not_published' | 'role_expired' | undefined> {
  const row = await db
    .selectFrom('matches')
    .innerJoin('organisations', 'organisations.id', 'matches.organisation_id')
    .innerJoin('job_roles', 'job_roles.id', 'matches.role_id')
    .leftJoin('member_blocks', (join) =>
      join
        .onRef('member_blocks.member_id', '=', 'matches.member_id')
        .onRef('member_blocks.organisation_id', '=', 'matches.organisation_id'),
    )
    .select([
      'organisations.verification_state',
      'job_roles.status',
      'job_roles.expired_at',
      'member_blocks.member_id as blocked_by',
    ])
    .where('matches.id', '=', matchId)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.blocked_by) return 'blocked';
  if (row.verification_state !== 'verified') return 'organisation_not_verified';
  if (row.status !== 'published') return 'role_not_published';
  if (row.expired_at) return 'role_expired';
  return undefined;
}

/** Which open matches a change ends: hers with one organisation, a role's, or an organisation's. */
export type EndingScope =
  | { memberId: string; organisationIds: readonly string[] }
  | { roleId: string }
  | { organisationId: string };

/** The open matches in a scope, in the given states, with what a notification needs. */
export function openMatchesIn(db: Kysely<DB>, scope: EndingScope, states: readonly MatchState[]) {
  let query = matchesWithRole(db).where('matches.state', 'in', states);
  if ('memberId' in scope) {
    if (scope.organisationIds.length === 0) return Promise.resolve([] as MatchRow[]);
    query = query
      .where('matches.member_id', '=', scope.memberId)
      .where('matches.organisation_id', 'in', jsonList(scope.organisationIds));
  } else if ('roleId' in scope) query = query.where('matches.role_id', '=', scope.roleId);
  else query = query.where('matches.organisation_id', '=', scope.organisationId);
  return query.execute();
}

/**
 * Ends one open match (→ withdrawn) because of something that happened outside it: the event is
 * recorded from the state it is in when the writes run, and the change applies only while it is
 * still in one of `states` — so a decision racing with it either happened first (and is ended
 * too) or finds it ended. Event and audit entry are written before the change they describe,
 * under the same condition, because the change itself erases the state it came from.
 */
export function endMatchWrites(
  matchId: string,
  states: readonly MatchState[],
  event: Omit<MatchEventTable, 'match_id' | 'from_state' | 'to_state'>,
) {
  const open = jsonList(states);
  return [
    sql`INSERT INTO match_events (id, match_id, action, from_state, to_state, actor_id, actor_role, reason_code, reason, at)
        SELECT ${event.id}, id, ${event.action}, state, 'withdrawn', ${event.actor_id}, ${event.actor_role},
               ${event.reason_code}, ${event.reason}, ${event.at}
        FROM matches WHERE id = ${matchId} AND state IN ${open}`,
    sql`INSERT INTO audit_log (at, actor_id, actor_role, action, subject_type, subject_id, detail)
        SELECT ${event.at}, ${event.actor_id}, ${event.actor_role}, ${event.action}, 'match', id,
               state || ' → withdrawn (' || ${event.reason_code ?? '-'} || ')'
        FROM matches WHERE id = ${matchId} AND state IN ${open}`,
    sql`UPDATE matches SET state = 'withdrawn', version = version + 1, last_event_id = ${event.id},
               updated_at = ${event.at}
        WHERE id = ${matchId} AND state IN ${open}`,
  ];
}

/** The audit entry of a match's first event (a new match has no race to lose). */
export function auditNewMatch(db: Kysely<DB>, event: MatchEventTable) {
  return db.insertInto('audit_log').values({
    at: event.at,
    actor_id: event.actor_id,
    actor_role: event.actor_role,
    action: event.action,
    subject_type: 'match',
    subject_id: event.match_id,
    detail: `- → ${event.to_state}`,
  });
}

/** A match with what a coordinator or the member needs to recognise it. */
function matchesWithRole(db: Kysely<DB>) {
  return db
    .selectFrom('matches')
    .innerJoin('job_roles', 'job_roles.id', 'matches.role_id')
    .innerJoin('organisations', 'organisations.id', 'matches.organisation_id')
    .selectAll('matches')
    .select(['job_roles.title as role_title', 'organisations.name as organisation_name']);
}

export type MatchRow = MatchTable & { role_title: string; organisation_name: string };

export function findMatchWithRole(db: Kysely<DB>, id: string): Promise<MatchRow | undefined> {
  return matchesWithRole(db).where('matches.id', '=', id).executeTakeFirst();
}

export function matchesOfMember(db: Kysely<DB>, memberId: string): Promise<MatchRow[]> {
  return matchesWithRole(db)
    .where('matches.member_id', '=', memberId)
    .orderBy('matches.updated_at', 'desc')
    .execute();
}

export interface QueueFilter {
  states: readonly MatchState[];
  prefCode?: string;
  stage?: number;
  memberId?: string;
  /** Interest expressed at or before this instant. */
  interestedBefore?: string;
  limit: number;
  offset: number;
}

/** The coordinator's queue, oldest interest first. */
export function queue(db: Kysely<DB>, filter: QueueFilter) {
  let query = matchesWithRole(db)
    .innerJoin('members', 'members.user_id', 'matches.member_id')
    .innerJoin('areas', 'areas.code', 'members.area_code')
    .select([
      'members.family_name',
      'members.given_name',
      'members.support_stage',
      'areas.prefecture',
      'areas.pref_code',
    ])
    .where('matches.state', 'in', filter.states);
  if (filter.prefCode) query = query.where('areas.pref_code', '=', filter.prefCode);
  if (filter.stage !== undefined) query = query.where('members.support_stage', '=', filter.stage);
  if (filter.memberId) query = query.where('matches.member_id', '=', filter.memberId);
  if (filter.interestedBefore) query = query.where('matches.interested_at', '<=', filter.interestedBefore);
  return query
    .orderBy((eb) => eb.fn.coalesce('matches.interested_at', 'matches.created_at'))
    .orderBy('matches.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export function eventsOf(db: Kysely<DB>, matchId: string) {
  return db
    .selectFrom('match_events')
    .selectAll()
    .where('match_id', '=', matchId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/**
 * The employer's introductions: approved (or later) matches of the organisation's roles, with
 * the member's name and contact. The state filter is in this query, not in a caller.
 */
export function introductionsOf(db: Kysely<DB>, organisationId: string, matchId?: string) {
  let query = db
    .selectFrom('matches')
    .innerJoin('job_roles', 'job_roles.id', 'matches.role_id')
    .innerJoin('members', 'members.user_id', 'matches.member_id')
    .innerJoin('users', 'users.id', 'matches.member_id')
    .innerJoin('areas', 'areas.code', 'members.area_code')
    .select([
      'matches.id',
      'matches.member_id',
      'matches.role_id',
      'matches.state',
      'matches.version',
      'matches.decided_at',
      'matches.updated_at',
      'job_roles.title as role_title',
      'members.family_name',
      'members.given_name',
      'members.phone',
      'users.email',
      'members.hide_municipality',
      'areas.name as area_name',
      'areas.prefecture',
      // What the coordinator wrote when introducing her: written for the employer and for her.
      (eb) =>
        eb
          .selectFrom('match_events')
          .select('match_events.reason')
          .whereRef('match_events.match_id', '=', 'matches.id')
          .where('match_events.to_state', '=', TRANSITIONS.approve.to)
          .orderBy('match_events.at', 'desc')
          .limit(1)
          .as('approval_reason'),
    ])
    .where('matches.organisation_id', '=', organisationId)
    .where('matches.state', 'in', INTRODUCED)
    // Re-checked on every read, not only at approval: once she blocks the employer, or the
    // organisation is rejected, nothing of her comes out here, however that change got in.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('member_blocks')
            .select('member_blocks.member_id')
            .whereRef('member_blocks.member_id', '=', 'matches.member_id')
            .whereRef('member_blocks.organisation_id', '=', 'matches.organisation_id'),
        ),
      ),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('organisations')
          .select('organisations.id')
          .whereRef('organisations.id', '=', 'matches.organisation_id')
          .where('organisations.verification_state', '<>', 'rejected'),
      ),
    );
  if (matchId) query = query.where('matches.id', '=', matchId);
  return query.orderBy('matches.decided_at', 'desc').orderBy('matches.id').execute();
}

/** How many suggestions she has not answered yet. */
export async function openSuggestionCount(db: Kysely<DB>, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('matches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .where('state', '=', 'suggested')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The roles she already has a match with, in any state: never proposed again. */
export async function roleIdsMatchedBy(db: Kysely<DB>, memberId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('matches').select('role_id').where('member_id', '=', memberId).execute();
  return new Set(rows.map((r) => r.role_id));
}

/** Open matches per role, for the introduction quota. */
export async function openMatchCounts(
  db: Kysely<DB>,
  roleIds: readonly string[],
): Promise<Map<string, number>> {
  if (roleIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('matches')
    .select(['role_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('role_id', 'in', jsonList(roleIds))
    .where('state', 'in', OPEN)
    .groupBy('role_id')
    .execute();
  return new Map(rows.map((r) => [r.role_id, Number(r.n)]));
}

/** Members ready for automatic suggestions (stage 2 or above), a page at a time in id order. */
export async function memberIdsForSuggestions(
  db: Kysely<DB>,
  after: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('members')
    .select('user_id')
    .where('support_stage', '>=', 2)
    .where('user_id', '>', after)
    .orderBy('user_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.user_id);
}

/** Where the named job resumes ('' when it has not run or finished its pass). */
export async function jobResumePoint(db: Kysely<DB>, job: string): Promise<string> {
  const row = await db
    .selectFrom('job_progress')
    .select('resume_after')
    .where('job', '=', job)
    .executeTakeFirst();
  return row?.resume_after ?? '';
}

export function saveJobResumePoint(db: Kysely<DB>, job: string, resumeAfter: string, at: string) {
  return db
    .insertInto('job_progress')
    .values({ job, resume_after: resumeAfter, updated_at: at })
    .onConflict((oc) => oc.column('job').doUpdateSet({ resume_after: resumeAfter, updated_at: at }));
}

/**
 * Per role of an organisation, how many members are waiting for a coordinator (interested or
 * under review) and how many were introduced: counts only, never who. A member who blocked the
 * organisation is not counted: it may not learn of her at all, not even as a number.
 */
export function interestCountsOf(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('matches')
    .select(['matches.role_id', 'matches.state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('matches.organisation_id', '=', organisationId)
    .where('matches.state', 'in', [...AWAITING_DECISION, ...INTRODUCED])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('member_blocks')
            .select('member_blocks.member_id')
            .whereRef('member_blocks.member_id', '=', 'matches.member_id')
            .whereRef('member_blocks.organisation_id', '=', 'matches.organisation_id'),
        ),
      ),
    )
    .groupBy(['matches.role_id', 'matches.state'])
    .execute();
}
