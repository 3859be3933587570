/**
 * What makes a role findable is one rule (`FINDABLE` and `isFindable` in roles/role.repository.ts):
 * roles that stop being findable in each way it knows — a draft, closed, expired, its
 * organisation no longer verified — and every reader of the rule must agree on which remain: the
 * SQL fragment (browsing, the index's rebuild and its count), the predicate on loaded rows (the
 * relay, the roles service), the stamps recommendations and candidates check, degraded search
 * and the job page.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FINDABLE,
  findFindableRoleStamps,
  findRolesByIds,
  isFindable,
} from '../src/features/roles/role.repository.ts';
import { countFindableRoles } from '../src/features/search/rebuild-index.ts';
import { type Account, createTestApp, roleInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
/** Role ids by how they stand. */
const roles: Record<'findable' | 'draft' | 'closed' | 'expired' | 'unverified', string> = {
  findable: '',
  draft: '',
  closed: '',
  expired: '',
  unverified: '',
};

beforeAll(async () => {
  // No index: browsing answers from SQLite, which applies the rule itself.
  t = await createTestApp();
  const coordinator = await t.createStaff('coordinator');
  const employer: Account = await t.employerWithOrganisation({ coordinator });
  const other: Account = await t.employerWithOrganisation({ coordinator });
  for (const key of Object.keys(roles) as (keyof typeof roles)[]) {
    roles[key] = await t.publishRole(
      key === 'unverified' ? other : employer,
      roleInput({ title: `求人 ${key}` }),
    );
  }
  const { db } = t.database;
  // Straight into each state: this test is about who reads the rule, not how a role gets there.
  await t.database.atomic([
    db.updateTable('job_roles').set({ status: 'draft' }).where('id', '=', roles.draft),
    db.updateTable('job_roles').set({ status: 'closed' }).where('id', '=', roles.closed),
    db.updateTable('job_roles').set({ expired_at: new Date().toISOString() }).where('id', '=', roles.expired),
    db
      .updateTable('organisations')
      .set({ verification_state: 'rejected' })
      .where('id', '=', other.organisationId as string),
  ]);
});
afterAll(async () => t.close());

describe('the findable rule', () => {
  it('is the same for every reader of it', async () => {
    const all = Object.values(roles);
    const expected = [roles.findable];
    const { db } = t.database;

    const bySql = await db
      .selectFrom('job_roles')
      .innerJoin('organisations', 'organisations.id', 'job_roles.organisation_id')
      .select('job_roles.id')
      .where(FINDABLE)
      .execute();
    expect(bySql.map((r) => r.id)).toEqual(expected);
    expect(await countFindableRoles(db)).toBe(expected.length);

    const loaded = await findRolesByIds(db, all);
    expect(loaded.filter(isFindable).map((r) => r.id)).toEqual(expected);
    expect((await findFindableRoleStamps(db, all)).map((r) => r.id)).toEqual(expected);
    expect((await t.services.roles.findPublished(all)).map((r) => r.id)).toEqual(expected);

    const browsed = await t.call('GET', '/api/jobs');
    expect(browsed.json.degraded).toBe(true);
    expect(browsed.json.items.map((hit: { role: { id: string } }) => hit.role.id)).toEqual(expected);

    for (const [key, id] of Object.entries(roles)) {
      expect((await t.call('GET', `/api/jobs/${id}`)).status, key).toBe(key === 'findable' ? 200 : 404);
    }
  });

  it('says the same of a row as the fragment does, for every combination', async () => {
    const { db } = t.database;
    const rows = await db
      .selectFrom('job_roles')
      .innerJoin('organisations', 'organisations.id', 'job_roles.organisation_id')
      .select([
        'job_roles.id',
        'job_roles.status',
        'job_roles.expired_at',
        'organisations.verification_state',
        sql<number>`${FINDABLE}`.as('findable'),
      ])
      .execute();
    expect(rows.length).toBe(Object.keys(roles).length);
    for (const row of rows) expect(isFindable(row), row.id).toBe(Boolean(row.findable));
  });
});
