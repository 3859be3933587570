/**
 * Demo proposals: runs the suggestion job over the seeded members, then lets a share of them say
 * "I'd like to hear more" through the same service the API uses, so a coordinator signing in to
 * the demo finds a queue to work — including the demo member's interest in one of the demo
 * employer's roles, so that walk-through works end to end. Which suggestions turn into interest
 * depends only on (member, role), never on random ids.
 */

import type { Database } from '../src/db/database.ts';
import type { Services } from '../src/services.ts';
import { DEMO_ACCOUNTS } from './demo.ts';

/** Every `every`-th suggestion (in id order) becomes the member's interest. */
export async function seedProposals(database: Database, services: Services, every = 2) {
  const { suggested } = await services.suggestions.run();
  const rows = await database.db
    .selectFrom('matches')
    .innerJoin('users', 'users.id', 'matches.member_id')
    .select(['matches.id', 'matches.role_id', 'users.id as user_id', 'users.email', 'users.display_name'])
    .where('matches.state', '=', 'suggested')
    .orderBy('matches.member_id')
    .orderBy('matches.role_id')
    .execute();
  let interested = 0;
  for (const [index, row] of rows.entries()) {
    if (index % every !== 0) continue;
    const actor = {
      userId: row.user_id,
      role: 'member' as const,
      displayName: row.display_name,
      email: row.email,
      organisationId: null,
      emailVerified: true,
    };
    await services.matches.expressInterest(actor, row.role_id);
    interested += 1;
  }
  interested += await demoMemberInterest(database, services);
  return { suggested, interested };
}

/** The demo member says she would like to hear more about the demo employer's best role for her. */
async function demoMemberInterest(database: Database, services: Services): Promise<number> {
  const email = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)?.email ?? '';
  const [member, employer] = await Promise.all(
    [email('member'), email('employer')].map((address) =>
      database.db.selectFrom('users').selectAll().where('email', '=', address).executeTakeFirst(),
    ),
  );
  if (!member || !employer?.organisation_id) return 0;
  const actor = {
    userId: member.id,
    role: 'member' as const,
    displayName: member.display_name,
    email: member.email,
    organisationId: null,
    emailVerified: true,
  };
  const profile = await services.members.findMine(actor);
  if (!profile) return 0;
  const best = (
    await services.jobs.strongestFor({ ...profile, supportStage: profile.supportStage ?? 3 }, 50)
  ).find((m) => m.organisationId === employer.organisation_id);
  const fallback = await database.db
    .selectFrom('job_roles')
    .select('id')
    .where('organisation_id', '=', employer.organisation_id)
    .where('status', '=', 'published')
    .orderBy('id')
    .executeTakeFirst();
  const roleId = best?.roleId ?? fallback?.id;
  if (!roleId) return 0;
  const existing = await database.db
    .selectFrom('matches')
    .select('state')
    .where('member_id', '=', member.id)
    .where('role_id', '=', roleId)
    .executeTakeFirst();
  if (existing?.state === 'interested') return 0;
  await services.matches.expressInterest(actor, roleId);
  return 1;
}
