/**
 * The employer's pages driven as a browser would (session cookie, anti-forgery token, urlencoded
 * forms): her organisation, the role list and editor, publishing and closing, and the
 * introductions with their outcomes. Each write is checked through the services the API uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/web/i18n.ts';
import { gridError, roleForm } from '../support/role-editor.ts';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  roleInput,
  type TestApp,
} from '../support/test-app.ts';
import { type Browser, browserFor, fieldError } from '../support/web.ts';
import { formFields } from './form-fields.ts';

const ja = messagesFor('ja');

let t: TestApp;
let coordinator: Account;
let employer: Account;
let employerPage: Browser;

/** The actor a service needs, read back the way the app resolves a session. */
async function actorOf(account: Account) {
  const resolved = await t.services.auth.resolve(account.token);
  if (!resolved) throw new Error('no session');
  return resolved;
}

const idFrom = (location: string | null) =>
  /\/employer\/roles\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
  employer = await t.employerWithOrganisation({ coordinator });
  employerPage = browserFor(t, employer.token);
});
afterAll(async () => t.close());

describe('who may open the employer pages', () => {
  const paths = [
    '/employer/organisation',
    '/employer/roles',
    '/employer/roles/new',
    '/employer/introductions',
  ];

  it('sends a signed-out visitor to sign in and back', async () => {
    for (const path of paths) {
      const page = await browserFor(t).get(path);
      expect(page.status).toBe(303);
      expect(page.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
  });

  it('refuses members and coordinators', async () => {
    const member = browserFor(t, (await t.signUp('member')).token);
    const staff = browserFor(t, coordinator.token);
    for (const path of paths) {
      expect((await member.get(path)).status).toBe(403);
      expect((await staff.get(path)).status).toBe(403);
    }
    const post = await member.post('/employer/organisation', { name: 'x' });
    expect(post.status).toBe(403);
  });

  it('renders each page for an employer', async () => {
    for (const path of paths) {
      const page = await employerPage.get(path);
      expect(page.status, path).toBe(200);
      expect(page.html).toContain('<!DOCTYPE html>');
    }
  });
});

describe('the organisation page', () => {
  it('points a new employer from the roles page to registering, and registers her organisation', async () => {
    const account = await t.signUp('employer');
    const page = browserFor(t, account.token);
    const roles = await page.get('/employer/roles');
    expect(roles.html).toContain('href="/employer/organisation"');
    expect(roles.html).toContain(ja.employer.roles.noOrganisationTitle);
    expect((await page.get('/employer/roles/new')).location).toBe('/employer/organisation');

    const form = await page.get('/employer/organisation');
    expect(form.html).toContain(ja.employer.organisation.registerTitle);

    const before = await t.rowCounts();
    const bad = await page.post('/employer/organisation', {
      name: '',
      scale: 'local',
      corporateNumber: '12345',
      'headOffice.prefCode': '14',
      'headOffice.name': '存在しない町',
      description: '地域の介護事業所です',
    });
    expect(bad.status).toBe(422);
    expect(fieldError(bad.html, 'name')).toBe('入力してください');
    expect(fieldError(bad.html, 'corporateNumber')).toBe(ja.employer.organisation.corporateNumberFormat);
    expect(fieldError(bad.html, 'headOffice.name')).toBe(ja.employer.place.notFound('存在しない町'));
    expect(bad.html).toContain('value="存在しない町"');
    expect(bad.html).toContain('地域の介護事業所です');
    expect(await t.rowCounts()).toEqual(before);

    const ambiguous = await page.post('/employer/organisation', {
      name: 'みなみ保育サービス',
      scale: 'local',
      'headOffice.prefCode': '14',
      'headOffice.name': '南区',
    });
    expect(ambiguous.status).toBe(422);
    expect(fieldError(ambiguous.html, 'headOffice.name')).toContain('横浜市南区');
    expect(fieldError(ambiguous.html, 'headOffice.name')).toContain('相模原市南区');

    const good = await page.post('/employer/organisation', {
      name: 'みなみ保育サービス',
      scale: 'local',
      corporateNumber: '１２３４５６７８９０１２３',
      'headOffice.prefCode': '14',
      'headOffice.name': '港北区',
      description: '',
    });
    expect(good.status).toBe(303);
    expect(good.location).toBe('/employer/organisation');
    const mine = await t.services.organisations.mine(await actorOf(account));
    expect(mine).toMatchObject({
      name: 'みなみ保育サービス',
      corporateNumber: '1234567890123',
      headOffice: { code: '141097' },
      verification: { state: 'unverified' },
    });

    const shown = await page.get('/employer/organisation');
    expect(shown.html).toContain('確認中: コーディネーターが確認すると求人を公開できます');
    expect(shown.html).toContain('value="横浜市港北区"');

    const edited = await page.post('/employer/organisation', {
      name: 'みなみ保育サービス',
      scale: 'national',
      'headOffice.prefCode': '14',
      'headOffice.name': '横浜市港北区',
      website: 'https://minami.example.jp',
    });
    expect(edited.status).toBe(303);
    expect(await t.services.organisations.mine(await actorOf(account))).toMatchObject({
      scale: 'national',
      website: 'https://minami.example.jp',
    });
  });

  it('shows a verified organisation as ready to publish', async () => {
    const page = await employerPage.get('/employer/organisation');
    expect(page.html).toContain(ja.employer.organisation.verification.verified);
  });
});

describe('the role pages', () => {
  it('creates a draft from the editor, then publishes it', async () => {
    const list = await employerPage.get('/employer/roles');
    expect(list.html).toContain('新しい求人をつくる');
    const form = await employerPage.get('/employer/roles/new');
    expect(form.html).toContain('name="week.mon.0.start"');
    expect(form.html).toContain('<button type="submit" class="button">保存する</button>');

    // The qualification picker offers the vocabulary's names with their readings as she types.
    expect(form.html).toContain('<option value="登録販売者">とうろくはんばいしゃ</option>');
    const created = await employerPage.post(
      '/employer/roles/new',
      // Typed: a name the vocabulary knows (普通免許 → driver_license) and one it does not.
      roleForm({ requiredQualificationText: ['普通免許', '認知症介護基礎研修', ''] }),
    );
    expect(created.status).toBe(303);
    const id = idFrom(created.location);
    expect(created.location).toBe(`/employer/roles/${id}/edit`);
    const role = await t.services.roles.get(await actorOf(employer), id);
    expect(role).toMatchObject({
      status: 'draft',
      title: '訪問介護スタッフ（週3日・9時〜15時）',
      pay: { min: 1250, max: 1400, unit: 'hour' },
      schedule: {
        kind: 'fixed',
        shifts: [
          { day: 'mon', start: '09:00', end: '15:00' },
          { day: 'wed', start: '09:00', end: '15:00' },
        ],
      },
      locations: [{ areaCode: '141097', label: '港北ステーション' }],
      skills: { required: [{ tag: 'caregiving', level: 1 }], niceToHave: [{ tag: 'pc_basic', level: 2 }] },
      requiredQualifications: ['care_initial_training', 'driver_license'],
      otherRequiredQualifications: ['認知症介護基礎研修'],
      facts: { sick_child_absence_ok: { available: true }, onsite_nursery: { available: false } },
    });
    expect(role.facts.short_time_allowed).toBeUndefined();

    const edit = await employerPage.get(`/employer/roles/${id}/edit`);
    expect(edit.status).toBe(200);
    expect(edit.html).toMatch(/name="otherRequiredQualifications" value="認知症介護基礎研修" checked/);
    expect(edit.html).toContain('value="港北ステーション"');
    expect(edit.html).toContain('<button type="submit" class="button">公開する</button>');

    const published = await employerPage.post(`/employer/roles/${id}/publish`);
    expect(published.status).toBe(303);
    expect(published.location).toBe('/employer/roles');
    expect((await t.services.roles.get(await actorOf(employer), id)).status).toBe('published');
    const after = await employerPage.get('/employer/roles');
    expect(after.html).toContain('公開中');
    expect(after.html).toContain('訪問介護スタッフ');
  });

  it('saves its own edit form back unchanged, for fixed and flexible roles', async () => {
    const flexible = roleInput({
      schedule: {
        kind: 'flexible',
        windows: [
          { day: 'mon', start: '09:00', end: '12:00' },
          { day: 'mon', start: '13:00', end: '17:30' },
          { day: 'thu', start: '10:00', end: '24:00' },
        ],
        minHoursPerWeek: 8.5,
        minDaysPerWeek: 2,
        preferredHoursPerWeek: 12,
        // Her real week's flexible fields: a page that dropped them would widen the role unseen.
        minHoursPerDay: 3,
        maxHoursPerWeek: 16,
        splitDaysAllowed: true,
      },
      remote: { mode: 'hybrid', officeDaysPerWeek: 2 },
      locations: [{ areaCode: '141097' }, { areaCode: '132063', label: '府中オフィス' }],
      facts: { onsite_nursery: false, relocation_housing: true },
      startDate: '2027-04-01',
    });
    for (const body of [roleInput(), flexible]) {
      const created = await t.call('POST', '/api/roles', { token: employer.token, body });
      const path = `/employer/roles/${created.json.id}/edit`;
      const saved = await employerPage.post(path, formFields((await employerPage.get(path)).html, path));
      expect(saved.status).toBe(303);
      const after = await t.services.roles.get(await actorOf(employer), created.json.id);
      expect({ ...after, updatedAt: '', version: 0 }).toEqual({ ...created.json, updatedAt: '', version: 0 });
    }
  });

  it('answers a bad post with the problems next to their fields, keeps what was typed, and writes nothing', async () => {
    const before = await t.rowCounts();
    const page = await employerPage.post(
      '/employer/roles/new',
      roleForm({
        title: '',
        description: '説明はこちら',
        'pay.min': 'たくさん',
        'week.mon.0.end': '',
        'week.wed.0.start': '15:00',
        'week.wed.0.end': '09:00',
        'locations.0.name': 'どこでもない市',
        'remote.mode': 'hybrid',
      }),
    );
    expect(page.status).toBe(422);
    expect(fieldError(page.html, 'title')).toBe('入力してください');
    expect(fieldError(page.html, 'pay.min')).toBe('数字で入力してください');
    expect(fieldError(page.html, 'locations.0.name')).toBe(ja.employer.place.notFound('どこでもない市'));
    expect(fieldError(page.html, 'remote.officeDaysPerWeek')).toBe(ja.employer.editor.errors.officeDays);
    expect(gridError(page.html, 'week.mon.0')).toBe('選んでください');
    expect(gridError(page.html, 'week.wed.0')).toBe('終わりは始まりより後にしてください');
    expect(page.html).toContain('説明はこちら');
    expect(page.html).toContain('value="たくさん"');
    expect(page.html).toContain('value="どこでもない市"');
    expect(page.html).toMatch(/<option value="required:1" selected="">/);
    expect(page.html).toContain('class="error-summary"');
    expect(await t.rowCounts()).toEqual(before);
  });

  it('says in plain words why a flexible schedule does not add up', async () => {
    const page = await employerPage.post(
      '/employer/roles/new',
      roleForm({
        'schedule.kind': 'flexible',
        'schedule.minHoursPerWeek': '40',
        'schedule.minDaysPerWeek': '3',
      }),
    );
    expect(page.status).toBe(422);
    expect(fieldError(page.html, 'schedule.minDaysPerWeek')).toBe(
      ja.employer.editor.errors.daysBeyondWindows,
    );
    expect(fieldError(page.html, 'schedule.minHoursPerWeek')).toBe(
      ja.employer.editor.errors.hoursBeyondWindows,
    );
  });

  it('takes the shortest day, the weekly cap and split days, and says when the cap is below the minimum', async () => {
    const flexible = {
      'schedule.kind': 'flexible',
      'schedule.minHoursPerWeek': '10',
      'schedule.minDaysPerWeek': '2',
    };
    const bad = await employerPage.post(
      '/employer/roles/new',
      roleForm({ ...flexible, 'schedule.maxHoursPerWeek': '8', 'schedule.preferredHoursPerWeek': '12' }),
    );
    expect(bad.status).toBe(422);
    expect(fieldError(bad.html, 'schedule.maxHoursPerWeek')).toBe(ja.employer.editor.errors.maxBelowMin);
    expect(fieldError(bad.html, 'schedule.preferredHoursPerWeek')).toBe(
      ja.employer.editor.errors.preferredAboveMax,
    );

    const saved = await employerPage.post(
      '/employer/roles/new',
      roleForm({
        ...flexible,
        'schedule.maxHoursPerWeek': '15',
        'schedule.minHoursPerDay': '３',
        'schedule.splitDaysAllowed': 'on',
      }),
    );
    expect(saved.status).toBe(303);
    const id = saved.location?.split('/')[3] as string;
    const role = await t.services.roles.get(await actorOf(employer), id);
    expect(role.schedule).toMatchObject({
      kind: 'flexible',
      minHoursPerWeek: 10,
      maxHoursPerWeek: 15,
      minHoursPerDay: 3,
      splitDaysAllowed: true,
    });
  });

  it('saves edits, and closes only once the box is ticked', async () => {
    const id = await t.publishRole(employer);
    const saved = await employerPage.post(
      `/employer/roles/${id}/edit`,
      roleForm({ title: '介護スタッフ（改訂）' }),
    );
    expect(saved.status).toBe(303);
    expect((await t.services.roles.get(await actorOf(employer), id)).title).toBe('介護スタッフ（改訂）');

    const unconfirmed = await employerPage.post(`/employer/roles/${id}/close`);
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.html).toContain(ja.employer.editor.confirmRequired);
    expect((await t.services.roles.get(await actorOf(employer), id)).status).toBe('published');

    const closed = await employerPage.post(`/employer/roles/${id}/close`, { confirm: 'on' });
    expect(closed.status).toBe(303);
    expect((await t.services.roles.get(await actorOf(employer), id)).status).toBe('closed');
    const summary = await employerPage.get(`/employer/roles/${id}`);
    expect(summary.status).toBe(200);
    expect(summary.html).toContain(ja.employer.editor.closedNote);
    expect((await employerPage.get(`/employer/roles/${id}/edit`)).location).toBe(`/employer/roles/${id}`);
  });

  it('deletes a draft once confirmed', async () => {
    const created = await employerPage.post('/employer/roles/new', roleForm());
    const id = idFrom(created.location);
    const deleted = await employerPage.post(`/employer/roles/${id}/delete`, { confirm: 'on' });
    expect(deleted.status).toBe(303);
    expect((await employerPage.get(`/employer/roles/${id}/edit`)).status).toBe(404);
  });

  it('explains that publishing waits for the organisation to be checked', async () => {
    const unverified = await t.employerWithOrganisation({ verified: false });
    const page = browserFor(t, unverified.token);
    const created = await page.post('/employer/roles/new', roleForm());
    const id = idFrom(created.location);
    const refused = await page.post(`/employer/roles/${id}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.html).toContain(ja.employer.editor.notVerified);
    expect((await t.services.roles.get(await actorOf(unverified), id)).status).toBe('draft');
    expect((await page.get('/employer/roles')).html).toContain(
      ja.employer.organisation.verification.unverified,
    );
  });

  it('tells a rejected organisation what to do rather than to wait', async () => {
    const rejected = await t.employerWithOrganisation({ verified: false });
    await t.call('POST', `/api/organisations/${rejected.organisationId}/verification`, {
      token: coordinator.token,
      body: { state: 'rejected' },
    });
    const page = browserFor(t, rejected.token);
    const id = idFrom((await page.post('/employer/roles/new', roleForm())).location);
    const refused = await page.post(`/employer/roles/${id}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.html).toContain(ja.employer.editor.rejected);
    expect(refused.html).not.toContain(ja.employer.editor.notVerified);
  });

  it('answers 404 for another organisation’s role or an unknown id', async () => {
    const id = await t.publishRole(employer);
    const other = browserFor(t, (await t.employerWithOrganisation({ coordinator })).token);
    expect((await other.get(`/employer/roles/${id}/edit`)).status).toBe(404);
    expect((await other.get(`/employer/roles/${id}`)).status).toBe(404);
    expect((await other.post(`/employer/roles/${id}/edit`, roleForm())).status).toBe(404);
    expect((await other.post(`/employer/roles/${id}/close`, { confirm: 'on' })).status).toBe(404);
    expect((await employerPage.get('/employer/roles/not-a-role/edit')).status).toBe(404);
    expect((await t.services.roles.get(await actorOf(employer), id)).status).toBe('published');
  });
});

describe('the introductions page', () => {
  async function introduce(roleId: string) {
    const member = await t.signUp('member');
    await t.call('PUT', '/api/members/me', {
      token: member.token,
      body: memberProfileInput({ familyName: '紹介', givenName: '花子', phone: '080-1111-2222' }),
    });
    const interest = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token });
    for (const [decision, version] of [
      ['review', 1],
      ['approve', 2],
    ] as const) {
      const decided = await t.call('POST', `/api/matches/${interest.json.id}/decision`, {
        token: coordinator.token,
        body: { decision, expectedVersion: version, reason: '条件が合っています' },
      });
      expect(decided.status).toBe(200);
    }
    return interest.json.id as string;
  }

  it('shows the introduced member and records interviewing, then hired', async () => {
    const roleId = await t.publishRole(employer);
    const matchId = await introduce(roleId);
    const page = await employerPage.get('/employer/introductions');
    expect(page.html).toContain('紹介 花子');
    expect(page.html).toContain('080-1111-2222');
    // What fits, not only who: her hours, skills, qualifications and the coordinator's words.
    expect(page.html).toContain('月・火・水・木・金 08:30〜16:30');
    expect(page.html).toContain('週25時間まで');
    expect(page.html).toContain('身体介護、パソコン基本操作');
    expect(page.html).toContain('介護職員初任者研修');
    expect(page.html).toContain('コーディネーターより：条件が合っています');
    expect(page.html).toContain(
      '<button type="submit" name="outcome" value="interviewing" class="button">面接中</button>',
    );

    const interviewing = await employerPage.post(`/employer/introductions/${matchId}/outcome`, {
      outcome: 'interviewing',
      expectedVersion: '3',
    });
    expect(interviewing.status).toBe(303);
    const stateOf = async () =>
      (await t.services.matches.introductions(await actorOf(employer))).find((i) => i.id === matchId);
    expect((await stateOf())?.state).toBe('interviewing');

    const before = await t.rowCounts();
    const noReason = await employerPage.post(`/employer/introductions/${matchId}/outcome`, {
      outcome: 'not_hired',
      expectedVersion: '4',
      [`reason.${matchId}`]: '  ',
    });
    expect(noReason.status).toBe(422);
    expect(fieldError(noReason.html, `reason.${matchId}`)).toBe(ja.employer.introductions.reasonRequired);
    expect(await t.rowCounts()).toEqual(before);
    const tampered = await employerPage.post(`/employer/introductions/${matchId}/outcome`, {
      outcome: 'hired',
      expectedVersion: 'abc',
    });
    expect(tampered.status).toBe(422);
    expect(tampered.html).toContain(ja.errors.invalidInput);
    expect(await t.rowCounts()).toEqual(before);

    const hired = await employerPage.post(`/employer/introductions/${matchId}/outcome`, {
      outcome: 'hired',
      expectedVersion: '4',
      [`reason.${matchId}`]: 'ぜひ一緒に働きましょう',
    });
    expect(hired.status).toBe(303);
    expect((await stateOf())?.state).toBe('hired');
    expect((await employerPage.get('/employer/introductions')).html).toContain(
      ja.employer.introductions.done,
    );
  });

  it('counts, per role, who is waiting for a coordinator and who was introduced, never who they are', async () => {
    const roleId = await t.publishRole(employer, roleInput({ title: '数える求人' }));
    await introduce(roleId);
    const waiting = await t.signUp('member');
    await t.call('PUT', '/api/members/me', {
      token: waiting.token,
      body: memberProfileInput({ familyName: '待機' }),
    });
    await t.call('POST', `/api/jobs/${roleId}/interest`, { token: waiting.token });
    const card = async () =>
      (await employerPage.get('/employer/roles')).html
        .split('<li class="card role-card">')
        .find((chunk) => chunk.includes('数える求人')) ?? '';
    expect(await card()).toContain('コーディネーター確認中 1人・ご紹介済み 1人');
    expect(await card()).not.toContain('待機');
    // Once she blocks the employer, it may not learn of her even as a number.
    await t.call('PUT', '/api/members/me', {
      token: waiting.token,
      body: memberProfileInput({
        familyName: '待機',
        privacy: { hideMunicipality: false, blockedOrganisationIds: [employer.organisationId] },
      }),
    });
    expect(await card()).toContain('コーディネーター確認中 0人・ご紹介済み 1人');
  });

  it('answers 404 for another organisation’s introduction', async () => {
    const matchId = await introduce(await t.publishRole(employer));
    const other = browserFor(t, (await t.employerWithOrganisation({ coordinator })).token);
    const page = await other.post(`/employer/introductions/${matchId}/outcome`, {
      outcome: 'interviewing',
      expectedVersion: '3',
    });
    expect(page.status).toBe(404);
    const bad = await other.post(`/employer/introductions/${matchId}/outcome`, { outcome: 'not_hired' });
    expect(bad.status).toBe(404);
    expect((await other.get('/employer/introductions')).html).not.toContain('紹介 花子');
  });
});
