/**
 * Her first steps on the member pages, in process: the guided first run (one section a page, her
 * other answers carried, saved from her week on), the saved profile folded into sections, her
 * résumé and whom it reaches, and saying yes to a role before she has a profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/web/i18n.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from '../support/test-app.ts';
import { browserFor, fieldError } from '../support/web.ts';
import { formFields } from './form-fields.ts';

const ja = messagesFor('ja');
let t: TestApp;
let employer: Account;
let roleId: string;

beforeAll(async () => {
  t = await createTestApp();
  employer = await t.employerWithOrganisation();
  roleId = await t.publishRole(employer);
});

afterAll(() => t.close());

describe('the first run, one step at a time, then sections she opens one by one', () => {
  it('asks where she lives, then her week (saved), then children and wishes, each saved as she goes', async () => {
    const newcomer = await t.signUp('member');
    const browser = browserFor(t, newcomer.token);
    const words = ja.member.profile;

    const first = await browser.get('/me/profile');
    expect(first.html).toContain(words.step(1, 4));
    expect(first.html).toContain('name="guided" value="place"');
    // Only her place is asked here: the week grid is not on this page.
    expect(first.html).not.toContain('name="week.mon.0.start"');
    const placeFields = {
      ...formFields(first.html, '/me/profile'),
      familyName: '木村',
      givenName: '直美',
      'area.prefCode': '14',
      'area.name': '港北区',
    };

    // A problem in this step keeps her on it, with only this step's messages.
    const wrong = await browser.post('/me/profile', { ...placeFields, 'area.name': 'どこにもない町' });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain(words.step(1, 4));
    expect(fieldError(wrong.html, 'area.name')).toContain('どこにもない町');
    expect(wrong.html).not.toContain('少なくとも');

    // Nothing can be saved before her week exists: the next step carries what she typed.
    const before = await t.rowCounts();
    const second = await browser.post('/me/profile', placeFields);
    expect(second.status).toBe(200);
    expect(second.html).toContain(words.step(2, 4));
    expect(second.html).toContain('name="familyName" value="木村"');
    expect(await t.rowCounts()).toEqual(before);

    const saved = await browser.post('/me/profile', {
      ...formFields(second.html, '/me/profile'),
      'week.mon.0.start': '09:00',
      'week.mon.0.end': '15:00',
      'week.thu.0.start': '09:00',
      'week.thu.0.end': '15:00',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/me/profile?step=children');
    const profile = (await t.call('GET', '/api/members/me', { token: newcomer.token })).json;
    expect(profile).toMatchObject({ familyName: '木村', area: { name: '横浜市港北区' } });
    expect(profile.availability.windows).toHaveLength(2);

    // Optional steps can wait: her profile is there to come back to.
    const third = await browser.get('/me/profile?step=children');
    expect(third.html).toContain(words.step(3, 4));
    expect(third.html).toContain(`href="/me/profile?step=wishes"`);
    const fourth = await browser.post('/me/profile', {
      ...formFields(third.html, '/me/profile'),
      'children.0.birthYear': '2021',
      'children.0.birthMonth': '5',
      'children.0.care': 'nursery',
    });
    expect(fourth.location).toBe('/me/profile?step=wishes');
    const wishes = await browser.get('/me/profile?step=wishes');
    expect(wishes.html).toContain(words.finish);
    const done = await browser.post('/me/profile', {
      ...formFields(wishes.html, '/me/profile'),
      skills: ['pc_basic', 'phone_reception'],
    });
    expect(done.location).toBe('/home');
    const after = (await t.call('GET', '/api/members/me', { token: newcomer.token })).json;
    expect(after.children).toEqual([{ birthYear: 2021, birthMonth: 5, care: 'nursery' }]);
    expect(after.skills.map((x: { tag: string }) => x.tag).sort()).toEqual(['pc_basic', 'phone_reception']);
    // Earlier answers survived every later step.
    expect(after.availability.windows).toEqual(profile.availability.windows);
    expect(after.familyName).toBe('木村');
  });

  it('the saved profile is folded into sections with what each holds; a missing part opens its own', async () => {
    const newcomer = await t.signUp('member');
    // The test profile gives no care limits, no town and no kind of work she wants.
    await t.call('PUT', '/api/members/me', { token: newcomer.token, body: memberProfileInput() });
    const browser = browserFor(t, newcomer.token);
    const page = await browser.get('/me/profile');
    expect(page.html.match(/<details class="profile-section"/g)).toHaveLength(5);
    expect(page.html).not.toMatch(/<details class="profile-section" id="section-week" open/);
    expect(page.html).toContain(ja.member.profile.sections.resume.title);
    const week = await browser.get('/me/profile?section=week');
    expect(week.html).toMatch(/<details class="profile-section" id="section-week" open/);
    expect(week.html).not.toMatch(/<details class="profile-section" id="section-place" open/);
    // The home page's missing parts link to the section that holds them.
    const home = await browser.get('/home');
    expect(home.html).toContain('href="/me/profile?section=week#section-week"');
  });
});

describe('her résumé', () => {
  it('is saved from the form, and an employer reads it only once introduced and only if she shares it', async () => {
    const mother = await t.signUp('member');
    await t.call('PUT', '/api/members/me', { token: mother.token, body: memberProfileInput() });
    const browser = browserFor(t, mother.token);
    const form = await browser.get('/me/profile?section=resume');
    const fields = {
      ...formFields(form.html, '/me/profile'),
      'resume.work.0.from': '2016年4月',
      'resume.work.0.to': '2021/3',
      'resume.work.0.organisation': '港北商事',
      'resume.work.0.role': '経理事務',
      'resume.education.0.finished': '2010-03',
      'resume.education.0.school': '横浜商業高校',
      'direction.selfPr': '経理を5年。子育てと両立できる職場で経験を活かしたいです。',
    };
    // A started row without its employer is named by the field.
    const incomplete = await browser.post('/me/profile', { ...fields, 'resume.work.1.from': '2021-04' });
    expect(incomplete.status).toBe(422);
    expect(fieldError(incomplete.html, 'resume.work.1.organisation')).toBeTruthy();
    expect(incomplete.html).toMatch(/<details class="profile-section" id="section-resume" open/);

    const accepted = await browser.post('/me/profile', fields);
    expect(accepted.html.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0]).toBeUndefined();
    expect(accepted.status).toBe(303);
    const saved = (await t.call('GET', '/api/members/me', { token: mother.token })).json;
    expect(saved.resume).toEqual({
      work: [{ from: '2016-04', to: '2021-03', organisation: '港北商事', role: '経理事務' }],
      education: [{ finished: '2010-03', school: '横浜商業高校' }],
      shareAtIntroduction: false,
    });
    // Her hometown target is a whole prefecture (福岡県): the form keeps it as it was.
    expect(saved.targetAreas.map((a: { code: string }) => a.code)).toEqual(['400009']);

    // Introduced by a coordinator at a role of an employer of her own.
    const coordinator = await t.createStaff('coordinator');
    const boss = await t.employerWithOrganisation({ coordinator });
    const role = await t.publishRole(boss);
    const match = await t.call('POST', `/api/jobs/${role}/interest`, { token: mother.token });
    const approved = await t.call('POST', `/api/matches/${match.json.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'approve', reason: '経理の経験が活かせます', expectedVersion: 1 },
    });
    expect(approved.status).toBe(200);
    const introduction = async () =>
      (await t.call('GET', '/api/introductions', { token: boss.token })).json.items.find(
        (x: { id: string }) => x.id === match.json.id,
      );
    expect((await introduction()).member.resume).toBeNull();

    const shared = await browser.get('/me/profile?section=resume');
    const sharing = { ...formFields(shared.html, '/me/profile'), 'resume.share': 'on' };
    expect((await browser.post('/me/profile', sharing)).status).toBe(303);
    const intro = await introduction();
    expect(intro.member.resume).toEqual({
      work: [{ from: '2016-04', to: '2021-03', organisation: '港北商事', role: '経理事務' }],
      education: [{ finished: '2010-03', school: '横浜商業高校' }],
      selfPr: '経理を5年。子育てと両立できる職場で経験を活かしたいです。',
    });
    const page = await browserFor(t, boss.token).get('/employer/introductions');
    expect(page.html).toContain('2016年4月〜2021年3月 港北商事');
    expect(page.html).toContain('経理を5年。');
  });
});

describe('saying yes before she has a profile', () => {
  it('leads her to the profile and back to the role, never to an error', async () => {
    const newcomer = await t.signUp('member');
    const browser = browserFor(t, newcomer.token);
    const job = await browser.get(`/jobs/${roleId}`);
    const back = `/me/profile?next=${encodeURIComponent(`/jobs/${roleId}`)}`;
    expect(job.html).toContain(ja.member.job.profileFirstButton);
    expect(job.html).toContain(`href="${back.replaceAll('&', '&amp;')}"`);
    // A post from an old page (or another tab) lands there too, with nothing written.
    const before = await t.rowCounts();
    const sent = await browser.post(`/jobs/${roleId}/interest`);
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(back);
    expect(await t.rowCounts()).toEqual(before);

    const form = await browser.get(back);
    expect(form.html).toContain(`name="next" value="/jobs/${roleId}"`);
    const saved = await browser.post('/me/profile', {
      next: `/jobs/${roleId}`,
      familyName: '山田',
      givenName: '花',
      'area.prefCode': '14',
      'area.name': '港北区',
      'week.mon.0.start': '08:30',
      'week.mon.0.end': '16:30',
      'week.wed.0.start': '08:30',
      'week.wed.0.end': '16:30',
      'week.fri.0.start': '08:30',
      'week.fri.0.end': '16:30',
      'availability.maxHoursPerWeek': '20',
      'commute.maxMinutes': '30',
      'commute.mode': 'transit',
      remoteWish: 'no_preference',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/jobs/${roleId}`);
    const again = await browser.get(`/jobs/${roleId}`);
    expect(again.html).toContain(ja.member.job.interested);
    const interest = await browser.post(`/jobs/${roleId}/interest`);
    expect(interest.location).toBe('/me/matches');
    // What happens next, in words, while she waits.
    const matches = await browser.get('/me/matches');
    expect(matches.html).toMatch(/コーディネーターが(条件を確かめ|あなたと求人の条件を確かめ)/);
  });

  it('never sends her off-site after saving', async () => {
    const newcomer = await t.signUp('member');
    const form = await browserFor(t, newcomer.token).get('/me/profile?next=//evil.example/');
    expect(form.html).not.toContain('name="next"');
  });
});
