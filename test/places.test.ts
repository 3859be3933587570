/**
 * Places finer than a municipality, through the API on real SQLite: looking towns up, her home
 * town and a role's address resolved to town points (or refused with a field error), and the
 * commute and distance she then sees said as an estimate with its precision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTowns } from '../seed/towns.ts';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  roleInput,
  type TestApp,
} from './support/test-app.ts';
import { browserFor, fieldError } from './support/web.ts';
import { formFields } from './web/form-fields.ts';

let t: TestApp;
let coordinator: Account;
let employer: Account;
let member: Account;

beforeAll(async () => {
  t = await createTestApp({ search: true });
  // 港北区 and 中区 of 横浜市 only: the whole master takes a second and is not needed here.
  await loadTowns(t.database, ['141097', '141046']);
  coordinator = await t.createStaff('coordinator');
  employer = await t.employerWithOrganisation({ coordinator, organisation: { name: '株式会社みなと介護' } });
  member = await t.signUp('member');
});
afterAll(async () => t.close());

describe('town look-up', () => {
  it('finds towns of a ward by part of the name, digits matching kanji', async () => {
    const res = await t.call('GET', '/api/areas/141097/towns?q=%E5%A4%A7%E5%80%89%E5%B1%B13');
    expect(res.status).toBe(200);
    expect(res.json.items.map((x: { name: string }) => x.name)).toEqual(['大倉山三丁目']);
    expect(res.json.items[0].point).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
    const all = await t.call('GET', '/api/areas/141097/towns?limit=100');
    expect(all.json.total).toBeGreaterThan(90);
  });
  it('an unknown area or a prefecture is 404; a bad code is a field error', async () => {
    expect((await t.call('GET', '/api/areas/999999/towns')).status).toBe(404);
    expect((await t.call('GET', '/api/areas/140007/towns')).status).toBe(404);
    const bad = await t.call('GET', '/api/areas/14/towns');
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0].path).toBe('param.code');
  });
});

describe('her home town', () => {
  it('an unknown town is refused with a field error, and nothing is saved', async () => {
    const res = await t.call('PUT', '/api/members/me', {
      token: member.token,
      body: memberProfileInput({ homeTown: '大倉山九丁目' }),
    });
    expect(res.status).toBe(422);
    expect(res.json.error.issues).toEqual([
      expect.objectContaining({ path: 'body.homeTown', code: 'unknown_town' }),
    ]);
    expect((await t.call('GET', '/api/members/me', { token: member.token })).status).toBe(404);
  });
  it('is saved as the master writes it, with its point', async () => {
    const res = await t.call('PUT', '/api/members/me', {
      token: member.token,
      body: memberProfileInput({ homeTown: '大倉山3丁目', targetAreas: [] }),
    });
    expect(res.status).toBe(200);
    expect(res.json.homeTown).toBe('大倉山三丁目');
    expect(res.json.homePoint.lat).toBeCloseTo(35.52, 1);
    const row = await t.database.db
      .selectFrom('members')
      .select(['home_town', 'home_lat'])
      .where('user_id', '=', member.userId)
      .executeTakeFirstOrThrow();
    expect(row.home_town).toBe('大倉山三丁目');
  });
});

describe("a role's address", () => {
  it('finds its town from the address, or keeps the area point when none fits', async () => {
    const res = await t.call('POST', '/api/roles', {
      token: employer.token,
      body: roleInput({
        locations: [
          { areaCode: '141046', label: '関内デイサービス', address: '横浜市中区相生町1-2-3' },
          { areaCode: '141097', address: '私書箱12号' },
        ],
      }),
    });
    expect(res.status).toBe(201);
    const [naka, kohoku] = res.json.locations;
    expect(naka).toMatchObject({
      areaCode: '141046',
      town: '相生町一丁目',
      address: '横浜市中区相生町1-2-3',
    });
    expect(kohoku.town).toBeUndefined();
    expect(kohoku.address).toBe('私書箱12号');
    // Search without the engine filters on the same point the index holds: the town's.
    const row = await t.database.db
      .selectFrom('role_search_rows')
      .select(['lat', 'lng'])
      .where('role_id', '=', res.json.id)
      .executeTakeFirstOrThrow();
    expect({ lat: row.lat, lng: row.lng }).toEqual(naka.point);
  });
  it('a named town that does not exist is a field error', async () => {
    const res = await t.call('POST', '/api/roles', {
      token: employer.token,
      body: roleInput({ locations: [{ areaCode: '141046', town: '存在しない町' }] }),
    });
    expect(res.status).toBe(422);
    expect(res.json.error.issues[0]).toMatchObject({ path: 'body.locations.0.town', code: 'unknown_town' });
  });
});

/** Her browsing result for one role (ranked or infeasible, with the distance). */
async function hitFor(roleId: string) {
  const res = await t.call('GET', '/api/jobs?limit=50', { token: member.token });
  expect(res.status).toBe(200);
  const hit = res.json.items.find((h: { role: { id: string } }) => h.role.id === roleId);
  expect(hit).toBeDefined();
  return hit;
}

