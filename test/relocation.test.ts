/**
 * Relocation support over the API and pages: her move page brings together, per place she would
 * move to, the notices for it (or its prefecture), the roles there that fit her after the move and
 * her coordinator's note; coordinators see planned moves per place and month and write the note,
 * which her own profile saves never erase; a note is only ever about a move she plans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../src/web/i18n.ts';
import { handClock } from './support/hire.ts';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  roleInput,
  type TestApp,
} from './support/test-app.ts';
import { browserFor, fieldError } from './support/web.ts';

const ja = messagesFor('ja');
const clock = handClock('2026-12-01T01:00:00Z');
const FUKUOKA_CITY = '401307';
let t: TestApp;
let coordinator: Account;
let moving: Account;
let staying: Account;
let fukuokaRole: string;

beforeAll(async () => {
  t = await createTestApp({
    search: true,
    clock,
    config: { sessionTtlHours: 24 * 300, sessionIdleHours: { member: 24 * 300, other: 24 * 300 } },
  });
  coordinator = await t.createStaff('coordinator');
  const employer = await t.employerWithOrganisation({ coordinator });
  // A role in 福岡市 she could do after her move, and one at home she could do now.
  fukuokaRole = await t.publishRole(
    employer,
    roleInput({
      title: '博多の介護スタッフ（週3日・9時〜15時）',
      locations: [{ areaCode: FUKUOKA_CITY, label: '博多デイサービス' }],
    }),
  );
  await t.publishRole(employer);
  moving = await t.signUp('member');
  const saved = await t.call('PUT', '/api/members/me', {
    token: moving.token,
    body: memberProfileInput({
      targetAreas: [
        { areaCode: FUKUOKA_CITY, needsRelocationSupport: true, moveFrom: '2027-04', maxCommuteMinutes: 40 },
      ],
    }),
  });
  expect(saved.status, saved.text).toBe(200);
  await t.call('PUT', `/api/members/${moving.userId}/stage`, {
    token: coordinator.token,
    body: { stage: 3, reason: '面談の結果' },
  });
  staying = await t.signUp('member');
  await t.call('PUT', '/api/members/me', {
    token: staying.token,
    body: memberProfileInput({ targetAreas: [] }),
  });
  for (const [title, areaCodes] of [
    ['福岡県 ひとり親の住宅支援', ['400009']],
    ['大阪市 保育園の空き', ['271004']],
  ] as const) {
    const res = await t.call('POST', '/api/notices', {
      token: coordinator.token,
      body: {
        title,
        body: '詳しくは県のページで。',
        validUntil: '2026-12-31',
        areaCodes: [...areaCodes],
        audience: 'both',
      },
    });
    expect(res.status, res.text).toBe(201);
  }
  await t.syncSearch();
});

afterAll(() => t.close());

describe('her move page', () => {
  it('brings together the place, its notices, the work that fits her there after the move', async () => {
    const res = await t.call('GET', '/api/members/me/moves', { token: moving.token });
    expect(res.status).toBe(200);
    expect(res.json.items).toHaveLength(1);
    const plan = res.json.items[0];
    expect(plan).toMatchObject({
      area: { code: FUKUOKA_CITY, name: '福岡市', prefCode: '40' },
      moveFrom: '2027-04',
      maxCommuteMinutes: 40,
      needsRelocationSupport: true,
      note: null,
    });
    expect(plan.notices.map((n: { title: string }) => n.title)).toEqual(['福岡県 ひとり親の住宅支援']);
    expect(plan.roles.map((h: { role: { id: string } }) => h.role.id)).toEqual([fukuokaRole]);
    // Judged from her new home, as of the month of the move.
    expect(plan.roles[0].match).toBeDefined();
  });

  it('is empty for a member who plans no move, and the page says how to add one', async () => {
    expect((await t.call('GET', '/api/members/me/moves', { token: staying.token })).json.items).toEqual([]);
    const page = await browserFor(t, staying.token).get('/me/moves');
    expect(page.html).toContain(ja.outreach.movePage.none);
  });
});

describe('the coordinator and the move plan', () => {
  it('sees planned moves per place and month, and writes the note she reads', async () => {
    const planned = await t.call('GET', '/api/moves', { token: coordinator.token });
    expect(planned.status).toBe(200);
    const group = planned.json.items.find((g: { area: { code: string } }) => g.area.code === FUKUOKA_CITY);
    expect(group).toMatchObject({ month: '2027-04', area: { name: '福岡市', prefecture: '福岡県' } });
    expect(group.members).toEqual([
      { memberId: moving.userId, name: expect.any(String), needsRelocationSupport: true, note: null },
    ]);
    // No one who plans no move is listed.
    const listed = planned.json.items.flatMap((g: { members: { memberId: string }[] }) =>
      g.members.map((m) => m.memberId),
    );
    expect(listed).not.toContain(staying.userId);

    const written = await t.call('PUT', `/api/members/${moving.userId}/moves/${FUKUOKA_CITY}/note`, {
      token: coordinator.token,
      body: { note: '市営住宅の申込みは1月から。引越し費用の助成を確認します。' },
    });
    expect(written.status).toBe(200);
    const mine = (await t.call('GET', '/api/members/me/moves', { token: moving.token })).json.items[0];
    expect(mine.note).toEqual({
      text: '市営住宅の申込みは1月から。引越し費用の助成を確認します。',
      writtenAt: '2026-12-01T01:00:00.000Z',
    });
    // Saving her profile again keeps what her coordinator wrote.
    const profile = (await t.call('GET', '/api/members/me', { token: moving.token })).json;
    const resaved = await t.call('PUT', '/api/members/me', {
      token: moving.token,
      body: memberProfileInput({
        phone: '090-0000-1111',
        targetAreas: [
          {
            areaCode: FUKUOKA_CITY,
            needsRelocationSupport: true,
            moveFrom: '2027-04',
            maxCommuteMinutes: 40,
          },
        ],
        familyName: profile.familyName,
      }),
    });
    expect(resaved.status, resaved.text).toBe(200);
    expect(
      (await t.call('GET', '/api/members/me/moves', { token: moving.token })).json.items[0].note.text,
    ).toBe('市営住宅の申込みは1月から。引越し費用の助成を確認します。');
    const page = await browserFor(t, moving.token).get('/me/moves');
    expect(page.html).toContain('市営住宅の申込みは1月から。');
    expect(page.html).toContain('博多の介護スタッフ');
    expect(page.html).toContain('福岡県 ひとり親の住宅支援');
    expect(page.html).not.toContain('大阪市 保育園の空き');
  });

  it('a note about a place she does not plan to move to, or about no one, is a 404 and writes nothing', async () => {
    const before = await t.rowCounts();
    for (const [member, area] of [
      [staying.userId, FUKUOKA_CITY],
      [moving.userId, '271004'],
      ['00000000-0000-4000-8000-000000000000', FUKUOKA_CITY],
    ]) {
      const res = await t.call('PUT', `/api/members/${member}/moves/${area}/note`, {
        token: coordinator.token,
        body: { note: 'メモ' },
      });
      expect(res.status).toBe(404);
    }
    expect(await t.rowCounts()).toEqual(before);
  });

  it('the staff page lists her with the note form; an empty note is refused by the field', async () => {
    const browser = browserFor(t, coordinator.token);
    const page = await browser.get('/coordinator/moves');
    expect(page.status).toBe(200);
    expect(page.html).toContain('2027年4月から');
    expect(page.html).toContain(`action="/coordinator/moves/${moving.userId}/${FUKUOKA_CITY}/note"`);
    const field = `note.${moving.userId}.${FUKUOKA_CITY}`;
    const refused = await browser.post(`/coordinator/moves/${moving.userId}/${FUKUOKA_CITY}/note`, {
      [field]: ' ',
    });
    expect(refused.status).toBe(422);
    expect(fieldError(refused.html, field)).toBeTruthy();
    const saved = await browser.post(`/coordinator/moves/${moving.userId}/${FUKUOKA_CITY}/note`, {
      [field]: '面談で住まいの候補を2件お伝えしました',
    });
    expect(saved.status).toBe(303);
    const after = await browser.get('/coordinator/moves');
    expect(after.html).toContain('面談で住まいの候補を2件お伝えしました');
    // Members do not see the table.
    expect((await browserFor(t, moving.token).get('/coordinator/moves')).status).toBe(403);
  });
});
