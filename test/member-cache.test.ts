/**
 * The cache of prepared member profiles, through the API on real SQLite: every call after a warm
 * one must see a profile edit, an availability change, a support stage change and a block or an
 * unblock at once, and one member's cached profile never answers for another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureName, publishFixtures } from './support/job-fixtures.ts';
import { type Account, createTestApp, memberProfileInput, type TestApp } from './support/test-app.ts';
import { browserFor } from './support/web.ts';

let t: TestApp;
let coordinator: Account;
let employer: Account;
let ids: Record<FixtureName, string>;

interface Candidate {
  member: { userId: string; givenName: string; supportStage: number | null; commute: { maxMinutes: number } };
  match?: unknown;
  infeasible?: { violations: { code: string }[] };
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.createStaff('coordinator');
  employer = await t.employerWithOrganisation({ coordinator });
  ids = await publishFixtures(t, employer);
});
afterAll(async () => t.close());

/** Lives in 港北区, free weekdays 8:30–16:30, office skills: the office role fits her. */
function officeProfile(overrides: Record<string, unknown> = {}) {
  return memberProfileInput({
    skills: [
      { tag: 'pc_basic', level: 2 },
      { tag: 'excel', level: 2 },
      { tag: 'phone_reception', level: 2 },
    ],
    qualifications: ['driver_license'],
    employmentTypes: [],
    targetAreas: [],
    availability: { ...memberProfileInput().availability, maxHoursPerWeek: 30 },
    ...overrides,
  });
}

/** A member the office role fits, assessed at `stage` when given. */
async function newMember(givenName: string, stage?: number): Promise<Account> {
  const member = await t.signUp('member');
  await saveProfile(member, { givenName });
  if (stage !== undefined) await setStage(member, stage);
  return member;
}

async function setStage(member: Account, stage: number) {
  const res = await t.call('PUT', `/api/members/${member.userId}/stage`, {
    token: coordinator.token,
    body: { stage, reason: '面談で確認' },
  });
  if (res.status !== 200) throw new Error(res.text);
}

/** Her entry among the office role's candidates (feasible or not), or undefined when absent. */
async function candidate(member: Account): Promise<Candidate | undefined> {
  const res = await t.call('GET', `/api/roles/${ids.office}/candidates?includeInfeasible=true&limit=50`, {
    token: coordinator.token,
  });
  expect(res.status).toBe(200);
  return (res.json.items as Candidate[]).find((i) => i.member.userId === member.userId);
}

async function recommended(member: Account): Promise<string[]> {
  const res = await t.call('GET', '/api/members/me/recommendations?limit=50', { token: member.token });
  expect(res.status).toBe(200);
  return res.json.items.map((i: { role: { id: string } }) => i.role.id);
}

async function saveProfile(member: Account, overrides: Record<string, unknown>) {
  const saved = await t.call('PUT', '/api/members/me', {
    token: member.token,
    body: officeProfile(overrides),
  });
  if (saved.status !== 200) throw new Error(saved.text);
}

describe('cached member profiles stay current', () => {
  it('a profile edit shows in the next candidates call and her next recommendations', async () => {
    const member = await newMember('美咲', 3);
    expect((await candidate(member))?.member.commute.maxMinutes).toBe(30);
    expect(await recommended(member)).toContain(ids.office);

    await saveProfile(member, { givenName: '美香', commute: { maxMinutes: 45, mode: 'transit' } });
    const edited = await candidate(member);
    expect(edited?.member.givenName).toBe('美香');
    expect(edited?.member.commute.maxMinutes).toBe(45);

    // Free only on Sundays now: the weekday office role no longer fits her week.
    const week = await t.call('PUT', '/api/members/me/availability', {
      token: member.token,
      body: { windows: [{ day: 'sun', start: '09:00', end: '15:00' }], maxHoursPerWeek: 25 },
    });
    expect(week.status).toBe(200);
    expect(await recommended(member)).not.toContain(ids.office);
    expect((await candidate(member))?.match).toBeUndefined();
  });

  it('a support stage change shows in the next candidates call', async () => {
    const member = await newMember('彩');
    const unassessed = await candidate(member);
    expect(unassessed?.member.supportStage).toBeNull();
    expect(unassessed?.infeasible?.violations.map((v) => v.code)).toContain('stage_not_assessed');

    await setStage(member, 3);
    const ready = await candidate(member);
    expect(ready?.member.supportStage).toBe(3);
    expect(ready?.match).toBeDefined();

    await setStage(member, 1);
    const back = await candidate(member);
    expect(back?.member.supportStage).toBe(1);
    expect(back?.match).toBeUndefined();
  });

  it('a block takes her out of the employer’s candidates and its roles out of hers at once, and an unblock brings both back', async () => {
    const member = await newMember('優子', 3);
    expect(await candidate(member)).toBeDefined();
    expect(await recommended(member)).toContain(ids.office);

    const blocked = { hideMunicipality: false, blockedOrganisationIds: [employer.organisationId] };
    await saveProfile(member, { givenName: '優子', privacy: blocked });
    expect(await candidate(member)).toBeUndefined();
    expect(await recommended(member)).not.toContain(ids.office);

    await saveProfile(member, { givenName: '優子' });
    expect(await candidate(member)).toBeDefined();
    expect(await recommended(member)).toContain(ids.office);
  });

  it('each member’s home page greets her, not a member cached before her', async () => {
    const first = await newMember('千尋', 3);
    const second = await newMember('遥', 3);
    for (let round = 0; round < 2; round++) {
      const home1 = await browserFor(t, first.token).get('/home');
      const home2 = await browserFor(t, second.token).get('/home');
      expect(home1.html).toContain('千尋');
      expect(home1.html).not.toContain('遥');
      expect(home2.html).toContain('遥');
      expect(home2.html).not.toContain('千尋');
    }
    await saveProfile(second, { givenName: '遥香' });
    expect((await browserFor(t, second.token).get('/home')).html).toContain('遥香');
  });
});