function reasonTexts(hit: { match: { components: { reasons: { text: string }[] }[] } }): string[] {
  return hit.match.components.flatMap((c) => c.reasons.map((r) => r.text));
}

describe('what she sees', () => {
  it('between two towns: the commute as 約N分（目安） and the distance from her town', async () => {
    const id = await t.publishRole(
      employer,
      roleInput({ locations: [{ areaCode: '141046', address: '相生町1-2' }] }),
    );
    await t.syncSearch();
    const hit = await hitFor(id);
    expect(hit.distancePrecision).toBe('town');
    expect(hit.distanceKm).toBeGreaterThan(7);
    expect(reasonTexts(hit)).toContain(`通勤 約${hit.match.commuteMinutes}分（目安・電車・バス）`);
    const page = await t.call('GET', `/jobs/${id}`, { token: member.token });
    expect(page.text).toContain('自宅の町から約');
    expect(page.text).not.toContain('1km以内');
  });
  it('with only the area known it says the figure is between municipality centres', async () => {
    const id = await t.publishRole(employer, roleInput({ locations: [{ areaCode: '141097' }] }));
    await t.syncSearch();
    const hit = await hitFor(id);
    expect(hit.distancePrecision).toBe('area');
    expect(reasonTexts(hit).some((x: string) => x.includes('市区町村の中心どうし'))).toBe(true);
    const page = await t.call('GET', `/jobs/${id}`, { token: member.token });
    expect(page.text).not.toContain('1km以内');
  });
  it("a coordinator's candidates for a role reach her from her town's point", async () => {
    const id = await t.publishRole(
      employer,
      roleInput({ locations: [{ areaCode: '141046', town: '相生町一丁目' }] }),
    );
    // Her stage is not assessed yet, so she is listed apart (infeasible), but she is retrieved.
    const res = await t.call('GET', `/api/roles/${id}/candidates?includeInfeasible=true`, {
      token: coordinator.token,
    });
    expect(res.status).toBe(200);
    expect(res.json.items.map((x: { member: { userId: string } }) => x.member.userId)).toContain(
      member.userId,
    );
  });
});

describe('the phone pages', () => {
  it("her profile form offers her area's towns and saves the one she types", async () => {
    const browser = browserFor(t, member.token);
    const page = await browser.get('/me/profile');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<option value="大倉山五丁目">');
    const fields = formFields(page.html, '/me/profile');
    expect(fields.homeTown).toBe('大倉山三丁目');
    const refused = await browser.post('/me/profile', { ...fields, homeTown: '大倉山九丁目' });
    expect(refused.status).toBe(422);
    expect(fieldError(refused.html, 'homeTown')).toBeTruthy();
    const saved = await browser.post('/me/profile', { ...fields, homeTown: '大倉山５' });
    expect(saved.status).toBe(303);
    const profile = await t.call('GET', '/api/members/me', { token: member.token });
    expect(profile.json.homeTown).toBe('大倉山五丁目');
  });

  it("the employer's role form takes a location's address and finds its town", async () => {
    const browser = browserFor(t, employer.token);
    const created = await t.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
    const page = await browser.get(`/employer/roles/${created.json.id}/edit`);
    const fields = formFields(page.html, `/employer/roles/${created.json.id}/edit`);
    const posted = await browser.post(`/employer/roles/${created.json.id}/edit`, {
      ...fields,
      'locations.0.address': '大倉山2-10-1',
    });
    expect(posted.status).toBe(303);
    const role = await t.call('GET', `/api/roles/${created.json.id}`, { token: employer.token });
    expect(role.json.locations[0]).toMatchObject({ town: '大倉山二丁目', address: '大倉山2-10-1' });
    const again = await browser.get(`/employer/roles/${created.json.id}/edit`);
    expect(formFields(again.html, `/employer/roles/${created.json.id}/edit`)['locations.0.address']).toBe(
      '大倉山2-10-1',
    );
  });
});
