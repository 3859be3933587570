/**
 * A role's job details on the pages: the employer form saves them and shows them back unchanged
 * (and refuses a capped allowance without its cap, writing nothing), the API refuses bad values
 * with field paths, the job page shows them with dates in Japanese, and the search page's
 * filters — ticked conditions, her words, a place and a range — are what the API accepts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTowns } from '../../seed/towns.ts';
import { messagesFor } from '../../src/web/i18n.ts';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  roleInput,
  type TestApp,
} from '../support/test-app.ts';
import { browserFor, fieldError } from '../support/web.ts';
import { formFields } from './form-fields.ts';

const ja = messagesFor('ja');

let t: TestApp;
let employer: Account;

const FULL = roleInput({
  closesOn: '2027-01-24',
  details: {
    commuteAllowance: { kind: 'capped', capYenPerMonth: 15000 },
    socialInsurance: 'yes',
    holidays: '夏季・年末年始休暇、有給休暇',
    access: '東急東横線「大倉山駅」徒歩5分',
    openings: 3,
    trialPeriod: { months: 3, note: '期間中も時給は同じです' },
    dressCode: '私服OK、髪色・ネイル自由',
    inexperiencedOk: true,
    withinDependentOk: true,
  },
});

beforeAll(async () => {
  t = await createTestApp();
  await loadTowns(t.database, ['141097']);
  const coordinator = await t.createStaff('coordinator');
  employer = await t.employerWithOrganisation({ coordinator });
});
afterAll(async () => t.close());

describe('job details', () => {
  it('the API keeps them and refuses bad values with field paths', async () => {
    const created = await t.call('POST', '/api/roles', { token: employer.token, body: FULL });
    expect(created.status, created.text).toBe(201);
    expect(created.json.details).toEqual(FULL.details);
    const bad = await t.call('POST', '/api/roles', {
      token: employer.token,
      body: roleInput({
        details: { commuteAllowance: { kind: 'capped' }, socialInsurance: 'maybe', openings: 0 },
      }),
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.details.commuteAllowance.capYenPerMonth',
      'body.details.openings',
      'body.details.socialInsurance',
    ]);
  });

  it('the employer form shows them and saves them back unchanged', async () => {
    const page = browserFor(t, employer.token);
    const created = await t.call('POST', '/api/roles', { token: employer.token, body: FULL });
    const path = `/employer/roles/${created.json.id}/edit`;
    const form = formFields((await page.get(path)).html, path);
    expect(form).toMatchObject({
      'details.commuteAllowance.kind': 'capped',
      'details.commuteAllowance.capYenPerMonth': '15000',
      'details.trialPeriod.months': '3',
      'details.inexperiencedOk': 'on',
    });
    const saved = await page.post(path, form);
    expect(saved.status).toBe(303);
    const after = await t.call('GET', `/api/roles/${created.json.id}`, { token: employer.token });
    expect(after.json.details).toEqual(FULL.details);

    // Stated no longer: blank fields and unticked boxes are "not stated".
    const cleared = await page.post(path, {
      ...form,
      expectedVersion: String(after.json.version),
      'details.commuteAllowance.kind': '',
      'details.socialInsurance': '',
      'details.trialPeriod.months': '',
      'details.trialPeriod.note': '',
      'details.inexperiencedOk': [],
    });
    expect(cleared.status).toBe(303);
    const blank = await t.call('GET', `/api/roles/${created.json.id}`, { token: employer.token });
    expect(blank.json.details).toEqual({
      holidays: FULL.details.holidays,
      access: FULL.details.access,
      openings: 3,
      dressCode: FULL.details.dressCode,
      withinDependentOk: true,
    });
  });

  it('the employer form refuses a capped allowance without its cap, next to the field, writing nothing', async () => {
    const page = browserFor(t, employer.token);
    const created = await t.call('POST', '/api/roles', { token: employer.token, body: FULL });
    const path = `/employer/roles/${created.json.id}/edit`;
    const form = formFields((await page.get(path)).html, path);
    const refused = await page.post(path, { ...form, 'details.commuteAllowance.capYenPerMonth': '' });
    expect(refused.status).toBe(422);
    expect(fieldError(refused.html, 'details.commuteAllowance.capYenPerMonth')).toBe(
      ja.employer.editor.errors.commuteCap,
    );
    const after = await t.call('GET', `/api/roles/${created.json.id}`, { token: employer.token });
    expect(after.json.version).toBe(created.json.version);
  });

  it('the job page shows them, dates in Japanese', async () => {
    const id = await t.publishRole(employer, FULL);
    const page = await browserFor(t).get(`/jobs/${id}`);
    expect(page.status).toBe(200);
    for (const text of [
      '応募締切',
      '2027年1月24日',
      '交通費',
      '支給（月15,000円まで）',
      '社会保険完備',
      '土日休み、夏季・年末年始休暇、有給休暇',
      '東急東横線「大倉山駅」徒歩5分',
      '3名',
      '3か月 · 期間中も時給は同じです',
      '私服OK、髪色・ネイル自由',
      '未経験OK、扶養内で働けます',
    ])
      expect(page.html, text).toContain(text);
    expect(page.html).not.toContain('2027-01-24<');
  });
});

describe('the search page', () => {
  it('sends what the API accepts: ticked conditions, her words, a place and a range', async () => {
    await t.publishRole(employer, FULL);
    const visitor = browserFor(t);
    const ticked = await visitor.get('/jobs?conditions=within_dependent&conditions=short_time');
    expect(ticked.status).toBe(200);
    expect(ticked.html).toMatch(/name="conditions" value="within_dependent"[^>]*checked/);
    expect(ticked.html).toMatch(/扶養内OK \(\d+\)/);
    const words = await visitor.get(`/jobs?q=${encodeURIComponent('パート 扶養内')}`);
    expect(words.html).toContain('「パート・アルバイト・扶養内OK」で絞り込みました');
    const near = await visitor.get(
      `/jobs?near.prefCode=14&near.name=${encodeURIComponent('港北区')}&centerTown=${encodeURIComponent('大倉山三丁目')}&within=30min`,
    );
    expect(near.status).toBe(200);
    expect(near.html).toContain('<option value="distance"');
    // Every role near the town says how far it is.
    expect(near.html).toMatch(/同じ市区町村内|市区町村の中心どうしで約\d+km/);
    const unknown = await visitor.get(
      `/jobs?near.prefCode=14&near.name=${encodeURIComponent('存在しない区')}`,
    );
    expect(unknown.status).toBe(422);
    expect(fieldError(unknown.html, 'near.name')).toBeTruthy();
    const badTown = await visitor.get(
      `/jobs?near.prefCode=14&near.name=${encodeURIComponent('港北区')}&centerTown=${encodeURIComponent('存在しない町')}`,
    );
    expect(badTown.status).toBe(422);
    expect(fieldError(badTown.html, 'centerTown')).toBeTruthy();
    const rangeAlone = await visitor.get('/jobs?within=5km');
    expect(rangeAlone.status).toBe(422);
    expect(fieldError(rangeAlone.html, 'near.name')).toBeTruthy();
  });

  it('a member’s 「働ける時間に合う仕事だけ」 checkbox (on) is accepted', async () => {
    const member = await t.signUp('member');
    expect(
      (await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() })).status,
    ).toBe(200);
    const page = await browserFor(t, member.token).get('/jobs?fitsAvailability=on');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/name="fitsAvailability" value="on" checked/);
  });
});
