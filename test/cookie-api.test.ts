/**
 * State changes on the API authenticated by the session cookie must prove they come from this
 * site (issue 14, fault 5): a JSON content type (which another origin cannot send without a
 * CORS preflight) or a same-origin Origin / Sec-Fetch-Site. A body-less form post from another
 * page — of another site or a sibling origin of the same site — records nothing. Bearer tokens
 * are not sent by browsers on their own and are not affected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
let roleId: string;

beforeAll(async () => {
  t = await createTestApp();
  const employer = await t.employerWithOrganisation();
  roleId = await t.publishRole(employer);
});
afterAll(async () => t.close());

async function member(): Promise<Account> {
  const account = await t.signUp('member');
  const saved = await t.call('PUT', '/api/members/me', { token: account.token, body: memberProfileInput() });
  expect(saved.status).toBe(200);
  return account;
}

async function matchCount(account: Account) {
  const rows = await t.database.db
    .selectFrom('matches')
    .select('id')
    .where('member_id', '=', account.userId)
    .execute();
  return rows.length;
}

function cookiePost(account: Account, path: string, headers: Record<string, string>) {
  return t.call('POST', path, {
    headers: { cookie: `yorisoi_session=${account.token}`, ...headers },
    rawBody: '',
  });
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' };

describe('cookie-authenticated API writes', () => {
  it.each([
    ['another site', { ...FORM, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    [
      'a sibling origin of the same site',
      { ...FORM, origin: 'http://blog.localhost', 'sec-fetch-site': 'same-site' },
    ],
    ['no origin at all', FORM],
    ['a plain-text body', { 'content-type': 'text/plain', 'content-length': '0' }],
  ])('are refused from %s, and record nothing', async (_from, headers) => {
    const account = await member();
    const res = await cookiePost(account, `/api/jobs/${roleId}/interest`, headers);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('forbidden');
    expect(await matchCount(account)).toBe(0);
  });

  it('refuses a cross-origin sign-out too (the session stays)', async () => {
    const account = await member();
    const res = await cookiePost(account, '/api/auth/sign-out', { ...FORM, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await t.call('GET', '/api/auth/me', { token: account.token })).status).toBe(200);
  });

  it.each([
    ['a JSON content type', { 'content-type': 'application/json' }],
    ['this origin', { ...FORM, origin: 'http://localhost' }],
    ['Sec-Fetch-Site: same-origin', { ...FORM, 'sec-fetch-site': 'same-origin' }],
  ])('are accepted with %s', async (_with, headers) => {
    const account = await member();
    const res = await cookiePost(account, `/api/jobs/${roleId}/interest`, headers);
    expect(res.status).toBe(200);
    expect(await matchCount(account)).toBe(1);
  });

  it('leaves bearer-token clients alone', async () => {
    const account = await member();
    const res = await t.call('POST', `/api/jobs/${roleId}/interest`, {
      token: account.token,
      headers: FORM,
      rawBody: '',
    });
    expect(res.status).toBe(200);
  });
});
