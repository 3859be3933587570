/**
 * Follow-up after a hire, over the API on a real SQLite file with a clock the test moves: a hire
 * schedules her check-ins; the scheduled job opens them to her and reports the unanswered ones;
 * 「相談したい」, a low answer, no answer and a separation each reach the coordinator's queue with
 * the reason, and the coordinator closes them with a note. An employer sees none of her answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Hire, handClock, hireMember } from './support/hire.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const clock = handClock();
let t: TestApp;
let hire: Hire;

const checkIns = async (token: string) =>
  (await t.call('GET', '/api/members/me/check-ins', { token })).json.items as {
    id: string;
    afterDays: number;
    state: string;
    answer: unknown;
  }[];
const queue = async (token: string, query = '') =>
  (await t.call('GET', `/api/follow-ups${query}`, { token })).json.items as {
    id: string;
    reason: string;
    member: { userId: string };
    detail: Record<string, unknown>;
    contactNote: string | null;
  }[];

beforeAll(async () => {
  t = await createTestApp({
    clock,
    config: { sessionTtlHours: 24 * 300, sessionIdleHours: { member: 24 * 300, other: 24 * 300 } },
  });
  hire = await hireMember(t);
});
afterAll(async () => t.close());

describe('check-ins after a hire', () => {
  it('a hire schedules check-ins at 2 weeks, 1, 2 and 3 months, none open yet', async () => {
    const items = await checkIns(hire.member.token);
    expect(items.map((c) => [c.afterDays, c.state])).toEqual([
      [14, 'scheduled'],
      [30, 'scheduled'],
      [60, 'scheduled'],
      [90, 'scheduled'],
    ]);
    const early = await t.call('POST', `/api/check-ins/${items[0]?.id}/answer`, {
      token: hire.member.token,
      body: { wellbeing: 4, wantsContact: false },
    });
    expect(early.status).toBe(409);
    expect((await t.services.followUp.run()).announced).toBe(0);
  });

  it('at two weeks she is told, answers 「相談したい」, and the coordinator finds her in the queue and closes it', async () => {
    clock.advanceDays(14);
    expect((await t.services.followUp.run()).announced).toBe(1);
    expect((await t.services.followUp.run()).announced).toBe(0);
    const news = await t.call('GET', '/api/notifications', { token: hire.member.token });
    expect(news.json.items.map((n: { kind: string }) => n.kind)).toContain('check_in');

    const [twoWeeks] = await checkIns(hire.member.token);
    expect(twoWeeks?.state).toBe('open');
    const bad = await t.call('POST', `/api/check-ins/${twoWeeks?.id}/answer`, {
      token: hire.member.token,
      body: { wellbeing: 6, wantsContact: 'yes' },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.wantsContact',
      'body.wellbeing',
    ]);
    const answered = await t.call('POST', `/api/check-ins/${twoWeeks?.id}/answer`, {
      token: hire.member.token,
      body: { wellbeing: 3, comment: '保育園のお迎えに間に合うか不安です', wantsContact: true },
    });
    expect(answered.status).toBe(200);
    expect(answered.json.state).toBe('answered');
    const again = await t.call('POST', `/api/check-ins/${twoWeeks?.id}/answer`, {
      token: hire.member.token,
      body: { wellbeing: 5, wantsContact: false },
    });
    expect(again.status).toBe(409);

    const open = await queue(hire.coordinator.token);
    const mine = open.filter((f) => f.member.userId === hire.member.userId);
    expect(mine.map((f) => f.reason)).toEqual(['wants_contact']);
    expect(mine[0]?.detail).toMatchObject({ afterDays: 14, wellbeing: 3, wantsContact: true });
    const told = await t.call('GET', '/api/notifications', { token: hire.coordinator.token });
    expect(told.json.items.map((n: { kind: string }) => n.kind)).toContain('follow_up');

    const noNote = await t.call('POST', `/api/follow-ups/${mine[0]?.id}/close`, {
      token: hire.coordinator.token,
      body: { note: '  ' },
    });
    expect(noNote.status).toBe(422);
    const closed = await t.call('POST', `/api/follow-ups/${mine[0]?.id}/close`, {
      token: hire.coordinator.token,
      body: { note: '電話しました。お迎えは延長保育で対応できそうです。' },
    });
    expect(closed.status).toBe(200);
    expect(closed.json.closedAt).not.toBeNull();
    expect(
      (
        await t.call('POST', `/api/follow-ups/${mine[0]?.id}/close`, {
          token: hire.coordinator.token,
          body: { note: 'もう一度' },
        })
      ).status,
    ).toBe(409);
    expect((await queue(hire.coordinator.token)).some((f) => f.id === mine[0]?.id)).toBe(false);
    const history = await queue(hire.coordinator.token, '?state=closed');
    expect(history.find((f) => f.id === mine[0]?.id)?.contactNote).toContain('延長保育');
  });

  it('a low answer reaches the queue too; no answer after 7 days does, once', async () => {
    const other = await hireMember(t, { coordinator: hire.coordinator });
    clock.advanceDays(14);
    await t.services.followUp.run();
    const [first] = await checkIns(other.member.token);
    await t.call('POST', `/api/check-ins/${first?.id}/answer`, {
      token: other.member.token,
      body: { wellbeing: 1, wantsContact: false },
    });
    expect(
      (await queue(hire.coordinator.token))
        .filter((f) => f.member.userId === other.member.userId)
        .map((f) => f.reason),
    ).toEqual(['low_answer']);

    // The first member's one-month check-in (day 30) goes unanswered for 7 days.
    clock.advanceDays(9);
    await t.services.followUp.run();
    const silent = (await queue(hire.coordinator.token)).filter(
      (f) => f.member.userId === hire.member.userId,
    );
    expect(silent.map((f) => [f.reason, f.detail.afterDays])).toEqual([['no_answer', 30]]);
    await t.services.followUp.run();
    expect(
      (await queue(hire.coordinator.token)).filter((f) => f.member.userId === hire.member.userId),
    ).toHaveLength(1);
  });

  it('the employer records a separation: the coordinator is asked to reach out, and no further check-ins open', async () => {
    const path = `/api/introductions/${hire.matchId}/separation`;
    const bad = await t.call('POST', path, {
      token: hire.employer.token,
      body: { separatedOn: '2026-13-01', reasonCode: 'bored' },
    });
    expect(bad.status).toBe(422);
    const stranger = await t.employerWithOrganisation({ coordinator: hire.coordinator });
    expect(
      (
        await t.call('POST', path, {
          token: stranger.token,
          body: { separatedOn: '2027-01-10', reasonCode: 'schedule' },
        })
      ).status,
    ).toBe(404);
    const recorded = await t.call('POST', path, {
      token: hire.employer.token,
      body: { separatedOn: '2027-01-10', reasonCode: 'schedule', note: 'シフトが合わなくなったため' },
    });
    expect(recorded.status).toBe(201);
    expect(
      (
        await t.call('POST', path, {
          token: hire.employer.token,
          body: { separatedOn: '2027-01-10', reasonCode: 'schedule' },
        })
      ).status,
    ).toBe(409);
    const reasons = (await queue(hire.coordinator.token))
      .filter((f) => f.member.userId === hire.member.userId)
      .map((f) => f.reason);
    expect(reasons).toContain('separation');

    clock.advanceDays(60);
    const before = (await t.call('GET', '/api/notifications', { token: hire.member.token })).json.items
      .length;
    await t.services.followUp.run();
    const after = (await t.call('GET', '/api/notifications', { token: hire.member.token })).json.items.length;
    expect(after).toBe(before);

    const record = await t.call('GET', `/api/members/${hire.member.userId}/after-hire`, {
      token: hire.coordinator.token,
    });
    expect(record.status).toBe(200);
    expect(record.json.checkIns).toHaveLength(4);
    expect(record.json.separations.map((s: { reasonCode: string }) => s.reasonCode)).toEqual(['schedule']);
  });
});

describe('after-hire figures on the dashboard', () => {
  it('retention at 1 and 3 months counts a separation before the mark, and answers are counted per month', async () => {
    const res = await t.call('GET', '/api/dashboard/after-hire', { token: hire.coordinator.token });
    expect(res.status).toBe(200);
    // Two hires over a month ago, one of them over three; that one ended after seven weeks.
    expect(res.json.retention).toEqual([
      { days: 30, hires: 2, retained: 2 },
      { days: 90, hires: 1, retained: 0 },
    ]);
    const answered = res.json.answers
      .flatMap((a: { counts: number[] }) => a.counts)
      .reduce((x: number, y: number) => x + y, 0);
    expect(answered).toBe(2);
    const csv = await t.call('GET', '/api/exports/after-hire.csv', { token: hire.coordinator.token });
    expect(csv.text).toContain('"定着率","3か月","継続","0"');
  });
});

describe('privacy of check-in answers', () => {
  it('an employer reads none of her answers, on any route she may call', async () => {
    const comment = '保育園のお迎えに間に合うか不安です';
    const employerReads = ['/api/introductions', '/api/notifications', '/api/roles', '/api/organisations/me'];
    for (const path of employerReads) {
      const res = await t.call('GET', path, { token: hire.employer.token });
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toContain(comment);
      expect(res.text, path).not.toContain('wellbeing');
    }
    for (const path of [
      '/api/follow-ups',
      `/api/members/${hire.member.userId}/after-hire`,
      '/api/members/me/check-ins',
    ]) {
      expect((await t.call('GET', path, { token: hire.employer.token })).status, path).toBe(403);
    }
  });

  it('a member cannot read or answer another member’s check-in', async () => {
    const [theirs] = await checkIns(hire.member.token);
    const someone = await t.signUp('member');
    const res = await t.call('POST', `/api/check-ins/${theirs?.id}/answer`, {
      token: someone.token,
      body: { wellbeing: 5, wantsContact: false },
    });
    expect(res.status).toBe(404);
    expect(await checkIns(someone.token)).toEqual([]);
  });
});
