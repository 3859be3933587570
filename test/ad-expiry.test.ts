/**
 * Ad freshness, on Meilisearch and on the database alone (degraded): a published ad expires after
 * the configured period and leaves search, the index and the job page; its employer is told a
 * week ahead, once per expiry date (and by e-mail through the notification relay); one tap renews
 * it and brings it back; the job is safe to run again at any point.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryRelay } from '../src/features/notifications/delivery.ts';
import { handClock } from './support/hire.ts';
import { type Account, createTestApp, roleInput, type TestApp } from './support/test-app.ts';

const MODES = [
  { name: 'Meilisearch', search: true, degraded: false },
  { name: 'database (degraded)', search: false, degraded: true },
];

const DAY = 86_400_000;

describe.each(MODES)('ad expiry via $name', (mode) => {
  let t: TestApp;
  let employer: Account;
  let otherEmployer: Account;
  let stale: string;
  let renewed: string;
  const clock = handClock('2027-01-10T01:00:00Z');
  const start = clock.now().getTime();
  const at = (days: number) => new Date(start + days * DAY).toISOString();

  /** Role ids found for 介護 (the fixtures' word), after carrying changes to the index. */
  async function found(): Promise<string[]> {
    if (mode.search) await t.syncSearch();
    const res = await t.call('GET', '/api/jobs?q=%E4%BB%8B%E8%AD%B7&limit=50');
    expect(res.status, res.text).toBe(200);
    expect(res.json.degraded).toBe(mode.degraded);
    expect(res.json.total).toBe(res.json.items.length);
    return res.json.items.map((i: { role: { id: string } }) => i.role.id).sort();
  }

  const notices = async () =>
    t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'title', 'body'])
      .where('kind', '=', 'role_expiring')
      .orderBy('created_at')
      .execute();

  beforeAll(async () => {
    t = await createTestApp({
      search: mode.search,
      clock,
      // The test moves its clock by months: sign-ins must outlast that.
      config: { sessionTtlHours: 24 * 200, sessionIdleHours: { member: 24 * 200, other: 24 * 200 } },
    });
    employer = await t.employerWithOrganisation();
    otherEmployer = await t.employerWithOrganisation();
    stale = await t.publishRole(employer, roleInput({ title: '介護スタッフ（更新されない求人）' }));
    renewed = await t.publishRole(employer, roleInput({ title: '介護スタッフ（延長される求人）' }));
  });
  afterAll(async () => t.close());

  it('a published ad runs 90 days from publication by default', async () => {
    const role = await t.call('GET', `/api/roles/${stale}`, { token: employer.token });
    expect(role.json.expiresAt).toBe(at(90));
    expect(role.json).not.toHaveProperty('expiredAt');
    expect(await found()).toEqual([stale, renewed].sort());
  });

  it('tells the employer a week ahead, once per date, in the app and by e-mail', async () => {
    clock.at = new Date(at(82));
    expect(await t.services.roleExpiry.run()).toEqual({ rolesForewarned: 0, rolesExpired: 0 });
    clock.at = new Date(at(83.5));
    expect(await t.services.roleExpiry.run()).toEqual({ rolesForewarned: 2, rolesExpired: 0 });
    expect(await t.services.roleExpiry.run()).toEqual({ rolesForewarned: 0, rolesExpired: 0 });
    const told = await notices();
    expect(told).toHaveLength(2);
    expect(told.every((n) => n.user_id === employer.userId)).toBe(true);
    expect(told.map((n) => n.body).join()).toContain('2027年4月10日まで');
    await createDeliveryRelay(t.deps, null).run();
    const user = await t.database.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', employer.userId)
      .executeTakeFirstOrThrow();
    const mail = await t.lastMailTo(user.email, 'notification');
    expect(mail?.text_body).toContain('まもなく掲載期限になる求人があります');
  });

  it('renewing runs the ad the whole period again from now', async () => {
    clock.at = new Date(at(85));
    const res = await t.call('POST', `/api/roles/${renewed}/renew`, { token: employer.token });
    expect(res.status, res.text).toBe(200);
    expect(res.json.expiresAt).toBe(at(175));
  });

  it('an ad past its date leaves search, the index and its page; the employer still sees it, marked', async () => {
    clock.at = new Date(at(90.5));
    expect(await t.services.roleExpiry.run()).toEqual({ rolesForewarned: 0, rolesExpired: 1 });
    expect(await t.services.roleExpiry.run()).toEqual({ rolesForewarned: 0, rolesExpired: 0 });
    expect(await found()).toEqual([renewed]);
    if (t.jobIndex) {
      const indexed = await t.jobIndex.search({
        q: '',
        sort: 'relevance',
        limit: 50,
        offset: 0,
        facets: false,
      });
      expect(indexed.hits.map((h) => h.id)).toEqual([renewed]);
    }
    expect((await t.call('GET', `/api/jobs/${stale}`)).status).toBe(404);
    const own = await t.call('GET', `/api/roles/${stale}`, { token: employer.token });
    expect(own.json).toMatchObject({ status: 'published', expiredAt: at(90.5) });
    const page = await t.app.request('/employer/roles', {
      headers: { cookie: `yorisoi_session=${employer.token}` },
    });
    const html = await page.text();
    expect(html).toContain('2027年4月10日に掲載期限が切れ、検索に表示されていません');
    expect(html).toContain(`action="/employer/roles/${stale}/renew?next=%2Femployer%2Froles"`);
  });

  it('one tap brings an expired ad back into search', async () => {
    const res = await t.call('POST', `/api/roles/${stale}/renew`, { token: employer.token });
    expect(res.status, res.text).toBe(200);
    expect(res.json).not.toHaveProperty('expiredAt');
    expect(await found()).toEqual([stale, renewed].sort());
    expect(await t.services.roleExpiry.run()).toEqual({ rolesForewarned: 0, rolesExpired: 0 });
  });

  it('a renewed date is announced a week ahead again, once', async () => {
    clock.at = new Date(at(169));
    expect(await t.services.roleExpiry.run()).toEqual({ rolesForewarned: 1, rolesExpired: 0 });
    expect(await t.services.roleExpiry.run()).toEqual({ rolesForewarned: 0, rolesExpired: 0 });
    const told = await notices();
    expect(told).toHaveLength(3);
    expect(told[2]?.body).toContain('「介護スタッフ（延長される求人）」の掲載は2027年7月4日まで');
  });

  it('only the owner renews, and only a published ad', async () => {
    const foreign = await t.call('POST', `/api/roles/${stale}/renew`, { token: otherEmployer.token });
    expect(foreign.status).toBe(404);
    const draft = await t.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
    const refused = await t.call('POST', `/api/roles/${draft.json.id}/renew`, { token: employer.token });
    expect(refused.status).toBe(409);
  });
});

