/**
 * Area notices as pages, driven as a browser would: the coordinator publishes a notice for 横浜市
 * with the form, the member in 横浜市港北区 finds it on her home page and opens it (counted once on
 * the coordinator's page), a member in 大阪市 never sees it; a bad form comes back with messages
 * next to its fields and writes nothing; nobody but staff reaches the coordinator's page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/web/i18n.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from '../support/test-app.ts';
import { type Browser, browserFor, fieldError } from '../support/web.ts';

const w = messagesFor('ja').outreach.notices;
let t: TestApp;
let coordinator: Account;
let kohoku: Account;
let osaka: Account;
let staff: Browser;

async function memberIn(areaCode: string) {
  const member = await t.signUp('member');
  const saved = await t.call('PUT', '/api/members/me', {
    token: member.token,
    body: memberProfileInput({ areaCode, targetAreas: [] }),
  });
  expect(saved.status).toBe(200);
  return member;
}

const noticeCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('area_notices')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
  staff = browserFor(t, coordinator.token);
  kohoku = await memberIn('141097');
  osaka = await memberIn('271276');
});
afterAll(async () => t.close());

describe('the coordinator’s notices page', () => {
  it('is for staff only', async () => {
    const visitor = await browserFor(t).get('/coordinator/notices');
    expect(visitor.status).toBe(303);
    expect((await browserFor(t, kohoku.token).get('/coordinator/notices')).status).toBe(403);
    const page = await staff.get('/coordinator/notices');
    expect(page.status).toBe(200);
    expect(page.html).toContain(w.newNotice);
  });

  it('refuses a bad form with messages next to its fields, and writes nothing', async () => {
    const before = await noticeCount();
    const page = await staff.post('/coordinator/notices', {
      title: '',
      body: '本文',
      link: 'ftp://example.jp',
      validUntil: '2099-01-01',
      'place.prefCode': '14',
      'place.name': 'どこにもない町',
      audience: 'both',
      'childAges.min': '10',
      'childAges.max': '3',
    });
    expect(page.status).toBe(422);
    expect(fieldError(page.html, 'title')).toBeTruthy();
    expect(fieldError(page.html, 'link')).toBeTruthy();
    expect(fieldError(page.html, 'place.name')).toBeTruthy();
    expect(fieldError(page.html, 'childAges.max')).toBeTruthy();
    expect(await noticeCount()).toBe(before);
  });

  it('publishes a notice for 横浜市 that reaches her home in 港北区 and not 大阪市', async () => {
    const posted = await staff.post('/coordinator/notices', {
      title: '横浜市 ひとり親のための保育所入所相談会',
      body: '12月の土曜日に、区役所で入所の相談を受け付けます。\nお子さま連れで来られます。',
      link: 'https://www.city.yokohama.lg.jp/',
      validUntil: '2099-12-31',
      'place.prefCode': '14',
      'place.name': '横浜市',
      audience: 'both',
    });
    expect(posted.status).toBe(303);
    const home = await browserFor(t, kohoku.token).get('/home');
    expect(home.html).toContain(w.forYou);
    expect(home.html).toContain('横浜市 ひとり親のための保育所入所相談会');
    const elsewhere = await browserFor(t, osaka.token).get('/home');
    expect(elsewhere.html).not.toContain('横浜市 ひとり親のための保育所入所相談会');

    const id = /href="\/notices\/([0-9a-f-]{36})"/.exec(home.html)?.[1] as string;
    const opened = await browserFor(t, kohoku.token).get(`/notices/${id}`);
    expect(opened.status).toBe(200);
    expect(opened.html).toContain('お子さま連れで来られます。');
    expect(opened.html).toContain('href="https://www.city.yokohama.lg.jp/"');
    await browserFor(t, kohoku.token).get(`/notices/${id}`);
    expect((await browserFor(t, osaka.token).get(`/notices/${id}`)).status).toBe(404);

    const list = await staff.get('/coordinator/notices');
    expect(list.html).toContain(w.figures(1, 1));
    expect(list.html).not.toContain(kohoku.userId);
  });

  it('publishes for a whole prefecture when no municipality is typed, and takes a notice down', async () => {
    const posted = await staff.post('/coordinator/notices', {
      title: '神奈川県 職業訓練のご案内',
      body: '受講中は給付金があります。',
      validUntil: '2099-12-31',
      'place.prefCode': '14',
      'place.name': '',
      audience: 'home',
      stages: ['2', '3'],
    });
    expect(posted.status).toBe(303);
    const [notice] = await t.services.notices.list();
    expect(notice).toMatchObject({ areas: [{ code: '140007' }], stages: [2, 3], audience: 'home' });
    const down = await staff.post(`/coordinator/notices/${notice?.id}/withdraw`);
    expect(down.status).toBe(303);
    expect((await t.services.notices.list())[0]?.current).toBe(false);
  });
});
