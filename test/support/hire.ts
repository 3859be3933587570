/**
 * A member hired through the whole workflow (interest, approval, 採用), for the tests of what
 * follows a hire.
 */
import { type Account, memberProfileInput, type TestApp } from './test-app.ts';

export interface Hire {
  member: Account;
  employer: Account;
  coordinator: Account;
  matchId: string;
  roleId: string;
}

/** Hires a new member (with the given profile changes) at a role of a new (or given) employer. */
export async function hireMember(
  t: TestApp,
  options: { coordinator?: Account; employer?: Account; profile?: Record<string, unknown> } = {},
): Promise<Hire> {
  const coordinator = options.coordinator ?? (await t.createStaff('coordinator'));
  const employer = options.employer ?? (await t.employerWithOrganisation({ coordinator }));
  const roleId = await t.publishRole(employer);
  const member = await t.signUp('member');
  const profile = await t.call('PUT', '/api/members/me', {
    token: member.token,
    body: memberProfileInput(options.profile),
  });
  if (profile.status !== 200) throw new Error(`profile failed: ${profile.status} ${profile.text}`);
  const match = await t.call('POST', `/api/jobs/${roleId}/interest`, { token: member.token });
  const steps: [Account, string, unknown][] = [
    [
      coordinator,
      `/api/matches/${match.json.id}/decision`,
      { decision: 'approve', reason: '条件が合っています', expectedVersion: 1 },
    ],
    [employer, `/api/introductions/${match.json.id}/outcome`, { outcome: 'hired', expectedVersion: 2 }],
  ];
  for (const [who, path, body] of steps) {
    const res = await t.call('POST', path, { token: who.token, body });
    if (res.status !== 200) throw new Error(`${path} failed: ${res.status} ${res.text}`);
  }
  return { member, employer, coordinator, matchId: match.json.id, roleId };
}

/** A clock a test moves by hand. */
export function handClock(start = '2026-11-23T01:00:00Z') {
  return {
    at: new Date(start),
    now() {
      return new Date(this.at);
    },
    advanceDays(days: number) {
      this.at = new Date(this.at.getTime() + days * 86_400_000);
    },
  };
}
