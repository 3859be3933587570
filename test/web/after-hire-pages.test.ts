/**
 * The pages of what follows a hire, driven in process as a browser would: her check-in answered
 * with one tap and 「相談したい」, the coordinators' follow-up queue with its note-and-close form,
 * the member record's "after the hire" timeline, the employer's separation form; and a cohort
 * opened, a mentor asked and agreeing, a suggested pair made, and sessions recorded on her page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Hire, handClock, hireMember } from '../support/hire.ts';
import { createTestApp, memberProfileInput, type TestApp } from '../support/test-app.ts';
import { browserFor, fieldError } from '../support/web.ts';

const clock = handClock();
let t: TestApp;
let hire: Hire;

beforeAll(async () => {
  t = await createTestApp({
    clock,
    config: { sessionTtlHours: 24 * 300, sessionIdleHours: { member: 24 * 300, other: 24 * 300 } },
  });
  hire = await hireMember(t);
});
afterAll(async () => t.close());

describe('check-in pages', () => {
  it('she answers her two-week check-in with 「相談したい」; the coordinator notes and closes it', async () => {
    const member = browserFor(t, hire.member.token);
    expect((await member.get('/me/support')).html).toContain('2週間のふりかえり');
    clock.advanceDays(14);
    await t.services.careJob();
    const page = await member.get('/me/support');
    expect(page.status).toBe(200);
    expect(page.html).toContain('お仕事の様子はいかがですか？');
    const id = /action="\/me\/check-ins\/([0-9a-f-]+)"/.exec(page.html)?.[1] as string;
    const answered = await member.post(`/me/check-ins/${id}`, {
      comment: 'シフトの相談をしたいです',
      wantsContact: 'on',
      wellbeing: '3',
    });
    expect(answered.status).toBe(303);
    expect(answered.location).toBe('/me/support');
    expect((await member.get('/me/support')).html).toContain('回答済み');

    const coordinator = browserFor(t, hire.coordinator.token);
    const queue = await coordinator.get('/coordinator/follow-ups');
    expect(queue.html).toContain('「相談したい」');
    expect(queue.html).toContain('シフトの相談をしたいです');
    const followUpId = /action="\/coordinator\/follow-ups\/([0-9a-f-]+)\/close"/.exec(
      queue.html,
    )?.[1] as string;
    const noteField = `note.${followUpId}`;
    const empty = await coordinator.post(`/coordinator/follow-ups/${followUpId}/close`, { [noteField]: '' });
    expect(empty.status).toBe(422);
    expect(fieldError(empty.html, noteField)).toBeTruthy();
    const closed = await coordinator.post(`/coordinator/follow-ups/${followUpId}/close`, {
      [noteField]: '電話しました。来週の面談で勤務日を相談します。',
    });
    expect(closed.status).toBe(303);
    const after = await coordinator.get('/coordinator/follow-ups');
    expect(after.html).toContain('いまフォローが必要なかたはいません');
    expect(after.html).toContain('来週の面談で勤務日を相談します');

    const record = await coordinator.get(`/coordinator/members/${hire.member.userId}`);
    expect(record.status).toBe(200);
    expect(record.html).toContain('採用後のようす');
    expect(record.html).toContain('シフトの相談をしたいです');
  });

  it('the employer records a separation from her introductions, and never sees the answers', async () => {
    const employer = browserFor(t, hire.employer.token);
    const introductions = await employer.get('/employer/introductions');
    expect(introductions.html).toContain(`/employer/introductions/${hire.matchId}/separation`);
    expect(introductions.html).not.toContain('シフトの相談をしたいです');
    const form = await employer.get(`/employer/introductions/${hire.matchId}/separation`);
    expect(form.status).toBe(200);
    const missing = await employer.post(`/employer/introductions/${hire.matchId}/separation`, {
      separatedOn: '2027-01-10',
      reasonCode: '',
    });
    expect(missing.status).toBe(422);
    expect(fieldError(missing.html, 'reasonCode')).toBe('選んでください');
    const saved = await employer.post(`/employer/introductions/${hire.matchId}/separation`, {
      separatedOn: '2027-01-10',
      reasonCode: 'childcare',
    });
    expect(saved.status).toBe(303);
    const queue = await browserFor(t, hire.coordinator.token).get('/coordinator/follow-ups');
    expect(queue.html).toContain('退職の連絡');
    expect(queue.html).toContain('子育て・家庭の事情');
  });
});

describe('mentoring pages', () => {
  it('a cohort is opened, a mentor agrees, a suggested pair is made, and sessions are recorded', async () => {
    const coordinator = browserFor(t, hire.coordinator.token);
    const mentorAccount = await t.signUp('member');
    await t.call('PUT', '/api/members/me', {
      token: mentorAccount.token,
      body: memberProfileInput({ familyName: '先輩', givenName: '陽子' }),
    });
    await t.call('PUT', `/api/members/${mentorAccount.userId}/stage`, {
      token: hire.coordinator.token,
      body: { stage: 5, reason: '自立して働いている' },
    });
    await t.call('PUT', `/api/members/${hire.member.userId}/stage`, {
      token: hire.coordinator.token,
      body: { stage: 3, reason: '就職した' },
    });
    const bad = await coordinator.post('/coordinator/mentoring', {
      name: '',
      startsOn: '',
      sessionCount: '6',
      intervalDays: '14',
    });
    expect(bad.status).toBe(422);
    const today = clock.now().toISOString().slice(0, 10);
    const created = await coordinator.post('/coordinator/mentoring', {
      name: 'テスト期',
      startsOn: today,
      sessionCount: '6',
      intervalDays: '14',
    });
    expect(created.status).toBe(303);
    const cohortPath = created.location as string;
    const cohortId = cohortPath.split('/').pop() as string;
    expect((await coordinator.get(cohortPath)).html).toContain('先輩 陽子');
    expect((await coordinator.post(`${cohortPath}/mentors`, { memberId: mentorAccount.userId })).status).toBe(
      303,
    );

    const mentor = browserFor(t, mentorAccount.token);
    expect((await mentor.get('/me/support')).html).toContain('メンターのお願い');
    expect((await mentor.post(`/me/mentoring/invitations/${cohortId}`, { consent: 'yes' })).status).toBe(303);

    const suggested = await coordinator.get(`${cohortPath}?menteeId=${hire.member.userId}`);
    expect(suggested.html).toContain('同じ市区町村に住んでいます');
    expect(
      (
        await coordinator.post(`${cohortPath}/pairs`, {
          menteeId: hire.member.userId,
          mentorId: mentorAccount.userId,
        })
      ).status,
    ).toBe(303);

    const page = await mentor.get('/me/mentoring');
    expect(page.html).toContain('記録する');
    const sessionId = /action="\/me\/mentoring\/sessions\/([0-9a-f-]+)\/record"/.exec(
      page.html,
    )?.[1] as string;
    expect(
      (
        await mentor.post(`/me/mentoring/sessions/${sessionId}/record`, {
          held: 'yes',
          topics: '職場での困りごと',
        })
      ).status,
    ).toBe(303);
    const mentee = browserFor(t, hire.member.token);
    const hers = await mentee.get('/me/mentoring');
    expect(hers.html).toContain('職場での困りごと');
    expect(hers.html).toContain('この記録をコーディネーターが読んでもよい');
    expect((await mentee.post(`/me/mentoring/sessions/${sessionId}/answer`, {})).status).toBe(303);
    const staff = await coordinator.get(cohortPath);
    expect(staff.html).toContain('（メンティーが共有していません）');
    expect(staff.html).not.toContain('職場での困りごと');
  });
});
