/**
 * Demo of what follows a hire: a few members hired at different times in the past (so their
 * check-ins are at different points: none due yet, one open, one gone unanswered, some answered —
 * one of them low, one asking to talk — and one separation), and one running mentoring cohort with
 * three pairs, the demo member among the mentees, some sessions recorded and one missed. Everything
 * goes through the same services as the API, each with a clock set to when it happened.
 */
import { type AppDeps, systemClock } from '../src/deps.ts';
import type { Actor } from '../src/features/auth/actor.ts';
import { japanDate } from '../src/features/shared/japan-time.ts';
import { createServices } from '../src/services.ts';
import { DEMO_ACCOUNTS } from './demo.ts';

const DAY = 86_400_000;

/** Days ago each demo hire happened, and what she answered at each check-in that fell due. */
const HIRES: {
  daysAgo: number;
  answers: ({ wellbeing: number; wantsContact: boolean; comment?: string } | null)[];
  separatedAfterDays?: number;
}[] = [
  { daysAgo: 4, answers: [] },
  { daysAgo: 16, answers: [] },
  { daysAgo: 24, answers: [null] },
  { daysAgo: 36, answers: [{ wellbeing: 4, wantsContact: false, comment: '職場のみなさんが親切です' }] },
  {
    daysAgo: 66,
    answers: [
      { wellbeing: 4, wantsContact: false },
      { wellbeing: 2, wantsContact: true, comment: '子どもの発熱で休みが続き、気まずいです' },
    ],
  },
  {
    daysAgo: 100,
    answers: [
      { wellbeing: 5, wantsContact: false },
      { wellbeing: 4, wantsContact: false },
      { wellbeing: 3, wantsContact: false },
    ],
  },
  { daysAgo: 80, answers: [{ wellbeing: 3, wantsContact: false }], separatedAfterDays: 45 },
];

function actorOf(user: {
  id: string;
  role: string;
  display_name: string;
  email: string;
  organisation_id: string | null;
}): Actor {
  return {
    userId: user.id,
    role: user.role as Actor['role'],
    displayName: user.display_name,
    email: user.email,
    organisationId: user.organisation_id,
    // Demo accounts are made verified (seed/demo.ts).
    emailVerified: true,
  };
}

/** Loads the after-hire demo; returns how many hires and pairs it made. */
export async function seedAfterHire(deps: Omit<AppDeps, 'clock'>, now = systemClock.now()) {
  const { database } = deps;
  const { db } = database;
  const at = (date: Date) => createServices({ ...deps, clock: { now: () => date } });
  const coordinatorUser = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', DEMO_ACCOUNTS.find((a) => a.role === 'coordinator')?.email ?? '')
    .executeTakeFirst();
  if (!coordinatorUser) return { hires: 0, pairs: 0 };
  const coordinator = actorOf(coordinatorUser);
  const demoMember = DEMO_ACCOUNTS.find((a) => a.role === 'member')?.email ?? '';

  // Interested matches of employers who have an account, one per member, the demo member left out.
  const candidates = await db
    .selectFrom('matches')
    .innerJoin('users as member', 'member.id', 'matches.member_id')
    .innerJoin('users as employer', 'employer.organisation_id', 'matches.organisation_id')
    .select(['matches.id', 'matches.member_id', 'employer.id as employer_id'])
    .where('matches.state', '=', 'interested')
    .where('member.email', '!=', demoMember)
    .orderBy('matches.member_id')
    .orderBy('matches.id')
    .execute();
  const seen = new Set<string>();
  const picked = candidates
    .filter((c) => !seen.has(c.member_id) && seen.add(c.member_id))
    .slice(0, HIRES.length);
  let hires = 0;
  for (const [index, candidate] of picked.entries()) {
    const plan = HIRES[index] as (typeof HIRES)[number];
    const hiredAt = new Date(now.getTime() - plan.daysAgo * DAY);
    const services = at(new Date(hiredAt.getTime() - 3 * DAY));
    const match = await db
      .selectFrom('matches')
      .selectAll()
      .where('id', '=', candidate.id)
      .executeTakeFirstOrThrow();
    await services.matches.decide(coordinator, match.id, {
      decision: 'approve',
      reason: '希望の時間と通勤が合っています',
      expectedVersion: match.version,
    });
    const employerUser = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', candidate.employer_id)
      .executeTakeFirstOrThrow();
    const employer = actorOf(employerUser);
    await at(hiredAt).matches.recordOutcome(employer, match.id, {
      outcome: 'hired',
      reason: '',
      expectedVersion: match.version + 1,
    });
    const memberUser = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', candidate.member_id)
      .executeTakeFirstOrThrow();
    const member = actorOf(memberUser);
    const checkIns = await at(now).followUp.mine(member);
    for (const [i, answer] of plan.answers.entries()) {
      const checkIn = checkIns.filter((c) => c.matchId === match.id)[i];
      if (!answer || !checkIn) continue;
      await at(new Date(Date.parse(checkIn.dueAt) + DAY)).followUp.answer(member, checkIn.id, answer);
    }
    if (plan.separatedAfterDays) {
      await at(new Date(hiredAt.getTime() + plan.separatedAfterDays * DAY)).followUp.recordSeparation(
        employer,
        match.id,
        {
          separatedOn: japanDate(new Date(hiredAt.getTime() + plan.separatedAfterDays * DAY)),
          reasonCode: 'childcare',
          note: 'お子さんの通院が続くため',
        },
      );
    }
    hires += 1;
  }

  const pairs = await seedCohort(deps, coordinator, now, demoMember);
  // Check-ins that fell due are announced, unanswered ones and missed sessions reach the queue.
  await at(now).careJob();
  return { hires, pairs };
}

