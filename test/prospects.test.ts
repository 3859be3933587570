/**
 * Employer development over the API, with a clock the test moves: prospects are recorded at 候補,
 * listed by stage, prefecture and owner, moved through the stages with dated notes and next
 * actions, and the pipeline counts how many reached each stage, the conversion to the next and
 * the median days spent in each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handClock } from './support/hire.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';
import { browserFor } from './support/web.ts';

const clock = handClock('2026-12-01T01:00:00Z');
let t: TestApp;
let coordinator: Account;
let colleague: Account;

async function create(body: Record<string, unknown>, by = coordinator) {
  const res = await t.call('POST', '/api/prospects', {
    token: by.token,
    body: { trades: ['care'], source: '商工会議所の紹介', ...body },
  });
  expect(res.status, res.text).toBe(201);
  return res.json.id as string;
}

const move = (id: string, stage: string, extra: Record<string, unknown> = {}) =>
  t.call('POST', `/api/prospects/${id}/stage`, { token: coordinator.token, body: { stage, ...extra } });

beforeAll(async () => {
  t = await createTestApp({
    clock,
    config: { sessionTtlHours: 24 * 300, sessionIdleHours: { member: 24 * 300, other: 24 * 300 } },
  });
  coordinator = await t.createStaff('coordinator');
  colleague = await t.createStaff('coordinator');
});
afterAll(async () => t.close());

describe('prospects', () => {
  let yokohama: string;
  let osaka: string;

  it('are recorded at 候補 with their owner, and refuse bad input', async () => {
    yokohama = await create({
      company: '株式会社はまかぜ物流',
      areaCode: '141097',
      trades: ['office'],
      contact: '総務部 田中さん 045-000-0000',
      nextActionOn: '2026-12-03',
    });
    osaka = await create({ company: 'なにわ介護株式会社', areaCode: '271004', ownerId: colleague.userId });
    const detail = await t.call('GET', `/api/prospects/${yokohama}`, { token: coordinator.token });
    expect(detail.json.prospect).toMatchObject({
      company: '株式会社はまかぜ物流',
      area: { code: '141097', prefecture: '神奈川県' },
      stage: 'candidate',
      owner: { id: coordinator.userId },
      nextActionOn: '2026-12-03',
    });
    expect(detail.json.history).toEqual([
      expect.objectContaining({ kind: 'stage', fromStage: null, toStage: 'candidate' }),
    ]);

    const bad = await t.call('POST', '/api/prospects', {
      token: coordinator.token,
      body: { company: '', areaCode: '999999', trades: ['nonsense'], source: '' },
    });
    expect(bad.status).toBe(422);
    const paths = bad.json.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.company', 'body.trades.0', 'body.source']));
    const member = await t.signUp('member');
    const notStaff = await t.call('POST', '/api/prospects', {
      token: coordinator.token,
      body: { company: 'x', areaCode: '141003', trades: ['care'], source: 'x', ownerId: member.userId },
    });
    expect(notStaff.status).toBe(422);
    expect(notStaff.json.error.issues[0].path).toBe('body.ownerId');
  });

  it('are listed by stage, prefecture and owner', async () => {
    const list = async (query: string) =>
      (await t.call('GET', `/api/prospects${query}`, { token: coordinator.token })).json.items.map(
        (p: { id: string }) => p.id,
      );
    expect(await list('?prefCode=14')).toEqual([yokohama]);
    expect(await list(`?ownerId=${colleague.userId}`)).toEqual([osaka]);
    expect((await list('?stage=candidate')).sort()).toEqual([yokohama, osaka].sort());
    expect(await list('?stage=meeting')).toEqual([]);
    expect((await t.call('GET', '/api/prospects?stage=signed', { token: coordinator.token })).status).toBe(
      422,
    );
  });

  it('move through the stages with dated notes and the next action', async () => {
    clock.advanceDays(2);
    expect(
      (await move(yokohama, 'contacted', { note: '電話で趣旨を説明', nextActionOn: '2026-12-10' })).status,
    ).toBe(200);
    const noted = await t.call('POST', `/api/prospects/${yokohama}/notes`, {
      token: coordinator.token,
      body: { note: '短時間勤務の前例あり。面談の日程を調整中', nextActionOn: '2026-12-08' },
    });
    expect(noted.status).toBe(201);
    expect(noted.json.prospect.nextActionOn).toBe('2026-12-08');
    clock.advanceDays(4);
    await move(yokohama, 'meeting');
    clock.advanceDays(6);
    await move(yokohama, 'registered');
    const detail = await t.call('GET', `/api/prospects/${yokohama}`, { token: coordinator.token });
    expect(
      detail.json.history.map((e: { kind: string; toStage: string | null }) => e.toStage ?? e.kind),
    ).toEqual(['candidate', 'contacted', 'note', 'meeting', 'registered']);
    expect(detail.json.history[2].at).toBe('2026-12-03T01:00:00.000Z');
    expect((await move(yokohama, 'won')).status).toBe(422);
    expect(
      (
        await t.call('POST', '/api/prospects/00000000-0000-4000-8000-000000000000/stage', {
          token: coordinator.token,
          body: { stage: 'contacted' },
        })
      ).status,
    ).toBe(404);
  });

  it('show conversion per stage and the median days spent in each', async () => {
    clock.advanceDays(1);
    await move(osaka, 'contacted');
    const pipeline = await t.call('GET', '/api/prospect-pipeline', { token: coordinator.token });
    expect(pipeline.status).toBe(200);
    expect(pipeline.json.stages).toEqual([
      { stage: 'candidate', now: 0, reached: 2, conversion: 1, medianDaysInStage: 7.5 },
      { stage: 'contacted', now: 1, reached: 2, conversion: 0.5, medianDaysInStage: 4 },
      { stage: 'meeting', now: 0, reached: 1, conversion: 1, medianDaysInStage: 6 },
      { stage: 'registered', now: 1, reached: 1, conversion: 0, medianDaysInStage: null },
      { stage: 'verified', now: 0, reached: 0, conversion: null, medianDaysInStage: null },
    ]);
  });
});

describe('demand without supply', () => {
  async function memberAt(areaCode: string, stage: number) {
    const member = await t.signUp('member');
    await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput({ areaCode }) });
    const staged = await t.call('PUT', `/api/members/${member.userId}/stage`, {
      token: coordinator.token,
      body: { stage, reason: '面談の結果' },
    });
    expect(staged.status).toBe(200);
  }
  const demand = async (query: string) =>
    (await t.call('GET', `/api/prospect-pipeline/demand?${query}`, { token: coordinator.token })).json;

  it('counts members at stage 2+ per municipality and trade against the roles in their reach', async () => {
    // Skills caregiving (介護) and pc_basic (事務): two trades each. A ward counts as its city.
    await memberAt('141097', 2);
    await memberAt('141011', 3);
    await memberAt('141097', 1);
    await memberAt('271276', 2);
    const employer = await t.employerWithOrganisation({ coordinator });
    const roleId = await t.publishRole(employer); // care, in 横浜市港北区

    const kanagawa = await demand('prefCode=14&minRoles=3');
    expect(kanagawa.items).toEqual([
      { areaCode: '141003', areaName: '横浜市', trade: 'care', members: 2, roles: 1 },
      { areaCode: '141003', areaName: '横浜市', trade: 'office', members: 2, roles: 0 },
    ]);
    // One care role is enough when N is 1: only 事務 is short.
    expect((await demand('prefCode=14&minRoles=1')).items.map((r: { trade: string }) => r.trade)).toEqual([
      'office',
    ]);
    expect(
      (await demand('prefCode=27')).items.map((r: { areaName: string; members: number }) => [
        r.areaName,
        r.members,
      ]),
    ).toEqual([
      ['大阪市', 1],
      ['大阪市', 1],
    ]);
    // Supply is what members can find: an ad that expired unrenewed counts no more.
    await t.database.db
      .updateTable('job_roles')
      .set({ expired_at: new Date().toISOString() })
      .where('id', '=', roleId)
      .execute();
    expect((await demand('prefCode=14&minRoles=1')).items.map((r: { trade: string }) => r.trade)).toEqual([
      'care',
      'office',
    ]);
    expect(
      (await t.call('GET', '/api/prospect-pipeline/demand?prefCode=tokyo', { token: coordinator.token }))
        .status,
    ).toBe(422);
    // Two digits are not enough: there is no prefecture 99.
    const nowhere = await t.call('GET', '/api/prospect-pipeline/demand?prefCode=99', {
      token: coordinator.token,
    });
    expect(nowhere.status).toBe(422);
    expect(nowhere.json.error.issues[0].path).toBe('query.prefCode');
  });
});

describe('registration by invitation', () => {
  it('links the prospect to the organisation that accepts it and moves it to 登録, once', async () => {
    const id = await create({ company: '株式会社はかた食品', areaCode: '401307', trades: ['food'] });
    expect((await move(id, 'meeting')).status).toBe(200);
    const invited = await t.call('POST', `/api/prospects/${id}/invitations`, { token: coordinator.token });
    expect(invited.status).toBe(201);
    const token = decodeURIComponent(/\/join\/([^/?#]+)$/.exec(invited.json.link)?.[1] ?? '');
    expect(token.length).toBeGreaterThanOrEqual(32);
    // Only the secret's hash is stored: the database never holds the link itself.
    expect(
      JSON.stringify(await t.database.db.selectFrom('prospect_invitations').selectAll().execute()),
    ).not.toContain(token);

    // A visitor reads whom it is for and what to do; the page works without an account.
    const page = await browserFor(t).get(`/join/${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('株式会社はかた食品');
    expect(page.html).toContain('href="/sign-up"');

    // An employer without an organisation is told to register it first; nothing changes.
    const early = await t.signUp('employer');
    const refused = await t.call('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, {
      token: early.token,
    });
    expect(refused.status).toBe(409);
    expect((await browserFor(t, early.token).get(`/join/${encodeURIComponent(token)}`)).html).toContain(
      'href="/employer/organisation"',
    );

    const employer = await t.employerWithOrganisation({ coordinator });
    const accepted = await browserFor(t, employer.token).post(`/join/${encodeURIComponent(token)}`);
    expect(accepted.status).toBe(303);
    expect(accepted.location).toBe('/employer/roles');
    const detail = (await t.call('GET', `/api/prospects/${id}`, { token: coordinator.token })).json;
    expect(detail.prospect).toMatchObject({ stage: 'registered', organisationId: employer.organisationId });
    expect(
      detail.history
        .filter((e: { kind: string }) => e.kind === 'stage')
        .map((e: { toStage: string }) => e.toStage),
    ).toContain('registered');

    // The coordinator verifying the organisation brings the prospect to its last stage.
    const unverified = await t.employerWithOrganisation({ verified: false });
    const second = await create({ company: '二丈の宿', areaCode: '402303', trades: ['hospitality'] });
    const link2 = (await t.call('POST', `/api/prospects/${second}/invitations`, { token: coordinator.token }))
      .json.link;
    const token2 = decodeURIComponent(/\/join\/([^/?#]+)$/.exec(link2)?.[1] ?? '');
    expect(
      (
        await t.call('POST', `/api/invitations/${encodeURIComponent(token2)}/accept`, {
          token: unverified.token,
        })
      ).status,
    ).toBe(200);
    await t.call('POST', `/api/organisations/${unverified.organisationId}/verification`, {
      token: coordinator.token,
      body: { state: 'verified' },
    });
    const verified = (await t.call('GET', `/api/prospects/${second}`, { token: coordinator.token })).json;
    expect(verified.prospect.stage).toBe('verified');
    expect(verified.history.map((e: { toStage: string | null }) => e.toStage)).toEqual(
      expect.arrayContaining(['registered', 'verified']),
    );

    // The link worked once: again it is refused, and its page says so.
    const again = await t.call('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, {
      token: employer.token,
    });
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe('invalid_token');
    expect((await browserFor(t).get(`/join/${encodeURIComponent(token)}`)).status).toBe(404);

    // The coordinator's page makes a link and shows it once; a linked prospect shows the link instead.
    const other = await create({ company: '糸島ファーム', areaCode: '402303', trades: ['food'] });
    const staffPage = await browserFor(t, coordinator.token).post(
      `/coordinator/prospects/${other}/invitation`,
    );
    expect(staffPage.status).toBe(200);
    expect(staffPage.html).toMatch(/id="invitation-link"[^>]*value="[^"]*\/join\/[^"]+"/);
    const linked = await browserFor(t, coordinator.token).get(`/coordinator/prospects/${id}`);
    expect(linked.html).not.toContain(`/coordinator/prospects/${id}/invitation`);
  });
});
