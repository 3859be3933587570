/**
 * Password hashing cannot be used to exhaust the service (issue 14, fault 6): each client (IP)
 * gets a few requests a minute to the routes that hash a password — API and pages together —
 * and beyond a small number of hashes at once, callers are refused at once with 503 and
 * Retry-After instead of queueing for the CPU. The cost of each hash stays at OWASP's level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/deps.ts';
import { cappedHasher, HASHING_CAP, OWASP_SCRYPT, scryptHasher } from '../src/features/auth/password.ts';
import { PASSWORD_ROUTE_LIMIT } from '../src/http/client-limits.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { browserFor } from './support/web.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** A sign-up the schema refuses (422) before any hashing: only the limit is being counted. */
function invalidSignUp(client: string) {
  return t.call('POST', '/api/auth/sign-up', {
    headers: { 'cf-connecting-ip': client },
    body: { email: 'not-an-address', password: 'x', displayName: '', role: 'member' },
  });
}

describe('per-client limit on the password routes', () => {
  it('refuses a client past the limit with 429 and Retry-After, across API and pages', async () => {
    const client = '203.0.113.7';
    for (let i = 0; i < PASSWORD_ROUTE_LIMIT.requests; i++) {
      expect((await invalidSignUp(client)).status).toBe(422);
    }
    const refused = await invalidSignUp(client);
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('too_many_attempts');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    const page = await t.app.request('/sign-in', {
      method: 'POST',
      headers: { 'cf-connecting-ip': client, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40example.jp&password=whatever',
    });
    expect(page.status).toBe(429);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);

    const deletion = await t.call('POST', '/api/members/me/deletion', {
      headers: { 'cf-connecting-ip': client },
      body: { password: 'whatever' },
    });
    expect(deletion.status).toBe(429);
  });

  it('leaves other clients alone', async () => {
    for (let i = 0; i < PASSWORD_ROUTE_LIMIT.requests + 1; i++) await invalidSignUp('198.51.100.1');
    expect((await invalidSignUp('198.51.100.2')).status).toBe(422);
    // Pages that hash nothing are not counted.
    const page = await browserFor(t).get('/sign-in');
    expect(page.status).toBe(200);
  });
});

describe('hashing concurrency', () => {
  it('runs a few hashes at once, queues a few, and refuses the rest at once with 503', async () => {
    const hasher = cappedHasher(scryptHasher({ N: 2 ** 10, r: 8, p: 1 }));
    const stored = await hasher.hash('correct horse');
    const calls = HASHING_CAP.running + HASHING_CAP.waiting + 2;
    const results = await Promise.allSettled(
      Array.from({ length: calls }, () => hasher.verify('correct horse', stored)),
    );
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      expect(r.reason).toMatchObject({ code: 'busy', status: 503 });
      expect(r.reason.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(results.filter((r) => r.status === 'fulfilled' && r.value === true)).toHaveLength(calls - 2);
    // Once the burst is over, hashing is open again.
    expect(await hasher.verify('correct horse', stored)).toBe(true);
  });

  it('answers a burst of sign-ins beyond the cap with 503 and Retry-After, not a slow queue', async () => {
    const hash = await t.deps.passwords.hash('the-right-password-2026');
    const now = new Date().toISOString();
    const emails = Array.from(
      { length: HASHING_CAP.running + HASHING_CAP.waiting + 1 },
      () => `burst-${newId()}@example.jp`,
    );
    await t.database.atomic(
      emails.map((email) =>
        t.database.db.insertInto('users').values({
          id: newId(),
          email,
          password_hash: hash,
          role: 'member',
          display_name: 'burst',
          organisation_id: null,
          created_at: now,
          updated_at: now,
        }),
      ),
    );
    const answers = await Promise.all(
      emails.map((email, i) =>
        t.call('POST', '/api/auth/sign-in', {
          headers: { 'cf-connecting-ip': `192.0.2.${i + 1}` },
          body: { email, password: 'a-wrong-password-2026' },
        }),
      ),
    );
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const a of busy) {
      expect(a.json.error.code).toBe('busy');
      expect(Number(a.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(answers.filter((a) => a.status === 401)).toHaveLength(emails.length - busy.length);
  });

  it('keeps OWASP-level cost', () => {
    expect(OWASP_SCRYPT.N * OWASP_SCRYPT.r).toBeGreaterThanOrEqual(2 ** 17);
  });
});
