/**
 * Sensitive personal data: only with her consent, never in her profile or anywhere an employer
 * can read, readable by coordinators with every read audited, and gone when she withdraws.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
let member: Account;
let coordinator: Account;
let admin: Account;
let employer: Account;
const SECRET = '元夫からの連絡を避けたい事情があります';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
  admin = await t.createStaff('admin');
  employer = await t.employerWithOrganisation({ coordinator });
  member = await t.signUp('member');
  await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
});
afterAll(async () => t.close());

describe('sensitive information', () => {
  it('is refused without explicit consent, and nothing is stored', async () => {
    const res = await t.call('PUT', '/api/members/me/sensitive', {
      token: member.token,
      body: { consent: false, familySituation: SECRET, dvSupportNeeded: true },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.issues[0].path).toBe('body.consent');
    expect(await t.database.db.selectFrom('member_sensitive').selectAll().execute()).toEqual([]);
  });

  it('is hers to share and read, never part of her profile', async () => {
    const shared = await t.call('PUT', '/api/members/me/sensitive', {
      token: member.token,
      body: { consent: true, familySituation: SECRET, dvSupportNeeded: true, dvNotes: '連絡先は非公開に' },
    });
    expect(shared.status).toBe(200);
    expect(
      (await t.call('GET', '/api/members/me/sensitive', { token: member.token })).json.familySituation,
    ).toBe(SECRET);
    expect((await t.call('GET', '/api/members/me', { token: member.token })).text).not.toContain(SECRET);
    expect(
      (await t.call('GET', `/api/members/${member.userId}`, { token: coordinator.token })).text,
    ).not.toContain(SECRET);
  });

  it('is read by coordinators with every read audited, and never by employers', async () => {
    const read = await t.call('GET', `/api/members/${member.userId}/sensitive`, { token: coordinator.token });
    expect(read.json.dvSupportNeeded).toBe(true);
    const audit = await t.call('GET', `/api/audit?subjectId=${member.userId}`, { token: admin.token });
    expect(audit.json.items).toEqual([
      expect.objectContaining({ action: 'read_sensitive', actorId: coordinator.userId }),
    ]);
    for (const path of ['/api/members/me/sensitive', `/api/members/${member.userId}/sensitive`]) {
      const res = await t.call('GET', path, { token: employer.token });
      expect(res.status).toBe(403);
      expect(res.text).not.toContain(SECRET);
    }
  });

  it('is deleted when she withdraws her consent', async () => {
    expect((await t.call('DELETE', '/api/members/me/sensitive', { token: member.token })).status).toBe(204);
    expect((await t.call('GET', '/api/members/me/sensitive', { token: member.token })).status).toBe(404);
    expect(await t.database.db.selectFrom('member_sensitive').selectAll().execute()).toEqual([]);
  });
});
