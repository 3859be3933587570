/**
 * The authorization matrix: every route in the OpenAPI document × every kind of caller, and
 * every id-taking route with someone else's id. The expected access of each route is written
 * down here, independently of the code; a route missing from this table fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concretePath } from './support/route-paths.ts';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  roleInput,
  type TestApp,
} from './support/test-app.ts';

type Caller = 'anonymous' | 'member' | 'employer' | 'coordinator' | 'admin';
const STAFF: Caller[] = ['coordinator', 'admin'];
const EVERYONE: Caller[] = ['anonymous', 'member', 'employer', 'coordinator', 'admin'];
const SIGNED_IN: Caller[] = ['member', 'employer', 'coordinator', 'admin'];

/** Who may call each route, as the product rules say. */
const EXPECTED_ACCESS: Record<string, Caller[]> = {
  'GET /health': EVERYONE,
  'POST /api/auth/sign-up': EVERYONE,
  'POST /api/auth/sign-in': EVERYONE,
  'POST /api/auth/sign-out': SIGNED_IN,
  'GET /api/auth/me': SIGNED_IN,
  'POST /api/auth/verification': EVERYONE,
  'POST /api/auth/verification/resend': SIGNED_IN,
  'POST /api/auth/password-reset/request': EVERYONE,
  'POST /api/auth/password-reset': EVERYONE,
  'POST /api/auth/sign-out-elsewhere': SIGNED_IN,
  'GET /api/auth/sessions': SIGNED_IN,
  'GET /api/auth/mail-preferences': SIGNED_IN,
  'PUT /api/auth/mail-preferences': SIGNED_IN,
  'POST /api/members/{id}/password-reset': STAFF,
  'GET /api/areas/prefectures': EVERYONE,
  'GET /api/areas': EVERYONE,
  'GET /api/areas/{code}': EVERYONE,
  'GET /api/areas/{code}/towns': EVERYONE,
  'POST /api/organisations': ['employer'],
  'GET /api/organisations': STAFF,
  'GET /api/organisations/me': ['employer'],
  'PUT /api/organisations/me': ['employer'],
  'GET /api/organisations/{id}': ['employer', ...STAFF],
  'POST /api/organisations/{id}/verification': STAFF,
  'GET /api/organisations/me/branches': ['employer'],
  'POST /api/organisations/me/branches': ['employer'],
  'PUT /api/organisations/me/branches/{id}': ['employer'],
  'DELETE /api/organisations/me/branches/{id}': ['employer'],
  'GET /api/roles': ['employer', ...STAFF],
  'POST /api/roles': ['employer'],
  'GET /api/roles/{id}': ['employer', ...STAFF],
  'PUT /api/roles/{id}': ['employer'],
  'DELETE /api/roles/{id}': ['employer'],
  'POST /api/roles/{id}/publish': ['employer'],
  'POST /api/roles/{id}/close': ['employer'],
  'POST /api/roles/{id}/renew': ['employer'],
  'GET /api/members/me/favourites': ['member'],
  'PUT /api/members/me/favourites/{roleId}': ['member'],
  'DELETE /api/members/me/favourites/{roleId}': ['member'],
  'GET /api/members/me/saved-searches': ['member'],
  'POST /api/members/me/saved-searches': ['member'],
  'PUT /api/members/me/saved-searches/{id}': ['member'],
  'DELETE /api/members/me/saved-searches/{id}': ['member'],
  'GET /api/members/me': ['member'],
  'PUT /api/members/me': ['member'],
  'GET /api/members/me/availability': ['member'],
  'PUT /api/members/me/availability': ['member'],
  'GET /api/members/me/export': ['member'],
  'POST /api/members/me/deletion': ['member'],
  'GET /api/members/{id}': STAFF,
  'GET /api/jobs': EVERYONE,
  'GET /api/jobs/{id}': EVERYONE,
  'GET /api/members/me/recommendations': ['member'],
  'GET /api/roles/{id}/candidates': STAFF,
  'POST /api/jobs/{id}/interest': ['member'],
  'GET /api/members/me/matches': ['member'],
  'POST /api/matches/{id}/withdraw': ['member'],
  'POST /api/matches/{id}/dismiss': ['member'],
  'GET /api/matches': STAFF,
  'POST /api/matches/{id}/decision': STAFF,
  'GET /api/introductions': ['employer'],
  'POST /api/introductions/{id}/outcome': ['employer'],
  'PUT /api/members/{id}/stage': STAFF,
  'GET /api/members/{id}/stage': STAFF,
  'POST /api/members/{id}/notes': STAFF,
  'GET /api/members/{id}/notes': STAFF,
  'GET /api/matches/{id}': STAFF,
  'POST /api/roles/{id}/facts/{fact}/verification': STAFF,
  'GET /api/audit': ['admin'],
  'GET /api/members/me/sensitive': ['member'],
  'PUT /api/members/me/sensitive': ['member'],
  'DELETE /api/members/me/sensitive': ['member'],
  'GET /api/members/{id}/sensitive': STAFF,
  'GET /api/notifications': SIGNED_IN,
  'POST /api/notifications/{id}/read': SIGNED_IN,
  'GET /api/dashboard': STAFF,
  'GET /api/exports/queue.csv': STAFF,
  'GET /api/exports/outcomes.csv': STAFF,
  'GET /api/members/me/check-ins': ['member'],
  'POST /api/check-ins/{id}/answer': ['member'],
  'GET /api/follow-ups': STAFF,
  'POST /api/follow-ups/{id}/close': STAFF,
  'GET /api/members/{id}/after-hire': STAFF,
  'POST /api/introductions/{id}/separation': ['employer'],
  'POST /api/mentoring/cohorts': STAFF,
  'GET /api/mentoring/cohorts': STAFF,
  'GET /api/mentoring/cohorts/{id}': STAFF,
  'POST /api/mentoring/cohorts/{id}/mentors': STAFF,
  'GET /api/mentoring/cohorts/{id}/suggestions': STAFF,
  'POST /api/mentoring/cohorts/{id}/pairs': STAFF,
  'GET /api/members/me/mentoring': ['member'],
  'POST /api/mentoring/invitations/{id}/answer': ['member'],
  'PUT /api/mentoring/pairs/{id}/shares': ['member'],
  'POST /api/mentoring/sessions/{id}/record': ['member'],
  'POST /api/mentoring/sessions/{id}/answer': ['member'],
  'GET /api/dashboard/after-hire': STAFF,
  'GET /api/exports/after-hire.csv': STAFF,
  'POST /api/notices': STAFF,
  'GET /api/notices': STAFF,
  'POST /api/notices/{id}/withdraw': STAFF,
  'GET /api/members/me/notices': ['member'],
  'POST /api/notices/{id}/read': ['member'],
  'POST /api/prospects/{id}/invitations': STAFF,
  'POST /api/invitations/{token}/accept': ['employer'],
  'GET /api/members/me/moves': ['member'],
  'GET /api/moves': STAFF,
  'PUT /api/members/{id}/moves/{areaCode}/note': STAFF,
  'POST /api/meetings': STAFF,
  'GET /api/meetings': STAFF,
  'GET /api/meetings/{id}': STAFF,
  'POST /api/meetings/{id}/attendance': STAFF,
  'GET /api/members/me/meetings': ['member'],
  'POST /api/meetings/{id}/reply': ['member'],
  'POST /api/prospects': STAFF,
  'GET /api/prospects': STAFF,
  'GET /api/prospects/{id}': STAFF,
  'POST /api/prospects/{id}/stage': STAFF,
  'POST /api/prospects/{id}/notes': STAFF,
  'GET /api/prospect-pipeline': STAFF,
  'GET /api/prospect-pipeline/demand': STAFF,
};

