/**
 * A coordinator's work around a member: her support stage with history, consultation notes, a
 * match seen side by side with its score, verifying a role's facts — each written to the
 * append-only audit log that only an admin reads.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
let coordinator: Account;
let admin: Account;
let employer: Account;
let member: Account;
let roleId: string;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
  admin = await t.createStaff('admin');
  employer = await t.employerWithOrganisation({ coordinator });
  roleId = await t.publishRole(employer);
  member = await t.signUp('member');
  await t.call('PUT', '/api/members/me', {
    token: member.token,
    body: memberProfileInput({ availability: { ...memberProfileInput().availability, maxHoursPerWeek: 30 } }),
  });
});
afterAll(async () => t.close());

describe('coordination', () => {
  it('assigns her stage with a reason and keeps the history; her own saves keep it', async () => {
    const first = await t.call('PUT', `/api/members/${member.userId}/stage`, {
      token: coordinator.token,
      body: { stage: 2, reason: '短時間から始めたいとのこと' },
    });
    expect(first.status).toBe(200);
    const second = await t.call('PUT', `/api/members/${member.userId}/stage`, {
      token: coordinator.token,
      body: { stage: 3, reason: '週20時間で安定して働けている' },
    });
    expect(
      second.json.items.map((h: { stage: number; previousStage: number | null }) => [
        h.previousStage,
        h.stage,
      ]),
    ).toEqual([
      [2, 3],
      [null, 2],
    ]);
    await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
    expect((await t.call('GET', '/api/members/me', { token: member.token })).json.supportStage).toBe(3);
    const noReason = await t.call('PUT', `/api/members/${member.userId}/stage`, {
      token: coordinator.token,
      body: { stage: 4, reason: ' ' },
    });
    expect(noReason.status).toBe(422);
  });

  it('keeps consultation notes per member', async () => {
    const note = await t.call('POST', `/api/members/${member.userId}/notes`, {
      token: coordinator.token,
      body: {
        consultedOn: '2026-11-20',
        topic: '就労相談',
        body: '保育園の送迎時間を確認しました。',
        nextStep: '求人を3件紹介する',
      },
    });
    expect(note.status).toBe(201);
    const notes = await t.call('GET', `/api/members/${member.userId}/notes`, { token: coordinator.token });
    expect(notes.json.items).toEqual([
      expect.objectContaining({
        topic: '就労相談',
        nextStep: '求人を3件紹介する',
        authorId: coordinator.userId,
      }),
    ]);
    const unknown = await t.call('GET', '/api/members/00000000-0000-4000-8000-000000000000/notes', {
      token: coordinator.token,
    });
    expect(unknown.status).toBe(404);
  });

  it('shows a match with her profile, the role and the score side by side', async () => {
    const match = (await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token })).json;
    const detail = await t.call('GET', `/api/matches/${match.id}`, { token: coordinator.token });
    expect(detail.status).toBe(200);
    expect(detail.json.member.userId).toBe(member.userId);
    expect(detail.json.role.id).toBe(roleId);
    expect(detail.json.explanation.components.map((c: { side: string }) => c.side)).toContain('employer');
    expect(detail.json.events.map((e: { action: string }) => e.action)).toEqual(['express_interest']);
  });

  it('verifies a stated fact, and refuses one the employer never stated', async () => {
    const verified = await t.call('POST', `/api/roles/${roleId}/facts/sick_child_absence_ok/verification`, {
      token: coordinator.token,
    });
    expect(verified.json.facts.sick_child_absence_ok).toEqual({ available: true, verified: true });
    const unstated = await t.call('POST', `/api/roles/${roleId}/facts/onsite_nursery/verification`, {
      token: coordinator.token,
    });
    expect(unstated.status).toBe(404);
  });

  it('writes every change to an append-only audit log that an admin reads', async () => {
    const log = await t.call('GET', `/api/audit?subjectId=${member.userId}`, { token: admin.token });
    expect(log.json.items.map((e: { action: string }) => e.action)).toEqual([
      'add_note',
      'set_stage',
      'set_stage',
    ]);
    const roleLog = await t.call('GET', `/api/audit?subjectType=role&subjectId=${roleId}`, {
      token: admin.token,
    });
    expect(roleLog.json.items).toEqual([
      expect.objectContaining({
        action: 'verify_fact',
        detail: 'sick_child_absence_ok',
        actorId: coordinator.userId,
      }),
    ]);
    expect((await t.call('GET', '/api/audit', { token: coordinator.token })).status).toBe(403);
    await expect(sql`UPDATE audit_log SET action = 'nothing'`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });
});
