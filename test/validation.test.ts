/**
 * Bad input on every route gets a clear 4xx in the one error envelope, with field paths for
 * validation failures, and writes nothing. Routes are taken from the OpenAPI document, so a new
 * route is covered as soon as it exists.
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

let t: TestApp;
let tokens: Record<string, string>;
let routes: { method: string; path: string; hasBody: boolean; access: string }[];
let ids: { roleId: string; organisationId: string; memberId: string; matchId: string };

/** A token of a caller the route admits, so requests reach validation. */
function tokenFor(description: string): string | undefined {
  if (description.includes('Anyone')) return undefined;
  if (description.includes('Any signed-in')) return tokens.member;
  const roles = description.match(/Callable by: ([a-z, ]+)\./)?.[1]?.split(', ') ?? [];
  const role = roles[0];
  return role ? tokens[role] : undefined;
}

function fill(path: string, overrides: Partial<typeof ids> = {}) {
  const values = { ...ids, ...overrides };
  const concrete = concretePath(path, { ...values, notificationId: values.roleId });
  // A required query beside the id, so only the id decides the answer.
  return path.endsWith('/suggestions')
    ? `${concrete}?menteeId=00000000-0000-4000-8000-000000000000`
    : concrete;
}

/** A body each id-taking route accepts, so only the id decides the answer. */
function validBodyFor(path: string): unknown {
  if (path.endsWith('/verification')) return { state: 'verified' };
  if (path.endsWith('/withdraw')) return {};
  if (path.includes('/check-ins/')) return { wellbeing: 4, wantsContact: false };
  if (path.includes('/follow-ups/')) return { note: '電話で話しました' };
  if (path.endsWith('/mentors')) return { memberId: '00000000-0000-4000-8000-000000000000' };
  if (path.endsWith('/pairs'))
    return {
      menteeId: '00000000-0000-4000-8000-000000000000',
      mentorId: '00000000-0000-4000-8000-000000000001',
    };
  if (path.includes('/invitations/')) return { consent: true };
  if (path.endsWith('/shares')) return { shares: ['area'] };
  if (path.endsWith('/record')) return { held: true };
  if (path.includes('/sessions/') && path.endsWith('/answer')) return { coordinatorMayRead: false };
  if (path.endsWith('/separation')) return { separatedOn: '2026-11-20', reasonCode: 'schedule' };
  if (path.endsWith('/decision')) return { decision: 'review', expectedVersion: 1 };
  if (path.endsWith('/outcome')) return { outcome: 'interviewing', expectedVersion: 1 };
  if (path.includes('/prospects/') && path.endsWith('/stage')) return { stage: 'contacted' };
  if (path.includes('/prospects/') && path.endsWith('/notes')) return { note: '電話でご説明しました' };
  if (path.endsWith('/attendance'))
    return { memberId: '00000000-0000-4000-8000-000000000000', attended: true };
  if (path.endsWith('/reply')) return { answer: 'yes' };
  if (path.endsWith('/stage')) return { stage: 3, reason: '就労準備が整ってきたため' };
  if (path.endsWith('/notes')) return { consultedOn: '2026-11-20', topic: '就労相談', body: '面談しました' };
  if (path.endsWith('/note')) return { note: '住まいの候補を2件お伝えしました' };
  if (path.includes('/branches/')) return { name: '横浜支店', areaCode: '141097' };
  if (path.includes('/saved-searches/')) return { name: '港北区の事務', frequency: 'daily' };
  return roleInput();
}

function expectEnvelope(res: { status: number; json: any }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json).toEqual({
    error: expect.objectContaining({ code, message: expect.any(String), requestId: expect.any(String) }),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const coordinator = await t.createStaff('coordinator');
  const employer: Account = await t.employerWithOrganisation({ coordinator });
  const member = await t.signUp('member');
  await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
  const role = await t.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
  tokens = {
    member: member.token,
    employer: employer.token,
    coordinator: coordinator.token,
    admin: coordinator.token,
  };
  await t.call('POST', `/api/roles/${role.json.id}/publish`, { token: employer.token });
  const match = await t.call('POST', `/api/jobs/${role.json.id}/interest`, { token: member.token });
  ids = {
    roleId: role.json.id,
    organisationId: employer.organisationId as string,
    memberId: member.userId,
    matchId: match.json.id,
  };
  const doc = (await t.call('GET', '/openapi.json')).json;
  routes = Object.entries(
    doc.paths as Record<string, Record<string, { requestBody?: unknown; description: string }>>,
  ).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      hasBody: op.requestBody !== undefined,
      access: op.description,
    })),
  );
});
afterAll(async () => t.close());

