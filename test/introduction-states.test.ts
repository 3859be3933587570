/**
 * Which match states are an introduction is one rule (`INTRODUCED`, read from the lifecycle
 * table): a match in every state at once, and the employer's list, the counts on her roles and the
 * coordinators' outcomes export must all take exactly the introduced ones — so a second copy of
 * the list that starts to disagree fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTRODUCED, MATCH_STATES, type MatchState } from '../src/features/matches/match-lifecycle.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

/** Written out apart from the lifecycle table: the states in which the employer sees her. */
const INTRODUCED_BY_HAND: MatchState[] = ['approved', 'interviewing', 'hired', 'not_hired'];

let t: TestApp;
let coordinator: Account;
let employer: Account;
/** One match per state, by state. */
const matchIn = new Map<MatchState, string>();

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
  employer = await t.employerWithOrganisation({ coordinator });
  const roleId = await t.publishRole(employer);
  for (const state of MATCH_STATES) {
    const member = await t.signUp('member');
    await t.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
    const match = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token });
    if (match.status !== 201 && match.status !== 200) throw new Error(`interest failed: ${match.text}`);
    // Straight to the state: this test is about who sees which state, not how it is reached.
    await t.database.atomic([
      t.database.db.updateTable('matches').set({ state }).where('id', '=', match.json.id),
    ]);
    matchIn.set(state, match.json.id);
  }
});
afterAll(async () => t.close());

describe('introduced states', () => {
  it('are the approval and the outcomes after it, read from the lifecycle table', () => {
    expect(INTRODUCED).toEqual(INTRODUCED_BY_HAND);
  });

  it('are the same for the employer’s introductions, her roles’ counts and the outcomes export', async () => {
    const expected = INTRODUCED_BY_HAND.map((s) => matchIn.get(s)).sort();

    const introductions = await t.call('GET', '/api/introductions', { token: employer.token });
    expect(introductions.status).toBe(200);
    expect(introductions.json.items.map((i: { id: string }) => i.id).sort()).toEqual(expected);

    const actor = (await t.call('GET', '/api/auth/me', { token: employer.token })).json;
    const counts = [...(await t.services.matches.interestCounts(actor)).values()];
    expect(counts).toEqual([{ waiting: 2, introduced: expected.length }]);

    const outcomes = await t.call('GET', '/api/exports/outcomes.csv', { token: coordinator.token });
    expect(outcomes.status).toBe(200);
    const exported = [...matchIn.values()].filter((id) => outcomes.text.includes(`"${id}"`)).sort();
    expect(exported).toEqual(expected);
  });
});