let t: TestApp;
let callers: Record<Exclude<Caller, 'anonymous'>, Account>;
let otherEmployer: Account;
let otherMember: Account;
let routes: { method: string; path: string; key: string; hasBody: boolean }[];
let foreign: { roleId: string; organisationId: string; memberId: string; matchId: string; secrets: string[] };

beforeAll(async () => {
  t = await createTestApp();
  const coordinator = await t.createStaff('coordinator');
  callers = {
    member: await t.signUp('member'),
    employer: await t.employerWithOrganisation({ coordinator }),
    coordinator,
    admin: await t.createStaff('admin'),
  };
  await t.call('PUT', '/api/members/me', { token: callers.member.token, body: memberProfileInput() });

  // Someone else's data: an employer with a published role, a member with a profile.
  otherEmployer = await t.employerWithOrganisation({ coordinator });
  const role = await t.call('POST', '/api/roles', {
    token: otherEmployer.token,
    body: roleInput({ title: '他社の秘密の求人タイトル' }),
  });
  await t.call('POST', `/api/roles/${role.json.id}/publish`, { token: otherEmployer.token });
  otherMember = await t.signUp('member');
  await t.call('PUT', '/api/members/me', {
    token: otherMember.token,
    body: memberProfileInput({ familyName: '秘密', givenName: '花子', phone: '080-9999-0000' }),
  });
  // Her interest in the other employer's role: a match neither the first employer nor another member may touch.
  const match = await t.call('POST', `/api/jobs/${role.json.id}/interest`, { token: otherMember.token });
  foreign = {
    roleId: role.json.id,
    organisationId: otherEmployer.organisationId as string,
    memberId: otherMember.userId,
    matchId: match.json.id,
    secrets: ['他社の秘密の求人タイトル', '秘密', '080-9999-0000'],
  };

  const doc = (await t.call('GET', '/openapi.json')).json;
  routes = Object.entries(doc.paths as Record<string, Record<string, { requestBody?: unknown }>>).flatMap(
    ([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        hasBody: op.requestBody !== undefined,
      })),
  );
});
afterAll(async () => t.close());

