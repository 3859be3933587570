/**
 * Queries on member profiles and their child rows. A profile's lists are replaced wholesale
 * on save, inside one atomic unit.
 */
import type { Kysely } from 'kysely';
import { insertRows } from '../../db/insert-rows.ts';
import { jsonList } from '../../db/json-list.ts';
import { childRowsJson, parseRows } from '../../db/json-rows.ts';
import type {
  DB,
  MemberBlockTable,
  MemberCareLimitTable,
  MemberChildTable,
  MemberEmploymentTypeTable,
  MemberQualificationTable,
  MemberSkillTable,
  MemberTable,
  MemberTargetAreaTable,
  MemberWindowTable,
} from '../../db/schema.ts';

export type MemberRow = MemberTable & { area_name: string; prefecture: string; pref_code: string };

/** A member's columns with her area's names, the shape every member read starts from. */
function membersWithArea(db: Kysely<DB>) {
  return db
    .selectFrom('members')
    .innerJoin('areas', 'areas.code', 'members.area_code')
    .selectAll('members')
    .select(['areas.name as area_name', 'areas.prefecture', 'areas.pref_code']);
}

export function findMember(db: Kysely<DB>, userId: string): Promise<MemberRow | undefined> {
  return membersWithArea(db).where('members.user_id', '=', userId).executeTakeFirst();
}

export function findMembers(db: Kysely<DB>, userIds: readonly string[]): Promise<MemberRow[]> {
  return membersWithArea(db).where('members.user_id', 'in', jsonList(userIds)).execute();
}

/**
 * What a cached profile is checked against: her version (every write of her profile steps it)
 * and her support stage (a coordinator sets it without touching her version).
 */
export interface MemberStamp {
  user_id: string;
  version: number;
  support_stage: number | null;
}

/** The stamps of these members (those who have a profile), in id order. */
export function findMemberStamps(db: Kysely<DB>, userIds: readonly string[]): Promise<MemberStamp[]> {
  return db
    .selectFrom('members')
    .select(['user_id', 'version', 'support_stage'])
    .where('user_id', 'in', jsonList(userIds))
    .orderBy('user_id')
    .execute();
}

/** Every member's stamp, in id order (when the change counter says the cached set is stale). */
export function findAllMemberStamps(db: Kysely<DB>): Promise<MemberStamp[]> {
  return db
    .selectFrom('members')
    .select(['user_id', 'version', 'support_stage'])
    .orderBy('user_id')
    .execute();
}

/** The count of writes to member profiles so far (migration 0017's triggers step it). */
export async function memberChangeCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('change_counters')
    .select('value')
    .where('name', '=', 'members')
    .executeTakeFirst();
  return row?.value ?? 0;
}

/** The members who blocked this organisation: it must never see them among its candidates. */
export async function findMembersBlocking(db: Kysely<DB>, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('member_blocks')
    .select('member_id')
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Set(rows.map((r) => r.member_id));
}

export interface MemberChildren {
  windows: MemberWindowTable[];
  careLimits: MemberCareLimitTable[];
  children: MemberChildTable[];
  skills: MemberSkillTable[];
  qualifications: MemberQualificationTable[];
  employmentTypes: MemberEmploymentTypeTable[];
  targetAreas: (MemberTargetAreaTable & { name: string; prefecture: string; pref_code: string })[];
  blocks: MemberBlockTable[];
}

