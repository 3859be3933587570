/**
 * Approval re-checks what changed since she said yes (issue 14, fault 1): after she blocks the
 * employer, the organisation is rejected, the role is closed or its ad expired, a coordinator's
 * approval is refused and the employer receives nothing — no introduction, no notification.
 * Blocking, closing and rejecting end the open matches themselves, telling the coordinator and
 * not the employer (an expired ad can be renewed, so its matches wait);
 * and a change that lands between the coordinator's read and her approval (written straight to
 * the database here) is still caught by the guarded write itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
let coordinator: Account;

const PERSONAL = { familyName: '守田', givenName: '静香', phone: '080-1111-2222' };

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
});
afterAll(async () => t.close());

/** An employer with a published role, and a member who said yes to it and is under review. */
async function underReview() {
  const employer = await t.employerWithOrganisation({ coordinator });
  const roleId = await t.publishRole(employer);
  const member = await t.signUp('member');
  const saved = await t.call('PUT', '/api/members/me', {
    token: member.token,
    body: memberProfileInput(PERSONAL),
  });
  expect(saved.status).toBe(200);
  const interest = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token });
  expect(interest.status).toBe(200);
  const reviewed = await t.call('POST', `/api/matches/${interest.json.id}/decision`, {
    token: coordinator.token,
    body: { decision: 'review', reason: '確認します', expectedVersion: 1 },
  });
  expect(reviewed.status).toBe(200);
  return { employer, roleId, member, matchId: interest.json.id as string, version: 2 };
}

async function approve(matchId: string, version: number) {
  return t.call('POST', `/api/matches/${matchId}/decision`, {
    token: coordinator.token,
    body: { decision: 'approve', reason: '平日日中が合っています', expectedVersion: version },
  });
}

/** Everything the employer has been sent or can read about introductions. */
async function employerSees(employer: Account) {
  const introductions = await t.call('GET', '/api/introductions', { token: employer.token });
  const notifications = await t.call('GET', '/api/notifications', { token: employer.token });
  const rows = await t.database.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', employer.userId)
    .execute();
  return {
    introductions: introductions.json.items as unknown[],
    notifications: notifications.json.items as unknown[],
    text: `${introductions.text}\n${notifications.text}\n${JSON.stringify(rows)}`,
  };
}

function expectNothingSent(seen: Awaited<ReturnType<typeof employerSees>>) {
  expect(seen.introductions).toEqual([]);
  expect(seen.notifications).toEqual([]);
  for (const secret of Object.values(PERSONAL)) expect(seen.text).not.toContain(secret);
}

async function blockEmployer(member: Account, organisationId: string) {
  const res = await t.call('PUT', '/api/members/me', {
    token: member.token,
    body: memberProfileInput({
      ...PERSONAL,
      privacy: { hideMunicipality: false, blockedOrganisationIds: [organisationId] },
    }),
  });
  expect(res.status).toBe(200);
}

async function coordinatorNotifications() {
  return (await t.call('GET', '/api/notifications', { token: coordinator.token })).json.items as {
    matchId: string | null;
    kind: string;
  }[];
}

describe('approval after something changed', () => {
  it('is refused after she blocks the employer; her match is withdrawn and the coordinator told', async () => {
    const { employer, member, matchId, version } = await underReview();
    await blockEmployer(member, employer.organisationId as string);

    const approved = await approve(matchId, version);
    expect(approved.status).toBe(409);
    expectNothingSent(await employerSees(employer));

    const mine = await t.call('GET', '/api/members/me/matches', { token: member.token });
    expect(mine.json.items.find((m: { id: string }) => m.id === matchId).state).toBe('withdrawn');
    expect(await coordinatorNotifications()).toContainEqual(
      expect.objectContaining({ matchId, kind: 'match_ended' }),
    );
  });

  it('is refused after the organisation is rejected; its open matches end', async () => {
    const { employer, member, matchId, version } = await underReview();
    // Another coordinator rejects it; the one who was reviewing her match is told.
    const colleague = await t.createStaff('coordinator');
    const rejected = await t.call('POST', `/api/organisations/${employer.organisationId}/verification`, {
      token: colleague.token,
      body: { state: 'rejected' },
    });
    expect(rejected.status).toBe(200);

    const approved = await approve(matchId, version);
    expect(approved.status).toBe(409);
    expectNothingSent(await employerSees(employer));
    const mine = await t.call('GET', '/api/members/me/matches', { token: member.token });
    expect(mine.json.items.find((m: { id: string }) => m.id === matchId).state).toBe('withdrawn');
    expect(await coordinatorNotifications()).toContainEqual(
      expect.objectContaining({ matchId, kind: 'match_ended' }),
    );
  });

  it('is refused after the role is closed; its open matches end', async () => {
    const { employer, roleId, member, matchId, version } = await underReview();
    const closed = await t.call('POST', `/api/roles/${roleId}/close`, { token: employer.token });
    expect(closed.status).toBe(200);

    const approved = await approve(matchId, version);
    expect(approved.status).toBe(409);
    expectNothingSent(await employerSees(employer));
    const mine = await t.call('GET', '/api/members/me/matches', { token: member.token });
    expect(mine.json.items.find((m: { id: string }) => m.id === matchId).state).toBe('withdrawn');
    expect(await coordinatorNotifications()).toContainEqual(
      expect.objectContaining({ matchId, kind: 'match_ended' }),
    );
  });
  it('is refused while the ad has expired, and goes through once the employer renews it', async () => {
    const { employer, roleId, member, matchId, version } = await underReview();
    // What the expiry job writes when an ad's period ends unrenewed.
    await t.database.db
      .updateTable('job_roles')
      .set({ expired_at: new Date().toISOString() })
      .where('id', '=', roleId)
      .execute();

    const refused = await approve(matchId, version);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/expired/);
    expectNothingSent(await employerSees(employer));
    // The ad may come back: her match waits rather than ending.
    const mine = await t.call('GET', '/api/members/me/matches', { token: member.token });
    expect(mine.json.items.find((m: { id: string }) => m.id === matchId).state).toBe('under_review');

    const renewed = await t.call('POST', `/api/roles/${roleId}/renew`, { token: employer.token });
    expect(renewed.status).toBe(200);
    expect((await approve(matchId, version)).status).toBe(200);
  });
});

