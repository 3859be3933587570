/**
 * The three journeys through the Workers entry running in workerd, on a local D1 and the run's
 * real Meilisearch: an employer registers, is verified and publishes a role; the cron relays it to the
 * index and a member finds it and says she would like to hear more; a coordinator approves and
 * only then does the employer see who she is. Also the web pages, sessions and the D1 batch that
 * lets exactly one of two simultaneous decisions win.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUGGEST_CRON } from '../../src/adapter/worker/worker.ts';
import { SIGN_IN_ATTEMPTS_ALLOWED } from '../../src/features/auth/auth.service.ts';
import { memberProfileInput, organisationInput, roleInput, TEST_PASSWORD } from '../support/inputs.ts';
import { tokenIn } from '../support/mail-catchers.ts';
import {
  type Account,
  meilisearchBindings,
  STAFF,
  startTestWorker,
  type TestWorker,
} from '../support/test-worker.ts';

const RELAY = '* * * * *';
const SUGGEST = SUGGEST_CRON;

let w: TestWorker;
let coordinator: Account;
// Notifications are delivered to this webhook, from inside workerd.
let webhook: Server;
const delivered: { kind: string; matchId: string | null; userId: string }[] = [];

beforeAll(async () => {
  webhook = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      delivered.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  const { port } = webhook.address() as AddressInfo;
  w = await startTestWorker({
    bindings: { ...meilisearchBindings(), NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${port}/hook` },
  });
  coordinator = await w.signIn(STAFF.coordinator);
}, 120_000);
afterAll(async () => {
  await w?.close();
  await new Promise((resolve) => webhook?.close(resolve));
});

describe('on Workers with D1', { timeout: 60_000 }, () => {
  it('takes an employer from sign-up to a published role, verified by a coordinator', async () => {
    const employer = await w.signUp('employer');
    const org = await w.call('POST', '/api/organisations', {
      token: employer.token,
      body: organisationInput({ name: '株式会社ワーカーズ介護' }),
    });
    expect(org.status).toBe(201);
    expect(org.json.headOffice).toMatchObject({ code: '141003', name: '横浜市', prefecture: '神奈川県' });

    const created = await w.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
    expect(created.status).toBe(201);
    expect(created.json.schedule.shifts).toHaveLength(3);
    const refused = await w.call('POST', `/api/roles/${created.json.id}/publish`, { token: employer.token });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('organisation_not_verified');

    const verified = await w.call('POST', `/api/organisations/${org.json.id}/verification`, {
      token: coordinator.token,
      body: { state: 'verified' },
    });
    expect(verified.json.verification.state).toBe('verified');
    const published = await w.call('POST', `/api/roles/${created.json.id}/publish`, {
      token: employer.token,
    });
    expect(published.status).toBe(200);
    expect(published.json.status).toBe('published');

    const edited = await w.call('PUT', `/api/roles/${created.json.id}`, {
      token: employer.token,
      body: roleInput({ title: 'デイサービスの介護スタッフ（週2日から相談可）' }),
    });
    expect(edited.json.version).toBeGreaterThan(published.json.version);
    const mine = await w.call('GET', '/api/roles?status=published', { token: employer.token });
    expect(mine.json.items.map((r: { id: string }) => r.id)).toEqual([created.json.id]);
  });

  it('lets a member find a role the cron indexed, and introduces her only after a coordinator approves', async () => {
    // She signs up first: following her verification mail runs the relay cron, which would index the role too.
    const member = await w.signUp('member');
    const employer = await w.verifiedEmployer(coordinator, { name: '株式会社みなとワーカーズ' });
    const title = 'ワーカーズ検証センターの介護スタッフ';
    const roleId = await w.publishRole(employer, roleInput({ title }));

    const profile = await w.call('PUT', '/api/members/me', {
      token: member.token,
      body: memberProfileInput(),
    });
    expect(profile.status).toBe(200);
    expect(profile.json.area).toMatchObject({ code: '141097', name: '横浜市港北区' });

    expect(await w.outboxPending()).toBeGreaterThan(0);
    expect((await w.runCron(RELAY)).status).toBe(200);
    expect(await w.outboxPending()).toBe(0);
    const found = await w.call('GET', `/api/jobs?q=${encodeURIComponent('ワーカーズ検証センター')}`, {
      token: member.token,
    });
    expect(found.status).toBe(200);
    expect(found.json.degraded).toBe(false);
    expect(found.json.items.map((hit: { role: { id: string } }) => hit.role.id)).toEqual([roleId]);

    const interest = await w.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token });
    expect(interest.status).toBe(200);
    expect(interest.json.state).toBe('interested');
    const hidden = await w.call('GET', '/api/introductions', { token: employer.token });
    expect(hidden.json.items).toEqual([]);

    const queue = await w.call('GET', '/api/matches?waitingDays=0&prefCode=14', { token: coordinator.token });
    const item = queue.json.items.find((i: { id: string }) => i.id === interest.json.id);
    expect(item.member.name).toBe('佐藤 美咲');
    const approved = await w.call('POST', `/api/matches/${item.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'approve', reason: '平日日中の勤務がご希望に合っています', expectedVersion: 1 },
    });
    expect(approved.status).toBe(200);
    expect(approved.json.state).toBe('approved');

    const introductions = await w.call('GET', '/api/introductions', { token: employer.token });
    expect(introductions.json.items).toEqual([
      expect.objectContaining({
        id: item.id,
        state: 'approved',
        member: expect.objectContaining({ name: '佐藤 美咲', phone: '090-1234-5678', area: '横浜市港北区' }),
      }),
    ]);
    const mine = await w.call('GET', '/api/members/me/matches', { token: member.token });
    expect(mine.json.items.map((m: { state: string }) => m.state)).toEqual(['approved']);

    // The announcements written with the approval reach the webhook with the next cron run.
    const about = () => delivered.filter((n) => n.matchId === item.id);
    expect(about()).toEqual([]);
    await w.runCron(RELAY);
    expect(about().map((n) => n.userId)).toContain(member.userId);
    await w.runCron(RELAY);
    expect(new Set(about().map((n) => n.userId)).size).toBe(about().length);
  });

  it('proposes roles to a ready member from the suggestion cron', async () => {
    const employer = await w.verifiedEmployer(coordinator);
    const roleId = await w.publishRole(employer, roleInput({ title: '提案ジョブ検証の介護スタッフ' }));
    await w.runCron(RELAY);
    const member = await w.signUp('member');
    await w.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
    const staged = await w.call('PUT', `/api/members/${member.userId}/stage`, {
      token: coordinator.token,
      body: { stage: 3, reason: '就労準備が整いました' },
    });
    expect(staged.status).toBe(200);
    expect((await w.runCron(SUGGEST)).status).toBe(200);
    const mine = await w.call('GET', '/api/members/me/matches', { token: member.token });
    const suggested = mine.json.items.filter((m: { state: string }) => m.state === 'suggested');
    expect(suggested.map((m: { roleId: string }) => m.roleId)).toContain(roleId);
  });

  it('lets exactly one of two simultaneous decisions win (a guarded D1 batch)', async () => {
    const employer = await w.verifiedEmployer(coordinator);
    const roleId = await w.publishRole(employer);
    const admin = await w.signIn(STAFF.admin);
    for (let round = 0; round < 3; round++) {
      const member = await w.signUp('member');
      await w.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
      const match = (await w.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token })).json;
      const [a, b] = await Promise.all([
        w.call('POST', `/api/matches/${match.id}/decision`, {
          token: coordinator.token,
          body: { decision: 'approve', reason: '条件が合っています', expectedVersion: 1 },
        }),
        w.call('POST', `/api/matches/${match.id}/decision`, {
          token: admin.token,
          body: { decision: 'reject', reasonCode: 'other', reason: '別の方を優先します', expectedVersion: 1 },
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a.json : b.json;
      // Only the winning change was recorded.
      const audit = await w.call('GET', `/api/audit?subjectType=match&subjectId=${match.id}`, {
        token: admin.token,
      });
      expect(audit.json.items.map((e: { action: string }) => e.action).sort()).toEqual(
        ['express_interest', winner.state === 'approved' ? 'approve' : 'reject'].sort(),
      );
    }
  });

  it('signs members up through the mail API, verifies, signs in with the same hashing as Node, and signs out', async () => {
    const email = `member-${crypto.randomUUID()}@example.jp`;
    const up = await w.call('POST', '/api/auth/sign-up', {
      body: { email, password: TEST_PASSWORD, displayName: '会員テスト', role: 'member', acceptTerms: true },
    });
    expect(up.status).toBe(202);
    await w.runCron(RELAY);
    const mail = await w.mail.waitFor(email);
    expect(mail.subject).toBe('メールアドレスの確認');
    expect(mail.html).toContain('/verify-email?token=');
    const verified = await w.call('POST', '/api/auth/verification', { body: { token: tokenIn(mail) } });
    expect(verified.status).toBe(200);
    expect(verified.json.actor.emailVerified).toBe(true);
    const wrong = await w.call('POST', '/api/auth/sign-in', {
      body: { email, password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    const signedIn = await w.call('POST', '/api/auth/sign-in', { body: { email, password: TEST_PASSWORD } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const me = await w.call('GET', '/api/auth/me', { token: signedIn.json.token });
    expect(me.json.email).toBe(email);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const byCookie = await w.call('GET', '/api/auth/me', { headers: { cookie } });
    expect(byCookie.json.email).toBe(email);
    await w.call('POST', '/api/auth/sign-out', { token: signedIn.json.token });
    expect((await w.call('GET', '/api/auth/me', { token: signedIn.json.token })).status).toBe(401);
    // The first session (from following the mail) is untouched by the other's sign-out.
    expect((await w.call('GET', '/api/auth/me', { token: verified.json.token })).status).toBe(200);
  });

  it('throttles sign-in per address on D1 as on SQLite', async () => {
    const email = `guessed-${crypto.randomUUID()}@example.jp`;
    const guess = () =>
      w.call('POST', '/api/auth/sign-in', { body: { email, password: 'not the password' } });
    for (let i = 0; i < SIGN_IN_ATTEMPTS_ALLOWED; i++) expect((await guess()).status).toBe(401);
    const refused = await guess();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('serves the web pages, the OpenAPI document and health', async () => {
    const page = await w.call('GET', '/sign-in');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toMatch(/<form[^>]*method="post"/i);
    const docs = await w.call('GET', '/openapi.json');
    expect(docs.json.openapi).toBe('3.1.0');
    const health = await w.call('GET', '/health');
    expect(health.json).toMatchObject({ status: 'ok', database: 'ok', search: 'ok' });
  });
});
