/**
 * Peer mentoring. A coordinator opens a cohort, invites members at stage 4–5 as mentors (each
 * mentors only after saying yes), and pairs each mentee with a consenting mentor, helped by
 * explained suggestions. A pair's sessions are planned every `intervalDays` from the start; the
 * mentor or the mentee records each (held or not, what was talked about, the next step), and the
 * mentee answers it, deciding whether the coordinator may read it. The scheduled job reports a
 * session nobody recorded within its grace days, and a mentee whose last two records wait for her.
 *
 * Who sees what: the pair see their sessions in full; the mentor sees of her mentee the first
 * name and only what the mentee chose to share; the coordinator sees records only where allowed.
 */
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { AppError, invalidField, notFound } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { appendAudit } from '../coordination/audit.repository.ts';
import type { FollowUpService } from '../follow-up/follow-up.service.ts';
import type { MemberService } from '../members/member.service.ts';
import { insertNotice } from '../notifications/notification.repository.ts';
import { ACCESS, admits, requireAdmitted } from '../shared/access.ts';
import { japanDate } from '../shared/japan-time.ts';
import {
  answerInvitation,
  answerSession,
  cohortsWithCounts,
  findCohort,
  findMentor,
  findPair,
  findPairFor,
  findSession,
  hiredCategories,
  insertCohort,
  insertPair,
  insertSessions,
  invitationsOf,
  inviteMentor,
  membersAtStages,
  mentorsOfCohort,
  type PairRow,
  pairsOfCohort,
  pairsOfMember,
  recordSession,
  sessionsForStaff,
  sessionsHeldByCohort,
  sessionsOfPairs,
  setShares,
  silentMenteePairs,
  soughtCategories,
  unrecordedSessions,
} from './mentoring.repository.ts';
import type {
  Cohort,
  CohortDetail,
  CohortInput,
  MenteeShare,
  MyMentoring,
  Session,
  SessionRecordInput,
  SessionState,
} from './mentoring.schemas.ts';
import {
  PAIR_REASON_TEXT,
  type PairPerson,
  type PairReasonCode,
  suggestMentors,
} from './pair-suggestions.ts';

/** Days after a planned session by which it should be recorded before the coordinator hears of it. */
export const SESSION_GRACE_DAYS = 3;
/** Days the mentee has to answer a record before silence counts. */
const MENTEE_ANSWER_DAYS = 7;
const PER_RUN = 100;
const MENTOR_STAGES = [4, 5];

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** @example sessionState({ held: null, planned_on: '2026-12-01' }, '2026-12-02') // 'due' */
export function sessionState(
  session: { held: number | null; planned_on: string },
  today: string,
): SessionState {
  if (session.held === 1) return 'held';
  if (session.held === 0) return 'not_held';
  if (today < session.planned_on) return 'planned';
  return today > addDays(session.planned_on, SESSION_GRACE_DAYS) ? 'missed' : 'due';
}

/** Age in whole years on a date, from birth year and month. */
const ageOn = (child: { birthYear: number; birthMonth: number }, today: string) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Math.max(0, y - child.birthYear - (m < child.birthMonth ? 1 : 0));
};