describe('roles without an expiry date (published before expiry existed, or bulk-loaded)', () => {
  it('get one no sooner than 30 days away, so old ads do not all vanish at once', async () => {
    const clock = handClock('2027-01-10T01:00:00Z');
    const t = await createTestApp({ clock });
    try {
      const employer = await t.employerWithOrganisation();
      const old = await t.publishRole(employer, roleInput());
      const recent = await t.publishRole(employer, roleInput());
      const now = clock.now().getTime();
      const iso = (days: number) => new Date(now + days * DAY).toISOString();
      await t.database.db
        .updateTable('job_roles')
        .set({ expires_at: null, published_at: iso(-365) })
        .where('id', '=', old)
        .execute();
      await t.database.db
        .updateTable('job_roles')
        .set({ expires_at: null, published_at: iso(-10) })
        .where('id', '=', recent)
        .execute();
      expect(await t.services.roleExpiry.run()).toEqual({ rolesForewarned: 0, rolesExpired: 0 });
      const rows = await t.database.db
        .selectFrom('job_roles')
        .select(['id', 'expires_at'])
        .where('id', 'in', [old, recent])
        .execute();
      const dates = new Map(rows.map((r) => [r.id, r.expires_at]));
      expect(dates.get(old)).toBe(iso(30));
      expect(dates.get(recent)).toBe(iso(80));
    } finally {
      await t.close();
    }
  });
});