/** Loads the child rows of many members at once, keyed by member id. */
export async function loadMemberChildren(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, MemberChildren>> {
  const child = (from: string, columns: Record<string, string>, orderBy: string) =>
    childRowsJson({
      from,
      columns: { member_id: 'x.member_id', ...columns },
      parent: 'x.member_id = m.user_id',
      orderBy,
    });
  const rows = await db
    .selectFrom('members as m')
    .select([
      'm.user_id',
      child(
        'member_windows x',
        {
          day: 'x.day',
          start_minute: 'x.start_minute',
          end_minute: 'x.end_minute',
          remote_only: 'x.remote_only',
        },
        'x.day, x.start_minute',
      ).as('windows'),
      child(
        'member_care_limits x',
        { day: 'x.day', leave_from: 'x.leave_from', home_by: 'x.home_by' },
        'x.day',
      ).as('careLimits'),
      child(
        'member_children x',
        {
          birth_year: 'x.birth_year',
          birth_month: 'x.birth_month',
          care: 'x.care',
          pickup_minute: 'x.pickup_minute',
        },
        'x.birth_year, x.birth_month',
      ).as('children'),
      child('member_skills x', { tag: 'x.tag', level: 'x.level' }, 'x.tag').as('skills'),
      child('member_qualifications x', { qualification: 'x.qualification' }, 'x.qualification').as(
        'qualifications',
      ),
      child('member_employment_types x', { employment_type: 'x.employment_type' }, 'x.employment_type').as(
        'employmentTypes',
      ),
      child(
        'member_target_areas x JOIN areas a ON a.code = x.area_code',
        {
          area_code: 'x.area_code',
          needs_relocation_support: 'x.needs_relocation_support',
          move_from: 'x.move_from',
          max_commute_minutes: 'x.max_commute_minutes',
          name: 'a.name',
          prefecture: 'a.prefecture',
          pref_code: 'a.pref_code',
        },
        'x.area_code',
      ).as('targetAreas'),
      child(
        'member_blocks x',
        { organisation_id: 'x.organisation_id', created_at: 'x.created_at' },
        'x.created_at',
      ).as('blocks'),
    ])
    .where('m.user_id', 'in', jsonList(ids))
    .execute();
  return new Map(
    rows.map((row) => [
      row.user_id,
      {
        windows: parseRows(row.windows),
        careLimits: parseRows(row.careLimits),
        children: parseRows(row.children),
        skills: parseRows(row.skills),
        qualifications: parseRows(row.qualifications),
        employmentTypes: parseRows(row.employmentTypes),
        targetAreas: parseRows(row.targetAreas),
        blocks: parseRows(row.blocks),
      },
    ]),
  );
}

/** Inserts the profile, or replaces its columns when she already has one. */
export function upsertMember(db: Kysely<DB>, row: MemberTable) {
  const { user_id: _id, created_at: _created, ...changes } = row;
  return db
    .insertInto('members')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet(changes));
}

export function updateMember(db: Kysely<DB>, userId: string, changes: Partial<Omit<MemberTable, 'user_id'>>) {
  return db.updateTable('members').set(changes).where('user_id', '=', userId);
}

/** The statements that replace her work windows and her care limits (saved together: one week). */
export function replaceMemberWindows(
  db: Kysely<DB>,
  memberId: string,
  windows: MemberWindowTable[],
  careLimits: MemberCareLimitTable[],
) {
  return [
    db.deleteFrom('member_windows').where('member_id', '=', memberId),
    db.deleteFrom('member_care_limits').where('member_id', '=', memberId),
    ...insertRows(db, 'member_windows', windows),
    ...insertRows(db, 'member_care_limits', careLimits),
  ];
}

/** The statements that replace every list of a profile except its windows. */
export function replaceMemberLists(
  db: Kysely<DB>,
  memberId: string,
  lists: Omit<MemberChildren, 'windows' | 'careLimits' | 'targetAreas'> & {
    targetAreas: MemberTargetAreaTable[];
  },
) {
  return [
    db.deleteFrom('member_children').where('member_id', '=', memberId),
    db.deleteFrom('member_skills').where('member_id', '=', memberId),
    db.deleteFrom('member_qualifications').where('member_id', '=', memberId),
    db.deleteFrom('member_employment_types').where('member_id', '=', memberId),
    db.deleteFrom('member_target_areas').where('member_id', '=', memberId),
    db.deleteFrom('member_blocks').where('member_id', '=', memberId),
    ...insertRows(db, 'member_children', lists.children),
    ...insertRows(db, 'member_skills', lists.skills),
    ...insertRows(db, 'member_qualifications', lists.qualifications),
    ...insertRows(db, 'member_employment_types', lists.employmentTypes),
    ...insertRows(db, 'member_target_areas', lists.targetAreas),
    ...insertRows(db, 'member_blocks', lists.blocks),
  ];
}

export function existingOrganisationIds(db: Kysely<DB>, ids: readonly string[]) {
  return db.selectFrom('organisations').select('id').where('id', 'in', jsonList(ids)).execute();
}
