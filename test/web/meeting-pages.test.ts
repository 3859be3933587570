/**
 * Exchange meetings as pages, driven as a browser would: the coordinator holds a meeting in
 * 横浜市港北区 with the form; the member there finds it on her home page and says she will come,
 * and the coordinator sees her name on the list and records that she came; a member in 大阪市
 * never sees it; those who come see each other's first names only; a bad form writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/web/i18n.ts';
import { handClock } from '../support/hire.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from '../support/test-app.ts';
import { type Browser, browserFor, fieldError } from '../support/web.ts';

const w = messagesFor('ja').outreach.meetings;
const clock = handClock('2026-12-01T01:00:00Z');
let t: TestApp;
let coordinator: Account;
let kohoku: Account;
let neighbour: Account;
let osaka: Account;
let staff: Browser;
let meetingId: string;

async function memberIn(areaCode: string, names: { familyName: string; givenName: string }) {
  const member = await t.signUp('member');
  const saved = await t.call('PUT', '/api/members/me', {
    token: member.token,
    body: memberProfileInput({ areaCode, targetAreas: [], ...names }),
  });
  expect(saved.status).toBe(200);
  return member;
}

const meetingCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('meetings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const form = {
  title: '港北区 ひとり親の交流会',
  description: 'おやつを食べながら、仕事や子育ての話をしましょう。',
  heldOn: '2026-12-12',
  startTime: '10:00',
  endTime: '12:00',
  'place.prefCode': '14',
  'place.name': '港北区',
  venue: '大倉山記念館 第3集会室',
  capacity: '10',
  childrenWelcome: 'on',
  childcareProvided: 'on',
};

beforeAll(async () => {
  t = await createTestApp({
    clock,
    config: { sessionTtlHours: 24 * 300, sessionIdleHours: { member: 24 * 300, other: 24 * 300 } },
  });
  coordinator = await t.createStaff('coordinator');
  staff = browserFor(t, coordinator.token);
  kohoku = await memberIn('141097', { familyName: '小川', givenName: '彩' });
  neighbour = await memberIn('141003', { familyName: '森田', givenName: '由紀' });
  osaka = await memberIn('271276', { familyName: '大阪', givenName: '花子' });
});
afterAll(async () => t.close());

describe('exchange meeting pages', () => {
  it('are for staff and members only as each is meant', async () => {
    expect((await browserFor(t).get('/coordinator/meetings')).status).toBe(303);
    expect((await browserFor(t, kohoku.token).get('/coordinator/meetings')).status).toBe(403);
    expect((await staff.get('/me/meetings')).status).toBe(403);
  });

  it('refuse a bad form with messages next to its fields, and write nothing', async () => {
    const before = await meetingCount();
    const page = await staff.post('/coordinator/meetings', {
      ...form,
      title: '',
      endTime: '09:00',
      'place.name': '',
      capacity: '0',
    });
    expect(page.status).toBe(422);
    expect(fieldError(page.html, 'title')).toBeTruthy();
    expect(fieldError(page.html, 'capacity')).toBeTruthy();
    expect(fieldError(page.html, 'place.name')).toBeTruthy();
    expect(await meetingCount()).toBe(before);
  });

  it('a member near it replies from her phone and the coordinator sees her; one in 大阪市 does not see it', async () => {
    const posted = await staff.post('/coordinator/meetings', form);
    expect(posted.status).toBe(303);
    meetingId = posted.location?.split('/').pop() as string;

    const home = await browserFor(t, kohoku.token).get('/home');
    expect(home.html).toContain(w.nearYou);
    expect(home.html).toContain('港北区 ひとり親の交流会');
    const list = await browserFor(t, kohoku.token).get('/me/meetings');
    expect(list.html).toContain('大倉山記念館 第3集会室');
    expect(list.html).toContain(w.childcareBadge);
    const replied = await browserFor(t, kohoku.token).post(`/me/meetings/${meetingId}/reply`, {
      answer: 'yes',
    });
    expect(replied.status).toBe(303);

    const elsewhere = await browserFor(t, osaka.token).get('/me/meetings');
    expect(elsewhere.html).not.toContain('港北区 ひとり親の交流会');
    expect((await browserFor(t, osaka.token).get('/home')).html).not.toContain('港北区 ひとり親の交流会');
    expect(
      (await browserFor(t, osaka.token).post(`/me/meetings/${meetingId}/reply`, { answer: 'yes' })).status,
    ).toBe(404);

    const detail = await staff.get(`/coordinator/meetings/${meetingId}`);
    expect(detail.html).toContain('小川 彩');
    expect(detail.html).not.toContain('大阪 花子');
  });

  it('shows first names of those coming only to those who come', async () => {
    const before = await browserFor(t, neighbour.token).get('/me/meetings');
    expect(before.html).not.toContain('彩さん');
    await browserFor(t, neighbour.token).post(`/me/meetings/${meetingId}/reply`, { answer: 'yes' });
    const after = await browserFor(t, neighbour.token).get('/me/meetings');
    expect(after.html).toContain('彩さん');
    expect(after.html).not.toContain('小川');
    // She cancels: the names are gone for her.
    await browserFor(t, neighbour.token).post(`/me/meetings/${meetingId}/reply`, { answer: 'no' });
    expect((await browserFor(t, neighbour.token).get('/me/meetings')).html).not.toContain('彩さん');
  });

  it('records attendance on the day', async () => {
    clock.advanceDays(11); // 2026-12-12
    const recorded = await staff.post(`/coordinator/meetings/${meetingId}/attendance`, {
      memberId: kohoku.userId,
      attended: 'yes',
    });
    expect(recorded.status).toBe(303);
    const detail = await t.services.meetings.detail(meetingId);
    expect(detail.replies.find((r) => r.memberId === kohoku.userId)?.attended).toBe(true);
    clock.advanceDays(-11);
  });
});
