/**
 * A strict Content-Security-Policy on pages and API alike, with `frame-ancestors 'none'`, and no
 * caching of API responses that carry personal data (issue 14, fault 7). The pages must also keep
 * working under that policy: no inline scripts, no style attributes, no inline styles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSETS } from '../src/web/assets.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';
import { browserFor } from './support/web.ts';

let t: TestApp;
let coordinator: Account;
let employer: Account;
let member: Account;
let roleId: string;
let matchId: string;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
  employer = await t.employerWithOrganisation({ coordinator });
  roleId = await t.publishRole(employer);
  member = await t.signUp('member');
  await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
  matchId = (await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token })).json.id;
  await t.call('POST', `/api/matches/${matchId}/decision`, {
    token: coordinator.token,
    body: { decision: 'approve', reason: '合っています', expectedVersion: 1 },
  });
});
afterAll(async () => t.close());

function expectStrictPolicy(headers: Headers) {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
}

describe('pages', () => {
  it.each([
    ['a visitor', () => '/', () => undefined],
    ['a visitor', () => '/sign-in', () => undefined],
    ['a visitor', () => `/jobs/${roleId}`, () => undefined],
    ['the member', () => `/jobs/${roleId}`, () => member.token],
    ['the coordinator', () => `/coordinator/matches/${matchId}`, () => coordinator.token],
    ['the employer', () => '/employer/introductions', () => employer.token],
  ])('carry the policy and nothing it would block (%s, case %#)', async (_who, path, token) => {
    const page = await browserFor(t, token()).get(path());
    expect(page.status).toBe(200);
    expectStrictPolicy(page.headers);
    expect(page.html).not.toMatch(/\sstyle=/);
    expect(page.html).not.toMatch(/<style/);
    expect(page.html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(page.html).not.toMatch(/\son[a-z]+=/);
  });

  it('gives the API reference its own inline style by hash only', async () => {
    const res = await t.app.request('/docs');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('API responses', () => {
  it.each([
    ['/api/introductions', () => employer.token],
    ['/api/members/me', () => member.token],
    ['/api/members/me/export', () => member.token],
    ['/api/members/me/matches', () => member.token],
    ['/api/members/unknown-member', () => coordinator.token],
    ['/api/matches', () => coordinator.token],
    ['/api/auth/me', () => member.token],
    ['/api/notifications', () => member.token],
  ])('%s is never stored by a cache, and carries the policy', async (path, token) => {
    const res = await t.call('GET', path, { token: token() });
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expectStrictPolicy(res.headers);
  });

  it('sign-in, which returns her token, is not stored either', async () => {
    const res = await t.call('POST', '/api/auth/sign-in', {
      body: { email: 'nobody@example.jp', password: 'wrong-password-123' },
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('every kind of response', () => {
  it.each([
    ['a page', () => t.app.request('/')],
    ['a redirect', () => t.app.request('/lang?to=en&next=/')],
    ['a stylesheet', () => t.app.request(ASSETS.css.path)],
    ['API JSON', () => t.app.request('/api/areas?q=横浜')],
    ['an API error', () => t.app.request('/api/roles/not-a-role')],
    ['an unknown path', () => t.app.request('/api/nothing-here')],
  ])('%s carries the policy and the hardening headers', async (_kind, request) => {
    const res = await request();
    expectStrictPolicy(res.headers);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('a stylesheet is still cached for a year: only pages and the API say no-store', async () => {
    const res = await t.app.request(ASSETS.css.path);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
