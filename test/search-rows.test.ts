/**
 * The database's own search rows: each role's figures (pay per hour, hours, days, times, point)
 * mean what its search document says, so degraded search filters as the engine does; and a
 * role's full-text row is replaced on edit and removed with a deleted draft, found by its key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRolesByIds, loadRoleChildren } from '../src/features/roles/role.repository.ts';
import { conditionMask } from '../src/features/search/job-conditions.ts';
import { toJobDocument } from '../src/features/search/job-document.ts';
import { JOB_FIXTURES } from './support/job-fixtures.ts';
import { type Account, createTestApp, roleInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
let employer: Account;
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  employer = await t.employerWithOrganisation();
  const bodies = [
    ...Object.values(JOB_FIXTURES),
    roleInput({ pay: { min: 9000, unit: 'day' } }),
    roleInput({ pay: { min: 210_000, unit: 'month' } }),
    roleInput({ pay: { min: 3_000_000, unit: 'year' } }),
  ];
  for (const body of bodies) ids.push(await t.publishRole(employer, body));
});
afterAll(() => t.close());

describe('search rows', () => {
  it('hold the figures of each role as its search document has them', async () => {
    const db = t.database.db;
    const [rows, children, figures] = await Promise.all([
      findRolesByIds(db, ids),
      loadRoleChildren(db, ids),
      db.selectFrom('role_search_rows').selectAll().where('role_id', 'in', ids).execute(),
    ]);
    expect(figures).toHaveLength(ids.length);
    const byRole = new Map(figures.map((f) => [f.role_id, f]));
    for (const row of rows) {
      const doc = toJobDocument(row, children.get(row.id) as NonNullable<ReturnType<typeof children.get>>);
      const f = byRole.get(row.id);
      expect(f, doc.title).toMatchObject({
        hourly_pay: doc.hourlyPay,
        hours_per_week: doc.hoursPerWeek,
        lat: doc.point?.lat ?? null,
        lng: doc.point?.lng ?? null,
        // The mothers' filters: the SQL rules and the document's agree.
        conditions: conditionMask(doc.conditions),
      });
      if (doc.scheduleKind === 'fixed') {
        expect(f?.earliest_start).toBe(doc.earliestStart);
        expect(f?.latest_end).toBe(doc.latestEnd);
        expect(f?.weekday_mask).toBe(doc.weekdays.reduce((mask, day) => mask | (1 << (day - 1)), 0));
      }
    }
  });

  it('replace a role’s text on edit and leave nothing of a deleted draft', async () => {
    const db = t.database.db;
    const id = ids[0] as string;
    const edited = await t.call('PUT', `/api/roles/${id}`, {
      token: employer.token,
      body: roleInput({ title: '倉庫の検品スタッフ（午前のみ）' }),
    });
    expect(edited.status).toBe(200);
    const text = await db.selectFrom('role_search_text').select('body').where('role_id', '=', id).execute();
    expect(text).toHaveLength(1);
    expect(text[0]?.body).toContain('倉庫の検品スタッフ');
    const key = await db.selectFrom('role_search_rows').select('key').where('role_id', '=', id).execute();
    expect(key).toHaveLength(1);

    const draft = await t.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
    expect(
      await db.selectFrom('role_search_rows').select('key').where('role_id', '=', draft.json.id).execute(),
    ).toHaveLength(1);
    expect((await t.call('DELETE', `/api/roles/${draft.json.id}`, { token: employer.token })).status).toBe(
      204,
    );
    expect(
      await db.selectFrom('role_search_rows').select('key').where('role_id', '=', draft.json.id).execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom('role_search_text').select('body').where('role_id', '=', draft.json.id).execute(),
    ).toEqual([]);
  });
});
