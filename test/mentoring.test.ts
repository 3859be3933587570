/**
 * Peer mentoring over the API, with a clock the test moves: a coordinator opens a cohort and
 * invites a stage-4 member, who mentors only after agreeing; suggested pairs come with reasons;
 * sessions every two weeks; the shared record, and the mentee's choices of what her mentor and
 * the coordinator may read; a missed session and a silent mentee reach the follow-up queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handClock } from './support/hire.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

const clock = handClock('2026-12-01T01:00:00Z');
let t: TestApp;
let coordinator: Account;
let mentor: Account;
let mentee: Account;
let cohortId: string;

const MENTEE_SECRETS = ['秘密川', '080-7777-1234'];

async function stage(member: Account, n: number) {
  const res = await t.call('PUT', `/api/members/${member.userId}/stage`, {
    token: coordinator.token,
    body: { stage: n, reason: '面談の結果' },
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp({
    clock,
    config: { sessionTtlHours: 24 * 300, sessionIdleHours: { member: 24 * 300, other: 24 * 300 } },
  });
  coordinator = await t.createStaff('coordinator');
  mentor = await t.signUp('member');
  mentee = await t.signUp('member');
  await t.call('PUT', '/api/members/me', {
    token: mentor.token,
    body: memberProfileInput({ familyName: '先輩', givenName: '陽子' }),
  });
  await t.call('PUT', '/api/members/me', {
    token: mentee.token,
    body: memberProfileInput({ familyName: '秘密川', givenName: '花子', phone: '080-7777-1234' }),
  });
  await stage(mentor, 4);
  await stage(mentee, 2);
});
afterAll(async () => t.close());

describe('a mentoring cohort', () => {
  it('opens with six sessions every two weeks, and refuses bad input', async () => {
    const bad = await t.call('POST', '/api/mentoring/cohorts', {
      token: coordinator.token,
      body: { name: '', startsOn: '2026-02-30', sessionCount: 0 },
    });
    expect(bad.status).toBe(422);
    const opened = await t.call('POST', '/api/mentoring/cohorts', {
      token: coordinator.token,
      body: { name: '2026年冬 横浜', startsOn: '2026-12-05' },
    });
    expect(opened.status).toBe(201);
    expect(opened.json).toMatchObject({ sessionCount: 6, intervalDays: 14, endsOn: '2027-02-13' });
    cohortId = opened.json.id;
  });

  it('invites only stage 4–5, and a mentor is paired only after she agrees', async () => {
    const tooEarly = await t.call('POST', `/api/mentoring/cohorts/${cohortId}/mentors`, {
      token: coordinator.token,
      body: { memberId: mentee.userId },
    });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.json.error.issues[0].path).toBe('body.memberId');
    const invited = await t.call('POST', `/api/mentoring/cohorts/${cohortId}/mentors`, {
      token: coordinator.token,
      body: { memberId: mentor.userId },
    });
    expect(invited.json.mentors).toEqual([
      expect.objectContaining({ memberId: mentor.userId, state: 'invited' }),
    ]);
    const early = await t.call('POST', `/api/mentoring/cohorts/${cohortId}/pairs`, {
      token: coordinator.token,
      body: { menteeId: mentee.userId, mentorId: mentor.userId },
    });
    expect(early.status).toBe(422);
    expect(
      (await t.call('GET', '/api/members/me/mentoring', { token: mentor.token })).json.invitations[0].state,
    ).toBe('invited');
    expect(
      (
        await t.call('POST', `/api/mentoring/invitations/${cohortId}/answer`, {
          token: mentee.token,
          body: { consent: true },
        })
      ).status,
    ).toBe(404);
    const yes = await t.call('POST', `/api/mentoring/invitations/${cohortId}/answer`, {
      token: mentor.token,
      body: { consent: true },
    });
    expect(yes.json.invitations[0].state).toBe('consented');
  });

  it('suggests the mentor with reasons, pairs them and plans the sessions', async () => {
    const suggestions = await t.call(
      'GET',
      `/api/mentoring/cohorts/${cohortId}/suggestions?menteeId=${mentee.userId}`,
      {
        token: coordinator.token,
      },
    );
    expect(suggestions.status).toBe(200);
    const [best] = suggestions.json.items;
    expect(best.mentorId).toBe(mentor.userId);
    expect(best.reasons.map((r: { code: string }) => r.code)).toContain('same_area');
    expect(best.reasons[0].text).toMatch(/住んでいます/);
    const paired = await t.call('POST', `/api/mentoring/cohorts/${cohortId}/pairs`, {
      token: coordinator.token,
      body: { menteeId: mentee.userId, mentorId: mentor.userId },
    });
    expect(paired.status).toBe(201);
    const [pair] = paired.json.pairs;
    expect(pair.sessions.map((s: { plannedOn: string }) => s.plannedOn)).toEqual([
      '2026-12-05',
      '2026-12-19',
      '2027-01-02',
      '2027-01-16',
      '2027-01-30',
      '2027-02-13',
    ]);
    expect(pair.reasons).toContain('same_area');
    const twice = await t.call('POST', `/api/mentoring/cohorts/${cohortId}/pairs`, {
      token: coordinator.token,
      body: { menteeId: mentee.userId, mentorId: mentor.userId },
    });
    expect(twice.status).toBe(409);
  });

  it('two sessions recorded; the mentee decides what the coordinator reads; a missed one is flagged', async () => {
    clock.advanceDays(5); // 2026-12-06: session 1 is due
    const mine = (await t.call('GET', '/api/members/me/mentoring', { token: mentor.token })).json;
    const sessions = mine.asMentor[0].sessions as { id: string; state: string }[];
    expect(sessions.map((s) => s.state)).toEqual([
      'due',
      'planned',
      'planned',
      'planned',
      'planned',
      'planned',
    ]);
    const future = await t.call('POST', `/api/mentoring/sessions/${sessions[1]?.id}/record`, {
      token: mentor.token,
      body: { held: true },
    });
    expect(future.status).toBe(409);
    const first = await t.call('POST', `/api/mentoring/sessions/${sessions[0]?.id}/record`, {
      token: mentor.token,
      body: { held: true, topics: '保育園の延長保育について', nextStep: '区役所に相談する' },
    });
    expect(first.status).toBe(200);
    expect(first.json.state).toBe('held');
    // Only the mentee decides whether the coordinator may read it.
    expect(
      (
        await t.call('POST', `/api/mentoring/sessions/${sessions[0]?.id}/answer`, {
          token: mentor.token,
          body: { coordinatorMayRead: true },
        })
      ).status,
    ).toBe(403);
    await t.call('POST', `/api/mentoring/sessions/${sessions[0]?.id}/answer`, {
      token: mentee.token,
      body: { coordinatorMayRead: true },
    });

    clock.advanceDays(14); // 2026-12-20: session 2
    const second = await t.call('POST', `/api/mentoring/sessions/${sessions[1]?.id}/record`, {
      token: mentee.token,
      body: { held: true, topics: '元夫との連絡のことで悩んでいる', nextStep: '次回また話す' },
    });
    expect(second.status).toBe(200);
    await t.call('POST', `/api/mentoring/sessions/${sessions[1]?.id}/answer`, {
      token: mentee.token,
      body: { coordinatorMayRead: false },
    });

    const staff = await t.call('GET', `/api/mentoring/cohorts/${cohortId}`, { token: coordinator.token });
    const staffSessions = staff.json.pairs[0].sessions;
    expect(staffSessions[0].record).toEqual({
      topics: '保育園の延長保育について',
      nextStep: '区役所に相談する',
    });
    expect(staffSessions[1].record).toBeNull();
    expect(staffSessions[1].state).toBe('held');
    expect(staff.text).not.toContain('元夫との連絡');

    // Session 3 (2027-01-02) is never recorded: four days later it reaches the coordinator.
    clock.advanceDays(17);
    expect(await t.services.careJob()).toMatchObject({ missed: 1 });
    expect(await t.services.careJob()).toMatchObject({ missed: 0 });
    const queue = await t.call('GET', '/api/follow-ups', { token: coordinator.token });
    const missed = queue.json.items.filter((f: { reason: string }) => f.reason === 'missed_session');
    expect(missed).toHaveLength(1);
    expect(missed[0].member.userId).toBe(mentee.userId);
    expect(missed[0].detail).toMatchObject({ sessionNumber: 3, plannedOn: '2027-01-02' });
    expect(queue.text).not.toContain('元夫との連絡');
  });

  it('a mentee who stops answering the records reaches the coordinator', async () => {
    const mine = (await t.call('GET', '/api/members/me/mentoring', { token: mentor.token })).json;
    const sessions = mine.asMentor[0].sessions as { id: string }[];
    clock.advanceDays(14); // session 4 (2027-01-16) is due on 01-16…; now 2027-01-19
    await t.call('POST', `/api/mentoring/sessions/${sessions[3]?.id}/record`, {
      token: mentor.token,
      body: { held: true },
    });
    await t.call('POST', `/api/mentoring/sessions/${sessions[2]?.id}/record`, {
      token: mentor.token,
      body: { held: false },
    });
    clock.advanceDays(8);
    await t.services.careJob();
    const queue = await t.call('GET', '/api/follow-ups', { token: coordinator.token });
    expect(queue.json.items.map((f: { reason: string }) => f.reason)).toContain('silent_mentee');
  });
});

describe('mentoring on the dashboard', () => {
  it('counts sessions held against planned per cohort, in JSON and in formula-safe CSV', async () => {
    const figures = await t.call('GET', '/api/dashboard/after-hire', { token: coordinator.token });
    expect(figures.status).toBe(200);
    expect(figures.json.sessions).toEqual([
      expect.objectContaining({ cohortId, name: '2026年冬 横浜', planned: 4, held: 3 }),
    ]);
    // A cohort name typed to look like a formula is written as text.
    const opened = await t.call('POST', '/api/mentoring/cohorts', {
      token: coordinator.token,
      body: { name: '=HYPERLINK("http://x")', startsOn: '2026-12-05' },
    });
    const mentor2 = await t.signUp('member');
    await t.call('PUT', '/api/members/me', { token: mentor2.token, body: memberProfileInput() });
    await stage(mentor2, 5);
    await t.call('POST', `/api/mentoring/cohorts/${opened.json.id}/mentors`, {
      token: coordinator.token,
      body: { memberId: mentor2.userId },
    });
    await t.call('POST', `/api/mentoring/invitations/${opened.json.id}/answer`, {
      token: mentor2.token,
      body: { consent: true },
    });
    const other = await t.signUp('member');
    await t.call('PUT', '/api/members/me', { token: other.token, body: memberProfileInput() });
    await t.call('POST', `/api/mentoring/cohorts/${opened.json.id}/pairs`, {
      token: coordinator.token,
      body: { menteeId: other.userId, mentorId: mentor2.userId },
    });
    const csv = await t.call('GET', '/api/exports/after-hire.csv', { token: coordinator.token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('"メンタリング","2026年冬 横浜","予定","4"');
    expect(csv.text).toContain('"メンタリング","2026年冬 横浜","実施","3"');
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.text).not.toMatch(/(^|,)"=/m);
  });
});

describe('privacy in mentoring', () => {
  it('a mentor sees only the mentee’s first name until she shares more, then only what she shared', async () => {
    const before = await t.call('GET', '/api/members/me/mentoring', { token: mentor.token });
    expect(before.json.asMentor[0].mentee).toEqual({ givenName: '花子' });
    for (const secret of MENTEE_SECRETS) expect(before.text).not.toContain(secret);
    expect(before.text).not.toContain('横浜市');

    const pairId = before.json.asMentor[0].pairId;
    expect(
      (
        await t.call('PUT', `/api/mentoring/pairs/${pairId}/shares`, {
          token: mentor.token,
          body: { shares: ['area'] },
        })
      ).status,
    ).toBe(404);
    const shared = await t.call('PUT', `/api/mentoring/pairs/${pairId}/shares`, {
      token: mentee.token,
      body: { shares: ['children'] },
    });
    expect(shared.status).toBe(200);
    const after = await t.call('GET', '/api/members/me/mentoring', { token: mentor.token });
    expect(Object.keys(after.json.asMentor[0].mentee).sort()).toEqual(['childAges', 'givenName']);
    for (const secret of MENTEE_SECRETS) expect(after.text).not.toContain(secret);
  });

  it('a mentor cannot reach the mentee’s profile, check-ins or follow-ups, and another member cannot touch the pair', async () => {
    for (const path of [
      `/api/members/${mentee.userId}`,
      `/api/members/${mentee.userId}/after-hire`,
      '/api/follow-ups',
      `/api/mentoring/cohorts/${cohortId}`,
    ]) {
      const res = await t.call('GET', path, { token: mentor.token });
      expect(res.status, path).toBe(403);
    }
    const stranger = await t.signUp('member');
    const mine = (await t.call('GET', '/api/members/me/mentoring', { token: mentor.token })).json;
    const session = mine.asMentor[0].sessions[4];
    const res = await t.call('POST', `/api/mentoring/sessions/${session.id}/record`, {
      token: stranger.token,
      body: { held: true, topics: 'いたずら' },
    });
    expect(res.status).toBe(404);
    expect((await t.call('GET', '/api/members/me/mentoring', { token: stranger.token })).json).toEqual({
      invitations: [],
      asMentor: [],
      asMentee: [],
    });
  });
});