export function createMentoringService(
  { database, clock }: AppDeps,
  services: { members: MemberService; followUp: FollowUpService },
) {
  const { db } = database;
  const today = () => japanDate(clock.now());

  async function requireCohort(id: string) {
    const cohort = await findCohort(db, id);
    if (!cohort) throw notFound('cohort');
    return cohort;
  }

  function toSession(row: Awaited<ReturnType<typeof sessionsOfPairs>>[number], day: string): Session {
    return {
      id: row.id,
      number: row.number,
      plannedOn: row.planned_on,
      state: sessionState(row, day),
      menteeAnswered: row.mentee_answered_at !== null,
      topics: row.topics,
      nextStep: row.next_step,
      coordinatorMayRead: row.coordinator_may_read === 1,
    };
  }

  /** A session of a pair she belongs to, with her part in it; 404 for anyone else. */
  async function ownSession(actor: Actor, id: string) {
    const session = await findSession(db, id);
    const pair =
      session && admits(ACCESS.ownMentoring, actor) ? await findPair(db, session.pair_id) : undefined;
    if (!session || !pair || (pair.mentor_id !== actor.userId && pair.mentee_id !== actor.userId))
      throw notFound('session');
    return { session, pair, asMentee: pair.mentee_id === actor.userId };
  }

  async function pairPeople(memberIds: string[], withCategories: 'hired' | 'sought'): Promise<PairPerson[]> {
    const profiles = await services.members.profiles(memberIds);
    const hired =
      withCategories === 'hired' ? await hiredCategories(db, memberIds) : new Map<string, string[]>();
    const day = today();
    return Promise.all(
      profiles.map(async (p) => ({
        userId: p.userId,
        givenName: p.givenName,
        familyName: p.familyName,
        areaCode: p.area.code,
        prefCode: p.area.prefCode,
        targetPrefCodes: p.targetAreas.map((t) => t.prefCode),
        childAges: p.children.map((c) => ageOn(c, day)),
        skills: p.skills.map((s) => s.tag),
        workCategories:
          withCategories === 'hired' ? (hired.get(p.userId) ?? []) : await soughtCategories(db, p.userId),
      })),
    );
  }

  /** What the mentor sees of her mentee: the first name, and what the mentee chose to share. */
  async function menteeForMentor(pair: PairRow) {
    const shares = JSON.parse(pair.mentee_shares) as MenteeShare[];
    const [profile] = shares.length ? await services.members.profiles([pair.mentee_id]) : [];
    return {
      givenName: pair.mentee_given_name,
      ...(profile && shares.includes('area')
        ? {
            area: profile.privacy.hideMunicipality
              ? profile.area.prefecture
              : `${profile.area.prefecture} ${profile.area.name}`,
          }
        : {}),
      ...(profile && shares.includes('children')
        ? { childAges: profile.children.map((c) => ageOn(c, today())) }
        : {}),
      ...(profile && shares.includes('work') ? { work: profile.employmentTypes.map(String) } : {}),
    };
  }

  return {
    async open(actor: Actor, input: CohortInput): Promise<Cohort> {
      requireAdmitted(ACCESS.runMentoring, actor);
      const id = newId();
      const at = clock.now().toISOString();
      await database.atomic([
        insertCohort(db, {
          id,
          name: input.name,
          starts_on: input.startsOn,
          session_count: input.sessionCount,
          interval_days: input.intervalDays,
          created_by: actor.userId,
          created_at: at,
        }),
      ]);
      return (await this.cohorts()).find((c) => c.id === id) as Cohort;
    },

    async cohorts(): Promise<Cohort[]> {
      return (await cohortsWithCounts(db)).map((c) => ({
        id: c.id,
        name: c.name,
        startsOn: c.starts_on,
        endsOn: addDays(c.starts_on, (c.session_count - 1) * c.interval_days),
        sessionCount: c.session_count,
        intervalDays: c.interval_days,
        mentors: Number(c.mentors ?? 0),
        pairs: Number(c.pairs ?? 0),
      }));
    },

    /** The cohort for the coordinator: mentors and their answers, pairs, sessions (records only where allowed). */
    async detail(id: string): Promise<CohortDetail> {
      await requireCohort(id);
      const [cohort, mentors, pairs] = await Promise.all([
        this.cohorts().then((all) => all.find((c) => c.id === id) as Cohort),
        mentorsOfCohort(db, id),
        pairsOfCohort(db, id),
      ]);
      const sessions = await sessionsForStaff(
        db,
        pairs.map((p) => p.id),
      );
      const day = today();
      return {
        cohort,
        mentors: mentors.map((m) => ({
          memberId: m.member_id,
          name: `${m.family_name} ${m.given_name}`,
          supportStage: m.support_stage,
          state: m.consented_at ? 'consented' : m.declined_at ? 'declined' : 'invited',
        })),
        pairs: pairs.map((p) => ({
          id: p.id,
          mentor: { memberId: p.mentor_id, name: `${p.mentor_family_name} ${p.mentor_given_name}` },
          mentee: { memberId: p.mentee_id, name: `${p.mentee_family_name} ${p.mentee_given_name}` },
          reasons: JSON.parse(p.reasons) as PairReasonCode[],
          sessions: sessions
            .filter((s) => s.pair_id === p.id)
            .map((s) => ({
              id: s.id,
              number: s.number,
              plannedOn: s.planned_on,
              state: sessionState(s, day),
              menteeAnswered: s.mentee_answered_at !== null,
              record: s.coordinator_may_read === 1 ? { topics: s.topics, nextStep: s.next_step } : null,
            })),
        })),
      };
    },

    /** Invites a member at stage 4–5 to mentor in the cohort; she is asked for her consent. */
    async invite(actor: Actor, cohortId: string, memberId: string) {
      requireAdmitted(ACCESS.runMentoring, actor);
      const cohort = await requireCohort(cohortId);
      const [member] = await services.members.profiles([memberId]);
      if (!member) throw notFound('member');
      if (!MENTOR_STAGES.includes(member.supportStage ?? 0))
        throw invalidField('body.memberId', 'a mentor is at support stage 4 or 5', 'mentor_stage');
      const at = clock.now().toISOString();
      const already = await findMentor(db, cohortId, memberId);
      if (!already)
        await database.atomic([
          inviteMentor(db, cohortId, memberId, at),
          insertNotice(
            db,
            {
              id: newId(),
              userId: memberId,
              kind: 'mentor_invitation',
              matchId: null,
              title: 'メンターのお願い',
              body: `「${cohort.name}」で、これから働くかたのメンターをお願いできますか？サポートのページからお返事ください。`,
            },
            at,
          ),
          appendAudit(db, actor, at, {
            action: 'invite_mentor',
            subjectType: 'member',
            subjectId: memberId,
            detail: cohortId,
          }),
        ]);
      return this.detail(cohortId);
    },

    /** Her yes or no to mentoring in a cohort she was invited to. */
    async answerInvitation(actor: Actor, cohortId: string, consent: boolean) {
      const invitation = admits(ACCESS.ownMentoring, actor)
        ? await findMentor(db, cohortId, actor.userId)
        : undefined;
      if (!invitation) throw notFound('invitation');
      if (!consent && (await pairsOfCohort(db, cohortId)).some((p) => p.mentor_id === actor.userId))
        throw new AppError('invalid_state', 'You already have a mentee in this cohort; ask the coordinator');
      await database.atomic([
        answerInvitation(db, cohortId, actor.userId, consent, clock.now().toISOString()),
      ]);
      return this.mine(actor);
    },

    /** Consenting mentors ranked for a mentee, each with the reasons in words. */
    async suggestions(cohortId: string, menteeId: string, lang: 'ja' | 'en' = 'ja') {
      await requireCohort(cohortId);
      const [mentee] = await pairPeople([menteeId], 'sought');
      if (!mentee) throw notFound('member');
      const mentorIds = (await mentorsOfCohort(db, cohortId))
        .filter((m) => m.consented_at)
        .map((m) => m.member_id);
      const mentors = await pairPeople(mentorIds, 'hired');
      const names = new Map(mentors.map((m) => [m.userId, `${m.familyName} ${m.givenName}`]));
      return suggestMentors(mentee, mentors).map((s) => ({
        mentorId: s.mentorId,
        name: names.get(s.mentorId) ?? '',
        score: s.score,
        reasons: s.reasons.map((code) => ({ code, text: PAIR_REASON_TEXT[lang][code] })),
      }));
    },

    /** Pairs a mentee with a consenting mentor and plans their sessions. */
    async pair(actor: Actor, cohortId: string, menteeId: string, mentorId: string) {
      requireAdmitted(ACCESS.runMentoring, actor);
      const cohort = await requireCohort(cohortId);
      if (menteeId === mentorId)
        throw invalidField('body.mentorId', 'a mentee cannot mentor herself', 'same_person');
      const mentor = await findMentor(db, cohortId, mentorId);
      if (!mentor?.consented_at)
        throw invalidField(
          'body.mentorId',
          'this member has not agreed to mentor in this cohort',
          'not_consented',
        );
      if ((await services.members.profiles([menteeId])).length === 0) throw notFound('member');
      if (await findPairFor(db, cohortId, menteeId))
        throw new AppError('invalid_state', 'This mentee already has a mentor in this cohort');
      const reasons =
        (await this.suggestions(cohortId, menteeId)).find((s) => s.mentorId === mentorId)?.reasons ?? [];
      const id = newId();
      const at = clock.now().toISOString();
      const notice = (userId: string, body: string) =>
        insertNotice(
          db,
          {
            id: newId(),
            userId,
            kind: 'mentoring_pair',
            matchId: null,
            title: 'メンタリングが始まります',
            body,
          },
          at,
        );
      await database.atomic([
        insertPair(db, {
          id,
          cohort_id: cohortId,
          mentor_id: mentorId,
          mentee_id: menteeId,
          reasons: JSON.stringify(reasons.map((r) => r.code)),
          mentee_shares: '[]',
          created_by: actor.userId,
          created_at: at,
        }),
        ...insertSessions(
          db,
          Array.from({ length: cohort.session_count }, (_, i) => ({
            id: newId(),
            pair_id: id,
            number: i + 1,
            planned_on: addDays(cohort.starts_on, i * cohort.interval_days),
            held: null,
            topics: null,
            next_step: null,
            recorded_by: null,
            recorded_at: null,
            mentee_answered_at: null,
            coordinator_may_read: 0,
          })),
        ),
        notice(
          mentorId,
          `「${cohort.name}」でメンティーが決まりました。${cohort.starts_on}から2週間ごとにお話しします。`,
        ),
        notice(
          menteeId,
          `「${cohort.name}」で先輩ママのメンターが決まりました。${cohort.starts_on}から2週間ごとにお話しします。`,
        ),
        appendAudit(db, actor, at, {
          action: 'pair_mentee',
          subjectType: 'member',
          subjectId: menteeId,
          detail: `${cohortId} ${mentorId}`,
        }),
      ]);
      return this.detail(cohortId);
    },

    /** Whom the coordinator may ask to mentor (stage 4–5) and may pair as mentees (stage 1–3), by name. */
    async candidates() {
      const name = (r: {
        user_id: string;
        family_name: string;
        given_name: string;
        support_stage: number | null;
      }) => ({
        memberId: r.user_id,
        name: `${r.family_name} ${r.given_name}`,
        supportStage: r.support_stage,
      });
      const [mentors, mentees] = await Promise.all([
        membersAtStages(db, MENTOR_STAGES, 200),
        membersAtStages(db, [1, 2, 3], 200),
      ]);
      return { mentors: mentors.map(name), mentees: mentees.map(name) };
    },

    /** Per cohort: sessions planned until today, and held. */
    async heldVsPlanned() {
      return (await sessionsHeldByCohort(db, today())).map((c) => ({
        cohortId: c.id,
        name: c.name,
        planned: Number(c.planned),
        held: Number(c.held ?? 0),
      }));
    },

    /** Her mentoring: invitations, her mentees (as mentor) and her mentor (as mentee). */
    async mine(actor: Actor): Promise<MyMentoring> {
      if (!admits(ACCESS.ownMentoring, actor)) return { invitations: [], asMentor: [], asMentee: [] };
      const [invitations, pairs] = await Promise.all([
        invitationsOf(db, actor.userId),
        pairsOfMember(db, actor.userId),
      ]);
      const sessions = await sessionsOfPairs(
        db,
        pairs.map((p) => p.id),
      );
      const day = today();
      const of = (pairId: string) =>
        sessions.filter((s) => s.pair_id === pairId).map((s) => toSession(s, day));
      return {
        invitations: invitations.map((i) => ({
          cohortId: i.cohort_id,
          cohortName: i.name,
          startsOn: i.starts_on,
          state: i.consented_at ? 'consented' : i.declined_at ? 'declined' : 'invited',
        })),
        asMentor: await Promise.all(
          pairs
            .filter((p) => p.mentor_id === actor.userId)
            .map(async (p) => ({
              pairId: p.id,
              cohortName: p.cohort_name,
              mentee: await menteeForMentor(p),
              sessions: of(p.id),
            })),
        ),
        asMentee: pairs
          .filter((p) => p.mentee_id === actor.userId)
          .map((p) => ({
            pairId: p.id,
            cohortName: p.cohort_name,
            mentor: { givenName: p.mentor_given_name },
            shares: JSON.parse(p.mentee_shares) as MenteeShare[],
            sessions: of(p.id),
          })),
      };
    },

    /** Whether she has anything in mentoring, for the link on her support page. */
    async involvement(actor: Actor): Promise<'invited' | 'mentor' | 'mentee' | null> {
      const mine = await this.mine(actor);
      if (mine.asMentee.length) return 'mentee';
      if (mine.asMentor.length) return 'mentor';
      return mine.invitations.some((i) => i.state === 'invited') ? 'invited' : null;
    },

    /** The mentee chooses what her mentor sees of her besides her first name. */
    async share(actor: Actor, pairId: string, shares: readonly MenteeShare[]) {
      const pair = admits(ACCESS.ownMentoring, actor) ? await findPair(db, pairId) : undefined;
      if (!pair || pair.mentee_id !== actor.userId) throw notFound('pair');
      await database.atomic([setShares(db, pairId, [...new Set(shares)])]);
      return this.mine(actor);
    },

    /** The shared record of a session, written by the mentor or the mentee; not held reaches the coordinator. */
    async record(actor: Actor, sessionId: string, input: SessionRecordInput): Promise<Session> {
      const { session, pair } = await ownSession(actor, sessionId);
      if (sessionState(session, today()) === 'planned')
        throw new AppError('invalid_state', 'This session has not taken place yet');
      const at = clock.now().toISOString();
      await database.atomic([
        recordSession(db, sessionId, {
          held: input.held ? 1 : 0,
          topics: input.topics?.trim() || null,
          next_step: input.nextStep?.trim() || null,
          recorded_by: actor.userId,
          recorded_at: at,
        }),
        ...(input.held
          ? []
          : [
              services.followUp.raise(
                pair.mentee_id,
                'missed_session',
                { type: 'session', id: sessionId },
                {
                  sessionNumber: session.number,
                  plannedOn: session.planned_on,
                  cohortName: pair.cohort_name,
                },
                at,
              ),
            ]),
      ]);
      return toSession(
        (await findSession(db, sessionId)) as NonNullable<Awaited<ReturnType<typeof findSession>>>,
        today(),
      );
    },

    /** The mentee's answer to a record: she read it, and decides whether the coordinator may. */
    async answer(actor: Actor, sessionId: string, coordinatorMayRead: boolean): Promise<Session> {
      const { session, asMentee } = await ownSession(actor, sessionId);
      if (!asMentee) throw new AppError('forbidden', 'Only the mentee decides who may read the record');
      if (!session.recorded_at)
        throw new AppError('invalid_state', 'Nothing has been recorded for this session yet');
      await database.atomic([answerSession(db, sessionId, coordinatorMayRead, clock.now().toISOString())]);
      return toSession(
        (await findSession(db, sessionId)) as NonNullable<Awaited<ReturnType<typeof findSession>>>,
        today(),
      );
    },

    /** The scheduled part: sessions nobody recorded in time, and mentees who stopped answering. */
    async run(): Promise<{ missed: number; silent: number }> {
      const at = clock.now().toISOString();
      const missed = await unrecordedSessions(db, addDays(today(), -SESSION_GRACE_DAYS - 1), PER_RUN);
      const silent = await silentMenteePairs(
        db,
        new Date(clock.now().getTime() - MENTEE_ANSWER_DAYS * 86_400_000).toISOString(),
        PER_RUN,
      );
      const writes = [
        ...missed.map((s) =>
          services.followUp.raise(
            s.mentee_id,
            'missed_session',
            { type: 'session', id: s.id },
            { sessionNumber: s.number, plannedOn: s.planned_on, cohortName: s.cohort_name },
            at,
          ),
        ),
        ...silent.map((p) =>
          services.followUp.raise(
            p.mentee_id,
            'silent_mentee',
            { type: 'pair', id: p.pair_id },
            { cohortName: p.cohort_name },
            at,
          ),
        ),
      ];
      if (writes.length) await database.atomic(writes);
      return { missed: missed.length, silent: silent.length };
    },
  };
}

export type MentoringService = ReturnType<typeof createMentoringService>;