describe('authorization matrix', () => {
  it('covers every documented route, and nothing undocumented is listed', () => {
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(EXPECTED_ACCESS).sort());
  });

  it('admits exactly the callers each route allows (401 anonymous, 403 wrong role)', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      if (route.key === 'POST /api/auth/sign-out') continue; // would end the caller's session; checked below
      const allowed = EXPECTED_ACCESS[route.key] ?? [];
      for (const caller of EVERYONE) {
        const token = caller === 'anonymous' ? undefined : callers[caller].token;
        // An empty object body: enough to get past access checks to validation (422) or to act.
        const res = await t.call(
          route.method,
          concretePath(route.path, { ...foreign, notificationId: '00000000-0000-4000-8000-000000000000' }),
          {
            token,
            ...(route.hasBody ? { body: {} } : {}),
          },
        );
        const expected = allowed.includes(caller) ? 'admitted' : caller === 'anonymous' ? 401 : 403;
        const got = res.status === 401 || res.status === 403 ? res.status : 'admitted';
        if (got !== expected)
          failures.push(`${route.key} as ${caller}: expected ${expected}, got ${res.status}`);
        if (res.status >= 500) failures.push(`${route.key} as ${caller}: server error ${res.status}`);
        if (got !== 'admitted') {
          expect(res.json.error.code).toBe(res.status === 401 ? 'unauthenticated' : 'forbidden');
          for (const secret of foreign.secrets) expect(res.text).not.toContain(secret);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('sign-out needs a session', async () => {
    expect((await t.call('POST', '/api/auth/sign-out')).status).toBe(401);
    const member = await t.signUp('member');
    expect((await t.call('POST', '/api/auth/sign-out', { token: member.token })).status).toBe(204);
    expect((await t.call('GET', '/api/auth/me', { token: member.token })).status).toBe(401);
  });

  it('answers 404, never 403, for another organisation’s role and organisation, and leaks nothing', async () => {
    const employer = callers.employer;
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/roles/${foreign.roleId}`],
      ['PUT', `/api/roles/${foreign.roleId}`, roleInput()],
      ['DELETE', `/api/roles/${foreign.roleId}`],
      ['POST', `/api/roles/${foreign.roleId}/publish`],
      ['POST', `/api/roles/${foreign.roleId}/close`],
      ['POST', `/api/roles/${foreign.roleId}/renew`],
      ['GET', `/api/organisations/${foreign.organisationId}`],
      ['POST', `/api/introductions/${foreign.matchId}/outcome`, { outcome: 'hired', expectedVersion: 1 }],
    ];
    for (const [method, path, body] of attempts) {
      const before = await t.rowCounts();
      const res = await t.call(method, path, { token: employer.token, ...(body ? { body } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.json.error.code).toBe('not_found');
      for (const secret of foreign.secrets) expect(res.text).not.toContain(secret);
      expect(await t.rowCounts()).toEqual(before);
    }
    // The foreign role is untouched.
    const role = await t.call('GET', `/api/roles/${foreign.roleId}`, { token: otherEmployer.token });
    expect(role.json.status).toBe('published');
    expect(role.json.title).toBe('他社の秘密の求人タイトル');
  });

  it('lists only the employer’s own roles, even when she asks for another organisation’s', async () => {
    const own = await t.call('GET', `/api/roles?organisationId=${foreign.organisationId}`, {
      token: callers.employer.token,
    });
    expect(own.status).toBe(200);
    expect(
      own.json.items.every(
        (r: { organisation: { id: string } }) => r.organisation.id === callers.employer.organisationId,
      ),
    ).toBe(true);
    expect(own.text).not.toContain('他社の秘密の求人タイトル');
    const staff = await t.call('GET', `/api/roles?organisationId=${foreign.organisationId}`, {
      token: callers.coordinator.token,
    });
    expect(staff.json.items.map((r: { id: string }) => r.id)).toEqual([foreign.roleId]);
  });

  it('answers 404 to a member acting on someone else’s match, and lists only her own', async () => {
    const res = await t.call('POST', `/api/matches/${foreign.matchId}/withdraw`, {
      token: callers.member.token,
      body: {},
    });
    expect(res.status).toBe(404);
    const mine = await t.call('GET', '/api/members/me/matches', { token: callers.member.token });
    expect(mine.json.items.map((m: { id: string }) => m.id)).not.toContain(foreign.matchId);
    const theirs = await t.call('GET', '/api/members/me/matches', { token: otherMember.token });
    expect(theirs.json.items.map((m: { id: string; state: string }) => [m.id, m.state])).toEqual([
      [foreign.matchId, 'interested'],
    ]);
  });

  it('gives a member only her own profile, and staff any', async () => {
    const mine = await t.call('GET', '/api/members/me', { token: callers.member.token });
    expect(mine.json.userId).toBe(callers.member.userId);
    expect(mine.text).not.toContain('080-9999-0000');
    const staff = await t.call('GET', `/api/members/${foreign.memberId}`, {
      token: callers.coordinator.token,
    });
    expect(staff.status).toBe(200);
    expect(staff.json.familyName).toBe('秘密');
    const unknown = await t.call('GET', '/api/members/00000000-0000-4000-8000-000000000000', {
      token: callers.coordinator.token,
    });
    expect(unknown.status).toBe(404);
  });

  it('does not let a coordinator or admin act as an employer on a role', async () => {
    for (const caller of ['coordinator', 'admin'] as const) {
      const res = await t.call('POST', `/api/roles/${foreign.roleId}/close`, {
        token: callers[caller].token,
      });
      expect(res.status).toBe(403);
    }
  });
});
