/**
 * Saved searches and their new-job alerts, on Meilisearch and on the database alone: the search
 * is stored as the search schema validated it; an alert holds only roles published since the last
 * check that still fit her (her hard constraints applied, as when she browses); a run repeated, or
 * two at once, never sends one twice; a role the index has not caught up with is kept for the next
 * alert, not lost; the alert reaches her in the app and, through the mail outbox, over real SMTP.
 * Another member can neither see, change nor delete hers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../src/adapter/node/mail.ts';
import { createMailRelay } from '../src/features/mail/mail-relay.ts';
import { createDeliveryRelay } from '../src/features/notifications/delivery.ts';
import { handClock } from './support/hire.ts';
import { startSmtpCatcher } from './support/mail-catchers.ts';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  roleInput,
  type TestApp,
} from './support/test-app.ts';
import { browserFor } from './support/web.ts';

const MODES = [
  { name: 'Meilisearch', search: true },
  { name: 'database (degraded)', search: false },
];

const CARE = encodeURIComponent('介護');
const SATURDAY = {
  kind: 'fixed',
  shifts: [{ day: 'sat', start: '09:00', end: '15:00' }],
};
const OFFICE = {
  title: '一般事務（週3日）',
  description: '書類の整理とデータ入力のお仕事です。',
  category: 'office',
  skills: { required: [{ tag: 'pc_basic', level: 1 }], niceToHave: [] },
  requiredQualifications: [],
};

describe.each(MODES)('saved searches via $name', (mode) => {
  const clock = handClock('2026-12-01T01:00:00Z');
  let t: TestApp;
  let employer: Account;
  let her: Account;
  let other: Account;
  let searchId: string;

  const alerts = (userId: string) =>
    t.database.db
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('user_id', '=', userId)
      .where('kind', '=', 'job_alert')
      .orderBy('created_at')
      .execute();

  /** Publishes a role a minute later than whatever happened last, as time goes on. */
  async function publish(title: string, overrides: Record<string, unknown> = {}) {
    clock.at = new Date(clock.at.getTime() + 60_000);
    return t.publishRole(employer, roleInput({ title, ...overrides }));
  }

  async function runDue(days: number) {
    clock.advanceDays(days);
    if (mode.search) await t.syncSearch();
    return t.services.savedSearches.runAlerts();
  }

  beforeAll(async () => {
    t = await createTestApp({
      search: mode.search,
      clock,
      // The test moves its clock by weeks: sign-ins must outlast that.
      config: { sessionTtlHours: 24 * 60, sessionIdleHours: { member: 24 * 60, other: 24 * 60 } },
    });
    // A neutral name: the organisation's name is searchable too.
    employer = await t.employerWithOrganisation({ organisation: { name: '株式会社みなと総合サービス' } });
    her = await t.signUp('member');
    other = await t.signUp('member');
    for (const member of [her, other])
      await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
    await publish('介護スタッフ（保存前からある求人）');
    if (mode.search) await t.syncSearch();
  });
  afterAll(async () => t.close());

  it('saves the search as the search schema reads it, canonical, and refuses a bad one by field', async () => {
    const bad = await t.call('POST', '/api/members/me/saved-searches', {
      token: her.token,
      body: { name: '', query: 'prefCode=99&minHourlyPay=abc', frequency: 'hourly' },
    });
    expect(bad.status).toBe(422);
    const paths = bad.json.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['body.frequency', 'body.name']);
    const badQuery = await t.call('POST', '/api/members/me/saved-searches', {
      token: her.token,
      body: { name: '介護', query: 'prefCode=99&minHourlyPay=abc', frequency: 'daily' },
    });
    expect(badQuery.status).toBe(422);
    expect(badQuery.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.query.minHourlyPay',
      'body.query.prefCode.0',
    ]);
    const saved = await t.call('POST', '/api/members/me/saved-searches', {
      token: her.token,
      body: {
        name: '港北の介護',
        query: `?q=${CARE}&employmentType=part_time&offset=40&lang=en`,
        frequency: 'daily',
      },
    });
    expect(saved.status, saved.text).toBe(201);
    expect(saved.json).toMatchObject({ name: '港北の介護', frequency: 'daily', lastAlertAt: null });
    // Paging and language are not part of a search; what the schema defaulted is kept.
    expect(saved.json.query).toBe(`employmentType=part_time&q=${CARE}`);
    searchId = saved.json.id;
  });

  it('is hers alone: another member sees, changes and deletes none of it; employers are refused', async () => {
    const theirs = await t.call('GET', '/api/members/me/saved-searches', { token: other.token });
    expect(theirs.json.items).toEqual([]);
    const body = { name: '乗っ取り', frequency: 'weekly' };
    expect(
      (await t.call('PUT', `/api/members/me/saved-searches/${searchId}`, { token: other.token, body }))
        .status,
    ).toBe(404);
    expect(
      (await t.call('DELETE', `/api/members/me/saved-searches/${searchId}`, { token: other.token })).status,
    ).toBe(404);
    expect((await t.call('GET', '/api/members/me/saved-searches', { token: employer.token })).status).toBe(
      403,
    );
    const mine = await t.call('GET', '/api/members/me/saved-searches', { token: her.token });
    expect(mine.json.items.map((s: { name: string }) => s.name)).toEqual(['港北の介護']);
  });

  it('an alert holds only roles published since she saved it that fit her and the search', async () => {
    const fitting = '介護スタッフ（新着・合う）';
    await publish(fitting);
    await publish('介護スタッフ（土曜のみ・合わない）', { schedule: SATURDAY });
    await publish('一般事務（条件外の職種）', OFFICE);
    await publish('介護スタッフ（正社員・条件外）', { employmentType: 'full_time' });
    expect(await runDue(0.5)).toEqual({ searchAlerts: 0 }); // not due yet
    expect(await runDue(0.5)).toEqual({ searchAlerts: 1 });
    const [alert, ...more] = await alerts(her.userId);
    expect(more).toEqual([]);
    expect(alert?.title).toBe('新着求人：港北の介護');
    expect(alert?.body).toContain('新しい求人が1件あります');
    expect(alert?.body).toContain(fitting);
    for (const left of ['保存前から', '土曜のみ', '一般事務', '正社員'])
      expect(alert?.body).not.toContain(left);
  });

  it('never sends one twice: a second run, or two runs at once, add nothing', async () => {
    expect(await t.services.savedSearches.runAlerts()).toEqual({ searchAlerts: 0 });
    await publish('介護スタッフ（二つめの新着）');
    clock.advanceDays(1.1);
    if (mode.search) await t.syncSearch();
    const runs = await Promise.all([
      t.services.savedSearches.runAlerts(),
      t.services.savedSearches.runAlerts(),
    ]);
    const all = await alerts(her.userId);
    expect(all).toHaveLength(2);
    expect(all[1]?.body).toContain('二つめの新着');
    expect(all[1]?.body).not.toContain('新着・合う');
    expect(runs.map((r) => r.searchAlerts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await runDue(1.1)).toEqual({ searchAlerts: 0 }); // nothing new: no empty alert
    expect(await alerts(her.userId)).toHaveLength(2);
  });

  if (mode.search)
    it('a role the index has not caught up with is kept for the next alert, not lost', async () => {
      await publish('介護スタッフ（索引待ち）');
      clock.advanceDays(1.1);
      // The relay has not run: the role waits in the search outbox.
      expect(await t.services.savedSearches.runAlerts()).toEqual({ searchAlerts: 0 });
      expect(await runDue(1.1)).toEqual({ searchAlerts: 1 });
      expect((await alerts(her.userId)).at(-1)?.body).toContain('索引待ち');
    });

  it('reaches her by e-mail over SMTP through the notification and mail relays', async () => {
    const smtp = await startSmtpCatcher();
    const mailer = smtpMailer(smtp.url, 'Yorisoi <no-reply@yorisoi.test>');
    try {
      await createDeliveryRelay(t.deps, null).run();
      expect((await createMailRelay(t.deps, mailer).run(200)).failed).toBe(0);
      const user = await t.database.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', her.userId)
        .executeTakeFirstOrThrow();
      const mail = await smtp.waitFor(user.email, (m) =>
        m.text.includes('保存した条件に合う新しい求人があります'),
      );
      // The subject never names a job: a shared phone shows it on the lock screen.
      expect(mail.subject).toBe('寄り添いからのお知らせ');
    } finally {
      mailer.close();
      await smtp.close();
    }
  });

  it('she changes its name and frequency, and deletes it; alerts stop', async () => {
    const changed = await t.call('PUT', `/api/members/me/saved-searches/${searchId}`, {
      token: her.token,
      body: { name: '介護（週1）', frequency: 'weekly' },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json).toMatchObject({ name: '介護（週1）', frequency: 'weekly' });
    expect(new Date(changed.json.nextAlertAt).getTime() - clock.now().getTime()).toBeGreaterThan(
      5 * 86_400_000,
    );
    expect(
      (await t.call('DELETE', `/api/members/me/saved-searches/${searchId}`, { token: her.token })).status,
    ).toBe(204);
    const before = (await alerts(her.userId)).length;
    await publish('介護スタッフ（削除後）');
    expect(await runDue(8)).toEqual({ searchAlerts: 0 });
    expect(await alerts(her.userId)).toHaveLength(before);
  });

  it('on the web: save the search she is looking at, see it listed, delete it', async () => {
    const browser = browserFor(t, her.token);
    const results = await browser.get(`/jobs?q=${CARE}&prefCode=14`);
    expect(results.html).toContain('この条件を保存して新着を受け取る');
    const query = /name="query" value="([^"]*)"/.exec(results.html)?.[1]?.replaceAll('&amp;', '&');
    expect(query).toBe(`prefCode=14&q=${CARE}`);
    const saved = await browser.post('/me/saved-searches', {
      query: query as string,
      name: '',
      frequency: 'daily',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/me/saved-searches');
    const list = await browser.get('/me/saved-searches');
    expect(list.html).toContain(`href="/jobs?prefCode=14&amp;q=${CARE}"`);
    expect(list.html).toContain('>介護<');
    const id = /action="\/me\/saved-searches\/([0-9a-f-]+)\/delete"/.exec(list.html)?.[1];
    expect((await browser.post(`/me/saved-searches/${id}/delete`)).status).toBe(303);
    expect((await browser.get('/me/saved-searches')).html).toContain('保存した検索条件はまだありません');
  });
});
