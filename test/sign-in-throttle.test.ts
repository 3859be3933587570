/**
 * Sign-in throttling per address: a few tries per window, then 429 with Retry-After until the
 * window passes, whether or not the address has an account; a success starts the count afresh;
 * simultaneous guesses cannot slip past the limit. The browser's sign-in page says the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_ATTEMPTS_ALLOWED, SIGN_IN_WINDOW_MINUTES } from '../src/features/auth/auth.service.ts';
import { messagesFor } from '../src/web/i18n.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.ts';
import { browserFor } from './support/web.ts';

/** A clock the test moves by hand. */
const clock = {
  at: new Date('2026-11-23T10:00:00Z'),
  now() {
    return new Date(this.at);
  },
  advanceMinutes(minutes: number) {
    this.at = new Date(this.at.getTime() + minutes * 60_000);
  },
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t.close());

const signIn = (email: string, password: string) =>
  t.call('POST', '/api/auth/sign-in', { body: { email, password } });

async function failTimes(email: string, times: number) {
  for (let i = 0; i < times; i++) expect((await signIn(email, 'not the password')).status).toBe(401);
}

describe('sign-in throttling', () => {
  it('refuses an address after its allowance, even with the right password, until the window passes', async () => {
    const email = `throttle-${Date.now()}@example.jp`;
    await t.signUp('member', email);
    await failTimes(email, SIGN_IN_ATTEMPTS_ALLOWED);

    clock.advanceMinutes(5);
    const refused = await signIn(email, TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('too_many_attempts');
    expect(refused.headers.get('retry-after')).toBe(String((SIGN_IN_WINDOW_MINUTES - 5) * 60));

    clock.advanceMinutes(SIGN_IN_WINDOW_MINUTES - 5);
    expect((await signIn(email, TEST_PASSWORD)).status).toBe(200);
  }, 60_000);

  it('throttles an address without an account the same way', async () => {
    const email = `nobody-${Date.now()}@example.jp`;
    await failTimes(email, SIGN_IN_ATTEMPTS_ALLOWED);
    expect((await signIn(email, 'not the password')).status).toBe(429);
  }, 60_000);

  it('counts afresh after a success', async () => {
    const email = `fresh-${Date.now()}@example.jp`;
    await t.signUp('member', email);
    await failTimes(email, SIGN_IN_ATTEMPTS_ALLOWED - 1);
    expect((await signIn(email, TEST_PASSWORD)).status).toBe(200);
    await failTimes(email, SIGN_IN_ATTEMPTS_ALLOWED - 1);
    expect((await signIn(email.toUpperCase(), TEST_PASSWORD)).status).toBe(200);
  }, 60_000);

  it('lets no more than the allowance through when guesses arrive at once', async () => {
    const email = `burst-${Date.now()}@example.jp`;
    await t.signUp('member', email);
    const answers = await Promise.all(
      Array.from({ length: SIGN_IN_ATTEMPTS_ALLOWED * 2 }, () => signIn(email, 'not the password')),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_ATTEMPTS_ALLOWED);
    expect(statuses.filter((s) => s === 429)).toHaveLength(SIGN_IN_ATTEMPTS_ALLOWED);
  }, 60_000);

  it('tells her on the sign-in page when to try again', async () => {
    const email = `page-${Date.now()}@example.jp`;
    await t.signUp('member', email);
    await failTimes(email, SIGN_IN_ATTEMPTS_ALLOWED);
    const page = await browserFor(t).post('/sign-in', { email, password: TEST_PASSWORD });
    expect(page.status).toBe(429);
    expect(page.html).toContain(messagesFor('ja').auth.tooManyAttempts(SIGN_IN_WINDOW_MINUTES));
    expect(page.html).toContain(`value="${email}"`);
  }, 60_000);
});
