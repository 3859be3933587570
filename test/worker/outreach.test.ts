/**
 * Area notices and exchange meetings through the Workers entry on a local D1: the reach rule
 * (json_each, the area overlap) and the digest's one-statement fan-out run on D1; a meeting's
 * seats are decided inside single statements of a D1 batch, so simultaneous yeses never overfill
 * it, and a cancellation moves the first in line up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARE_CRON } from '../../src/adapter/worker/worker.ts';
import { memberProfileInput } from '../support/inputs.ts';
import { type Account, STAFF, startTestWorker, type TestWorker } from '../support/test-worker.ts';

let w: TestWorker;
let coordinator: Account;
let kohoku: Account;
let osaka: Account;

async function memberIn(areaCode: string) {
  const member = await w.signUp('member');
  const saved = await w.call('PUT', '/api/members/me', {
    token: member.token,
    body: memberProfileInput({ areaCode, targetAreas: [] }),
  });
  if (saved.status !== 200) throw new Error(`profile failed: ${saved.status} ${saved.text}`);
  return member;
}

beforeAll(async () => {
  w = await startTestWorker();
  coordinator = await w.signIn(STAFF.coordinator);
  kohoku = await memberIn('141097');
  osaka = await memberIn('271276');
}, 120_000);
afterAll(async () => w?.close());

describe('outreach on Workers with D1', { timeout: 60_000 }, () => {
  it('a notice for 横浜市 reaches 港北区 and not 大阪市, and the care cron sends the digest', async () => {
    const notice = await w.call('POST', '/api/notices', {
      token: coordinator.token,
      body: {
        title: '横浜市 就労支援講座',
        body: '無料の講座です。',
        validUntil: '2099-12-31',
        areaCodes: ['141003'],
        childAges: { max: 17 },
      },
    });
    expect(notice.status, notice.text).toBe(201);
    expect(notice.json.reached).toBe(1);
    const hers = await w.call('GET', '/api/members/me/notices', { token: kohoku.token });
    expect(hers.json.items.map((n: { title: string }) => n.title)).toEqual(['横浜市 就労支援講座']);
    const theirs = await w.call('GET', '/api/members/me/notices', { token: osaka.token });
    expect(theirs.json.items).toEqual([]);
    expect((await w.runCron(CARE_CRON)).status).toBe(200);
    const news = await w.call('GET', '/api/notifications', { token: kohoku.token });
    expect(news.json.items).toEqual([
      expect.objectContaining({ kind: 'area_notices', body: '「横浜市 就労支援講座」' }),
    ]);
    expect((await w.call('GET', '/api/notifications', { token: osaka.token })).json.items).toEqual([]);
  });

  it('gives one seat to one of two simultaneous yeses, and the other moves up when it frees', async () => {
    const meeting = await w.call('POST', '/api/meetings', {
      token: coordinator.token,
      body: {
        title: '港北区 交流会',
        description: 'お茶を飲みながら。',
        heldOn: '2099-06-01',
        startTime: '10:00',
        endTime: '12:00',
        online: false,
        areaCode: '141097',
        capacity: 1,
        childrenWelcome: true,
        childcareProvided: false,
      },
    });
    expect(meeting.status, meeting.text).toBe(201);
    const id = meeting.json.id;
    const other = await memberIn('141003');
    expect(
      (await w.call('POST', `/api/meetings/${id}/reply`, { token: osaka.token, body: { answer: 'yes' } }))
        .status,
    ).toBe(404);
    const answers = await Promise.all(
      [kohoku, other].map((m) =>
        w.call('POST', `/api/meetings/${id}/reply`, { token: m.token, body: { answer: 'yes' } }),
      ),
    );
    expect(answers.map((a) => a.json.myReply).sort()).toEqual(['going', 'waiting']);
    const seated = answers[0]?.json.myReply === 'going' ? kohoku : other;
    const waiting = seated === kohoku ? other : kohoku;
    const cancelled = await w.call('POST', `/api/meetings/${id}/reply`, {
      token: seated.token,
      body: { answer: 'no' },
    });
    expect(cancelled.json.myReply).toBe('not_going');
    const detail = await w.call('GET', `/api/meetings/${id}`, { token: coordinator.token });
    expect(detail.json.meeting).toMatchObject({ going: 1, waiting: 0 });
    expect(detail.json.replies.find((r: { state: string }) => r.state === 'going').memberId).toBe(
      waiting.userId,
    );
    const told = await w.call('GET', '/api/notifications', { token: waiting.token });
    expect(told.json.items.map((n: { kind: string }) => n.kind)).toContain('meeting_seat');
  });
});
