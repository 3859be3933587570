/**
 * National firms with branches (issue 20): the employer keeps her organisation's branches (拠点),
 * only ever her own; a role picks branches as its locations, so one role is posted in several
 * hometowns at once; and a member whose target areas hold one of those places sees the role of a
 * 全国企業 (verified as national, branches in two prefectures or more) marked
 * 「地元で働ける全国企業」 — in search (API and page), on the job page, on her move page — while a local firm's role at
 * the same place, and anyone without that target area, are not marked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../src/web/i18n.ts';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  roleInput,
  type TestApp,
} from './support/test-app.ts';
import { browserFor, fieldError } from './support/web.ts';

const ja = messagesFor('ja');
const SHIZUOKA_CITY = '221007';
const AOI_WARD = '221015'; // 静岡市葵区, a ward of 静岡市
const KOHOKU_WARD = '141097'; // 横浜市港北区
const SENDAI_AOBA = '041017'; // 仙台市青葉区

let t: TestApp;
let coordinator: Account;
let national: Account;
let local: Account;
let hometown: Account;
let stayer: Account;
let branchIds: { shizuoka: string; kohoku: string };
let nationalRole: string;
let localRole: string;

async function addBranch(employer: Account, body: Record<string, unknown>) {
  const res = await t.call('POST', '/api/organisations/me/branches', { token: employer.token, body });
  expect(res.status, res.text).toBe(201);
  return res.json.id as string;
}

const hitFor = (items: { role: { id: string }; hometownNationalFirm?: true }[], id: string) =>
  items.find((h) => h.role.id === id);

beforeAll(async () => {
  t = await createTestApp({ search: true });
  coordinator = await t.createStaff('coordinator');
  national = await t.employerWithOrganisation({
    coordinator,
    organisation: { name: '株式会社ぜんこくケア', scale: 'national' },
  });
  // A local firm with branches in two prefectures too: branches alone do not make a 全国企業.
  local = await t.employerWithOrganisation({ coordinator, organisation: { name: '有限会社まちのケア' } });
  await addBranch(local, { name: '静岡の事業所', areaCode: AOI_WARD });
  await addBranch(local, { name: '港北の事業所', areaCode: KOHOKU_WARD });
  hometown = await t.signUp('member');
  const saved = await t.call('PUT', '/api/members/me', {
    token: hometown.token,
    body: memberProfileInput({
      targetAreas: [{ areaCode: SHIZUOKA_CITY, needsRelocationSupport: false, moveFrom: '2027-04' }],
    }),
  });
  expect(saved.status, saved.text).toBe(200);
  stayer = await t.signUp('member');
  await t.call('PUT', '/api/members/me', {
    token: stayer.token,
    body: memberProfileInput({ targetAreas: [] }),
  });
});

afterAll(() => t.close());

describe('her branches', () => {
  it('are added, listed by prefecture with the town found from the address, and changed', async () => {
    branchIds = {
      kohoku: await addBranch(national, { name: '横浜港北支店', areaCode: KOHOKU_WARD }),
      shizuoka: await addBranch(national, {
        name: '静岡支店',
        areaCode: AOI_WARD,
        address: '紺屋町11-1',
      }),
    };
    const list = await t.call('GET', '/api/organisations/me/branches', { token: national.token });
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ prefectures: 2, nationalFirm: true });
    // 神奈川県 (14) before 静岡県 (22).
    expect(list.json.items.map((b: { name: string }) => b.name)).toEqual(['横浜港北支店', '静岡支店']);
    expect(list.json.items[1]).toMatchObject({
      area: { code: AOI_WARD, name: '静岡市葵区', prefecture: '静岡県', prefCode: '22' },
      address: '紺屋町11-1',
    });

    const changed = await t.call('PUT', `/api/organisations/me/branches/${branchIds.kohoku}`, {
      token: national.token,
      body: { name: '横浜支店', areaCode: KOHOKU_WARD },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json.name).toBe('横浜支店');
  });

  it('refuse an unknown area or town beside the field, writing nothing', async () => {
    const before = (await t.call('GET', '/api/organisations/me/branches', { token: national.token })).json;
    const area = await t.call('POST', '/api/organisations/me/branches', {
      token: national.token,
      body: { name: '架空支店', areaCode: '999999' },
    });
    expect(area.status).toBe(422);
    expect(area.json.error.issues[0].path).toBe('body.areaCode');
    const town = await t.call('POST', '/api/organisations/me/branches', {
      token: national.token,
      body: { name: '架空支店', areaCode: AOI_WARD, town: 'どこにもない町' },
    });
    expect(town.status).toBe(422);
    expect(town.json.error.issues[0]).toMatchObject({ path: 'body.town', code: 'unknown_town' });
    expect((await t.call('GET', '/api/organisations/me/branches', { token: national.token })).json).toEqual(
      before,
    );
  });

  it('are hers alone: another employer’s change or delete of one is a 404', async () => {
    for (const [method, body] of [
      ['PUT', { name: '乗っ取り', areaCode: KOHOKU_WARD }],
      ['DELETE', undefined],
    ] as const) {
      const res = await t.call(method, `/api/organisations/me/branches/${branchIds.shizuoka}`, {
        token: local.token,
        ...(body ? { body } : {}),
      });
      expect(res.status, method).toBe(404);
      expect(res.json.error.code).toBe('not_found');
    }
    const mine = await t.call('GET', '/api/organisations/me/branches', { token: national.token });
    expect(mine.json.items.map((b: { name: string }) => b.name)).toEqual(['横浜支店', '静岡支店']);
    const theirs = await t.call('GET', '/api/organisations/me/branches', { token: local.token });
    expect(theirs.json.items.map((b: { name: string }) => b.name)).not.toContain('静岡支店');
  });
});

describe('a role posted at her branches', () => {
  it('takes each branch as a location, with its name and address (listed by area code)', async () => {
    const created = await t.call('POST', '/api/roles', {
      token: national.token,
      body: roleInput({
        title: '全国チェーンの介護スタッフ（静岡・横浜）',
        locations: [],
        branchIds: [branchIds.shizuoka, branchIds.kohoku],
      }),
    });
    expect(created.status, created.text).toBe(201);
    expect(
      created.json.locations.map((l: { areaCode: string; label: string; address?: string }) => [
        l.areaCode,
        l.label,
        l.address,
      ]),
    ).toEqual([
      [KOHOKU_WARD, '横浜支店', undefined],
      [AOI_WARD, '静岡支店', '紺屋町11-1'],
    ]);
    expect(created.json).not.toHaveProperty('branchIds');
    nationalRole = created.json.id;
    expect(
      (await t.call('POST', `/api/roles/${nationalRole}/publish`, { token: national.token })).status,
    ).toBe(200);
    localRole = await t.publishRole(
      local,
      roleInput({
        title: 'まちの介護スタッフ（静岡）',
        locations: [{ areaCode: AOI_WARD, label: '静岡の事業所' }],
      }),
    );
    await t.syncSearch();
  });

  it('keeps a location she typed in the same area as a branch, and refuses another firm’s branch', async () => {
    const kept = await t.call('POST', '/api/roles', {
      token: national.token,
      body: roleInput({
        locations: [{ areaCode: AOI_WARD, label: '葵区の新しい店' }],
        branchIds: [branchIds.shizuoka],
      }),
    });
    expect(kept.status, kept.text).toBe(201);
    expect(kept.json.locations.map((l: { label: string }) => l.label)).toEqual(['葵区の新しい店']);

    const before = await t.rowCounts();
    const foreign = await t.call('POST', '/api/roles', {
      token: local.token,
      body: roleInput({ locations: [], branchIds: [branchIds.shizuoka] }),
    });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error.issues[0]).toMatchObject({ path: 'body.branchIds.0', code: 'unknown_branch' });
    expect(foreign.text).not.toContain('紺屋町');
    expect(await t.rowCounts()).toEqual(before);
  });
});

describe('「地元で働ける全国企業」', () => {
  it('marks the national firm’s role in her target area, in search and on the job', async () => {
    const search = await t.call('GET', '/api/jobs?limit=50', { token: hometown.token });
    expect(search.status).toBe(200);
    expect(hitFor(search.json.items, nationalRole)).toMatchObject({ hometownNationalFirm: true });
    // A local firm at the very same place is not a 全国企業, branches or not.
    expect(hitFor(search.json.items, localRole)).toBeDefined();
    expect(hitFor(search.json.items, localRole)).not.toHaveProperty('hometownNationalFirm');

    const page = await browserFor(t, hometown.token).get(`/jobs/${nationalRole}`);
    expect(page.html).toContain(ja.member.jobs.hometownNationalFirm);
    const results = await browserFor(t, hometown.token).get('/jobs');
    expect(results.html).toContain(ja.member.jobs.hometownNationalFirm);
  });

  it('holds for a whole prefecture as her target, and not for another ward of the city', async () => {
    const prefecture = await t.signUp('member');
    await t.call('PUT', '/api/members/me', {
      token: prefecture.token,
      body: memberProfileInput({ targetAreas: [{ areaCode: '220001', needsRelocationSupport: false }] }),
    });
    const anywhere = await t.call('GET', '/api/jobs?limit=50', { token: prefecture.token });
    expect(hitFor(anywhere.json.items, nationalRole)).toMatchObject({ hometownNationalFirm: true });
    const suruga = await t.signUp('member');
    await t.call('PUT', '/api/members/me', {
      token: suruga.token,
      body: memberProfileInput({ targetAreas: [{ areaCode: '221023', needsRelocationSupport: false }] }),
    });
    const elsewhere = await t.call('GET', '/api/jobs?limit=50', { token: suruga.token });
    expect(hitFor(elsewhere.json.items, nationalRole)).toBeDefined();
    expect(elsewhere.json.items.some((h: { hometownNationalFirm?: true }) => h.hometownNationalFirm)).toBe(
      false,
    );
  });

  it('is on her move page for the place', async () => {
    const moves = await t.call('GET', '/api/members/me/moves', { token: hometown.token });
    const roles = moves.json.items[0].roles;
    expect(hitFor(roles, nationalRole)).toMatchObject({ hometownNationalFirm: true });
    const page = await browserFor(t, hometown.token).get('/me/moves');
    expect(page.html).toContain(ja.member.jobs.hometownNationalFirm);
  });

  it('is not shown to a member without that target area, nor to a visitor', async () => {
    const search = await t.call('GET', '/api/jobs?limit=50', { token: stayer.token });
    expect(hitFor(search.json.items, nationalRole)).toBeDefined();
    expect(search.json.items.some((h: { hometownNationalFirm?: true }) => h.hometownNationalFirm)).toBe(
      false,
    );
    const visitor = await t.call('GET', '/api/jobs?limit=50');
    expect(visitor.json.items.some((h: { hometownNationalFirm?: true }) => h.hometownNationalFirm)).toBe(
      false,
    );
    expect((await browserFor(t, stayer.token).get('/jobs')).html).not.toContain(
      ja.member.jobs.hometownNationalFirm,
    );
  });

  it('needs branches in two prefectures: with one left, the firm is no longer marked', async () => {
    const removed = await t.call('DELETE', `/api/organisations/me/branches/${branchIds.kohoku}`, {
      token: national.token,
    });
    expect(removed.status).toBe(204);
    const list = await t.call('GET', '/api/organisations/me/branches', { token: national.token });
    expect(list.json).toMatchObject({ prefectures: 1, nationalFirm: false });
    // The role stays posted where it was: its locations are its own.
    const role = await t.call('GET', `/api/roles/${nationalRole}`, { token: national.token });
    expect(role.json.locations).toHaveLength(2);
    const marked = async () =>
      hitFor((await t.call('GET', '/api/jobs?limit=50', { token: hometown.token })).json.items, nationalRole)
        ?.hometownNationalFirm;
    expect(await marked()).toBeUndefined();
    expect((await browserFor(t, hometown.token).get(`/jobs/${nationalRole}`)).html).not.toContain(
      ja.member.jobs.hometownNationalFirm,
    );
    branchIds.kohoku = await addBranch(national, { name: '仙台支店', areaCode: SENDAI_AOBA });
    expect(await marked()).toBe(true);
  });

  it('rests on the coordinator’s check: a verified firm turning national is checked again', async () => {
    const org = await t.call('GET', '/api/organisations/me', { token: local.token });
    const res = await t.call('PUT', '/api/organisations/me', {
      token: local.token,
      body: {
        name: org.json.name,
        scale: 'national',
        headOfficeAreaCode: org.json.headOffice.code,
        description: org.json.description,
      },
    });
    expect(res.json.verification.state).toBe('unverified');
    const list = await t.call('GET', '/api/organisations/me/branches', { token: local.token });
    expect(list.json).toMatchObject({ prefectures: 2, nationalFirm: false });
  });
});

describe('the branch pages', () => {
  it('add a branch from the form, and say what is wrong beside the fields', async () => {
    const employer = browserFor(t, national.token);
    const page = await employer.get('/employer/branches');
    expect(page.status).toBe(200);
    expect(page.html).toContain('静岡支店');
    expect(page.html).toContain(ja.employer.branches.national);

    const bad = await employer.post('/employer/branches', {
      name: '',
      'area.prefCode': '22',
      'area.name': '',
    });
    expect(bad.status).toBe(422);
    expect(fieldError(bad.html, 'name')).toBeTruthy();
    expect(fieldError(bad.html, 'area.name')).toBe(ja.employer.place.enterMunicipality);

    const added = await employer.post('/employer/branches', {
      name: '浜松営業所',
      'area.prefCode': '22',
      'area.name': '浜松市中区',
    });
    expect(added.status, added.html).toBe(303);
    const list = await t.call('GET', '/api/organisations/me/branches', { token: national.token });
    expect(list.json.items.map((b: { name: string }) => b.name)).toContain('浜松営業所');
  });

  it('change and delete a branch from its own page, her own only', async () => {
    const employer = browserFor(t, national.token);
    const list = await t.call('GET', '/api/organisations/me/branches', { token: national.token });
    const hamamatsu = list.json.items.find((b: { name: string }) => b.name === '浜松営業所').id as string;
    const page = await employer.get(`/employer/branches/${hamamatsu}`);
    expect(page.html).toContain('value="浜松市中区"');
    expect((await browserFor(t, local.token).get(`/employer/branches/${hamamatsu}`)).status).toBe(404);
    const refused = await browserFor(t, local.token).post(`/employer/branches/${hamamatsu}/delete`);
    expect(refused.status).toBe(404);

    const changed = await employer.post(`/employer/branches/${hamamatsu}`, {
      name: '浜松駅前営業所',
      'area.prefCode': '22',
      'area.name': '浜松市中区',
      address: '砂山町1-1',
    });
    expect(changed.status, changed.html).toBe(303);
    const after = await t.call('GET', '/api/organisations/me/branches', { token: national.token });
    expect(after.json.items.find((b: { id: string }) => b.id === hamamatsu)).toMatchObject({
      name: '浜松駅前営業所',
      address: '砂山町1-1',
    });
    expect((await employer.post(`/employer/branches/${hamamatsu}/delete`)).status).toBe(303);
    const gone = await t.call('GET', '/api/organisations/me/branches', { token: national.token });
    expect(gone.json.items.map((b: { id: string }) => b.id)).not.toContain(hamamatsu);
  });

  it('show the coordinator checking a firm where its branches are', async () => {
    const page = await browserFor(t, coordinator.token).get('/coordinator/organisations?state=verified');
    // 静岡支店 in 静岡県, 仙台支店 in 宮城県 (by prefecture code).
    expect(page.html).toContain(ja.coordinator.organisations.branchSpread(2, ['宮城県', '静岡県']));
    const waiting = await browserFor(t, coordinator.token).get('/coordinator/organisations');
    expect(waiting.html).toContain('有限会社まちのケア');
    expect(waiting.html).toContain(ja.coordinator.organisations.branchSpread(2, ['神奈川県', '静岡県']));
  });

  it('offer her branches in the role editor, ticked where the role is posted at them', async () => {
    const employer = browserFor(t, national.token);
    const editor = await employer.get(`/employer/roles/${nationalRole}/edit`);
    expect(editor.html).toContain(ja.employer.branches.pick);
    expect(editor.html).toMatch(new RegExp(`value="${branchIds.shizuoka}" checked`));
    const fresh = await browserFor(t, local.token).get('/employer/roles/new');
    expect(fresh.html).toContain('静岡の事業所');
  });
});
