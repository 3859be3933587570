/**
 * Area notices over the API, with a clock the test moves: a notice for 横浜市 reaches a member in
 * 横浜市港北区 and not one in 大阪市; target areas, stages and children's ages narrow it; staff
 * see how many it reaches and how many opened it, never who; it ends on its last day or when
 * withdrawn; the digest tells each member reached once, in a notification mailed unless stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryRelay } from '../src/features/notifications/delivery.ts';
import { handClock } from './support/hire.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

const clock = handClock('2026-12-01T01:00:00Z');
let t: TestApp;
let coordinator: Account;
let kohoku: Account;
let osaka: Account;
let movingToShizuoka: Account;

async function memberIn(profile: Record<string, unknown>, stage?: number) {
  const member = await t.signUp('member');
  const saved = await t.call('PUT', '/api/members/me', {
    token: member.token,
    body: memberProfileInput(profile),
  });
  expect(saved.status).toBe(200);
  if (stage) {
    const res = await t.call('PUT', `/api/members/${member.userId}/stage`, {
      token: coordinator.token,
      body: { stage, reason: '面談の結果' },
    });
    expect(res.status).toBe(200);
  }
  return member;
}

const titlesFor = async (member: Account) =>
  (
    (await t.call('GET', '/api/members/me/notices', { token: member.token })).json.items as {
      title: string;
    }[]
  ).map((n) => n.title);

async function publish(body: Record<string, unknown>) {
  const res = await t.call('POST', '/api/notices', {
    token: coordinator.token,
    body: { body: '詳しくは市のページをご覧ください。', validUntil: '2026-12-31', ...body },
  });
  expect(res.status, res.text).toBe(201);
  return res.json;
}

beforeAll(async () => {
  t = await createTestApp({
    clock,
    config: { sessionTtlHours: 24 * 300, sessionIdleHours: { member: 24 * 300, other: 24 * 300 } },
  });
  coordinator = await t.createStaff('coordinator');
  // Born 2022-06: four years old in December 2026.
  kohoku = await memberIn({ areaCode: '141097', targetAreas: [] }, 2);
  osaka = await memberIn({ areaCode: '271276', targetAreas: [], familyName: '大阪', givenName: '花子' }, 2);
  movingToShizuoka = await memberIn(
    {
      areaCode: '271276',
      targetAreas: [{ areaCode: '220001', needsRelocationSupport: true }],
      children: [{ birthYear: 2014, birthMonth: 4 }],
    },
    4,
  );
});
afterAll(async () => t.close());

describe('whom a notice reaches', () => {
  it('a notice for 横浜市 reaches her in 横浜市港北区 and not a member in 大阪市', async () => {
    const notice = await publish({ title: '横浜市 ひとり親家庭の就労支援講座', areaCodes: ['141003'] });
    expect(notice).toMatchObject({
      areas: [{ code: '141003', name: '横浜市' }],
      audience: 'both',
      current: true,
      reached: 1,
      reads: 0,
    });
    expect(await titlesFor(kohoku)).toEqual(['横浜市 ひとり親家庭の就労支援講座']);
    expect(await titlesFor(osaka)).toEqual([]);
    expect(await titlesFor(movingToShizuoka)).toEqual([]);
  });

  it('a prefecture reaches every place in it; a neighbouring ward does not', async () => {
    await publish({ title: '神奈川県 保育所の空き状況', areaCodes: ['140007'] });
    await publish({ title: '鶴見区だけのお知らせ', areaCodes: ['141011'] });
    expect(await titlesFor(kohoku)).toContain('神奈川県 保育所の空き状況');
    expect(await titlesFor(kohoku)).not.toContain('鶴見区だけのお知らせ');
  });

  it('reaches where she plans to move: 静岡市 overlaps her target, the whole of 静岡県', async () => {
    await publish({ title: '静岡市 移住支援金', areaCodes: ['221007'], audience: 'target' });
    await publish({ title: '静岡市に住むかただけ', areaCodes: ['221007'], audience: 'home' });
    expect(await titlesFor(movingToShizuoka)).toEqual(['静岡市 移住支援金']);
    expect(await titlesFor(kohoku)).not.toContain('静岡市 移住支援金');
  });

  it('narrows by support stage and by her children’s ages', async () => {
    await publish({ title: '大阪市 段階4以上の講座', areaCodes: ['271004'], stages: [4, 5] });
    await publish({
      title: '大阪市 小学生のいるかた',
      areaCodes: ['271004'],
      childAges: { min: 6, max: 12 },
    });
    await publish({ title: '大阪市 未就学児のいるかた', areaCodes: ['271004'], childAges: { max: 5 } });
    expect(await titlesFor(osaka)).toEqual(['大阪市 未就学児のいるかた']);
    expect((await titlesFor(movingToShizuoka)).sort()).toEqual(
      ['大阪市 段階4以上の講座', '大阪市 小学生のいるかた', '静岡市 移住支援金'].sort(),
    );
  });

  it('refuses bad input with field-level messages and writes nothing', async () => {
    const before = (await t.call('GET', '/api/notices', { token: coordinator.token })).json.items.length;
    const bad = await t.call('POST', '/api/notices', {
      token: coordinator.token,
      body: {
        title: '',
        body: 'x',
        link: 'javascript:alert(1)',
        validUntil: '2026-13-01',
        areaCodes: [],
        stages: [6],
        childAges: { min: 10, max: 3 },
      },
    });
    expect(bad.status).toBe(422);
    const paths = bad.json.error.issues.map((i: { path: string }) => i.path);
    for (const path of [
      'body.title',
      'body.link',
      'body.validUntil',
      'body.areaCodes',
      'body.stages.0',
      'body.childAges.max',
    ])
      expect(paths).toContain(path);
    const unknownArea = await t.call('POST', '/api/notices', {
      token: coordinator.token,
      body: { title: 'x', body: 'x', validUntil: '2026-12-31', areaCodes: ['141003', '999999'] },
    });
    expect(unknownArea.status).toBe(422);
    expect(unknownArea.json.error.issues).toEqual([
      expect.objectContaining({ path: 'body.areaCodes.1', code: 'unknown_area' }),
    ]);
    const past = await t.call('POST', '/api/notices', {
      token: coordinator.token,
      body: { title: 'x', body: 'x', validUntil: '2026-11-30', areaCodes: ['141003'] },
    });
    expect(past.status).toBe(422);
    expect(past.json.error.issues[0].path).toBe('body.validUntil');
    expect((await t.call('GET', '/api/notices', { token: coordinator.token })).json.items).toHaveLength(
      before,
    );
  });
});

describe('reads, and the end of a notice', () => {
  it('counts each member’s opening once and shows staff counts only', async () => {
    const [notice] = (
      await t.call('GET', '/api/members/me/notices', { token: kohoku.token })
    ).json.items.filter((n: { title: string }) => n.title === '横浜市 ひとり親家庭の就労支援講座');
    expect(notice.read).toBe(false);
    for (let i = 0; i < 2; i++) {
      const read = await t.call('POST', `/api/notices/${notice.id}/read`, { token: kohoku.token });
      expect(read.status).toBe(200);
      expect(read.json.read).toBe(true);
    }
    // A notice that does not reach her is as unknown as any other id.
    expect((await t.call('POST', `/api/notices/${notice.id}/read`, { token: osaka.token })).status).toBe(404);
    const listed = await t.call('GET', '/api/notices', { token: coordinator.token });
    const figures = listed.json.items.find((n: { id: string }) => n.id === notice.id);
    expect(figures).toMatchObject({ reached: 1, reads: 1 });
    expect(listed.text).not.toContain(kohoku.userId);
  });

  it('ends after its last day, and at once when withdrawn', async () => {
    const withdrawn = await publish({ title: '取り下げるお知らせ', areaCodes: ['141003'] });
    expect(await titlesFor(kohoku)).toContain('取り下げるお知らせ');
    const res = await t.call('POST', `/api/notices/${withdrawn.id}/withdraw`, { token: coordinator.token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ current: false });
    expect(await titlesFor(kohoku)).not.toContain('取り下げるお知らせ');
    await publish({ title: '今月末まで', areaCodes: ['141003'], validUntil: '2026-12-02' });
    expect(await titlesFor(kohoku)).toContain('今月末まで');
    clock.advanceDays(2); // 2026-12-03 in Japan
    expect(await titlesFor(kohoku)).not.toContain('今月末まで');
    clock.advanceDays(-2);
  });
});

describe('the digest', () => {
  it('tells each member reached once, naming the new notices, and mails it unless she stopped it', async () => {
    const first = await t.services.careJob();
    expect(first.noticesAnnounced).toBeGreaterThan(0);
    expect((await t.services.careJob()).noticesAnnounced).toBe(0);
    const digests = await t.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'area_notices')
      .execute();
    const kohokuDigest = digests.filter((n) => n.user_id === kohoku.userId);
    expect(kohokuDigest).toHaveLength(1);
    expect(kohokuDigest[0]?.body).toContain('「横浜市 ひとり親家庭の就労支援講座」');
    expect(kohokuDigest[0]?.body).not.toContain('鶴見区だけのお知らせ');
    expect(kohokuDigest[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(digests.filter((n) => n.user_id === osaka.userId)).toHaveLength(1);
    // Already shown on her home page: the digest is not one more unread item in the app.
    expect(kohokuDigest[0]?.read_at).not.toBeNull();

    const stopped = await t.call('PUT', '/api/auth/mail-preferences', {
      token: osaka.token,
      body: { locale: 'ja', stopped: ['area_notices'] },
    });
    expect(stopped.status).toBe(200);
    await createDeliveryRelay(t.deps, null).run();
    const mails = await t.database.db
      .selectFrom('mail_outbox')
      .innerJoin('users', 'users.id', 'mail_outbox.user_id')
      .select(['mail_outbox.user_id', 'mail_outbox.text_body', 'mail_outbox.subject'])
      .where('mail_outbox.kind', '=', 'notification')
      .execute();
    const toKohoku = mails.filter((m) => m.user_id === kohoku.userId);
    expect(toKohoku).toHaveLength(1);
    expect(toKohoku[0]?.text_body).toContain('お住まいの地域などからのお知らせがあります');
    // Subjects never carry the detail (a shared phone's lock screen).
    expect(toKohoku[0]?.subject).not.toContain('横浜');
    expect(mails.filter((m) => m.user_id === osaka.userId)).toHaveLength(0);
  });
});
