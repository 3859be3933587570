/**
 * Follow-up after a hire. She answers her check-ins (one tap, optional words, 「相談したい」);
 * a low answer or 「相談したい」 opens a follow-up for the coordinator at once, no answer within
 * the window opens one when the scheduled job next runs, and so does a separation the employer
 * records. The coordinator works the queue oldest first and closes each with a contact note.
 *
 * Who sees what: a check-in's answer is hers and the coordinators'; no employer route reads this
 * feature's tables, and an employer learns nothing of her answers.
 */
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { appendAudit } from '../coordination/audit.repository.ts';
import type { MatchService } from '../matches/match.service.ts';
import { findMember } from '../members/member.repository.ts';
import { coordinatorUserIds, insertNotice } from '../notifications/notification.repository.ts';
import { ACCESS, admits, requireAdmitted } from '../shared/access.ts';
import { checkInState } from './check-in-schedule.ts';
import {
  answerCheckIn,
  answersByMonth,
  type CheckInRow,
  checkInsByIds,
  checkInsOfMember,
  checkInsToAnnounce,
  closeFollowUp,
  type FollowUpRow,
  findCheckIn,
  findFollowUp,
  findSeparation,
  followUps,
  hiresWithSeparation,
  insertSeparation,
  markAnnounced,
  openFollowUp,
  separationsOfMember,
  unansweredCheckIns,
} from './follow-up.repository.ts';
import type {
  AfterHire,
  CheckIn,
  CheckInAnswer,
  FollowUp,
  FollowUpQuery,
  FollowUpReason,
  Separation,
  SeparationInput,
} from './follow-up.schemas.ts';

/** How many of each kind one scheduled run handles; the rest waits for the next run. */
const PER_RUN = 100;

/** '2週間後' / '1か月後': how a check-in is named to her and to the coordinator. */
export function checkInPointJa(afterDays: number): string {
  return afterDays < 28 ? `${Math.round(afterDays / 7)}週間後` : `${Math.round(afterDays / 30)}か月後`;
}

