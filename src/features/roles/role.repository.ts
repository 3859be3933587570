/**
 * Queries on job roles and their child rows (windows, locations, skills, qualifications, facts).
 * Writes return query builders; a role's children are replaced wholesale on every save, so a
 * save is delete-children + insert-children inside one atomic unit.
 */
import { type Kysely, type SqlBool, sql } from 'kysely';
import { insertRows } from '../../db/insert-rows.ts';
import { jsonList } from '../../db/json-list.ts';
import { childRowsJson, parseRows } from '../../db/json-rows.ts';
import type {
  DB,
  JobRoleTable,
  RoleFactTable,
  RoleLocationTable,
  RoleQualificationTable,
  RoleSkillTable,
  RoleWindowTable,
} from '../../db/schema.ts';

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

/**
 * The one rule for a findable role — what anyone browsing may see and the search index holds:
 * published, by a verified organisation, and not expired (the expiry job marks an ad whose date
 * passed and it stays out until renewed). A condition on `job_roles` joined with `organisations`
 * under those names; `isFindable` says the same of a loaded row.
 * @example db.selectFrom('job_roles').innerJoin('organisations', …).where(FINDABLE)
 */
export const FINDABLE = sql<SqlBool>`(job_roles.status = 'published' AND organisations.verification_state = 'verified' AND job_roles.expired_at IS NULL)`;

/** `FINDABLE` for a role row already loaded with its organisation's verification state. */
export function isFindable(row: Pick<RoleRow, 'status' | 'verification_state' | 'expired_at'>): boolean {
  return row.status === 'published' && row.verification_state === 'verified' && !row.expired_at;
}

/**
 * Which of these roles are findable now, and the stamp of their current content (the role's
 * version and its organisation's last change, whose name the role shows).
 */
export function findFindableRoleStamps(db: Kysely<DB>, ids: readonly string[]) {
  return db
    .selectFrom('job_roles')
    .innerJoin('organisations', 'organisations.id', 'job_roles.organisation_id')
    .select(['job_roles.id', 'job_roles.version', 'organisations.updated_at as organisation_updated_at'])
    .where('job_roles.id', 'in', jsonList(ids))
    .where(FINDABLE)
    .execute();
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

/** Loads the child rows of many roles at once, keyed by role id. */
export async function loadRoleChildren(
  db: Kysely<DB>,
  roleIds: readonly string[],
): Promise<Map<string, RoleChildren>> {
  const rows = await db
    .selectFrom('job_roles as r')
    .select([
      'r.id',
      childRowsJson({
        from: 'role_windows w',
        columns: {
          role_id: 'w.role_id',
          day: 'w.day',
          start_minute: 'w.start_minute',
          end_minute: 'w.end_minute',
          break_minutes: 'w.break_minutes',
        },
        parent: 'w.role_id = r.id',
        orderBy: 'w.day, w.start_minute',
      }).as('windows'),
      childRowsJson({
        from: 'role_locations l JOIN areas a ON a.code = l.area_code',
        columns: {
          role_id: 'l.role_id',
          area_code: 'l.area_code',
          label: 'l.label',
          name: 'a.name',
          prefecture: 'a.prefecture',
          pref_code: 'a.pref_code',
          parent_code: 'a.parent_code',
          address: 'l.address',
          town: 'l.town',
          // The town's point when the location has one, else the area's: the finest known.
          lat: 'COALESCE(l.lat, a.lat)',
          lng: 'COALESCE(l.lng, a.lng)',
        },
        parent: 'l.role_id = r.id',
        orderBy: 'l.area_code',
      }).as('locations'),
      childRowsJson({
        from: 'role_skills s',
        columns: { role_id: 's.role_id', tag: 's.tag', level: 's.level', required: 's.required' },
        parent: 's.role_id = r.id',
        orderBy: 's.tag',
      }).as('skills'),
      childRowsJson({
        from: 'role_qualifications q',
        columns: { role_id: 'q.role_id', qualification: 'q.qualification' },
        parent: 'q.role_id = r.id',
        orderBy: 'q.qualification',
      }).as('qualifications'),
      childRowsJson({
        from: 'role_facts f',
        columns: {
          role_id: 'f.role_id',
          fact: 'f.fact',
          available: 'f.available',
          verified_at: 'f.verified_at',
          verified_by: 'f.verified_by',
        },
        parent: 'f.role_id = r.id',
        orderBy: 'f.fact',
      }).as('facts'),
    ])
    .where('r.id', 'in', jsonList(roleIds))
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        windows: parseRows(row.windows),
        locations: parseRows(row.locations),
        skills: parseRows(row.skills),
        qualifications: parseRows(row.qualifications),
        facts: parseRows(row.facts),
      },
    ]),
  );
}

export function insertRole(db: Kysely<DB>, row: JobRoleTable) {
  return db.insertInto('job_roles').values(row);
}

export function updateRole(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Omit<JobRoleTable, 'id' | 'organisation_id'>>,
) {
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
