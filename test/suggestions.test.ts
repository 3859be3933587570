/**
 * The suggestion job: proposes each ready member's strongest feasible roles, never to stage 1 or
 * unassessed members, never an employer she blocked, never again what she dismissed or withdrew,
 * within each role's quota — and running it twice changes nothing.
 */
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SUGGEST_MEMBERS_PER_RUN } from '../src/adapter/worker/env.ts';
import { transactionalDatabase } from '../src/db/database.ts';
import { createSuggestionJob, DEFAULT_SUGGESTIONS } from '../src/features/matches/suggestions.ts';
import { createServices } from '../src/services.ts';
import { publishFixtures } from './support/job-fixtures.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';

let t: TestApp;
let employer: Account;

async function member(stage: number | null, overrides: Record<string, unknown> = {}) {
  const account = await t.signUp('member');
  await t.call('PUT', '/api/members/me', {
    token: account.token,
    body: memberProfileInput({
      skills: [
        { tag: 'pc_basic', level: 2 },
        { tag: 'phone_reception', level: 2 },
      ],
      qualifications: [],
      employmentTypes: [],
      targetAreas: [],
      availability: { ...memberProfileInput().availability, maxHoursPerWeek: 30 },
      ...overrides,
    }),
  });
  await t.database.atomic([
    t.database.db.updateTable('members').set({ support_stage: stage }).where('user_id', '=', account.userId),
  ]);
  return account;
}

async function suggestionsOf(account: Account) {
  const mine = await t.call('GET', '/api/members/me/matches', { token: account.token });
  return mine.json.items.filter((m: { state: string }) => m.state === 'suggested');
}

beforeAll(async () => {
  t = await createTestApp({ search: true });
  employer = await t.employerWithOrganisation({ organisation: { name: '株式会社みなと総合サービス' } });
  await publishFixtures(t, employer);
  await t.syncSearch();
});
afterAll(async () => t.close());

describe('suggestion job', () => {
  it('proposes strong feasible roles to ready members only, and is idempotent', async () => {
    const ready = await member(3);
    const stabilising = await member(1);
    const unassessed = await member(null);
    const job = jobFor(t);
    const first = await job.run();
    expect(first.suggested).toBeGreaterThan(0);
    const suggested = await suggestionsOf(ready);
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.length).toBeLessThanOrEqual(DEFAULT_SUGGESTIONS.perMember);
    expect(await suggestionsOf(stabilising)).toEqual([]);
    expect(await suggestionsOf(unassessed)).toEqual([]);

    const countBefore = await t.database.db.selectFrom('matches').selectAll().execute();
    const second = await job.run();
    expect(second.suggested).toBe(0);
    expect(await t.database.db.selectFrom('matches').selectAll().execute()).toEqual(countBefore);
  });

  it('never proposes again what she dismissed, and lets her turn a suggestion into interest', async () => {
    const account = await member(2);
    await jobFor(t).run();
    const [first, second] = await suggestionsOf(account);
    expect(first).toBeDefined();
    const dismissed = await t.call('POST', `/api/matches/${first.id}/dismiss`, { token: account.token });
    expect(dismissed.json.state).toBe('dismissed');
    if (second) {
      const interested = await t.call('POST', `/api/jobs/${second.roleId}/interest`, {
        token: account.token,
      });
      expect(interested.json).toMatchObject({ id: second.id, state: 'interested' });
    }
    await jobFor(t).run();
    const states = (await t.call('GET', '/api/members/me/matches', { token: account.token })).json.items;
    expect(
      states
        .filter((m: { roleId: string }) => m.roleId === first.roleId)
        .map((m: { state: string }) => m.state),
    ).toEqual(['dismissed']);
  });

  it('keeps at most her share of unanswered suggestions, so a second run adds nothing', async () => {
    const account = await member(3);
    const share = { ...DEFAULT_SUGGESTIONS, perMember: 1, minScore: 0 };
    await jobFor(t, share).run();
    expect(await suggestionsOf(account)).toHaveLength(1);
    const again = await jobFor(t, share).run();
    expect(again.suggested).toBe(0);
    expect(await suggestionsOf(account)).toHaveLength(1);
  });

  it('never proposes an employer she blocked', async () => {
    const account = await member(3, {
      privacy: { hideMunicipality: false, blockedOrganisationIds: [employer.organisationId] },
    });
    await jobFor(t).run();
    expect(await suggestionsOf(account)).toEqual([]);
  });

  it('keeps each role under its quota of open matches', async () => {
    await Promise.all([member(3), member(3), member(3)]);
    const job = jobFor(t, { ...DEFAULT_SUGGESTIONS, roleQuota: 1, minScore: 0 });
    await t.database.atomic([t.database.db.deleteFrom('matches')]);
    await job.run();
    const perRole = await t.database.db
      .selectFrom('matches')
      .select(['role_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('role_id')
      .execute();
    expect(perRole.length).toBeGreaterThan(0);
    expect(perRole.every((r) => Number(r.n) <= 1)).toBe(true);
  });
});

describe('suggestion job in slices (a Worker cron run)', () => {
  it('covers every ready member once per pass, carrying on where the last slice stopped', async () => {
    await Promise.all([member(3), member(2), member(4)]);
    const ready = await t.database.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('support_stage', '>=', 2)
      .executeTakeFirstOrThrow();
    const job = jobFor(t);
    const slices = [];
    do slices.push(await job.runSlice(2));
    while (slices.at(-1)?.resumeAfter !== null && slices.length < 100);
    expect(slices.every((s) => s.members <= 2)).toBe(true);
    expect(slices.reduce((sum, s) => sum + s.members, 0)).toBe(Number(ready.n));
    // The next slice starts a new pass from the first member.
    const again = await job.runSlice(2);
    expect(again.members).toBe(Math.min(2, Number(ready.n)));
  });

  it('stays inside D1’s 1,000 queries per invocation at the largest slice, even if every member gets her full share', async () => {
    await t.database.atomic([t.database.db.deleteFrom('matches')]);
    const count = { reads: 0, writes: 0 };
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        count[args.node.kind === 'SelectQueryNode' ? 'reads' : 'writes'] += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const deps = { ...t.deps, database: transactionalDatabase(t.database.db.withPlugin(counting)) };
    const options = { ...DEFAULT_SUGGESTIONS, minScore: 0 };
    const slice = await createSuggestionJob(deps, createServices(deps), options).runSlice(
      MAX_SUGGEST_MEMBERS_PER_RUN,
    );
    expect(slice.members).toBeGreaterThan(3);
    expect(slice.suggested).toBeGreaterThan(0);
    // The worst member: her reads, plus the writes of a full share of new suggestions.
    const worstMember = count.reads / slice.members + (count.writes / slice.suggested) * options.perMember;
    expect(worstMember * MAX_SUGGEST_MEMBERS_PER_RUN).toBeLessThan(1000);
  });
});

/** The job as the service runs it, over the test app's own database and index. */
function jobFor(app: TestApp, options = DEFAULT_SUGGESTIONS) {
  return createSuggestionJob(app.deps, app.services, options);
}