describe('a change landing between the coordinator’s read and her approval', () => {
  // Written straight to the database, as a concurrent request would, so that only the guarded
  // approval itself stands between the change and the employer.
  const changes = {
    block: async (c: Awaited<ReturnType<typeof underReview>>) =>
      t.database.atomic([
        t.database.db.insertInto('member_blocks').values({
          member_id: c.member.userId,
          organisation_id: c.employer.organisationId as string,
          created_at: new Date().toISOString(),
        }),
      ]),
    reject: async (c: Awaited<ReturnType<typeof underReview>>) =>
      t.database.atomic([
        t.database.db
          .updateTable('organisations')
          .set({ verification_state: 'rejected' })
          .where('id', '=', c.employer.organisationId as string),
      ]),
    close: async (c: Awaited<ReturnType<typeof underReview>>) =>
      t.database.atomic([
        t.database.db.updateTable('job_roles').set({ status: 'closed' }).where('id', '=', c.roleId),
      ]),
  };

  it.each(
    Object.keys(changes) as (keyof typeof changes)[],
  )('still refuses approval (%s) and sends the employer nothing', async (change) => {
    const c = await underReview();
    await changes[change](c);
    const approved = await approve(c.matchId, c.version);
    expect(approved.status).toBe(409);
    expectNothingSent(await employerSees(c.employer));
    const row = await t.database.db
      .selectFrom('matches')
      .select(['state', 'version'])
      .where('id', '=', c.matchId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'under_review', version: c.version });
    const events = await t.database.db
      .selectFrom('match_events')
      .select('action')
      .where('match_id', '=', c.matchId)
      .execute();
    expect(events.map((e) => e.action)).not.toContain('approve');
  });

  it('hides an introduction from the employer once she has blocked it, however the block got there', async () => {
    const c = await underReview();
    expect((await approve(c.matchId, c.version)).status).toBe(200);
    expect((await t.call('GET', '/api/introductions', { token: c.employer.token })).json.items).toHaveLength(
      1,
    );
    await changes.block(c);
    const after = await t.call('GET', '/api/introductions', { token: c.employer.token });
    expect(after.json.items).toEqual([]);
    const outcome = await t.call('POST', `/api/introductions/${c.matchId}/outcome`, {
      token: c.employer.token,
      body: { outcome: 'interviewing', expectedVersion: c.version + 1 },
    });
    expect(outcome.status).toBe(404);
  });
});

describe('ending open matches', () => {
  it('withdraws an introduced match when she blocks the employer, without telling the employer', async () => {
    const c = await underReview();
    expect((await approve(c.matchId, c.version)).status).toBe(200);
    const before = (await employerSees(c.employer)).notifications.length;
    await blockEmployer(c.member, c.employer.organisationId as string);
    const seen = await employerSees(c.employer);
    expect(seen.introductions).toEqual([]);
    expect(seen.notifications).toHaveLength(before);
  });

  it('leaves other members’ and other employers’ matches alone', async () => {
    const c = await underReview();
    const other = await underReview();
    await blockEmployer(c.member, other.employer.organisationId as string);
    const row = await t.database.db
      .selectFrom('matches')
      .select('state')
      .where('id', '=', c.matchId)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('under_review');
    expect((await approve(other.matchId, other.version)).status).toBe(200);
  });
});
