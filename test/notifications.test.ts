/**
 * Notifications: the employer hears of a new introduction, the member of approval, rejection and
 * outcomes — in the app, and through a real webhook (a local HTTP server here) that fails at
 * first: the delivery is retried and never lost.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/adapter/node/meilisearch-process.ts';
import { createDeliveryRelay, webhookSender } from '../src/features/notifications/delivery.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
let coordinator: Account;
let employer: Account;
let roleId: string;
let hook: Server;
let hookUrl: string;
const received: { title: string; userId: string }[] = [];
let failuresLeft = 2;

async function interestedMember() {
  const member = await t.signUp('member');
  await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
  const match = (await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token })).json;
  return { member, match };
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
  employer = await t.employerWithOrganisation({ coordinator });
  roleId = await t.publishRole(employer);
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(503).end();
        return;
      }
      received.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => hook.listen(port, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${port}/hook`;
});
afterAll(async () => {
  hook.close();
  await t.close();
});

describe('notifications', () => {
  it('tells the employer of an introduction and the member of each step, in the app', async () => {
    const { member, match } = await interestedMember();
    expect((await t.call('GET', '/api/notifications', { token: employer.token })).json.items).toEqual([]);
    await t.call('POST', `/api/matches/${match.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'approve', reason: '条件が合っています', expectedVersion: 1 },
    });
    const forEmployer = (await t.call('GET', '/api/notifications', { token: employer.token })).json.items;
    expect(forEmployer.map((n: { kind: string; title: string }) => [n.kind, n.title])).toEqual([
      ['introduction', '新しいご紹介があります'],
    ]);
    // The coordinator's reason is written for both of them, and reaches both.
    expect(forEmployer[0].body).toContain('コーディネーターより：「条件が合っています」');
    await t.call('POST', `/api/introductions/${match.id}/outcome`, {
      token: employer.token,
      body: { outcome: 'not_hired', reason: '勤務開始日が合いませんでした', expectedVersion: 2 },
    });
    const forMember = (await t.call('GET', '/api/notifications', { token: member.token })).json.items;
    expect(forMember.map((n: { kind: string }) => n.kind).sort()).toEqual(['approved', 'outcome']);
    expect(forMember.find((n: { kind: string }) => n.kind === 'outcome').body).toContain(
      '勤務開始日が合いませんでした',
    );
    expect(forMember.find((n: { kind: string }) => n.kind === 'approved').body).toContain(
      'コーディネーターより：「条件が合っています」',
    );

    const [first] = forMember;
    expect(
      (await t.call('POST', `/api/notifications/${first.id}/read`, { token: member.token })).status,
    ).toBe(204);
    expect(
      (await t.call('POST', `/api/notifications/${first.id}/read`, { token: employer.token })).status,
    ).toBe(404);
    const after = (await t.call('GET', '/api/notifications', { token: member.token })).json.items;
    expect(after.find((n: { id: string }) => n.id === first.id).readAt).toEqual(expect.any(String));
  });

  it('tells her of a rejection, with the reason', async () => {
    const { member, match } = await interestedMember();
    await t.call('POST', `/api/matches/${match.id}/decision`, {
      token: coordinator.token,
      body: {
        decision: 'reject',
        reasonCode: 'schedule_mismatch',
        reason: '土曜日の勤務が必要です',
        expectedVersion: 1,
      },
    });
    const items = (await t.call('GET', '/api/notifications', { token: member.token })).json.items;
    expect(items).toEqual([
      expect.objectContaining({ kind: 'rejected', body: expect.stringContaining('土曜日の勤務が必要です') }),
    ]);
  });

  it('delivers through the webhook, retrying failures until they succeed, losing none', async () => {
    const pending = await t.database.db
      .selectFrom('notifications')
      .select('id')
      .where('delivery', '=', 'pending')
      .execute();
    expect(pending.length).toBeGreaterThan(0);
    let now = Date.now();
    const relay = createDeliveryRelay(
      { database: t.database, clock: { now: () => new Date(now) }, config: t.deps.config },
      webhookSender(hookUrl),
    );
    const firstRun = await relay.run();
    expect(firstRun.failed).toBeGreaterThan(0);
    for (let round = 0; round < 10; round++) {
      now += 10 * 60_000; // past any back-off
      await relay.run();
    }
    const left = await t.database.db
      .selectFrom('notifications')
      .select('id')
      .where('delivery', '!=', 'delivered')
      .execute();
    expect(left).toEqual([]);
    expect(received.length).toBe(pending.length);
  });

  it('only records them when no webhook is configured', async () => {
    const { match } = await interestedMember();
    await t.call('POST', `/api/matches/${match.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'approve', reason: '条件が合っています', expectedVersion: 1 },
    });
    await createDeliveryRelay(t.deps, null).run();
    const states = await t.database.db
      .selectFrom('notifications')
      .select('delivery')
      .where('match_id', '=', match.id)
      .execute();
    expect(states.map((s) => s.delivery)).toEqual(['recorded', 'recorded']);
  });
});
