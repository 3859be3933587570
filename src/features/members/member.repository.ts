/**
 * Queries on member profiles and their child rows. A profile's lists are replaced wholesale
 * on save, inside one atomic unit.
 */
import type { Kysely } from 'kysely';
import { insertRows } from '../../db/insert-rows.ts';
import type {
  DB,
  MemberBlockTable,
  MemberChildTable,
  MemberEmploymentTypeTable,
  MemberQualificationTable,
  MemberSkillTable,
  MemberTable,
  MemberTargetAreaTable,
  MemberWindowTable,
} from '../../db/schema.ts';
import { jsonList } from '../../db/json-list.ts';

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
 * Members a role could reach: living within `radiusKm` of one of its places (a bounding box on
 * the area points; the matching module decides the real commute), or wanting to move to one of
 * its prefectures or areas; everyone for a fully remote role. Members who blocked the
 * organisation are never among them.
 */
export async function findMemberIdsInReach(
  db: Kysely<DB>,
  reach: { organisationId: string; everywhere: boolean; points: { lat: number; lng: number }[]; prefCodes: string[]; areaCodes: string[]; radiusKm: number; limit: number },
): Promise<string[]> {
  let query = db
    .selectFrom('members')
    .innerJoin('areas', 'areas.code', 'members.area_code')
    .select('members.user_id')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('member_blocks')
            .select('member_blocks.member_id')
            .whereRef('member_blocks.member_id', '=', 'members.user_id')
            .where('member_blocks.organisation_id', '=', reach.organisationId),
        ),
      ),
    );
  if (!reach.everywhere) {
    const latDelta = reach.radiusKm / 111;
    query = query.where((eb) =>
      eb.or([
        ...reach.points.map((p) => {
          const lngDelta = reach.radiusKm / (111 * Math.max(0.2, Math.cos((p.lat * Math.PI) / 180)));
          return eb.and([
            eb('areas.lat', '>=', p.lat - latDelta),
            eb('areas.lat', '<=', p.lat + latDelta),
            eb('areas.lng', '>=', p.lng - lngDelta),
            eb('areas.lng', '<=', p.lng + lngDelta),
          ]);
        }),
        eb.exists(
          eb
            .selectFrom('member_target_areas')
            .innerJoin('areas as target', 'target.code', 'member_target_areas.area_code')
            .select('member_target_areas.member_id')
            .whereRef('member_target_areas.member_id', '=', 'members.user_id')
            .where((inner) =>
              inner.or([
                inner('target.pref_code', 'in', reach.prefCodes.length ? reach.prefCodes : ['']),
                inner('target.code', 'in', reach.areaCodes.length ? reach.areaCodes : ['']),
              ]),
            ),
        ),
      ]),
    );
  }
  const rows = await query.orderBy('members.user_id').limit(reach.limit).execute();
  return rows.map((r) => r.user_id);
}

export interface MemberChildren {
  windows: MemberWindowTable[];
  children: MemberChildTable[];
  skills: MemberSkillTable[];
  qualifications: MemberQualificationTable[];
  employmentTypes: MemberEmploymentTypeTable[];
  targetAreas: (MemberTargetAreaTable & { name: string; prefecture: string; pref_code: string })[];
  blocks: MemberBlockTable[];
}

/** Loads the child rows of many members at once, grouped by member id. */
export async function loadMemberChildren(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, MemberChildren>> {
  const [windows, children, skills, qualifications, employmentTypes, targetAreas, blocks] = await Promise.all([
    db.selectFrom('member_windows').selectAll().where('member_id', 'in', jsonList(ids)).orderBy('day').orderBy('start_minute').execute(),
    db.selectFrom('member_children').selectAll().where('member_id', 'in', jsonList(ids)).orderBy('birth_year').orderBy('birth_month').execute(),
    db.selectFrom('member_skills').selectAll().where('member_id', 'in', jsonList(ids)).orderBy('tag').execute(),
    db.selectFrom('member_qualifications').selectAll().where('member_id', 'in', jsonList(ids)).orderBy('qualification').execute(),
    db.selectFrom('member_employment_types').selectAll().where('member_id', 'in', jsonList(ids)).orderBy('employment_type').execute(),
    db
        .selectFrom('member_target_areas')
        .innerJoin('areas', 'areas.code', 'member_target_areas.area_code')
        .selectAll('member_target_areas')
        .select(['areas.name', 'areas.prefecture', 'areas.pref_code'])
        .where('member_id', 'in', jsonList(ids))
        .orderBy('member_target_areas.area_code')
        .execute(),
    db.selectFrom('member_blocks').selectAll().where('member_id', 'in', jsonList(ids)).orderBy('created_at').execute(),
  ]);
  const byMember = new Map<string, MemberChildren>(
    ids.map((id) => [
      id,
      { windows: [], children: [], skills: [], qualifications: [], employmentTypes: [], targetAreas: [], blocks: [] },
    ]),
  );
  for (const row of windows) byMember.get(row.member_id)?.windows.push(row);
  for (const row of children) byMember.get(row.member_id)?.children.push(row);
  for (const row of skills) byMember.get(row.member_id)?.skills.push(row);
  for (const row of qualifications) byMember.get(row.member_id)?.qualifications.push(row);
  for (const row of employmentTypes) byMember.get(row.member_id)?.employmentTypes.push(row);
  for (const row of targetAreas) byMember.get(row.member_id)?.targetAreas.push(row);
  for (const row of blocks) byMember.get(row.member_id)?.blocks.push(row);
  return byMember;
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

export function replaceMemberWindows(db: Kysely<DB>, memberId: string, windows: MemberWindowTable[]) {
  return [db.deleteFrom('member_windows').where('member_id', '=', memberId), ...insertRows(db, 'member_windows', windows)];
}

/** The statements that replace every list of a profile except its windows. */
export function replaceMemberLists(
  db: Kysely<DB>,
  memberId: string,
  lists: Omit<MemberChildren, 'windows' | 'targetAreas'> & { targetAreas: MemberTargetAreaTable[] },
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
