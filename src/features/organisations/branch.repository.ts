/**
 * Queries on organisations' branches (拠点), and the one rule of what makes an organisation a
 * 全国企業 (`nationalFirmIds`). Every read and write of a branch names its organisation, so one
 * organisation's id never reaches another's branch.
 */
import { type Kysely, sql } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { DB, OrganisationBranchTable } from '../../db/schema.ts';

/**
 * A 全国企業 spans at least this many prefectures with its branches. Two is the least that is not
 * a local firm; the coordinator's verification of the declared scale is what makes it trusted.
 */
export const NATIONAL_FIRM_MIN_PREFECTURES = 2;

/** Branches with their area's names, the shape every read uses. */
function branchesWithArea(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('organisation_branches as b')
    .innerJoin('areas as a', 'a.code', 'b.area_code')
    .selectAll('b')
    .select(['a.name as area_name', 'a.prefecture as prefecture', 'a.pref_code as pref_code'])
    .where('b.organisation_id', '=', organisationId);
}

export function listBranches(db: Kysely<DB>, organisationId: string) {
  return branchesWithArea(db, organisationId)
    .orderBy('a.pref_code')
    .orderBy('b.name')
    .orderBy('b.id')
    .execute();
}

export type BranchRow = Awaited<ReturnType<typeof listBranches>>[number];

export function findBranch(db: Kysely<DB>, organisationId: string, id: string) {
  return branchesWithArea(db, organisationId).where('b.id', '=', id).executeTakeFirst();
}

export function findBranchesByIds(db: Kysely<DB>, organisationId: string, ids: readonly string[]) {
  return branchesWithArea(db, organisationId).where('b.id', 'in', jsonList(ids)).execute();
}

/** Per organisation: how many branches, and their prefectures (names, by code), for a coordinator. */
export function branchSpread(db: Kysely<DB>, organisationIds: readonly string[]) {
  return db
    .selectFrom('organisation_branches as b')
    .innerJoin('areas as a', 'a.code', 'b.area_code')
    .select(['b.organisation_id', 'a.pref_code', 'a.prefecture'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('b.organisation_id', 'in', jsonList(organisationIds))
    .groupBy(['b.organisation_id', 'a.pref_code', 'a.prefecture'])
    .orderBy('a.pref_code')
    .execute();
}

export async function countBranches(db: Kysely<DB>, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('organisation_branches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertBranch(db: Kysely<DB>, row: OrganisationBranchTable) {
  return db.insertInto('organisation_branches').values(row);
}

export function updateBranch(
  db: Kysely<DB>,
  organisationId: string,
  id: string,
  changes: Pick<OrganisationBranchTable, 'name' | 'area_code' | 'address' | 'town' | 'updated_at'>,
) {
  return db
    .updateTable('organisation_branches')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id);
}

export function deleteBranch(db: Kysely<DB>, organisationId: string, id: string) {
  return db
    .deleteFrom('organisation_branches')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id);
}

/**
 * Which of these organisations members are shown as a 全国企業 (「地元で働ける全国企業」). All three:
 * - it says it is a national company (`scale = 'national'`), and a coordinator verified it —
 *   verification is the check a coordinator stands behind (corporate number, website), and a
 *   verified organisation that changes its scale to national is checked again (organisation
 *   service), so the label never rests on the firm's word alone;
 * - it is verified now (a rejected or re-checked firm loses the label with its roles' visibility);
 * - its branches are in at least NATIONAL_FIRM_MIN_PREFECTURES prefectures: the branches are the
 *   evidence a coordinator sees of where it really hires, and what "hometown" roles are posted at.
 * Branch counts alone are not enough: anyone can type two branches.
 */
export async function nationalFirmIds(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<Set<string>> {
  if (organisationIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('organisations as o')
    .select('o.id')
    .where('o.id', 'in', jsonList([...new Set(organisationIds)]))
    .where('o.scale', '=', 'national')
    .where('o.verification_state', '=', 'verified')
    .where(
      sql<number>`(SELECT COUNT(DISTINCT a.pref_code) FROM organisation_branches b
        JOIN areas a ON a.code = b.area_code WHERE b.organisation_id = o.id)`,
      '>=',
      NATIONAL_FIRM_MIN_PREFECTURES,
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}
