/**
 * The coordinator workflow through HTTP with three signed-in people: she says she would like to
 * hear more, a coordinator approves, and only then does the employer see who she is; outcomes,
 * withdrawal, illegal moves, and two coordinators deciding the same match at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
let coordinator: Account;
let employer: Account;
let roleId: string;

const PERSONAL = { familyName: '秘密山', givenName: '花子', phone: '080-4321-8765' };

async function memberWithProfile(overrides: Record<string, unknown> = {}) {
  const member = await t.signUp('member');
  const saved = await t.call('PUT', '/api/members/me', {
    token: member.token,
    body: memberProfileInput({ ...PERSONAL, ...overrides }),
  });
  expect(saved.status).toBe(200);
  return member;
}

/**
 * Every read an employer may make, as text: each GET route in the OpenAPI document open to
 * employers (or to anyone), with this test's ids filled in — a new route is covered automatically.
 */
async function everythingTheEmployerCanRead(matchId: string): Promise<string> {
  const doc = (await t.call('GET', '/openapi.json')).json;
  const organisationId = (await t.call('GET', '/api/organisations/me', { token: employer.token })).json.id;
  const paths = Object.entries(doc.paths as Record<string, Record<string, { description?: string }>>)
    .filter(([, item]) => /employer|Anyone|Any signed-in/.test(item.get?.description ?? ''))
    .map(([path]) =>
      path
        .replace(
          '{id}',
          path.startsWith('/api/organisations')
            ? organisationId
            : path.includes('/matches') || path.includes('/introductions')
              ? matchId
              : roleId,
        )
        .replace('{code}', '141097'),
    );
  expect(paths).toContain('/api/introductions');
  const texts = await Promise.all(
    paths.map(async (path) => (await t.call('GET', path, { token: employer.token })).text),
  );
  return texts.join('\n');
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
  employer = await t.employerWithOrganisation({ coordinator });
  roleId = await t.publishRole(employer);
});
afterAll(async () => t.close());

