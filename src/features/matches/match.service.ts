/**
 * The match workflow: a member's "I'd like to hear more" (her consent), her withdrawal, the
 * coordinator's queue and decisions, and the employer's introductions and outcomes. Every change
 * goes through the lifecycle table and a guarded write: two people acting on the same version at
 * once — exactly one wins; the other gets 409 with the state the match is in now.
 */

import type { MatchTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { type Actor, requireVerified } from '../auth/actor.ts';
import { checkInWritesOnHire } from '../follow-up/check-in-schedule.ts';
import { announcementsFor, withdrawalAnnouncements } from '../notifications/announcements.ts';
import { announceIfWon, employerUserIds } from '../notifications/notification.repository.ts';
import { ACCESS, admits, requireAdmitted } from '../shared/access.ts';
import { japanDate } from '../shared/japan-time.ts';
import {
  findMatch,
  findMatchFor,
  findMatchWithRole,
  interestCountsOf,
  introductionsOf,
  type MatchRow,
  matchesOfMember,
  newMatchWrites,
  queue,
  transitionWrites,
  whyNotIntroducible,
} from './match.repository.ts';
import type { DecisionInput, Introduction, MatchView, OutcomeInput, QueueQuery } from './match.schemas.ts';
import {
  AWAITING_DECISION,
  isIntroduced,
  type MatchAction,
  type MatchState,
  nextState,
} from './match-lifecycle.ts';
import { fitsForStaff, type QueueFit, type StaffScoringDeps, scoreForStaff } from './staff-scoring.ts';

function toMatchView(row: MatchRow): MatchView {
  return {
    id: row.id,
    roleId: row.role_id,
    roleTitle: row.role_title,
    organisationName: row.organisation_name,
    state: row.state as MatchState,
    interestedAt: row.interested_at,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The reason code an approval against the matching module carries on its event. */
export const OVERRIDE_REASON_CODE = 'override_infeasible';

export function createMatchService({ database, clock, config }: AppDeps, services: StaffScoringDeps) {
  const { db } = database;

  /** Applies an action to a match the caller may act on, or refuses it with 409 / 422. */
  async function act(
    actor: Actor,
    match: MatchTable,
    action: MatchAction,
    options: { expectedVersion?: number; reason?: string; reasonCode?: string },
  ): Promise<MatchTable> {
    if (options.expectedVersion !== undefined && options.expectedVersion !== match.version) {
      throw new AppError(
        'conflict',
        `This match changed meanwhile: it is now ${match.state} (version ${match.version})`,
      );
    }
    const outcome = nextState(match.state as MatchState, action, actor.role, options.reason);
    if ('refused' in outcome) {
      throw new AppError(
        outcome.refused.kind === 'reason_required' ? 'validation_failed' : 'invalid_state',
        outcome.refused.message,
      );
    }
    const now = clock.now().toISOString();
    const event = {
      id: newId(),
      match_id: match.id,
      action,
      from_state: match.state,
      to_state: outcome.to,
      actor_id: actor.userId,
      actor_role: actor.role,
      reason_code: options.reasonCode ?? null,
      reason: options.reason?.trim() || null,
      at: now,
    };
    const decided = action === 'approve' || action === 'reject';
    const introduces = outcome.to === 'approved';
    if (introduces) await refuseIfNotIntroducible(match.id);
    await database.atomic([
      ...transitionWrites(
        db,
        match,
        {
          state: outcome.to,
          updated_at: now,
          ...(outcome.to === 'interested' ? { interested_at: now, decided_at: null } : {}),
          ...(decided ? { decided_at: now } : {}),
        },
        event,
        // Checked again inside the write: a block, a rejection or a closing that lands after
        // the check above still stops the introduction (and its notifications) atomically.
        { onlyIfIntroducible: introduces },
      ),
      ...(await announcements(match, action, options.reason)).map((a) => announceIfWon(a, event.id, now)),
      // A hire schedules her check-ins with it (see follow-up/check-in-schedule.ts).
      ...(outcome.to === 'hired'
        ? checkInWritesOnHire(
            { id: match.id, memberId: match.member_id },
            event.id,
            now,
            config.followUp.checkInDays,
          )
        : []),
    ]);
    const after = (await findMatch(db, match.id)) as MatchTable;
    if (after.last_event_id !== event.id) {
      if (introduces && after.version === match.version) await refuseIfNotIntroducible(match.id);
      throw new AppError(
        'conflict',
        `Someone acted on this match first: it is now ${after.state} (version ${after.version})`,
      );
    }
    return after;
  }

  /**
   * An approval of a pair the matching module finds infeasible (hours, reach, a qualification…)
   * goes through only as an explicit, reasoned override: otherwise it is refused with what is
   * broken, so nobody introduces her to a role that cannot work without saying so. Returns whether
   * this approval is such an override.
   */
  async function refuseInfeasibleUnlessOverridden(
    actor: Actor,
    match: MatchTable,
    input: DecisionInput,
  ): Promise<boolean> {
    // A stale version, a state that cannot be approved, or what no override can change (she
    // blocked the employer, the role closed or expired, the organisation is not verified) is refused by
    // act() with its own answer; only then is the matching's verdict the question.
    if (input.expectedVersion !== match.version) return false;
    if ('refused' in nextState(match.state as MatchState, 'approve', actor.role, input.reason)) return false;
    if (await whyNotIntroducible(db, match.id)) return false;
    const { scored } = await scoreForStaff(
      services,
      actor,
      match.member_id,
      match.role_id,
      japanDate(clock.now()),
    );
    if (scored.feasible) return false;
    if (input.overrideInfeasible === true) return true;
    const broken = scored.infeasible.violations.map((v) => v.code).join(', ');
    throw new AppError('validation_failed', 'This pair breaks hard rules of the matching', [
      {
        path: 'body.overrideInfeasible',
        message: `the matching finds this pair infeasible (${broken}): confirm the override and say why in reason`,
        code: 'override_required',
      },
    ]);
  }

  /** Refuses an introduction that what changed since she said yes no longer allows. */
  async function refuseIfNotIntroducible(matchId: string) {
    const why = await whyNotIntroducible(db, matchId);
    if (!why) return;
    throw new AppError(
      'invalid_state',
      {
        blocked: 'She has blocked this employer since she said yes: she cannot be introduced to it',
        organisation_not_verified:
          'The organisation is not verified (any more): nobody can be introduced to it',
        role_not_published: 'The role is no longer published: nobody can be introduced to it',
        role_expired: 'The ad has expired: nobody can be introduced to it until the employer renews it',
      }[why],
    );
  }

  /** The notifications this change sends, written with it. */
  async function announcements(match: MatchTable, action: MatchAction, reason?: string) {
    const row = await findMatchWithRole(db, match.id);
    if (!row) return [];
    const announced = {
      id: row.id,
      memberId: row.member_id,
      roleTitle: row.role_title,
      organisationName: row.organisation_name,
    };
    const employers = await employerUserIds(db, row.organisation_id);
    if (action === 'withdraw')
      return isIntroduced(match.state as MatchState) ? withdrawalAnnouncements(announced, employers) : [];
    return announcementsFor(action, announced, reason, employers);
  }

  async function view(id: string): Promise<MatchView> {
    const row = await findMatchWithRole(db, id);
    if (!row) throw notFound('match');
    return toMatchView(row);
  }

  /** Her own match, or 404 (also for someone else's). */
  async function ownMatch(actor: Actor, id: string): Promise<MatchTable> {
    const match = await findMatch(db, id);
    if (!match || !admits(ACCESS.ownMatches, actor) || match.member_id !== actor.userId)
      throw notFound('match');
    return match;
  }

  /** Her organisation's introductions; nothing for anyone else. */
  async function introductions(actor: Actor): Promise<Introduction[]> {
    if (!admits(ACCESS.introductions, actor) || !actor.organisationId) return [];
    const rows = await introductionsOf(db, actor.organisationId);
    // Only members the query above admitted (introduced, not blocked) are loaded at all.
    const profiles = new Map(
      (await services.members.profiles([...new Set(rows.map((r) => r.member_id))])).map((p) => [p.userId, p]),
    );
    return rows.map((row) => {
      const profile = profiles.get(row.member_id);
      return {
        id: row.id,
        roleId: row.role_id,
        roleTitle: row.role_title,
        state: row.state as MatchState,
        version: row.version,
        decidedAt: row.decided_at,
        coordinatorNote: row.approval_reason ?? null,
        member: {
          name: `${row.family_name} ${row.given_name}`,
          email: row.email,
          phone: row.phone,
          area: row.hide_municipality ? row.prefecture : row.area_name,
          // What the anonymous card showed before, now with her name: when she can work, what she can do.
          availability: {
            windows: profile?.availability.windows ?? [],
            maxHoursPerWeek: profile?.availability.maxHoursPerWeek ?? 0,
          },
          skills: profile?.skills ?? [],
          qualifications: profile?.qualifications ?? [],
          // Her résumé only if she chose to share it; the query above already admits only introductions.
          resume: profile?.resume.shareAtIntroduction
            ? {
                work: profile.resume.work,
                education: profile.resume.education,
                selfPr: profile.direction.selfPr ?? null,
              }
            : null,
        },
      };
    });
  }

  return {
    /**
     * "I'd like to hear more": her consent to be introduced. Creates the match, or revives a
     * suggested, withdrawn or dismissed one.
     */
    async expressInterest(actor: Actor, roleId: string): Promise<MatchView> {
      requireVerified(actor);
      const profile = await services.members.findMine(actor);
      if (!profile)
        throw new AppError('invalid_state', 'Fill in your profile first, so a coordinator can introduce you');
      const role = await services.roles.getPublished(roleId);
      if (profile.privacy.blockedOrganisationIds.includes(role.organisation.id)) {
        throw new AppError(
          'invalid_state',
          'You have blocked this employer; unblock it first to be introduced',
        );
      }
      const existing = await findMatchFor(db, actor.userId, roleId);
      if (existing) return view((await act(actor, existing, 'express_interest', {})).id);
      const refused = nextState('none', 'express_interest', actor.role);
      if ('refused' in refused) throw new AppError('invalid_state', refused.refused.message);
      const id = newId();
      try {
        await database.atomic(
          newMatchWrites(
            db,
            {
              id,
              memberId: actor.userId,
              roleId,
              organisationId: role.organisation.id,
              state: 'interested',
              action: 'express_interest',
              actor: { id: actor.userId, role: actor.role },
              reason: null,
              at: clock.now().toISOString(),
            },
            newId(),
          ),
        );
      } catch (error) {
        // A second tap at the same moment: the unique (member, role) pair decides; show what exists.
        const raced = await findMatchFor(db, actor.userId, roleId);
        if (raced) return view(raced.id);
        throw error;
      }
      return view(id);
    },

    async mine(actor: Actor): Promise<MatchView[]> {
      return (await matchesOfMember(db, actor.userId)).map(toMatchView);
    },

    /** She does not want a suggestion; it is never proposed again. */
    async dismiss(actor: Actor, id: string): Promise<MatchView> {
      return view((await act(actor, await ownMatch(actor, id), 'dismiss', {})).id);
    },

    async withdraw(actor: Actor, id: string, reason: string): Promise<MatchView> {
      return view((await act(actor, await ownMatch(actor, id), 'withdraw', { reason })).id);
    },

    async queue(query: QueueQuery) {
      const rows = await queue(db, {
        states: query.state ?? ['interested', 'under_review'],
        ...(query.prefCode ? { prefCode: query.prefCode } : {}),
        ...(query.stage !== undefined ? { stage: query.stage } : {}),
        ...(query.memberId ? { memberId: query.memberId } : {}),
        ...(query.waitingDays !== undefined
          ? {
              interestedBefore: new Date(
                clock.now().getTime() - query.waitingDays * 86_400_000,
              ).toISOString(),
            }
          : {}),
        limit: query.limit,
        offset: query.offset,
      });
      return rows.map((row) => ({
        ...toMatchView(row),
        member: {
          userId: row.member_id,
          name: `${row.family_name} ${row.given_name}`,
          supportStage: row.support_stage,
          prefecture: row.prefecture,
        },
      }));
    },

    /**
     * How each listed match fits (score, or the hard rules it breaks), for staff scanning the
     * queue; nothing for anyone else.
     */
    async fits(actor: Actor, items: readonly { id: string; roleId: string; member: { userId: string } }[]) {
      if (!admits(ACCESS.reviewMatches, actor)) return new Map<string, QueueFit>();
      return fitsForStaff(
        services,
        actor,
        items.map((i) => ({ id: i.id, memberId: i.member.userId, roleId: i.roleId })),
        japanDate(clock.now()),
      );
    },

    async decide(actor: Actor, id: string, input: DecisionInput): Promise<MatchView> {
      const match = await findMatch(db, id);
      if (!match) throw notFound('match');
      const overriding =
        input.decision === 'approve' && (await refuseInfeasibleUnlessOverridden(actor, match, input));
      const after = await act(actor, match, input.decision, {
        expectedVersion: input.expectedVersion,
        reason: input.reason,
        // An approval against the matching module is marked on its event, for the audit trail.
        ...(overriding ? { reasonCode: OVERRIDE_REASON_CODE } : {}),
        ...(input.reasonCode ? { reasonCode: input.reasonCode } : {}),
      });
      return view(after.id);
    },

    introductions,

    /**
     * Her organisation's roles by id: members waiting for a coordinator's check and members
     * introduced (counts only); empty for anyone else.
     */
    async interestCounts(actor: Actor): Promise<Map<string, { waiting: number; introduced: number }>> {
      const counts = new Map<string, { waiting: number; introduced: number }>();
      if (!admits(ACCESS.manageRoles, actor) || !actor.organisationId) return counts;
      for (const row of await interestCountsOf(db, actor.organisationId)) {
        const entry = counts.get(row.role_id) ?? { waiting: 0, introduced: 0 };
        if (AWAITING_DECISION.includes(row.state as MatchState)) entry.waiting += Number(row.n);
        else entry.introduced += Number(row.n);
        counts.set(row.role_id, entry);
      }
      return counts;
    },

    async recordOutcome(actor: Actor, id: string, input: OutcomeInput): Promise<Introduction> {
      requireAdmitted(ACCESS.introductions, actor);
      // Only introduced matches of her organisation exist for an employer.
      const [introduced] = actor.organisationId ? await introductionsOf(db, actor.organisationId, id) : [];
      if (!introduced) throw notFound('match');
      const match = (await findMatch(db, id)) as MatchTable;
      const action = (
        { interviewing: 'record_interview', hired: 'record_hired', not_hired: 'record_not_hired' } as const
      )[input.outcome];
      await act(actor, match, action, { expectedVersion: input.expectedVersion, reason: input.reason });
      const updated = (await introductions(actor)).find((i) => i.id === id);
      return updated as Introduction;
    },
  };
}

export type MatchService = ReturnType<typeof createMatchService>;
