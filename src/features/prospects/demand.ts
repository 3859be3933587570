/**
 * The "demand without supply" table coordinators use to decide whom to call: per municipality
 * (a ward counts as its city) and trade, how many members at support stage 2 or above are there,
 * and how many roles of that trade they can find (FINDABLE: published, from a verified firm, ad not
 * expired) are within their reach — located in that municipality, or fully remote. Rows with
 * fewer than `minRoles` roles are where a firm is missing. Computed by one query per prefecture.
 *
 * What a member's trades are: until members state the trades they want, they are read from her
 * skills through `SKILL_TRADES` (caregiving → 介護, bookkeeping → 経理…). Reach is her
 * municipality, not her commute radius, so the table is a coarse map for outreach, not matching.
 * The roles located in the prefecture are read from its areas outwards (CROSS JOIN fixes that
 * order; left to itself SQLite starts from every published role in the country).
 */
import { type Kysely, sql } from 'kysely';
import type { JobCategory } from '../../../matching/types.ts';
import type { DB } from '../../db/schema.ts';
import { FINDABLE } from '../roles/role.repository.ts';

/** The trade a skill points to; skills that say nothing of a trade (English, writing) are absent. */
export const SKILL_TRADES: Record<string, JobCategory> = {
  pc_basic: 'office',
  excel: 'office',
  word: 'office',
  data_entry: 'office',
  phone_reception: 'call_center',
  customer_service: 'retail',
  cash_register: 'retail',
  bookkeeping: 'accounting',
  payroll: 'accounting',
  medical_billing: 'medical_office',
  caregiving: 'care',
  childcare: 'childcare_assistant',
  cooking: 'food',
  food_prep: 'food',
  inventory: 'retail',
  sales: 'retail',
  web_design: 'it_web',
  programming: 'it_web',
  quality_check: 'manufacturing',
  machine_operation: 'manufacturing',
};

export interface DemandRow {
  areaCode: string;
  areaName: string;
  trade: string;
  members: number;
  roles: number;
}

/**
 * One prefecture's rows with fewer than `minRoles` roles in reach, most members first.
 * @example await demandWithoutSupply(db, '14', 3)
 */
export async function demandWithoutSupply(
  db: Kysely<DB>,
  prefCode: string,
  minRoles: number,
): Promise<DemandRow[]> {
  const result = await sql<{
    area_code: string;
    area_name: string;
    trade: string;
    members: number;
    in_reach: number;
  }>`
    WITH trade_of AS (SELECT key AS skill, value AS trade FROM json_each(${JSON.stringify(SKILL_TRADES)})),
    place AS (
      SELECT code, CASE WHEN kind = 'ward' THEN parent_code ELSE code END AS place
      FROM areas WHERE pref_code = ${prefCode} AND kind != 'prefecture'
    ),
    demand AS (
      SELECT DISTINCT p.place, t.trade, m.user_id
      FROM members m
      JOIN place p ON p.code = m.area_code
      JOIN member_skills s ON s.member_id = m.user_id
      JOIN trade_of t ON t.skill = s.tag
      WHERE m.support_stage >= 2
    ),
    local_supply AS (
      SELECT p.place, job_roles.category AS trade, count(DISTINCT job_roles.id) AS roles
      FROM place p
      CROSS JOIN role_locations l ON l.area_code = p.code
      CROSS JOIN job_roles ON job_roles.id = l.role_id
      JOIN organisations ON organisations.id = job_roles.organisation_id
      WHERE ${FINDABLE}
      GROUP BY p.place, job_roles.category
    ),
    remote_supply AS (
      SELECT job_roles.category AS trade, count(*) AS roles
      FROM job_roles JOIN organisations ON organisations.id = job_roles.organisation_id
      WHERE ${FINDABLE} AND job_roles.remote_mode = 'full' GROUP BY job_roles.category
    )
    SELECT d.place AS area_code, a.name AS area_name, d.trade, count(*) AS members,
           COALESCE(ls.roles, 0) + COALESCE(rs.roles, 0) AS in_reach
    FROM demand d
    JOIN areas a ON a.code = d.place
    LEFT JOIN local_supply ls ON ls.place = d.place AND ls.trade = d.trade
    LEFT JOIN remote_supply rs ON rs.trade = d.trade
    GROUP BY d.place, d.trade
    HAVING in_reach < CAST(${minRoles} AS INTEGER)
    ORDER BY members DESC, d.place, d.trade`.execute(db);
  return result.rows.map((r) => ({
    areaCode: r.area_code,
    areaName: r.area_name,
    trade: r.trade,
    members: Number(r.members),
    roles: Number(r.in_reach),
  }));
}
