/**
 * Queries on employer prospects and their history. Rows carry the owner's and the area's names so
 * a list is one query.
 */
import { type Kysely, sql } from 'kysely';
import type {
  DB,
  ProspectEventTable,
  ProspectInvitationTable,
  ProspectStage,
  ProspectTable,
} from '../../db/schema.ts';
import { ACCESS } from '../shared/access.ts';

export function insertProspect(db: Kysely<DB>, row: ProspectTable) {
  return db.insertInto('prospects').values(row);
}

export function insertProspectEvent(db: Kysely<DB>, row: ProspectEventTable) {
  return db.insertInto('prospect_events').values(row);
}

function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('prospects as p')
    .innerJoin('areas as a', 'a.code', 'p.area_code')
    .innerJoin('users as u', 'u.id', 'p.owner_id')
    .selectAll('p')
    .select(['a.name as area_name', 'a.prefecture', 'a.pref_code', 'u.display_name as owner_name']);
}

export type ProspectRow = Awaited<ReturnType<typeof findProspect>> & {};

export function findProspect(db: Kysely<DB>, id: string) {
  return withNames(db).where('p.id', '=', id).executeTakeFirst();
}

/** Prospects by filter, the next action soonest first (none last), then newest. */
export function listProspects(
  db: Kysely<DB>,
  filter: { stage?: ProspectStage | undefined; prefCode?: string | undefined; ownerId?: string | undefined },
  limit: number,
) {
  let query = withNames(db);
  if (filter.stage) query = query.where('p.stage', '=', filter.stage);
  if (filter.prefCode) query = query.where('a.pref_code', '=', filter.prefCode);
  if (filter.ownerId) query = query.where('p.owner_id', '=', filter.ownerId);
  return query
    .orderBy((eb) => eb.case().when('p.next_action_on', 'is', null).then(1).else(0).end())
    .orderBy('p.next_action_on')
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/** A prospect's history, oldest first; a stage change and a note of the same instant in that order. */
export function eventsOf(db: Kysely<DB>, prospectId: string) {
  return db
    .selectFrom('prospect_events as e')
    .innerJoin('users as u', 'u.id', 'e.author_id')
    .selectAll('e')
    .select('u.display_name as author_name')
    .where('e.prospect_id', '=', prospectId)
    .orderBy('e.at')
    .orderBy((eb) => eb.case().when('e.kind', '=', 'stage').then(0).else(1).end())
    .orderBy('e.id')
    .execute();
}

/** Every stage change, for the pipeline's figures. */
export function stageEvents(db: Kysely<DB>) {
  return db
    .selectFrom('prospect_events')
    .select(['prospect_id', 'at', 'from_stage', 'to_stage'])
    .where('kind', '=', 'stage')
    .orderBy('prospect_id')
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function currentStages(db: Kysely<DB>) {
  return db
    .selectFrom('prospects')
    .select(['stage', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('stage')
    .execute();
}

export function moveProspect(
  db: Kysely<DB>,
  id: string,
  change: { stage: ProspectStage; at: string; nextActionOn?: string | undefined },
) {
  return db
    .updateTable('prospects')
    .set({
      stage: change.stage,
      stage_since: change.at,
      updated_at: change.at,
      ...(change.nextActionOn ? { next_action_on: change.nextActionOn } : {}),
    })
    .where('id', '=', id);
}

export function setNextAction(db: Kysely<DB>, id: string, nextActionOn: string | undefined, at: string) {
  return db
    .updateTable('prospects')
    .set({ updated_at: at, ...(nextActionOn ? { next_action_on: nextActionOn } : {}) })
    .where('id', '=', id);
}

/** Staff accounts, by name: who may own a prospect. */
export function staffAccounts(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('role', 'in', [...ACCESS.developProspects])
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

export function insertInvitation(db: Kysely<DB>, row: ProspectInvitationTable) {
  return db.insertInto('prospect_invitations').values(row);
}

/** An unused, unexpired invitation by the hash of its secret, with the firm it was sent to. */
export function findLiveInvitation(db: Kysely<DB>, tokenHash: string, now: string) {
  return db
    .selectFrom('prospect_invitations as i')
    .innerJoin('prospects as p', 'p.id', 'i.prospect_id')
    .select(['i.token_hash', 'i.prospect_id', 'p.company', 'p.stage', 'p.organisation_id'])
    .where('i.token_hash', '=', tokenHash)
    .where('i.used_at', 'is', null)
    .where('i.expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks the invitation used, only if it still is unused (a second acceptance changes nothing). */
export function useInvitation(db: Kysely<DB>, tokenHash: string, userId: string, at: string) {
  return db
    .updateTable('prospect_invitations')
    .set({ used_at: at, used_by: userId })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null);
}

/** Links the prospect to the organisation it became (its stage moves apart, as an event). */
export function linkOrganisation(db: Kysely<DB>, prospectId: string, organisationId: string, at: string) {
  return db
    .updateTable('prospects')
    .set({ organisation_id: organisationId, updated_at: at })
    .where('id', '=', prospectId);
}

/**
 * The writes that move the prospects linked to an organisation from 登録 to 確認済み once a
 * coordinator verifies it, each with its stage event (run in the same atomic unit as the
 * verification). Prospects at another stage are left as they are.
 */
export function verifyLinkedProspects(db: Kysely<DB>, organisationId: string, authorId: string, at: string) {
  // The event rows are written first, while the prospects are still at 登録 to select them by.
  return [
    db
      .insertInto('prospect_events')
      .columns([
        'id',
        'prospect_id',
        'at',
        'author_id',
        'kind',
        'from_stage',
        'to_stage',
        'note',
        'next_action_on',
      ])
      .expression((eb) =>
        eb
          .selectFrom('prospects')
          .select([
            // One event per prospect, its id derived from the prospect and the moment (unique, repeatable).
            sql<string>`'verified:' || prospects.id || ':' || ${at}`.as('id'),
            'id as prospect_id',
            eb.val(at).as('at'),
            eb.val(authorId).as('author_id'),
            eb.val('stage').as('kind'),
            'stage as from_stage',
            eb.val('verified').as('to_stage'),
            eb.val('organisation verified').as('note'),
            eb.val(null).as('next_action_on'),
          ])
          .where('organisation_id', '=', organisationId)
          .where('stage', '=', 'registered'),
      ),
    db
      .updateTable('prospects')
      .set({ stage: 'verified', stage_since: at, updated_at: at })
      .where('organisation_id', '=', organisationId)
      .where('stage', '=', 'registered'),
  ];
}
