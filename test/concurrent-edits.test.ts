/**
 * Edits made from an older version are refused instead of silently undoing someone else's: role
 * and profile edits with a stale `If-Match` get 409 naming the fields that differ, two edits from
 * the same version race to exactly one winner, the database itself refuses a stale version step,
 * and the role editor and profile pages carry the version and mark what changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../src/web/i18n.ts';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  roleInput,
  type TestApp,
} from './support/test-app.ts';
import { browserFor } from './support/web.ts';
import { formFields } from './web/form-fields.ts';

const ja = messagesFor('ja');
let t: TestApp;
let employer: Account;
let member: Account;

beforeAll(async () => {
  t = await createTestApp();
  employer = await t.employerWithOrganisation();
  member = await t.signUp('member');
  // (A prefecture-wide target place cannot round-trip through the form's town field.)
  const saved = await t.call('PUT', '/api/members/me', {
    token: member.token,
    body: memberProfileInput({ targetAreas: [] }),
  });
  expect(saved.status).toBe(200);
});
afterAll(() => t.close());

describe('role edits', () => {
  it('names the role’s version as its ETag and refuses a stale If-Match with 409 naming what differs', async () => {
    const created = await t.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
    const id = created.json.id as string;
    const read = await t.call('GET', `/api/roles/${id}`, { token: employer.token });
    expect(read.headers.get('etag')).toBe('"1"');

    const first = await t.call('PUT', `/api/roles/${id}`, {
      token: employer.token,
      headers: { 'if-match': '"1"' },
      body: roleInput({ title: '経理事務（午前のみ）', pay: { min: 1300, unit: 'hour' } }),
    });
    expect(first.status).toBe(200);
    expect(first.json.version).toBe(2);
    expect(first.headers.get('etag')).toBe('"2"');

    // A second editor still holding version 1 changes only the description.
    const stale = await t.call('PUT', `/api/roles/${id}`, {
      token: employer.token,
      headers: { 'if-match': '"1"' },
      body: roleInput({ description: '説明だけを変えました。子育て中の方を歓迎します。' }),
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('conflict');
    expect(stale.json.error.message).toContain('version 2');
    const paths = stale.json.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['body.description', 'body.pay', 'body.title']);
    const kept = await t.call('GET', `/api/roles/${id}`, { token: employer.token });
    expect(kept.json.title).toBe('経理事務（午前のみ）');
    expect(kept.json.version).toBe(2);

    expect(
      (
        await t.call('PUT', `/api/roles/${id}`, {
          token: employer.token,
          headers: { 'if-match': 'version two' },
          body: roleInput(),
        })
      ).status,
    ).toBe(400);
  });

  it('lets exactly one of two edits made from the same version win', async () => {
    const created = await t.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
    const id = created.json.id as string;
    const edit = (title: string) =>
      t.call('PUT', `/api/roles/${id}`, {
        token: employer.token,
        headers: { 'if-match': '"1"' },
        body: roleInput({ title }),
      });
    const results = await Promise.all([edit('受付スタッフA'), edit('受付スタッフB')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)?.json.title;
    const saved = await t.call('GET', `/api/roles/${id}`, { token: employer.token });
    expect(saved.json).toMatchObject({ title: winner, version: 2 });
  });

  it('is refused by the database itself when a write steps from a stale version', async () => {
    const created = await t.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
    const db = t.database.db;
    await db.updateTable('job_roles').set({ version: 2 }).where('id', '=', created.json.id).execute();
    await expect(
      db.updateTable('job_roles').set({ version: 2 }).where('id', '=', created.json.id).execute(),
    ).rejects.toThrow(/version_conflict/);
  });

  it('carries the version in the editor and marks the fields changed meanwhile', async () => {
    const created = await t.call('POST', '/api/roles', { token: employer.token, body: roleInput() });
    const path = `/employer/roles/${created.json.id}/edit`;
    const page = browserFor(t, employer.token);
    const fields = formFields((await page.get(path)).html, path);
    expect(fields.expectedVersion).toBe('1');

    await t.call('PUT', `/api/roles/${created.json.id}`, {
      token: employer.token,
      body: roleInput({ title: 'ほかの画面で変えた題名' }),
    });
    const refused = await page.post(path, {
      ...fields,
      description: 'わたしの説明です。午前だけの勤務です。',
    });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain(ja.errors.changedMeanwhile);
    expect(refused.html).toContain(ja.errors.changedMeanwhileField);
    // Her description stays in the form, now on top of version 2: saving again is her choice.
    const again = formFields(refused.html, path);
    expect(again.expectedVersion).toBe('2');
    expect(again.description).toBe('わたしの説明です。午前だけの勤務です。');
    const saved = await page.post(path, again);
    expect(saved.status).toBe(303);
    const role = await t.call('GET', `/api/roles/${created.json.id}`, { token: employer.token });
    expect(role.json).toMatchObject({ version: 3, description: 'わたしの説明です。午前だけの勤務です。' });
  });
});

describe('profile edits', () => {
  it('refuse a stale If-Match on the profile and on availability with 409 naming what differs', async () => {
    const mine = await t.call('GET', '/api/members/me', { token: member.token });
    const version = mine.json.version as number;
    expect(mine.headers.get('etag')).toBe(`"${version}"`);

    const changed = await t.call('PUT', '/api/members/me', {
      token: member.token,
      headers: { 'if-match': `"${version}"` },
      body: memberProfileInput({ targetAreas: [], givenName: '花子' }),
    });
    expect(changed.status).toBe(200);
    expect(changed.json.version).toBe(version + 1);

    const stale = await t.call('PUT', '/api/members/me', {
      token: member.token,
      headers: { 'if-match': `"${version}"` },
      body: memberProfileInput({ targetAreas: [], familyName: '鈴木' }),
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.familyName',
      'body.givenName',
    ]);

    const staleWeek = await t.call('PUT', '/api/members/me/availability', {
      token: member.token,
      headers: { 'if-match': `"${version}"` },
      body: { windows: [{ day: 'mon', start: '09:00', end: '12:00' }], maxHoursPerWeek: 10 },
    });
    expect(staleWeek.status).toBe(409);
    const week = await t.call('PUT', '/api/members/me/availability', {
      token: member.token,
      headers: { 'if-match': `"${version + 1}"` },
      body: { windows: [{ day: 'mon', start: '09:00', end: '12:00' }], maxHoursPerWeek: 10 },
    });
    expect(week.status).toBe(200);
    expect((await t.call('GET', '/api/members/me', { token: member.token })).json.version).toBe(version + 2);
  });

  it('carries the version in the profile form and refuses a save from an older one', async () => {
    const page = browserFor(t, member.token);
    const fields = formFields((await page.get('/me/profile')).html, '/me/profile');
    const current = (await t.call('GET', '/api/members/me', { token: member.token })).json.version;
    expect(fields.expectedVersion).toBe(String(current));
    await t.call('PUT', '/api/members/me', {
      token: member.token,
      body: memberProfileInput({ targetAreas: [], phone: '080-1111-2222' }),
    });
    const refused = await page.post('/me/profile', fields);
    expect(refused.status).toBe(409);
    expect(refused.html).toContain(ja.errors.changedMeanwhile);
    // The phone saved meanwhile is marked; saving again from the form's new version goes through.
    const again = formFields(refused.html, '/me/profile');
    expect(again.expectedVersion).toBe(String(current + 1));
    expect((await page.post('/me/profile', again)).status).toBe(303);
  });
});
