/**
 * Someone who knows her address cannot lock her out (issue 14, fault 10): failures are counted
 * per address and client, so six wrong passwords from one client stop that client only, and her
 * right password from a client that has not failed goes through. Guessing from many clients is
 * still bounded: once the address has many failures overall, a client gets a single try.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_ATTEMPTS_ALLOWED, SIGN_IN_ATTEMPTS_PER_ADDRESS } from '../src/features/auth/auth.service.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const signIn = (client: string, email: string, password: string) =>
  t.call('POST', '/api/auth/sign-in', { headers: { 'cf-connecting-ip': client }, body: { email, password } });

describe('failures per address and client', () => {
  it('stops the guessing client, and lets her right password through from her own', async () => {
    const email = `target-${Date.now()}@example.jp`;
    await t.signUp('member', email);
    const attacker = '203.0.113.66';
    for (let i = 0; i < SIGN_IN_ATTEMPTS_ALLOWED; i++) {
      expect((await signIn(attacker, email, 'a-wrong-guess-2026')).status).toBe(401);
    }
    expect((await signIn(attacker, email, 'a-wrong-guess-2026')).status).toBe(429);
    // Her own phone, which never failed: in.
    expect((await signIn('198.51.100.23', email, TEST_PASSWORD)).status).toBe(200);
    // The guessing client stays stopped, even with the right password, until its window passes.
    expect((await signIn(attacker, email, TEST_PASSWORD)).status).toBe(429);
  }, 60_000);

  it('gives each client one try once the address has many failures overall', async () => {
    const email = `spread-${Date.now()}@example.jp`;
    await t.signUp('member', email);
    // Written as earlier failures from many clients, to spare the test that many hashes.
    const now = new Date().toISOString();
    await t.database.atomic(
      Array.from({ length: SIGN_IN_ATTEMPTS_PER_ADDRESS }, (_, i) =>
        t.database.db.insertInto('sign_in_failures').values({ email, failed_at: now, client: `10.0.0.${i}` }),
      ),
    );
    const fresh = '198.51.100.99';
    expect((await signIn(fresh, email, 'a-wrong-guess-2026')).status).toBe(401);
    expect((await signIn(fresh, email, 'a-wrong-guess-2026')).status).toBe(429);
    // Her first try from her own phone still goes through.
    expect((await signIn('198.51.100.100', email, TEST_PASSWORD)).status).toBe(200);
  }, 60_000);
});
