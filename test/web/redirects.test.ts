/**
 * Where `next` may send a browser after sign-in, the language switch and marking a notification
 * read (issue 14, faults 2 and 3): only to this site. Whitespace and control characters that a
 * browser drops ('/\t/evil.example' becomes '//evil.example') are refused, and CR/LF never
 * reaches a header (it answered 500, and sign-in set its cookie on the error page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/deps.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.ts';
import { browserFor } from '../support/web.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Each of these, decoded, leaves the site in a browser, or must not reach a header. */
const ELSEWHERE = [
  '/%09/evil.example',
  '/%0a/evil.example',
  '/%0d/evil.example',
  '%09//evil.example',
  '/%20/evil.example',
  '/%0b/evil.example',
  '/%0c/evil.example',
  '/%00/evil.example',
  '/%7f/evil.example',
  '/%5c/evil.example',
  '/%5C%09evil.example',
  '//evil.example',
  'https://evil.example/',
  '/%0d%0aSet-Cookie:%20x=1',
  '/jobs%0d%0aX-Injected:%201',
  '/%E2%80%AE/evil.example',
];

function stayedOnSite(location: string | null) {
  expect(location).not.toBeNull();
  const url = new URL(location as string, 'http://yorisoi.test');
  expect(url.origin).toBe('http://yorisoi.test');
  expect(location).not.toContain('evil');
  // Printable ASCII only: no whitespace or control character a browser might drop or a header split on.
  expect(location).toMatch(/^[!-~]+$/);
}

describe('next on the language switch', () => {
  it.each(ELSEWHERE)('keeps %s on the site', async (next) => {
    const page = await browserFor(t).get(`/lang?to=en&next=${next}`);
    expect(page.status).toBe(303);
    stayedOnSite(page.location);
  });

  it('still follows an on-site path', async () => {
    const page = await browserFor(t).get(`/lang?to=en&next=${encodeURIComponent('/jobs?prefCode=14')}`);
    expect(page.location).toBe('/jobs?prefCode=14');
  });
});

/** Sign-in hashes a password each time, so it gets the characters that matter most. */
const ELSEWHERE_ON_SIGN_IN = [
  '/%09/evil.example',
  '/%0d%0aSet-Cookie:%20x=1',
  '/%0b/evil.example',
  '/%E2%80%AE/evil.example',
];

describe('next on sign-in', () => {
  it.each(ELSEWHERE_ON_SIGN_IN)('keeps %s on the site, with no error page', async (next) => {
    const email = `member-${newId()}@example.jp`;
    await t.signUp('member', email);
    const page = await browserFor(t).post(`/sign-in?next=${next}`, { email, password: TEST_PASSWORD });
    expect(page.status).toBe(303);
    stayedOnSite(page.location);
  });

  it('shows the form again with an on-site next only', async () => {
    const page = await browserFor(t).get('/sign-in?next=/%09/evil.example');
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('evil.example');
  });

  it('follows an on-site path', async () => {
    const email = `member-${newId()}@example.jp`;
    await t.signUp('member', email);
    const page = await browserFor(t).post(`/sign-in?next=${encodeURIComponent('/me/matches')}`, {
      email,
      password: TEST_PASSWORD,
    });
    expect(page.location).toBe('/me/matches');
  });
});

describe('next on marking a notification read', () => {
  it.each(ELSEWHERE)('keeps %s on the site', async (next) => {
    const member = await t.signUp('member');
    const id = newId();
    const now = new Date().toISOString();
    await t.database.atomic([
      t.database.db.insertInto('notifications').values({
        id,
        user_id: member.userId,
        kind: 'approved',
        match_id: null,
        title: 'お知らせ',
        body: 'お知らせです',
        created_at: now,
        read_at: null,
        delivery: 'recorded',
        attempts: 0,
        next_attempt_at: now,
        last_error: null,
      }),
    ]);
    const page = await browserFor(t, member.token).post(`/notifications/${id}/read?next=${next}`);
    expect(page.status).toBe(303);
    stayedOnSite(page.location);
  });
});