describe('the match workflow', () => {
  it('introduces her to the employer only after she consents and a coordinator approves', async () => {
    const member = await memberWithProfile();
    const email = (await t.call('GET', '/api/auth/me', { token: member.token })).json.email as string;

    const interested = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token });
    expect(interested.status).toBe(200);
    expect(interested.json).toMatchObject({ state: 'interested', roleId, version: 1 });
    const again = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token });
    expect(again.status).toBe(409);

    const before = await everythingTheEmployerCanRead(interested.json.id);
    for (const secret of [PERSONAL.familyName, PERSONAL.givenName, PERSONAL.phone, email, member.userId]) {
      expect(before).not.toContain(secret);
    }

    const waitingLong = await t.call('GET', '/api/matches?waitingDays=3', { token: coordinator.token });
    expect(waitingLong.json.items.map((i: { id: string }) => i.id)).not.toContain(interested.json.id);
    const queue = await t.call('GET', '/api/matches?waitingDays=0&prefCode=14', { token: coordinator.token });
    const item = queue.json.items.find((i: { id: string }) => i.id === interested.json.id);
    expect(item.member).toMatchObject({
      name: `${PERSONAL.familyName} ${PERSONAL.givenName}`,
      prefecture: '神奈川県',
    });

    const reviewing = await t.call('POST', `/api/matches/${item.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'review', expectedVersion: 1 },
    });
    expect(reviewing.json.state).toBe('under_review');
    const underReview = await everythingTheEmployerCanRead(interested.json.id);
    for (const secret of [PERSONAL.familyName, PERSONAL.phone, email])
      expect(underReview).not.toContain(secret);

    const approved = await t.call('POST', `/api/matches/${item.id}/decision`, {
      token: coordinator.token,
      body: {
        decision: 'approve',
        reason: '平日日中の勤務と通勤時間がご希望に合っています',
        expectedVersion: 2,
      },
    });
    expect(approved.status).toBe(200);
    expect(approved.json.state).toBe('approved');

    const introductions = await t.call('GET', '/api/introductions', { token: employer.token });
    expect(introductions.json.items).toEqual([
      expect.objectContaining({
        id: item.id,
        state: 'approved',
        coordinatorNote: '平日日中の勤務と通勤時間がご希望に合っています',
        member: expect.objectContaining({
          name: `${PERSONAL.familyName} ${PERSONAL.givenName}`,
          email,
          phone: PERSONAL.phone,
          area: '横浜市港北区',
          availability: expect.objectContaining({ maxHoursPerWeek: 25 }),
          qualifications: ['care_initial_training', 'driver_license'],
        }),
      }),
    ]);

    const interviewing = await t.call('POST', `/api/introductions/${item.id}/outcome`, {
      token: employer.token,
      body: { outcome: 'interviewing', expectedVersion: 3 },
    });
    expect(interviewing.json.state).toBe('interviewing');
    const hired = await t.call('POST', `/api/introductions/${item.id}/outcome`, {
      token: employer.token,
      body: { outcome: 'hired', expectedVersion: 4 },
    });
    expect(hired.json.state).toBe('hired');

    const mine = await t.call('GET', '/api/members/me/matches', { token: member.token });
    expect(mine.json.items.map((m: { state: string }) => m.state)).toEqual(['hired']);
    const events = await t.database.db
      .selectFrom('match_events')
      .select(['action', 'to_state', 'actor_role'])
      .where('match_id', '=', item.id)
      .orderBy('at')
      .execute();
    expect(events.map((e) => `${e.actor_role}:${e.action}→${e.to_state}`)).toEqual([
      'member:express_interest→interested',
      'coordinator:review→under_review',
      'coordinator:approve→approved',
      'employer:record_interview→interviewing',
      'employer:record_hired→hired',
    ]);
    const admin = await t.createStaff('admin');
    const audit = await t.call('GET', `/api/audit?subjectType=match&subjectId=${item.id}`, {
      token: admin.token,
    });
    expect(
      audit.json.items.map((e: { action: string; detail: string }) => `${e.action} ${e.detail}`).reverse(),
    ).toEqual([
      'express_interest - → interested',
      'review interested → under_review',
      'approve under_review → approved',
      'record_interview approved → interviewing',
      'record_hired interviewing → hired',
    ]);
  });

  it('shows only the prefecture to the employer when she hides her municipality', async () => {
    const member = await memberWithProfile({
      privacy: { hideMunicipality: true, blockedOrganisationIds: [] },
    });
    const match = (await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token })).json;
    await t.call('POST', `/api/matches/${match.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'approve', reason: '条件が合っています', expectedVersion: 1 },
    });
    const introduction = (
      await t.call('GET', '/api/introductions', { token: employer.token })
    ).json.items.find((i: { id: string }) => i.id === match.id);
    expect(introduction.member.area).toBe('神奈川県');
  });

  it('refuses illegal moves with 409 and missing reasons with 422, and writes nothing', async () => {
    const member = await memberWithProfile();
    const match = (await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token })).json;
    const noReason = await t.call('POST', `/api/matches/${match.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'reject', reason: '', expectedVersion: 1 },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.json.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.reasonCode',
      'body.reason',
    ]);

    const outcomeBeforeApproval = await t.call('POST', `/api/introductions/${match.id}/outcome`, {
      token: employer.token,
      body: { outcome: 'hired', expectedVersion: 1 },
    });
    expect(outcomeBeforeApproval.status).toBe(404);

    const rejected = await t.call('POST', `/api/matches/${match.id}/decision`, {
      token: coordinator.token,
      body: {
        decision: 'reject',
        reasonCode: 'schedule_mismatch',
        reason: '土曜日の勤務が必要です',
        expectedVersion: 1,
      },
    });
    expect(rejected.json.state).toBe('rejected');
    const eventsBefore = await t.database.db
      .selectFrom('match_events')
      .selectAll()
      .where('match_id', '=', match.id)
      .execute();

    const approveRejected = await t.call('POST', `/api/matches/${match.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'approve', reason: 'やはり', expectedVersion: 2 },
    });
    expect(approveRejected.status).toBe(409);
    expect(approveRejected.json.error.message).toMatch(/rejected/);
    const withdrawRejected = await t.call('POST', `/api/matches/${match.id}/withdraw`, {
      token: member.token,
      body: {},
    });
    expect(withdrawRejected.status).toBe(409);
    const reviveRejected = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token });
    expect(reviveRejected.status).toBe(409);
    const stale = await t.call('POST', `/api/matches/${match.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'review', expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toMatch(/now rejected/);
    const eventsAfter = await t.database.db
      .selectFrom('match_events')
      .selectAll()
      .where('match_id', '=', match.id)
      .execute();
    expect(eventsAfter).toEqual(eventsBefore);
  });

  it('lets her withdraw at any open point, and revive her interest later', async () => {
    const member = await memberWithProfile();
    const match = (await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token })).json;
    await t.call('POST', `/api/matches/${match.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'approve', reason: '条件が合っています', expectedVersion: 1 },
    });
    const withdrawn = await t.call('POST', `/api/matches/${match.id}/withdraw`, {
      token: member.token,
      body: { reason: '家庭の事情で' },
    });
    expect(withdrawn.json.state).toBe('withdrawn');
    const introductions = await t.call('GET', '/api/introductions', { token: employer.token });
    expect(introductions.json.items.map((i: { id: string }) => i.id)).not.toContain(match.id);
    const revived = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token });
    expect(revived.json).toMatchObject({ id: match.id, state: 'interested' });

    const someoneElse = await memberWithProfile();
    const notHers = await t.call('POST', `/api/matches/${match.id}/withdraw`, {
      token: someoneElse.token,
      body: {},
    });
    expect(notHers.status).toBe(404);
  });

  it('refuses interest in a role of an employer she blocked', async () => {
    const member = await memberWithProfile({
      privacy: { hideMunicipality: false, blockedOrganisationIds: [employer.organisationId] },
    });
    const res = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token });
    expect(res.status).toBe(409);
    expect(
      await t.database.db.selectFrom('matches').selectAll().where('member_id', '=', member.userId).execute(),
    ).toEqual([]);
  });

  it('lets exactly one of two simultaneous decisions win, every time', async () => {
    const second = await t.createStaff('coordinator');
    for (let round = 0; round < 15; round++) {
      const member = await t.signUp('member');
      await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
      const match = (await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token })).json;
      const [a, b] = await Promise.all([
        t.call('POST', `/api/matches/${match.id}/decision`, {
          token: coordinator.token,
          body: { decision: 'approve', reason: '条件が合っています', expectedVersion: 1 },
        }),
        t.call('POST', `/api/matches/${match.id}/decision`, {
          token: second.token,
          body: { decision: 'reject', reasonCode: 'other', reason: '別の方を優先します', expectedVersion: 1 },
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a.json : b.json;
      const loser = a.status === 409 ? a.json : b.json;
      expect(loser.error.message).toContain(winner.state);
      const events = await t.database.db
        .selectFrom('match_events')
        .select('to_state')
        .where('match_id', '=', match.id)
        .execute();
      expect(events.map((e) => e.to_state).sort()).toEqual(['interested', winner.state].sort());
    }
  }, 120_000);
});