export function createFollowUpService(
  { database, clock, config }: AppDeps,
  services: { matches: MatchService },
) {
  const { db } = database;
  const window = config.followUp.answerWindowDays;

  function toCheckIn(row: CheckInRow, now: Date): CheckIn {
    return {
      id: row.id,
      matchId: row.match_id,
      roleTitle: row.role_title,
      organisationName: row.organisation_name,
      afterDays: row.after_days,
      dueAt: row.due_at,
      state: checkInState(row, now, window),
      answeredAt: row.answered_at,
      answer:
        row.answered_at && row.wellbeing !== null
          ? { wellbeing: row.wellbeing, comment: row.comment, wantsContact: row.wants_contact === 1 }
          : null,
    };
  }

  /** Follow-ups with what raised them; check-in answers are joined here, read by staff only. */
  async function toFollowUps(rows: FollowUpRow[]): Promise<FollowUp[]> {
    const checkIns = new Map(
      (
        await checkInsByIds(
          db,
          rows.filter((r) => r.source_type === 'check_in').map((r) => r.source_id),
        )
      ).map((c) => [c.id, c]),
    );
    return rows.map((r) => {
      const checkIn = checkIns.get(r.source_id);
      const stored = JSON.parse(r.detail) as FollowUp['detail'];
      return {
        id: r.id,
        reason: r.reason as FollowUpReason,
        member: {
          userId: r.member_id,
          name: `${r.family_name} ${r.given_name}`,
          supportStage: r.support_stage,
        },
        source: { type: r.source_type as FollowUp['source']['type'], id: r.source_id },
        detail: checkIn
          ? {
              ...stored,
              roleTitle: checkIn.role_title,
              afterDays: checkIn.after_days,
              wellbeing: checkIn.wellbeing,
              wantsContact: checkIn.wants_contact === null ? null : checkIn.wants_contact === 1,
              comment: checkIn.comment,
            }
          : stored,
        openedAt: r.opened_at,
        closedAt: r.closed_at,
        contactNote: r.contact_note,
      };
    });
  }

  /** Tells every coordinator, in the app, that a member needs a call. */
  async function tellCoordinators(
    kind: string,
    title: string,
    body: string,
    matchId: string | null,
    at: string,
  ) {
    return (await coordinatorUserIds(db)).map((userId) =>
      insertNotice(db, { id: newId(), userId, kind, matchId, title, body }, at),
    );
  }

  return {
    /**
     * The write that puts a member in the queue for a reason raised elsewhere (a missed mentoring
     * session, a silent mentee): once per source and reason, however often it is raised.
     */
    raise(
      memberId: string,
      reason: FollowUpReason,
      source: { type: 'session' | 'pair'; id: string },
      detail: Record<string, string | number>,
      at: string,
    ) {
      return openFollowUp(db, {
        id: newId(),
        member_id: memberId,
        reason,
        source_type: source.type,
        source_id: source.id,
        detail: JSON.stringify(detail),
        opened_at: at,
      });
    },

    /** Her check-ins, soonest first, each with its state now. */
    async mine(actor: Actor): Promise<CheckIn[]> {
      if (!admits(ACCESS.checkIns, actor)) return [];
      const now = clock.now();
      return (await checkInsOfMember(db, actor.userId)).map((row) => toCheckIn(row, now));
    },

    /** One of her own check-ins, or 404 (also for someone else's). */
    async one(actor: Actor, id: string): Promise<CheckIn> {
      const row = await findCheckIn(db, id);
      if (!row || !admits(ACCESS.checkIns, actor) || row.member_id !== actor.userId)
        throw notFound('check-in');
      return toCheckIn(row, clock.now());
    },

    /**
     * Her answer. An open or missed check-in takes it (late is better than never); one not due
     * yet or already answered is refused with 409. A low answer or 「相談したい」 opens a follow-up.
     */
    async answer(actor: Actor, id: string, input: CheckInAnswer): Promise<CheckIn> {
      const row = await findCheckIn(db, id);
      if (!row || !admits(ACCESS.checkIns, actor) || row.member_id !== actor.userId)
        throw notFound('check-in');
      const now = clock.now();
      const state = checkInState(row, now, window);
      if (state === 'scheduled') throw new AppError('invalid_state', 'This check-in is not open yet');
      if (state === 'answered') throw new AppError('invalid_state', 'You already answered this check-in');
      const at = now.toISOString();
      const reasons: FollowUpReason[] = [
        ...(input.wantsContact ? (['wants_contact'] as const) : []),
        ...(input.wellbeing <= config.followUp.lowWellbeing ? (['low_answer'] as const) : []),
      ];
      const member = await findMember(db, actor.userId);
      const name = member ? `${member.family_name} ${member.given_name}` : actor.displayName;
      await database.atomic([
        answerCheckIn(db, id, {
          wellbeing: input.wellbeing,
          comment: input.comment?.trim() || null,
          wants_contact: input.wantsContact ? 1 : 0,
          answered_at: at,
        }),
        ...reasons.map((reason) =>
          openFollowUp(db, {
            id: newId(),
            member_id: actor.userId,
            reason,
            source_type: 'check_in',
            source_id: id,
            detail: '{}',
            opened_at: at,
          }),
        ),
        ...(input.wantsContact
          ? await tellCoordinators(
              'follow_up',
              '相談したいという声が届きました',
              `${name}さんが${checkInPointJa(row.after_days)}のふりかえりで「相談したい」と答えました。`,
              row.match_id,
              at,
            )
          : []),
      ]);
      const after = (await findCheckIn(db, id)) as CheckInRow;
      if (after.answered_at !== at) throw new AppError('conflict', 'This check-in was answered meanwhile');
      return toCheckIn(after, now);
    },

    /** The coordinator's follow-up queue: open ones oldest first, or closed ones newest first. */
    async queue(query: FollowUpQuery): Promise<FollowUp[]> {
      return toFollowUps(
        await followUps(db, {
          open: query.state === 'open',
          ...(query.memberId ? { memberId: query.memberId } : {}),
          limit: query.limit,
          offset: query.offset,
        }),
      );
    },

    /** Closes a follow-up with how she was reached; closing a closed one is a 409. */
    async close(actor: Actor, id: string, note: string): Promise<FollowUp> {
      requireAdmitted(ACCESS.followUps, actor);
      const row = await findFollowUp(db, id);
      if (!row) throw notFound('follow-up');
      if (row.closed_at) throw new AppError('invalid_state', 'This follow-up is already closed');
      const at = clock.now().toISOString();
      await database.atomic([
        closeFollowUp(db, id, actor.userId, note, at),
        appendAudit(db, actor, at, {
          action: 'close_follow_up',
          subjectType: 'member',
          subjectId: row.member_id,
          detail: `${row.reason} ${id}`,
        }),
      ]);
      const [closed] = await followUps(db, {
        open: false,
        memberId: row.member_id,
        limit: 200,
        offset: 0,
      }).then((rows) => rows.filter((r) => r.id === id));
      if (!closed || closed.closed_by !== actor.userId)
        throw new AppError('conflict', 'Someone closed this follow-up first');
      return (await toFollowUps([closed]))[0] as FollowUp;
    },

    /**
     * The employer records that her hire ended (退職). Only a hire of the employer's own
     * organisation can be; the coordinators are asked to reach out.
     */
    async recordSeparation(actor: Actor, matchId: string, input: SeparationInput): Promise<Separation> {
      requireAdmitted(ACCESS.introductions, actor);
      const introduction = (await services.matches.introductions(actor)).find((i) => i.id === matchId);
      if (!introduction) throw notFound('match');
      if (introduction.state !== 'hired')
        throw new AppError('invalid_state', 'Only a hire can end in a separation');
      if (await findSeparation(db, matchId))
        throw new AppError('invalid_state', 'This separation is already recorded');
      const memberRow = await db
        .selectFrom('matches')
        .select('member_id')
        .where('id', '=', matchId)
        .executeTakeFirstOrThrow();
      const at = clock.now().toISOString();
      await database.atomic([
        insertSeparation(db, {
          match_id: matchId,
          member_id: memberRow.member_id,
          separated_on: input.separatedOn,
          reason_code: input.reasonCode,
          note: input.note?.trim() || null,
          recorded_by: actor.userId,
          recorded_at: at,
        }),
        openFollowUp(db, {
          id: newId(),
          member_id: memberRow.member_id,
          reason: 'separation',
          source_type: 'match',
          source_id: matchId,
          detail: JSON.stringify({
            reasonCode: input.reasonCode,
            separatedOn: input.separatedOn,
            roleTitle: introduction.roleTitle,
          }),
          opened_at: at,
        }),
        appendAudit(db, actor, at, {
          action: 'record_separation',
          subjectType: 'match',
          subjectId: matchId,
          detail: input.reasonCode,
        }),
        ...(await tellCoordinators(
          'separation',
          '退職の連絡がありました',
          `${introduction.member.name}さんが「${introduction.roleTitle}」を退職しました。ご連絡をお願いします。`,
          matchId,
          at,
        )),
      ]);
      return { matchId, separatedOn: input.separatedOn, reasonCode: input.reasonCode, recordedAt: at };
    },

    /** Everything after her hires, for the coordinator's member page. */
    async afterHire(memberId: string): Promise<AfterHire> {
      if (!(await findMember(db, memberId))) throw notFound('member');
      const now = clock.now();
      const [checkIns, separations, queue] = await Promise.all([
        checkInsOfMember(db, memberId),
        separationsOfMember(db, memberId),
        Promise.all([
          followUps(db, { open: true, memberId, limit: 200, offset: 0 }),
          followUps(db, { open: false, memberId, limit: 200, offset: 0 }),
        ]),
      ]);
      return {
        checkIns: checkIns.map((row) => toCheckIn(row, now)),
        separations: separations.map((s) => ({
          matchId: s.match_id,
          separatedOn: s.separated_on,
          reasonCode: s.reason_code as Separation['reasonCode'],
          recordedAt: s.recorded_at,
          roleTitle: s.role_title,
          note: s.note,
        })),
        followUps: await toFollowUps(queue.flat()),
      };
    },

    /**
     * Retention at 1 and 3 months: of the hires at least that long ago, how many had not ended
     * by then; and check-in answers per Japan month.
     */
    async outcomes() {
      const now = clock.now().getTime();
      const hires = await hiresWithSeparation(db);
      const retention = [30, 90].map((days) => {
        const eligible = hires.filter((h) => h.hired_at && Date.parse(h.hired_at) + days * 86_400_000 <= now);
        const retained = eligible.filter(
          (h) =>
            !h.separated_on ||
            Date.parse(`${h.separated_on}T00:00:00+09:00`) >=
              Date.parse(h.hired_at as string) + days * 86_400_000,
        );
        return { days, hires: eligible.length, retained: retained.length };
      });
      const byMonth = new Map<string, number[]>();
      for (const row of await answersByMonth(db)) {
        const counts = byMonth.get(row.month) ?? [0, 0, 0, 0, 0];
        counts[(row.wellbeing ?? 1) - 1] = Number(row.n);
        byMonth.set(row.month, counts);
      }
      return {
        retention,
        answers: [...byMonth].map(([month, counts]) => ({ month, counts })),
      };
    },

    /**
     * The scheduled part: tells her when a check-in opens, and opens a follow-up for each one
     * left unanswered past its window. Idempotent; each run handles at most PER_RUN of each.
     */
    async run(): Promise<{ announced: number; unanswered: number }> {
      const now = clock.now();
      const at = now.toISOString();
      const due = await checkInsToAnnounce(db, at, PER_RUN);
      for (const checkIn of due) {
        await database.atomic([
          markAnnounced(db, checkIn.id, at),
          insertNotice(
            db,
            {
              id: newId(),
              userId: checkIn.member_id,
              kind: 'check_in',
              matchId: checkIn.match_id,
              title: 'お仕事の様子を教えてください',
              body: `「${checkIn.role_title}」で働きはじめて${checkInPointJa(checkIn.after_days)}のふりかえりです。30秒ほどで答えられます。`,
            },
            at,
          ),
        ]);
      }
      const windowStart = new Date(now.getTime() - window * 86_400_000).toISOString();
      const silent = await unansweredCheckIns(db, windowStart, PER_RUN);
      if (silent.length)
        await database.atomic(
          silent.map((checkIn) =>
            openFollowUp(db, {
              id: newId(),
              member_id: checkIn.member_id,
              reason: 'no_answer',
              source_type: 'check_in',
              source_id: checkIn.id,
              detail: '{}',
              opened_at: at,
            }),
          ),
        );
      return { announced: due.length, unanswered: silent.length };
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
