/**
 * Smaller input faults (issue 14, fault 11): control and text-direction characters in names and
 * free text are refused with 422 (API) or a message beside the field (pages), and query
 * parameters a route does not declare are refused with 422 like unknown body fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  roleInput,
  type TestApp,
} from './support/test-app.ts';
import { browserFor, fieldError } from './support/web.ts';

let t: TestApp;
let member: Account;
let employer: Account;

beforeAll(async () => {
  t = await createTestApp();
  member = await t.signUp('member');
  employer = await t.employerWithOrganisation();
});
afterAll(async () => t.close());

describe('control and text-direction characters', () => {
  it.each([
    ['a right-to-left override', '山田\u202Eevil'],
    ['a first-strong isolate', '山田\u2068x'],
    ['a NUL', '山田\u0000'],
    ['an escape', '山田\u001b[31m'],
    ['a C1 control', '山田\u0085'],
    ['a line break in a name', '山田\n花子'],
  ])('are refused in her name (%s)', async (_what, familyName) => {
    const res = await t.call('PUT', '/api/members/me', {
      token: member.token,
      body: memberProfileInput({ familyName }),
    });
    expect(res.status).toBe(422);
    expect(res.json.error.issues).toContainEqual(
      expect.objectContaining({ path: 'body.familyName', code: 'hidden_characters' }),
    );
  });

  it('are refused in a role title and its free text, but line breaks in free text are kept', async () => {
    const bad = await t.call('POST', '/api/roles', {
      token: employer.token,
      body: roleInput({ title: '事務\u202Eスタッフ', description: '説明\u2066です' }),
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.title', 'body.description']),
    );
    const good = await t.call('POST', '/api/roles', {
      token: employer.token,
      body: roleInput({ description: '一行目\n二行目\tです' }),
    });
    expect(good.status).toBe(201);
  });

  it('are refused in the display name at sign-up', async () => {
    const res = await t.call('POST', '/api/auth/sign-up', {
      body: {
        email: `bidi-${Date.now()}@example.jp`,
        password: 'a-long-password-2026',
        displayName: 'x\u202Ey',
        role: 'member',
      },
    });
    expect(res.status).toBe(422);
  });

  it('are shown beside the field on the sign-up page', async () => {
    const page = await browserFor(t).post('/sign-up', {
      email: `bidi-page-${Date.now()}@example.jp`,
      password: 'a-long-password-2026',
      displayName: 'x\u202Ey',
      role: 'member',
    });
    expect(page.status).toBe(422);
    expect(fieldError(page.html, 'displayName')).toBeTruthy();
  });
});

describe('unknown query parameters', () => {
  it('are refused with 422 naming each', async () => {
    const res = await t.call('GET', '/api/jobs?prefcode=14&limit=5');
    expect(res.status).toBe(422);
    expect(res.json.error.issues).toEqual([
      expect.objectContaining({ path: 'query.prefcode', code: 'unrecognized_keys' }),
    ]);
  });

  it('are refused on routes that take none', async () => {
    const res = await t.call('GET', '/api/members/me?debug=1', { token: member.token });
    expect(res.status).toBe(422);
  });

  it('leave declared parameters working', async () => {
    expect((await t.call('GET', '/api/jobs?prefCode=14&limit=5')).status).toBe(200);
  });
});
