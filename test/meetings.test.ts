/**
 * Exchange meetings (交流会) over the API, with a clock the test moves: a member near the place
 * replies and the coordinator sees her on the list, a member elsewhere neither sees it nor can
 * reply; seats and the waiting list hold under simultaneous replies and cancellations, and whoever
 * moves up is told; others' first names reach only those who come; the day before, those coming
 * are reminded once; attendance is recorded on the day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handClock } from './support/hire.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

const clock = handClock('2026-12-01T01:00:00Z');
let t: TestApp;
let coordinator: Account;
let kohoku: Account;
let osaka: Account;

let serial = 0;
async function memberIn(areaCode: string, extra: Record<string, unknown> = {}) {
  const member = await t.signUp('member');
  serial += 1;
  const saved = await t.call('PUT', '/api/members/me', {
    token: member.token,
    body: memberProfileInput({
      areaCode,
      targetAreas: [],
      givenName: `名前${serial}`,
      familyName: `苗字${serial}`,
      ...extra,
    }),
  });
  expect(saved.status, saved.text).toBe(200);
  return member;
}

const meetingInput = (overrides: Record<string, unknown> = {}) => ({
  title: '港北区 ひとり親の交流会（ランチ付き）',
  description: '同じ立場のママたちと、ゆっくりお話ししませんか。',
  heldOn: '2026-12-10',
  startTime: '10:30',
  endTime: '12:30',
  online: false,
  areaCode: '141097',
  place: '港北区地域子育て支援拠点',
  capacity: 20,
  childrenWelcome: true,
  childcareProvided: true,
  ...overrides,
});

async function publish(overrides: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/meetings', {
    token: coordinator.token,
    body: meetingInput(overrides),
  });
  expect(res.status, res.text).toBe(201);
  return res.json.id as string;
}

const reply = (member: Account, id: string, answer: 'yes' | 'no') =>
  t.call('POST', `/api/meetings/${id}/reply`, { token: member.token, body: { answer } });

const mine = async (member: Account, id: string) =>
  (await t.call('GET', '/api/members/me/meetings', { token: member.token })).json.items.find(
    (m: { id: string }) => m.id === id,
  );

beforeAll(async () => {
  t = await createTestApp({
    clock,
    config: { sessionTtlHours: 24 * 300, sessionIdleHours: { member: 24 * 300, other: 24 * 300 } },
  });
  coordinator = await t.createStaff('coordinator');
  kohoku = await memberIn('141097');
  osaka = await memberIn('271276');
});
afterAll(async () => t.close());

describe('who sees a meeting', () => {
  it('a member near it replies and the coordinator sees her; a member elsewhere does not see it', async () => {
    const id = await publish();
    const seen = await mine(kohoku, id);
    expect(seen).toMatchObject({
      title: '港北区 ひとり親の交流会（ランチ付き）',
      area: { code: '141097', prefecture: '神奈川県' },
      childcareProvided: true,
      myReply: null,
    });
    expect(await mine(osaka, id)).toBeUndefined();
    const refused = await reply(osaka, id, 'yes');
    expect(refused.status).toBe(404);

    const yes = await reply(kohoku, id, 'yes');
    expect(yes.status).toBe(200);
    expect(yes.json).toMatchObject({ myReply: 'going', going: 1 });
    const detail = await t.call('GET', `/api/meetings/${id}`, { token: coordinator.token });
    expect(detail.json.replies).toEqual([
      expect.objectContaining({
        memberId: kohoku.userId,
        name: '苗字1 名前1',
        state: 'going',
        attended: null,
      }),
    ]);
  });

  it('reaches her where she plans to move, and everyone online; stages narrow it', async () => {
    const moving = await memberIn('271276', {
      targetAreas: [{ areaCode: '142042', needsRelocationSupport: true }],
    });
    const inPerson = await publish({ title: '鎌倉の交流会', areaCode: '142042' });
    const online = await publish({
      title: 'オンライン交流会',
      online: true,
      areaCode: undefined,
      place: undefined,
    });
    const stageFour = await publish({
      title: '段階4・5のかたの交流会',
      online: true,
      areaCode: undefined,
      stages: [4, 5],
    });
    expect(await mine(moving, inPerson)).toBeDefined();
    expect(await mine(osaka, inPerson)).toBeUndefined();
    expect(await mine(osaka, online)).toBeDefined();
    expect(await mine(osaka, stageFour)).toBeUndefined();
    const staged = await t.call('PUT', `/api/members/${osaka.userId}/stage`, {
      token: coordinator.token,
      body: { stage: 4, reason: '就労が安定' },
    });
    expect(staged.status).toBe(200);
    expect(await mine(osaka, stageFour)).toBeDefined();
  });

  it('refuses bad input with field-level messages', async () => {
    const bad = await t.call('POST', '/api/meetings', {
      token: coordinator.token,
      body: meetingInput({ endTime: '09:00', areaCode: undefined, capacity: 0, title: '' }),
    });
    expect(bad.status).toBe(422);
    const paths = bad.json.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.capacity']));
    const past = await t.call('POST', '/api/meetings', {
      token: coordinator.token,
      body: meetingInput({ heldOn: '2026-11-30' }),
    });
    expect(past.status).toBe(422);
    expect(past.json.error.issues[0].path).toBe('body.heldOn');
    const noArea = await t.call('POST', '/api/meetings', {
      token: coordinator.token,
      body: meetingInput({ areaCode: undefined }),
    });
    expect(noArea.json.error.issues[0].path).toBe('body.areaCode');
    const badTimes = await t.call('POST', '/api/meetings', {
      token: coordinator.token,
      body: meetingInput({ endTime: '09:00' }),
    });
    expect(badTimes.json.error.issues[0].path).toBe('body.endTime');
  });
});

describe('seats and the waiting list', () => {
  let id: string;
  let members: Account[];

  it('gives exactly the capacity seats to simultaneous yeses, the rest wait in line', async () => {
    id = await publish({ title: '少人数の交流会', capacity: 3 });
    members = [];
    for (let i = 0; i < 6; i++) members.push(await memberIn('141097'));
    const answers = await Promise.all(members.map((m) => reply(m, id, 'yes')));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const states = answers.map((a) => a.json.myReply);
    expect(states.filter((s) => s === 'going')).toHaveLength(3);
    expect(states.filter((s) => s === 'waiting')).toHaveLength(3);
    const waiting = members.filter((_, i) => answers[i]?.json.myReply === 'waiting');
    const positions = await Promise.all(waiting.map(async (m) => (await mine(m, id)).waitingPosition));
    expect(positions.sort()).toEqual([1, 2, 3]);
    // Saying yes again keeps her place.
    const again = await reply(members[0] as Account, id, 'yes');
    expect(again.json.myReply).toBe(states[0]);
  });

  it('shows first names of the others coming only to someone who comes', async () => {
    const views = await Promise.all(members.map((m) => mine(m, id)));
    for (const view of views) {
      if (view.myReply === 'going') {
        expect(view.participants).toHaveLength(2);
        expect(view.participants.join('')).not.toContain('苗字');
      } else expect(view.participants).toEqual([]);
    }
    const detail = await t.call('GET', `/api/meetings/${id}`, { token: coordinator.token });
    expect(detail.json.meeting).toMatchObject({ going: 3, waiting: 3 });
  });

  it('moves the first in line up when seats free, never beyond the capacity, and tells only them', async () => {
    const before = await Promise.all(members.map((m) => mine(m, id)));
    const going = members.filter((_, i) => before[i].myReply === 'going');
    const waiting = members
      .filter((_, i) => before[i].myReply === 'waiting')
      .sort(
        (a, b) => before[members.indexOf(a)].waitingPosition - before[members.indexOf(b)].waitingPosition,
      );
    const cancelled = await Promise.all(going.slice(0, 2).map((m) => reply(m, id, 'no')));
    expect(cancelled.map((c) => c.json.myReply)).toEqual(['not_going', 'not_going']);
    const after = await t.call('GET', `/api/meetings/${id}`, { token: coordinator.token });
    expect(after.json.meeting).toMatchObject({ going: 3, waiting: 1 });
    const promoted = after.json.replies
      .filter((r: { state: string; memberId: string }) => r.state === 'going')
      .map((r: { memberId: string }) => r.memberId);
    expect(promoted).toEqual(expect.arrayContaining([waiting[0]?.userId, waiting[1]?.userId]));
    const told = await t.database.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'meeting_seat')
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([waiting[0]?.userId, waiting[1]?.userId].sort());
    expect((await mine(waiting[2] as Account, id)).waitingPosition).toBe(1);
  });
});

describe('the day before, and the day', () => {
  it('reminds those coming once, the day before', async () => {
    const id = await publish({ title: '12月3日の交流会', heldOn: '2026-12-03', capacity: 5 });
    const coming = await memberIn('141097');
    const notComing = await memberIn('141097');
    await reply(coming, id, 'yes');
    await reply(notComing, id, 'no');
    expect((await t.services.careJob()).meetingsReminded).toBe(0);
    clock.advanceDays(1); // 2026-12-02: tomorrow is the day
    expect((await t.services.careJob()).meetingsReminded).toBe(1);
    expect((await t.services.careJob()).meetingsReminded).toBe(0);
    const reminders = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'body'])
      .where('kind', '=', 'meeting_reminder')
      .execute();
    expect(reminders).toEqual([{ user_id: coming.userId, body: expect.stringContaining('12月3日の交流会') }]);
    const news = await t.call('GET', '/api/notifications', { token: coming.token });
    expect(news.json.items[0]).toMatchObject({ kind: 'meeting_reminder', readAt: null });

    const early = await t.call('POST', `/api/meetings/${id}/attendance`, {
      token: coordinator.token,
      body: { memberId: coming.userId, attended: true },
    });
    expect(early.status).toBe(409);
    clock.advanceDays(1); // the day
    const recorded = await t.call('POST', `/api/meetings/${id}/attendance`, {
      token: coordinator.token,
      body: { memberId: coming.userId, attended: true },
    });
    expect(recorded.status).toBe(200);
    expect(
      recorded.json.replies.find((r: { memberId: string }) => r.memberId === coming.userId).attended,
    ).toBe(true);
    const notHers = await t.call('POST', `/api/meetings/${id}/attendance`, {
      token: coordinator.token,
      body: { memberId: notComing.userId, attended: true },
    });
    expect(notHers.status).toBe(422);
    clock.advanceDays(1); // after the day, no more replies
    expect((await reply(coming, id, 'no')).status).toBe(409);
    clock.advanceDays(-3);
  });
});
