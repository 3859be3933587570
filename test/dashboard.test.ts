/**
 * The dashboard's figures follow the matches, and the CSV exports open in Excel in Japanese:
 * UTF-8 with BOM, CRLF, every field quoted.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionSpans, median } from '../src/features/dashboard/dashboard.service.ts';
import {
  type Account,
  createTestApp,
  memberProfileInput,
  roleInput,
  type TestApp,
} from './support/test-app.ts';

let t: TestApp;
let coordinator: Account;
let employer: Account;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
  employer = await t.employerWithOrganisation({ coordinator });
  const roleId = await t.publishRole(employer, roleInput({ title: '介護スタッフ, "日勤"のみ' }));
  for (const [stage, decision] of [
    [2, 'approve'],
    [3, 'reject'],
    [3, null],
  ] as const) {
    const member = await t.signUp('member');
    await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
    await t.database.atomic([
      t.database.db.updateTable('members').set({ support_stage: stage }).where('user_id', '=', member.userId),
    ]);
    const match = (await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token })).json;
    if (decision === 'approve') {
      await t.call('POST', `/api/matches/${match.id}/decision`, {
        token: coordinator.token,
        body: { decision: 'approve', reason: '条件が合っています', expectedVersion: 1 },
      });
      await t.call('POST', `/api/introductions/${match.id}/outcome`, {
        token: employer.token,
        body: { outcome: 'hired', expectedVersion: 2 },
      });
    }
    if (decision === 'reject') {
      await t.call('POST', `/api/matches/${match.id}/decision`, {
        token: coordinator.token,
        body: { decision: 'reject', reasonCode: 'other', reason: '別の求人をご案内', expectedVersion: 1 },
      });
    }
  }
});
afterAll(async () => t.close());

describe('decision spans', () => {
  it('puts each decision in the first span that holds it, boundaries included', () => {
    expect(decisionSpans([0.5, 24, 24.1, 72, 200, 336, 1000]).map((s) => s.decisions)).toEqual([
      2, 2, 0, 2, 1,
    ]);
  });
});

describe('dashboard', () => {
  it('counts matches by state, stage and prefecture, and introductions and hires per month', async () => {
    const res = await t.call('GET', '/api/dashboard', { token: coordinator.token });
    expect(res.status).toBe(200);
    expect(res.json.byState).toEqual({ hired: 1, rejected: 1, interested: 1 });
    expect(res.json.byStage).toEqual([
      { stage: 2, matches: 1 },
      { stage: 3, matches: 2 },
    ]);
    expect(res.json.byPrefecture).toEqual([{ prefCode: '14', prefecture: '神奈川県', matches: 3 }]);
    expect(res.json.medianHoursToDecision).toBeGreaterThanOrEqual(0);
    // Two decisions (one approval, one rejection), both taken within the test run.
    expect(res.json.decisionTimes).toEqual([
      { span: 'within_1_day', decisions: 2 },
      { span: 'within_3_days', decisions: 0 },
      { span: 'within_7_days', decisions: 0 },
      { span: 'within_14_days', decisions: 0 },
      { span: 'longer', decisions: 0 },
    ]);
    const month = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 7);
    expect(res.json.perMonth).toEqual([{ month, introductions: 1, hires: 1 }]);
  });

  it('exports the queue and the outcomes as CSV Excel reads', async () => {
    const queue = await t.app.request('/api/exports/queue.csv', {
      headers: { authorization: `Bearer ${coordinator.token}` },
    });
    expect(queue.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await queue.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('"マッチID","状態","希望日時","氏名","支援段階","都道府県","求人","事業者"');
    expect(lines).toHaveLength(3); // header, one waiting match, trailing empty after the last CRLF
    expect(lines[1]).toContain('"介護スタッフ, ""日勤""のみ"');

    const outcomes = await t.call('GET', '/api/exports/outcomes.csv', { token: coordinator.token });
    expect(outcomes.text).toContain('"採用"');
    expect((await t.call('GET', '/api/exports/outcomes.csv', { token: employer.token })).status).toBe(403);
  });

  it('takes the median of an even and an odd count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe('formulas in exported fields (runs last: it adds a match)', () => {
  it('neutralises a formula in a member’s name, a role title and a reason in both exports', async () => {
    const roleId = await t.publishRole(employer, roleInput({ title: "=1+2+cmd|' /C calc'!A0" }));
    const member = await t.signUp('member');
    await t.call('PUT', '/api/members/me', {
      token: member.token,
      body: memberProfileInput({ familyName: '=HYPERLINK("http://evil.example","x")', givenName: '@SUM(1)' }),
    });
    const match = (await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token })).json;
    const queue = await t.call('GET', '/api/exports/queue.csv', { token: coordinator.token });
    await t.call('POST', `/api/matches/${match.id}/decision`, {
      token: coordinator.token,
      body: { decision: 'approve', reason: '-1+1 条件が合っています', expectedVersion: 1 },
    });
    const outcomes = await t.call('GET', '/api/exports/outcomes.csv', { token: coordinator.token });
    for (const csv of [queue.text, outcomes.text]) {
      expect(csv).toContain('=1+2+cmd');
      // Every field opens with a quote; none may go on with a character that starts a formula.
      expect(csv).not.toMatch(/(^|,|\r\n|\uFEFF)"[=+\-@\t\r]/);
    }
    expect(queue.text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"") @SUM(1)"`);
    expect(outcomes.text).toContain(`"'-1+1 条件が合っています"`);
  });
});
