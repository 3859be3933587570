/**
 * Queries on job roles and their child rows (windows, locations, skills, qualifications, facts).
 * Writes return query builders; a role's children are replaced wholesale on every save, so a
 * save is delete-children + insert-children inside one atomic unit.
 */
import type { Kysely } from 'kysely';
import type {
  DB,
  JobRoleTable,
  RoleFactTable,
  RoleLocationTable,
  RoleQualificationTable,
  RoleSkillTable,
  RoleWindowTable,
} from '../../db/schema.ts';
import { insertRows } from '../../db/insert-rows.ts';
import { jsonList } from '../../db/json-list.ts';

/** Role columns plus the organisation's name, the shape every role read starts from. */
function rolesWithOrganisation(db: Kysely<DB>) {
  return db
    .selectFrom('job_roles')
    .innerJoin('organisations', 'organisations.id', 'job_roles.organisation_id')
    .selectAll('job_roles')
    .select(['organisations.name as organisation_name', 'organisations.verification_state']);
}

export type RoleRow = JobRoleTable & { organisation_name: string; verification_state: string };

export function findRole(db: Kysely<DB>, id: string): Promise<RoleRow | undefined> {
  return rolesWithOrganisation(db).where('job_roles.id', '=', id).executeTakeFirst();
}

export function findRolesByIds(db: Kysely<DB>, ids: readonly string[]): Promise<RoleRow[]> {
  return rolesWithOrganisation(db).where('job_roles.id', 'in', jsonList(ids)).execute();
}

export interface RoleListFilter {
  organisationId?: string;
  statuses?: readonly JobRoleTable['status'][];
  limit: number;
  offset: number;
}

function filtered(db: Kysely<DB>, filter: RoleListFilter) {
  let query = rolesWithOrganisation(db);
  if (filter.organisationId) query = query.where('job_roles.organisation_id', '=', filter.organisationId);
  if (filter.statuses) query = query.where('job_roles.status', 'in', filter.statuses);
  return query;
}

export function listRoles(db: Kysely<DB>, filter: RoleListFilter): Promise<RoleRow[]> {
  return filtered(db, filter)
    .orderBy('job_roles.updated_at', 'desc')
    .orderBy('job_roles.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function countRoles(db: Kysely<DB>, filter: RoleListFilter): Promise<number> {
  const row = await filtered(db, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface RoleChildren {
  windows: RoleWindowTable[];
  locations: (RoleLocationTable & {
    name: string;
    prefecture: string;
    pref_code: string;
    parent_code: string | null;
    lat: number | null;
    lng: number | null;
  })[];
  skills: RoleSkillTable[];
  qualifications: RoleQualificationTable[];
  facts: RoleFactTable[];
}

/** Loads the child rows of many roles at once, grouped by role id. */
export async function loadRoleChildren(db: Kysely<DB>, roleIds: readonly string[]): Promise<Map<string, RoleChildren>> {
  const [windows, locations, skills, qualifications, facts] = await Promise.all([
    db.selectFrom('role_windows').selectAll().where('role_id', 'in', jsonList(roleIds)).orderBy('day').orderBy('start_minute').execute(),
    db
        .selectFrom('role_locations')
        .innerJoin('areas', 'areas.code', 'role_locations.area_code')
        .selectAll('role_locations')
        .select(['areas.name', 'areas.prefecture', 'areas.pref_code', 'areas.parent_code', 'areas.lat', 'areas.lng'])
        .where('role_id', 'in', jsonList(roleIds))
        .orderBy('role_locations.area_code')
        .execute(),
    db.selectFrom('role_skills').selectAll().where('role_id', 'in', jsonList(roleIds)).orderBy('tag').execute(),
    db.selectFrom('role_qualifications').selectAll().where('role_id', 'in', jsonList(roleIds)).orderBy('qualification').execute(),
    db.selectFrom('role_facts').selectAll().where('role_id', 'in', jsonList(roleIds)).orderBy('fact').execute(),
  ]);
  const byRole = new Map<string, RoleChildren>(
    roleIds.map((id) => [id, { windows: [], locations: [], skills: [], qualifications: [], facts: [] }]),
  );
  for (const row of windows) byRole.get(row.role_id)?.windows.push(row);
  for (const row of locations) byRole.get(row.role_id)?.locations.push(row);
  for (const row of skills) byRole.get(row.role_id)?.skills.push(row);
  for (const row of qualifications) byRole.get(row.role_id)?.qualifications.push(row);
  for (const row of facts) byRole.get(row.role_id)?.facts.push(row);
  return byRole;
}

export function insertRole(db: Kysely<DB>, row: JobRoleTable) {
  return db.insertInto('job_roles').values(row);
}

export function updateRole(db: Kysely<DB>, id: string, changes: Partial<Omit<JobRoleTable, 'id' | 'organisation_id'>>) {
  return db.updateTable('job_roles').set(changes).where('id', '=', id);
}

export function deleteRole(db: Kysely<DB>, id: string) {
  return db.deleteFrom('job_roles').where('id', '=', id);
}

/** The statements that replace a role's child rows with new ones. */
export function replaceRoleChildren(
  db: Kysely<DB>,
  roleId: string,
  children: Omit<RoleChildren, 'locations'> & { locations: RoleLocationTable[] },
) {
  return [
    db.deleteFrom('role_windows').where('role_id', '=', roleId),
    db.deleteFrom('role_locations').where('role_id', '=', roleId),
    db.deleteFrom('role_skills').where('role_id', '=', roleId),
    db.deleteFrom('role_qualifications').where('role_id', '=', roleId),
    db.deleteFrom('role_facts').where('role_id', '=', roleId),
    ...insertRows(db, 'role_windows', children.windows),
    ...insertRows(db, 'role_locations', children.locations),
    ...insertRows(db, 'role_skills', children.skills),
    ...insertRows(db, 'role_qualifications', children.qualifications),
    ...insertRows(db, 'role_facts', children.facts),
  ];
}