describe('bad input on every route', () => {
  it('malformed JSON is 400 malformed_json', async () => {
    const before = await t.rowCounts();
    for (const route of routes.filter((r) => r.hasBody)) {
      const res = await t.call(route.method, fill(route.path), {
        token: tokenFor(route.access),
        rawBody: '{"title": "介護',
        headers: { 'content-type': 'application/json' },
      });
      expectEnvelope(res, 400, 'malformed_json');
    }
    expect(await t.rowCounts()).toEqual(before);
  });

  it('a body that is not JSON is 415', async () => {
    for (const route of routes.filter((r) => r.hasBody)) {
      const res = await t.call(route.method, fill(route.path), {
        token: tokenFor(route.access),
        rawBody: 'title=介護',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expectEnvelope(res, 415, 'unsupported_media_type');
    }
  });

  it('an oversize body is 413, with or without Content-Length', async () => {
    const huge = JSON.stringify({ description: 'あ'.repeat(100_000) });
    for (const route of routes.filter((r) => r.hasBody)) {
      const res = await t.call(route.method, fill(route.path), {
        token: tokenFor(route.access),
        rawBody: huge,
        headers: { 'content-type': 'application/json' },
      });
      expectEnvelope(res, 413, 'payload_too_large');
    }
    const streamed = await t.app.request('/api/roles', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.employer}` },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(huge));
          controller.close();
        },
      }),
      // @ts-expect-error Node's fetch needs this for a streamed body.
      duplex: 'half',
    });
    expect(streamed.status).toBe(413);
  });

  it('a body of the wrong shape is 422 with field paths', async () => {
    const before = await t.rowCounts();
    // `reason` is a string wherever it exists and unknown everywhere else; required fields are missing.
    for (const route of routes.filter((r) => r.hasBody)) {
      const res = await t.call(route.method, fill(route.path), {
        token: tokenFor(route.access),
        body: { reason: 42 },
      });
      expectEnvelope(res, 422, 'validation_failed');
      expect(res.json.error.issues.length).toBeGreaterThan(0);
      for (const issue of res.json.error.issues) expect(issue.path).toMatch(/^body(\.|$)/);
    }
    expect(await t.rowCounts()).toEqual(before);
  });

  it('a malformed id in the path is 422 on param.id; an unknown one is 404', async () => {
    for (const route of routes.filter((r) => r.path.includes('{id}'))) {
      const token = tokenFor(route.access);
      const body = route.hasBody ? { body: validBodyFor(route.path) } : {};
      const bad = await t.call(
        route.method,
        fill(route.path, { roleId: 'nope', organisationId: 'nope', memberId: 'nope', matchId: 'nope' }),
        {
          token,
          ...body,
        },
      );
      expectEnvelope(bad, 422, 'validation_failed');
      expect(bad.json.error.issues[0].path).toBe('param.id');
      const unknown = '00000000-0000-4000-8000-000000000000';
      const missing = await t.call(
        route.method,
        fill(route.path, { roleId: unknown, organisationId: unknown, memberId: unknown, matchId: unknown }),
        {
          token,
          ...body,
        },
      );
      expect([route.method, route.path, missing.status]).toEqual([route.method, route.path, 404]);
      expectEnvelope(missing, 404, 'not_found');
    }
  });

  it('unknown routes are 404 in the same envelope', async () => {
    expectEnvelope(await t.call('GET', '/api/nothing-here'), 404, 'not_found');
  });

  it('query limits are explicit: a page larger than 100 is refused', async () => {
    const res = await t.call('GET', '/api/areas?limit=1000');
    expectEnvelope(res, 422, 'validation_failed');
    expect(res.json.error.issues[0].path).toBe('query.limit');
  });
});

describe('role validation, field by field', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      'end before start',
      { schedule: { kind: 'fixed', shifts: [{ day: 'mon', start: '15:00', end: '09:00' }] } },
      'body.schedule.shifts.0.end',
    ],
    [
      'overlapping shifts',
      {
        schedule: {
          kind: 'fixed',
          shifts: [
            { day: 'mon', start: '09:00', end: '13:00' },
            { day: 'mon', start: '12:00', end: '15:00' },
          ],
        },
      },
      'body.schedule.shifts.1',
    ],
    [
      'bad time',
      { schedule: { kind: 'fixed', shifts: [{ day: 'mon', start: '9:00', end: '25:00' }] } },
      'body.schedule.shifts.0.start',
    ],
    [
      'min days above window days',
      {
        schedule: {
          kind: 'flexible',
          windows: [{ day: 'mon', start: '09:00', end: '17:00' }],
          minHoursPerWeek: 4,
          minDaysPerWeek: 3,
        },
      },
      'body.schedule.minDaysPerWeek',
    ],
    ['pay max below min', { pay: { min: 1500, max: 1200, unit: 'hour' } }, 'body.pay.max'],
    [
      'unknown skill',
      { skills: { required: [{ tag: 'juggling', level: 1 }], niceToHave: [] } },
      'body.skills.required.0.tag',
    ],
    ['unknown qualification', { requiredQualifications: ['astronaut'] }, 'body.requiredQualifications.0'],
    ['on-site without a location', { locations: [] }, 'body.locations'],
    ['hybrid without office days', { remote: { mode: 'hybrid' } }, 'body.remote.officeDaysPerWeek'],
    ['unknown fact', { facts: { free_lunch: true } }, 'body.facts'],
    ['title too long', { title: 'あ'.repeat(81) }, 'body.title'],
    ['unknown field', { salary: 100 }, 'body'],
    ['unknown area', { locations: [{ areaCode: '999999' }] }, 'body.locations.0.areaCode'],
  ];
  it.each(cases)('%s → 422 at the field, nothing written', async (_name, override, path) => {
    const before = await t.rowCounts();
    const res = await t.call('POST', '/api/roles', { token: tokens.employer, body: roleInput(override) });
    expectEnvelope(res, 422, 'validation_failed');
    expect(res.json.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await t.rowCounts()).toEqual(before);
  });
});
