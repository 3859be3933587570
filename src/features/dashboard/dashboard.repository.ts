/**
 * Aggregates for the coordinators' dashboard and the rows of the CSV exports. Months are Japan
 * months (UTC+9), the ones people speak of.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { INTRODUCED } from '../matches/match-lifecycle.ts';

export function countsByState(db: Kysely<DB>) {
  return db
    .selectFrom('matches')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
}

export function countsByStage(db: Kysely<DB>) {
  return db
    .selectFrom('matches')
    .innerJoin('members', 'members.user_id', 'matches.member_id')
    .select(['members.support_stage as stage', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('members.support_stage')
    .orderBy('members.support_stage')
    .execute();
}

export function countsByPrefecture(db: Kysely<DB>) {
  return db
    .selectFrom('matches')
    .innerJoin('members', 'members.user_id', 'matches.member_id')
    .innerJoin('areas', 'areas.code', 'members.area_code')
    .select(['areas.pref_code', 'areas.prefecture', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['areas.pref_code', 'areas.prefecture'])
    .orderBy('areas.pref_code')
    .execute();
}

/** Interest-to-decision spans of decided matches, in hours; `since` keeps decisions from then on. */
export async function decisionHours(db: Kysely<DB>, since?: string): Promise<number[]> {
  let query = db
    .selectFrom('matches')
    .select(sql<number>`(julianday(decided_at) - julianday(interested_at)) * 24`.as('hours'))
    .where('decided_at', 'is not', null)
    .where('interested_at', 'is not', null);
  if (since) query = query.where('decided_at', '>=', since);
  const rows = await query.execute();
  return rows.map((r) => Number(r.hours));
}

/** Introductions (approvals) and hires per Japan month. */
export function monthlyOutcomes(db: Kysely<DB>) {
  return db
    .selectFrom('match_events')
    .select([
      sql<string>`substr(datetime(at, '+9 hours'), 1, 7)`.as('month'),
      (eb) => eb.fn.sum<number>(sql`CASE WHEN to_state = 'approved' THEN 1 ELSE 0 END`).as('introductions'),
      (eb) => eb.fn.sum<number>(sql`CASE WHEN to_state = 'hired' THEN 1 ELSE 0 END`).as('hires'),
    ])
    .where('to_state', 'in', ['approved', 'hired'])
    .groupBy('month')
    .orderBy('month')
    .execute();
}

/** Rows of the outcomes export: every introduction and where it ended. */
export function outcomeRows(db: Kysely<DB>) {
  return db
    .selectFrom('matches')
    .innerJoin('job_roles', 'job_roles.id', 'matches.role_id')
    .innerJoin('organisations', 'organisations.id', 'matches.organisation_id')
    .innerJoin('members', 'members.user_id', 'matches.member_id')
    .select([
      'matches.id',
      'matches.state',
      'matches.decided_at',
      'matches.updated_at',
      'job_roles.title',
      'organisations.name as organisation',
      'members.family_name',
      'members.given_name',
      (eb) =>
        eb
          .selectFrom('match_events')
          .select('match_events.reason')
          .whereRef('match_events.match_id', '=', 'matches.id')
          .orderBy('match_events.at', 'desc')
          .limit(1)
          .as('last_reason'),
    ])
    .where('matches.state', 'in', INTRODUCED)
    .orderBy('matches.decided_at')
    .orderBy('matches.id')
    .execute();
}
