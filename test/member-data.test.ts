/**
 * Her data as hers: the export holds everything kept about her (and only hers), and deleting her
 * account — after her password, once more — removes all of it, leaving the audit log a line that
 * an account was deleted. A wrong password deletes nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_ATTEMPTS_ALLOWED } from '../src/features/auth/auth.service.ts';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  TEST_PASSWORD,
  type TestApp,
} from './support/test-app.ts';

let t: TestApp;
let coordinator: Account;
let employer: Account;
let roleId: string;

/** A member with a profile, shared sensitive information, notes, a stage and an approved introduction. */
async function memberWithHistory() {
  const her = await t.signUp('member');
  await t.call('PUT', '/api/members/me', { token: her.token, body: memberProfileInput() });
  await t.call('PUT', '/api/members/me/sensitive', {
    token: her.token,
    body: { consent: true, familySituation: '子ども2人と3人暮らし', dvSupportNeeded: false },
  });
  await t.call('PUT', `/api/members/${her.userId}/stage`, {
    token: coordinator.token,
    body: { stage: 3, reason: '週20時間で働けている' },
  });
  await t.call('POST', `/api/members/${her.userId}/notes`, {
    token: coordinator.token,
    body: { consultedOn: '2026-11-20', topic: '就労相談', body: '事務の仕事を希望' },
  });
  const match = (await t.call('POST', `/api/jobs/${roleId}/interest`, { token: her.token })).json;
  await t.call('POST', `/api/matches/${match.id}/decision`, {
    token: coordinator.token,
    body: { decision: 'approve', reason: '平日日中が合っています', expectedVersion: match.version },
  });
  return { her, matchId: match.id as string };
}

/** Rows anywhere that still belong to her. */
async function rowsOf(userId: string) {
  const count = async (table: string, column: string) => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${userId}
    `.execute(t.database.db);
    return Number(rows[0]?.n);
  };
  return {
    users: await count('users', 'id'),
    members: await count('members', 'user_id'),
    matches: await count('matches', 'member_id'),
    notifications: await count('notifications', 'user_id'),
    sessions: await count('sessions', 'user_id'),
    sensitive: await count('member_sensitive', 'member_id'),
    notes: await count('consultation_notes', 'member_id'),
    stages: await count('member_stage_history', 'member_id'),
    windows: await count('member_windows', 'member_id'),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
  employer = await t.employerWithOrganisation({ coordinator });
  roleId = await t.publishRole(employer);
});
afterAll(async () => t.close());

describe('her data', () => {
  it('exports everything kept about her as a download, and nobody else’s', async () => {
    const { her, matchId } = await memberWithHistory();
    await memberWithHistory(); // someone else's history must not appear
    const res = await t.call('GET', '/api/members/me/export', { token: her.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="yorisoi-data-\d{4}-\d\d-\d\d\.json"$/,
    );
    const data = res.json;
    expect(data.profile.familyName).toBe(memberProfileInput().familyName);
    expect(data.matches.map((m: { id: string }) => m.id)).toEqual([matchId]);
    expect(data.notifications.map((n: { title: string }) => n.title)).toEqual(['ご紹介が決まりました']);
    expect(data.supportStageHistory.map((s: { stage: number }) => s.stage)).toEqual([3]);
    expect(data.consultationNotes.map((n: { body: string }) => n.body)).toEqual(['事務の仕事を希望']);
    expect(data.sensitive.familySituation).toBe('子ども2人と3人暮らし');

    expect((await t.call('GET', '/api/members/me/export', { token: employer.token })).status).toBe(403);
  });

  it('keeps everything when the password is wrong', async () => {
    const { her } = await memberWithHistory();
    const before = await t.rowCounts();
    const refused = await t.call('POST', '/api/members/me/deletion', {
      token: her.token,
      body: { password: 'not the password' },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.issues.map((i: { path: string }) => i.path)).toEqual(['body.password']);
    expect(await t.rowCounts()).toEqual(before);
  });

  it('shares sign-in’s allowance, so her unlocked phone cannot be used to guess her password', async () => {
    const { her } = await memberWithHistory();
    const attempt = (password: string) =>
      t.call('POST', '/api/members/me/deletion', { token: her.token, body: { password } });
    for (let i = 0; i < SIGN_IN_ATTEMPTS_ALLOWED; i++) expect((await attempt('a guess')).status).toBe(422);
    const refused = await attempt(TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toEqual(expect.any(String));
    expect((await t.call('GET', '/api/auth/me', { token: her.token })).status).toBe(200);
  }, 60_000);

  it('deletes her account and everything kept about her, and records only that it happened', async () => {
    const { her, matchId } = await memberWithHistory();
    expect(Object.values(await rowsOf(her.userId)).every((n) => n > 0)).toBe(true);
    const introduced = await t.call('GET', '/api/introductions', { token: employer.token });
    expect(introduced.json.items.map((i: { id: string }) => i.id)).toContain(matchId);

    const deleted = await t.call('POST', '/api/members/me/deletion', {
      token: her.token,
      body: { password: TEST_PASSWORD },
    });
    expect(deleted.status).toBe(204);
    expect(Object.values(await rowsOf(her.userId)).every((n) => n === 0)).toBe(true);
    const events = await t.database.db
      .selectFrom('match_events')
      .select('id')
      .where('match_id', '=', matchId)
      .execute();
    expect(events).toEqual([]);
    expect((await t.call('GET', '/api/auth/me', { token: her.token })).status).toBe(401);

    const introductions = await t.call('GET', '/api/introductions', { token: employer.token });
    expect(introductions.json.items.map((i: { id: string }) => i.id)).not.toContain(matchId);
    const audit = await t.call('GET', `/api/audit?subjectId=${her.userId}`, {
      token: (await t.createStaff('admin')).token,
    });
    expect(audit.json.items.map((a: { action: string }) => a.action)).toContain('account_deleted');
  });
});
