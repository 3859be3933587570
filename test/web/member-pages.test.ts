/**
 * The member's pages in process: who may see them, her profile saved from the form (and a bad
 * form refused with Japanese messages next to the fields, writing nothing), privacy, interest and
 * withdrawal, the language switch, and what a shared phone must never show or keep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formTokenForSession } from '../../src/web/csrf.ts';
import { messagesFor } from '../../src/web/i18n.ts';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  roleInput,
  TEST_PASSWORD,
  type TestApp,
} from '../support/test-app.ts';
import { browserFor, fieldError } from '../support/web.ts';
import { formFields } from './form-fields.ts';

const ja = messagesFor('ja');
let t: TestApp;
let member: Account;
let employer: Account;
let roleId: string;

beforeAll(async () => {
  t = await createTestApp();
  member = await t.signUp('member');
  employer = await t.employerWithOrganisation();
  roleId = await t.publishRole(employer);
});

afterAll(() => t.close());

describe('who may see the member pages', () => {
  it.each([
    '/home',
    '/me/profile',
    '/me/privacy',
    '/me/matches',
  ])('%s sends a visitor to sign in and back', async (path) => {
    const page = await browserFor(t).get(path);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
  });

  it.each(['/home', '/me/profile', '/me/matches'])('%s is refused to an employer', async (path) => {
    const page = await browserFor(t, employer.token).get(path);
    expect(page.status).toBe(403);
    expect(page.html).toContain('このページを見る権限がありません');
  });

  it('a visitor can browse work without an account', async () => {
    const t2 = browserFor(t);
    const list = await t2.get('/jobs');
    expect(list.status).toBe(200);
    expect(list.html).toContain('デイサービスの介護スタッフ');
    const detail = await t2.get(`/jobs/${roleId}`);
    expect(detail.status).toBe(200);
    expect(detail.html).toContain('ログインして「話を聞いてみたい」を送る');
  });

  it('an unknown role is a 404 page', async () => {
    const page = await browserFor(t, member.token).get('/jobs/3f1c2a8e-4b1d-4c55-9a43-1b2c3d4e5f60');
    expect(page.status).toBe(404);
    expect(page.html).toContain('ページが見つかりません');
  });
});

describe('her profile', () => {
  it('home invites her to write a profile first', async () => {
    const page = await browserFor(t, member.token).get('/home');
    expect(page.status).toBe(200);
    expect(page.html).toContain('まずはプロフィールを登録しましょう');
  });

  it('a form with problems is shown again with Japanese messages by the fields, keeps her input, and writes nothing', async () => {
    const before = await t.rowCounts();
    const page = await browserFor(t, member.token).post('/me/profile', {
      familyName: '',
      givenName: '美咲',
      'area.prefCode': '14',
      'area.name': 'どこにもない町',
      'week.mon.0.start': '09:00',
      'week.mon.0.end': '',
      'week.tue.0.start': '15:00',
      'week.tue.0.end': '09:00',
      'care.thu.leaveHomeFrom': '18:00',
      'care.thu.homeBy': '08:00',
      'availability.maxHoursPerWeek': '９９',
      'commute.maxMinutes': '30',
      'commute.mode': 'transit',
      remoteWish: 'no_preference',
    });
    expect(page.status).toBe(422);
    expect(fieldError(page.html, 'familyName')).toBe('入力してください');
    expect(fieldError(page.html, 'area.name')).toContain('どこにもない町');
    expect(fieldError(page.html, 'availability.maxHoursPerWeek')).toBe('60以下にしてください');
    expect(fieldError(page.html, 'care.thu.homeBy')).toBe('家を出られる時刻より後にしてください');
    expect(page.html).toMatch(/id="f-week-mon-0"[^>]*>[\s\S]*?選んでください/);
    expect(page.html).toMatch(/id="f-week-tue-0"[^>]*>[\s\S]*?終わりは始まりより後にしてください/);
    expect(page.html).toContain('value="どこにもない町"');
    expect(page.html).toContain('value="美咲"');
    // The summary above the form names each field it lists.
    const summary = page.html.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0] ?? '';
    expect(summary).toContain(`href="#f-familyName">${ja.member.profile.familyName}：入力してください</a>`);
    expect(summary).toContain(
      `href="#f-week-tue-0">${ja.weekdaysLong.tue}：終わりは始まりより後にしてください</a>`,
    );
    expect(await t.rowCounts()).toEqual(before);
  });

  it('a complete form saves her profile through the service, full-width digits included', async () => {
    const browser = browserFor(t, member.token);
    const page = await browser.post('/me/profile', {
      familyName: '佐藤',
      givenName: '美咲',
      phone: '090-1234-5678',
      'area.prefCode': '14',
      'area.name': '港北区',
      'target.prefCode': '40',
      'target.name': '福岡市',
      'target.relocation': 'on',
      // Her plan for the move, typed loosely: the month with a slash, full-width minutes.
      'target.moveFrom': '2027/4',
      'target.maxCommuteMinutes': '２０',
      'week.mon.0.start': '08:30',
      'week.mon.0.end': '16:30',
      'week.tue.0.start': '08:30',
      'week.tue.0.end': '12:00',
      'week.tue.1.start': '13:00',
      'week.tue.1.end': '16:30',
      'week.wed.0.start': '08:30',
      'week.wed.0.end': '16:30',
      'week.fri.0.start': '08:30',
      'week.fri.0.end': '16:30',
      // Thursday evening only from home, once the children sleep.
      'week.thu.0.start': '20:00',
      'week.thu.0.end': '22:00',
      'week.thu.0.remoteOnly': 'on',
      // Drop-off on weekdays; Wednesday her mother picks up, so she may come home later.
      'care.mon.leaveHomeFrom': '08:15',
      'care.mon.homeBy': '17:30',
      'care.tue.homeBy': '17:30',
      'care.wed.homeBy': '19:00',
      'availability.maxHoursPerWeek': '２５',
      'commute.maxMinutes': '45',
      'commute.mode': 'transit',
      'children.0.birthYear': '2022',
      'children.0.birthMonth': '6',
      'children.0.care': 'nursery',
      'children.0.pickupTime': '17:45',
      skills: ['caregiving', 'pc_basic'],
      qualifications: ['care_initial_training'],
      // Typed in the picker: a name the vocabulary knows, one it does not, and an empty row.
      qualificationText: ['宅建', 'ドローン操縦士', ''],
      // Her direction: two choices in order (the third left blank), her words, her pace.
      'direction.choice.0': 'nursing',
      'direction.choice.1': 'care',
      'direction.choice.2': '',
      'direction.selfPr': '准看護師の資格を活かして、訪問看護に挑戦したいです',
      'direction.pace': 'career_step',
      'pay.floor.amount': '1,100',
      'pay.floor.unit': 'hour',
      employmentTypes: ['part_time'],
      remoteWish: 'no_preference',
    });
    expect(page.status).toBe(303);
    expect(page.location).toBe('/home');
    const saved = await t.call('GET', '/api/members/me', { token: member.token });
    expect(saved.json).toMatchObject({
      familyName: '佐藤',
      area: { code: '141097' },
      targetAreas: [
        { code: '401307', needsRelocationSupport: true, moveFrom: '2027-04', maxCommuteMinutes: 20 },
      ],
      availability: {
        maxHoursPerWeek: 25,
        windows: [
          { day: 'mon', start: '08:30', end: '16:30' },
          { day: 'tue', start: '08:30', end: '12:00' },
          { day: 'tue', start: '13:00', end: '16:30' },
          { day: 'wed', start: '08:30', end: '16:30' },
          { day: 'thu', start: '20:00', end: '22:00', remoteOnly: true },
          { day: 'fri', start: '08:30', end: '16:30' },
        ],
        careLimits: [
          { day: 'mon', leaveHomeFrom: '08:15', homeBy: '17:30' },
          { day: 'tue', homeBy: '17:30' },
          { day: 'wed', homeBy: '19:00' },
        ],
      },
      children: [{ birthYear: 2022, birthMonth: 6, care: 'nursery', pickupTime: '17:45' }],
      pay: { floor: { amount: 1100, unit: 'hour' } },
      qualifications: ['care_initial_training', 'real_estate_broker'],
      otherQualifications: ['ドローン操縦士'],
      direction: {
        desiredCategories: ['nursing', 'care'],
        selfPr: '准看護師の資格を活かして、訪問看護に挑戦したいです',
        pace: 'career_step',
      },
    });
  });

  it('the editor shows the saved profile, and saving it unchanged changes nothing', async () => {
    const browser = browserFor(t, member.token);
    const before = (await t.call('GET', '/api/members/me', { token: member.token })).json;
    const form = await browser.get('/me/profile');
    expect(form.status).toBe(200);
    // The qualification picker: what she holds ticked, the names offered with their readings.
    expect(form.html).toMatch(
      /<input type="checkbox" name="otherQualifications" value="ドローン操縦士" checked/,
    );
    expect(form.html).toContain('<option value="看護師">かんごし</option>');
    // What the form shows is what she saved: the remote-only mark and each day's own limits.
    const fields = formFields(form.html, '/me/profile');
    expect(fields).toMatchObject({
      'week.thu.0.remoteOnly': 'on',
      'care.mon.leaveHomeFrom': '08:15',
      'care.wed.homeBy': '19:00',
      'care.thu.homeBy': '',
    });
    expect(fields['week.mon.0.remoteOnly']).toBeUndefined();
    const page = await browser.post('/me/profile', fields);
    expect(page.status).toBe(303);
    const after = (await t.call('GET', '/api/members/me', { token: member.token })).json;
    expect({ ...after, updatedAt: undefined }).toEqual({ ...before, updatedAt: undefined });
  });

  it('home shows her ranked work with the reasons', async () => {
    const page = await browserFor(t, member.token).get('/home');
    expect(page.html).toContain('あなたに合いそうな仕事');
    expect(page.html).toContain('デイサービスの介護スタッフ');
    expect(page.html).toMatch(/<li class="positive">[^<]+<\/li>/);
  });

  it('home says how complete her profile is and what a missing part would bring her', async () => {
    const newcomer = await t.signUp('member');
    // The test profile gives no care limits, no town and no kind of work she wants.
    await t.call('PUT', '/api/members/me', { token: newcomer.token, body: memberProfileInput() });
    const page = await browserFor(t, newcomer.token).get('/home');
    const words = ja.member.home.completeness;
    expect(page.html).toMatch(/プロフィールの充実度 \d+%/);
    expect(page.html).toContain(words.parts.careLimits);
    expect(page.html).not.toContain(words.parts.skills);
  });
});

describe('roles her search leaves out', () => {
  it('the page says how many and why, and one tap shows them with what does not fit', async () => {
    // Thursday daytime: her Thursday is only two evening hours from home.
    const thursdayRole = await t.publishRole(
      employer,
      roleInput({
        title: '木曜日の受付スタッフ',
        schedule: { kind: 'fixed', shifts: [{ day: 'thu', start: '09:00', end: '15:00' }] },
      }),
    );
    const browser = browserFor(t, member.token);
    const page = await browser.get('/jobs');
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('木曜日の受付スタッフ');
    const note = page.html.match(/<p class="hidden-roles">[\s\S]*?<\/p>/)?.[0] ?? '';
    expect(note).toMatch(/条件外の求人が\d+件あります（[^）]*勤務時間が合わない \d+件/);
    const link = note.match(/href="([^"]+)"[^>]*>条件外も表示</)?.[1]?.replaceAll('&amp;', '&');
    expect(link).toBe('/jobs?includeInfeasible=true');

    const all = await browser.get(link as string);
    expect(all.status).toBe(200);
    const card = all.html.match(
      /<article class="card infeasible">(?:(?!<\/article>)[\s\S])*木曜日の受付スタッフ[\s\S]*?<\/article>/,
    )?.[0];
    expect(card).toContain('条件外');
    expect(card).toMatch(/<li class="negative">[^<]+<\/li>/);
    // The way back, and the filter form keeps the choice ticked.
    expect(all.html).toContain('条件に合う求人だけにもどす');
    expect(all.html).toMatch(/name="includeInfeasible" value="on" checked/);
    const detail = await browser.get(`/jobs/${thursdayRole}`);
    expect(detail.html).toContain('この仕事が難しい理由');
  });
});

describe('interest, withdrawal and privacy', () => {
  it('話を聞いてみたい creates her match, shown on her matches page', async () => {
    const browser = browserFor(t, member.token);
    const detail = await browser.get(`/jobs/${roleId}`);
    expect(detail.html).toContain('あなたに合う理由');
    const sent = await browser.post(`/jobs/${roleId}/interest`);
    expect(sent.status).toBe(303);
    expect(sent.location).toBe('/me/matches');
    const matches = await browser.get('/me/matches');
    expect(matches.html).toContain('話を聞きたい');
    expect(matches.html).toContain('コーディネーターの確認を待っています。');
  });

  it('she can withdraw, and only from her own match', async () => {
    const [match] = (await t.call('GET', '/api/members/me/matches', { token: member.token })).json.items;
    const someoneElse = await t.signUp('member');
    const foreign = await browserFor(t, someoneElse.token).post(`/me/matches/${match.id}/withdraw`, {
      reason: '',
    });
    expect(foreign.status).toBe(404);
    const page = await browserFor(t, member.token).post(`/me/matches/${match.id}/withdraw`, {
      reason: '家庭の事情で',
    });
    expect(page.status).toBe(303);
    const [after] = (await t.call('GET', '/api/members/me/matches', { token: member.token })).json.items;
    expect(after.state).toBe('withdrawn');
  });

  it('news of an approved introduction waits on her home page until she has read it', async () => {
    const her = await t.signUp('member');
    await t.call('PUT', '/api/members/me', { token: her.token, body: memberProfileInput() });
    const match = (await t.call('POST', `/api/jobs/${roleId}/interest`, { token: her.token })).json;
    const coordinator = await t.createStaff('coordinator');
    const approved = await t.call('POST', `/api/matches/${match.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'approve', reason: '平日の日中が合っています', expectedVersion: match.version },
    });
    expect(approved.status).toBe(200);

    const browser = browserFor(t, her.token);
    const home = await browser.get('/home');
    expect(home.html).toContain(ja.notifications.heading);
    expect(home.html).toContain('ご紹介が決まりました');
    const employerPage = await browserFor(t, employer.token).get('/employer/introductions');
    expect(employerPage.html).toContain('新しいご紹介があります');

    const [news] = (await t.call('GET', '/api/notifications', { token: her.token })).json.items;
    const foreign = await browserFor(t, member.token).post(`/notifications/${news.id}/read?next=/home`);
    expect(foreign.status).toBe(404);
    const read = await browser.post(`/notifications/${news.id}/read?next=${encodeURIComponent('/home')}`);
    expect(read.status).toBe(303);
    expect(read.location).toBe('/home');
    expect((await browser.get('/home')).html).not.toContain('ご紹介が決まりました');
    // Read, not gone: the API still lists it.
    const after = (await t.call('GET', '/api/notifications', { token: her.token })).json.items;
    expect(after.find((n: { id: string }) => n.id === news.id).readAt).toEqual(expect.any(String));
  });

  it('she downloads her data, and leaves with all of it deleted after her password and a tick', async () => {
    const her = await t.signUp('member');
    await t.call('PUT', '/api/members/me', { token: her.token, body: memberProfileInput() });
    const browser = browserFor(t, her.token);
    const page = await browser.get('/me/data');
    expect(page.status).toBe(200);
    expect(page.html).toContain(ja.member.data.exportWarning);
    expect((await browser.get('/me/privacy')).html).toContain('href="/me/data"');

    const download = await t.app.request('/me/data/export', {
      headers: { cookie: `yorisoi_session=${her.token}` },
    });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="yorisoi-data-/);
    expect((await download.json()).profile.givenName).toBe(memberProfileInput().givenName);

    const before = await t.rowCounts();
    const unticked = await browser.post('/me/data/delete', { password: TEST_PASSWORD });
    expect(unticked.status).toBe(422);
    expect(unticked.html).toContain(ja.member.data.confirmRequired);
    const wrong = await browser.post('/me/data/delete', { password: 'not the password', confirm: 'on' });
    expect(wrong.status).toBe(422);
    expect(fieldError(wrong.html, 'password')).toBe(ja.member.data.wrongPassword);
    expect(await t.rowCounts()).toEqual(before);

    const left = await browser.post('/me/data/delete', { password: TEST_PASSWORD, confirm: 'on' });
    expect(left.status).toBe(303);
    expect(left.location).toBe('/');
    expect(left.headers.get('set-cookie')).toMatch(/yorisoi_session=;/);
    expect((await t.call('GET', '/api/auth/me', { token: her.token })).status).toBe(401);
    expect((await browser.get('/me/data')).status).toBe(303);
  });

  it('blocking an employer hides its work from her; unblocking brings it back', async () => {
    const browser = browserFor(t, member.token);
    await browser.post('/me/privacy/block', { organisationId: employer.organisationId as string });
    expect((await browser.get(`/jobs/${roleId}`)).status).toBe(404);
    expect((await browser.get('/jobs')).html).not.toContain(roleId);
    const privacy = await browser.get('/me/privacy');
    expect(privacy.html).toContain('株式会社みなと介護サービス');
    await browser.post('/me/privacy/unblock', { organisationId: employer.organisationId as string });
    expect((await browser.get(`/jobs/${roleId}`)).status).toBe(200);
  });

  it('she finds an employer by part of its name and hides it from the privacy page', async () => {
    const browser = browserFor(t, member.token);
    const page = await browser.get('/me/privacy?organisation=みなと介護');
    expect(page.html).toContain(ja.member.privacy.whoSees);
    const found = page.html
      .split('<li class="card">')
      .find((chunk) => chunk.includes('株式会社みなと介護サービス'));
    expect(found).toContain('name="back" value="privacy"');
    // Wildcards she types are letters, not patterns.
    expect((await browser.get('/me/privacy?organisation=%25')).html).toContain(ja.member.privacy.noneFound);
    const blocked = await browser.post('/me/privacy/block', {
      organisationId: employer.organisationId as string,
      back: 'privacy',
    });
    expect(blocked.location).toBe('/me/privacy#blocked');
    expect((await browser.get('/me/privacy?organisation=みなと介護')).html).toContain(
      ja.member.privacy.alreadyBlocked,
    );
    await browser.post('/me/privacy/unblock', { organisationId: employer.organisationId as string });
  });

  it('shares her family situation only with consent, and deletes it when she stops', async () => {
    const browser = browserFor(t, member.token);
    const before = await t.rowCounts();
    const refused = await browser.post('/me/privacy/sensitive', {
      familySituation: '実家の支援は受けられません',
      dvSupportNeeded: 'on',
    });
    expect(refused.status).toBe(422);
    expect(fieldError(refused.html, 'consent')).toBe(ja.member.privacy.consentRequired);
    expect(refused.html).toContain('実家の支援は受けられません');
    expect(await t.rowCounts()).toEqual(before);

    const shared = await browser.post('/me/privacy/sensitive', {
      familySituation: '実家の支援は受けられません',
      dvSupportNeeded: 'on',
      consent: 'yes',
    });
    expect(shared.status).toBe(303);
    const mine = await t.call('GET', '/api/members/me/sensitive', { token: member.token });
    expect(mine.json).toMatchObject({ familySituation: '実家の支援は受けられません', dvSupportNeeded: true });
    const page = await browser.get('/me/privacy');
    expect(page.html).toContain(ja.member.privacy.withdrawSensitive);
    expect(page.html).toContain(ja.member.privacy.sharedPhoneWarning);

    await browser.post('/me/privacy/sensitive/delete');
    expect((await t.call('GET', '/api/members/me/sensitive', { token: member.token })).status).toBe(404);
  });

  it('hiding her municipality is saved', async () => {
    await browserFor(t, member.token).post('/me/privacy', { hideMunicipality: 'on' });
    const saved = await t.call('GET', '/api/members/me', { token: member.token });
    expect(saved.json.privacy.hideMunicipality).toBe(true);
  });
});

describe('safety on a shared phone', () => {
  it('a post without the page token is refused and changes nothing', async () => {
    const before = await t.rowCounts();
    const response = await t.app.request(`/jobs/${roleId}/interest`, {
      method: 'POST',
      headers: {
        cookie: `yorisoi_session=${member.token}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
    });
    expect(response.status).toBe(403);
    expect(await t.rowCounts()).toEqual(before);
  });

  it('signed in, only the token bound to her session passes: a planted cookie and its twin do not', async () => {
    const before = await t.rowCounts();
    const planted = 'planted-by-a-neighbouring-site';
    const response = await t.app.request(`/jobs/${roleId}/interest`, {
      method: 'POST',
      headers: {
        cookie: `yorisoi_csrf=${planted}; yorisoi_session=${member.token}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `_csrf=${planted}`,
    });
    expect(response.status).toBe(403);
    expect(await t.rowCounts()).toEqual(before);
    // The token her pages carry is not the planted one.
    const page = await browserFor(t, member.token).get('/me/privacy');
    expect(page.html).toContain(`name="_csrf" value="${formTokenForSession(member.token)}"`);
  });

  it('member pages carry the quick exit, neutral titles, and are never cached', async () => {
    const browser = browserFor(t, member.token);
    for (const path of ['/home', '/jobs', `/jobs/${roleId}`, '/me/profile', '/me/privacy', '/me/matches']) {
      const response = await t.app.request(path, { headers: { cookie: `yorisoi_session=${member.token}` } });
      const html = await response.text();
      expect(html, path).toContain('data-quick-exit');
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      expect(title, path).not.toMatch(/シングル|ひとり親|母子|DV|支援|相談/);
    }
    expect((await browser.get('/home')).status).toBe(200);
  });

  it('staff pages have no quick exit', async () => {
    const coordinator = await t.createStaff('coordinator');
    const page = await browserFor(t, coordinator.token).get('/coordinator/queue');
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('data-quick-exit');
  });

  it('the language switch turns the pages to English and back', async () => {
    const switched = await t.app.request('/lang?to=en&next=/me/profile');
    expect(switched.status).toBe(303);
    expect(switched.headers.get('location')).toBe('/me/profile');
    const lang = /yorisoi_lang=[^;]+/.exec(switched.headers.get('set-cookie') ?? '')?.[0];
    expect(lang).toBe('yorisoi_lang=en');
    const cookie = `${lang}; yorisoi_session=${member.token}`;
    const page = await (await t.app.request('/me/profile', { headers: { cookie } })).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Days and hours you can work');
    for (const elsewhere of ['//elsewhere.example', '/\\elsewhere.example', 'https://elsewhere.example']) {
      const away = await t.app.request(`/lang?to=en&next=${encodeURIComponent(elsewhere)}`);
      expect(away.headers.get('location')).toBe('/');
    }
  });
});