/** One running cohort, started 17 days ago: session 1 is past, session 2 is due this week. */
async function seedCohort(deps: Omit<AppDeps, 'clock'>, coordinator: Actor, now: Date, demoMember: string) {
  const { db } = deps.database;
  const startedAt = new Date(now.getTime() - 17 * DAY);
  const services = createServices({ ...deps, clock: { now: () => startedAt } });
  const mentors = await db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .selectAll('users')
    .where('members.support_stage', 'in', [4, 5])
    .orderBy('members.user_id')
    .limit(3)
    .execute();
  const mentees = await db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .selectAll('users')
    .where('members.support_stage', 'in', [2, 3])
    .where('users.email', '!=', demoMember)
    .orderBy('members.user_id')
    .limit(2)
    .execute();
  const demo = await db.selectFrom('users').selectAll().where('email', '=', demoMember).executeTakeFirst();
  if (mentors.length < 3 || !demo) return 0;
  const cohort = await services.mentoring.open(coordinator, {
    name: `${japanDate(startedAt).slice(0, 7).replace('-', '年')}月 横浜・川崎`,
    startsOn: japanDate(startedAt),
    sessionCount: 6,
    intervalDays: 14,
  });
  for (const mentor of mentors) {
    await services.mentoring.invite(coordinator, cohort.id, mentor.id);
    await services.mentoring.answerInvitation(actorOf(mentor), cohort.id, true);
  }
  const menteeUsers = [demo, ...mentees];
  for (const [i, mentee] of menteeUsers.entries()) {
    const best = (await services.mentoring.suggestions(cohort.id, mentee.id))[0];
    const taken = new Set((await services.mentoring.detail(cohort.id)).pairs.map((p) => p.mentor.memberId));
    const mentorId =
      best && !taken.has(best.mentorId)
        ? best.mentorId
        : (mentors.find((m) => !taken.has(m.id))?.id ?? mentors[i]?.id);
    if (mentorId) await services.mentoring.pair(coordinator, cohort.id, mentee.id, mentorId);
  }
  // The other two pairs met at session 1; one of them answered and let the coordinator read it.
  const detail = await services.mentoring.detail(cohort.id);
  const later = createServices({ ...deps, clock: { now: () => new Date(startedAt.getTime() + 1 * DAY) } });
  for (const [i, pair] of detail.pairs.slice(1).entries()) {
    const mentor = mentors.find((m) => m.id === pair.mentor.memberId);
    const mentee = mentees.find((m) => m.id === pair.mentee.memberId);
    const first = pair.sessions[0];
    if (!mentor || !mentee || !first) continue;
    await later.mentoring.record(actorOf(mentor), first.id, {
      held: true,
      topics: i === 0 ? '仕事と保育園の送り迎えの両立' : '面接で話すこと',
      nextStep: i === 0 ? 'ファミリーサポートに登録する' : '履歴書を書いてみる',
    });
    if (i === 0) await later.mentoring.answer(actorOf(mentee), first.id, true);
  }
  return detail.pairs.length;
}
