/**
 * A coordinator's work around members and matches: assigning the support stage (kept as
 * history), consultation notes, a match with the member, the role and the score side by side,
 * verifying a role's stated flexibility facts, and the audit log an admin reads. Each change is
 * written together with its audit entry.
 */
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import type { AreaService } from '../areas/area.service.ts';
import type { Actor } from '../auth/actor.ts';
import { explainInfeasible, explainMatch, type Lang } from '../matches/explanations.ts';
import { eventsOf, findMatchWithRole } from '../matches/match.repository.ts';
import type { MatchState } from '../matches/match-lifecycle.ts';
import { scoreForStaff } from '../matches/staff-scoring.ts';
import { findMember } from '../members/member.repository.ts';
import type { MemberService } from '../members/member.service.ts';
import type { RoleService } from '../roles/role.service.ts';
import { enqueueRole } from '../search/search-outbox.repository.ts';
import { ACCESS, requireAdmitted } from '../shared/access.ts';
import { japanDate } from '../shared/japan-time.ts';
import { appendAudit, listAudit } from './audit.repository.ts';
import {
  insertNote,
  insertStageChange,
  memberEmail,
  notesOf,
  setMemberStage,
  stageHistory,
  verifyRoleFact,
} from './coordination.repository.ts';
import type {
  AuditQuery,
  MatchDetail,
  MemberContact,
  NoteInput,
  StageInput,
} from './coordination.schemas.ts';

export function createCoordinationService(
  { database, clock }: AppDeps,
  services: { areas: AreaService; members: MemberService; roles: RoleService },
) {
  const { db } = database;

  async function requireMember(memberId: string) {
    const member = await findMember(db, memberId);
    if (!member) throw notFound('member');
    return member;
  }

  async function contactOf(memberId: string): Promise<MemberContact> {
    const member = await requireMember(memberId);
    const account = await memberEmail(db, memberId);
    if (!account) throw notFound('member');
    return { email: account.email, ...(member.phone ? { phone: member.phone } : {}) };
  }

  async function historyOf(memberId: string) {
    await requireMember(memberId);
    return (await stageHistory(db, memberId)).map((h) => ({
      stage: h.stage,
      previousStage: h.previous_stage,
      reason: h.reason,
      setBy: h.set_by,
      setAt: h.set_at,
    }));
  }

  async function notesFor(memberId: string) {
    await requireMember(memberId);
    return (await notesOf(db, memberId)).map((n) => ({
      id: n.id,
      consultedOn: n.consulted_on,
      topic: n.topic,
      body: n.body,
      nextStep: n.next_step,
      authorId: n.author_id,
      createdAt: n.created_at,
    }));
  }

  return {
    async setStage(actor: Actor, memberId: string, input: StageInput) {
      requireAdmitted(ACCESS.supportMembers, actor);
      const member = await requireMember(memberId);
      const now = clock.now().toISOString();
      await database.atomic([
        setMemberStage(db, memberId, input.stage, now),
        insertStageChange(db, {
          id: newId(),
          member_id: memberId,
          stage: input.stage,
          previous_stage: member.support_stage,
          reason: input.reason,
          set_by: actor.userId,
          set_at: now,
        }),
        appendAudit(db, actor, now, {
          action: 'set_stage',
          subjectType: 'member',
          subjectId: memberId,
          detail: `${member.support_stage ?? '-'} → ${input.stage}`,
        }),
      ]);
      return historyOf(memberId);
    },

    stageHistory: (memberId: string) => historyOf(memberId),

    /** How a coordinator reaches her: her sign-in address and, if she gave one, her phone. */
    contactOf: (memberId: string) => contactOf(memberId),

    async addNote(actor: Actor, memberId: string, input: NoteInput) {
      requireAdmitted(ACCESS.supportMembers, actor);
      await requireMember(memberId);
      const now = clock.now().toISOString();
      const id = newId();
      await database.atomic([
        insertNote(db, {
          id,
          member_id: memberId,
          consulted_on: input.consultedOn,
          topic: input.topic,
          body: input.body,
          next_step: input.nextStep ?? null,
          author_id: actor.userId,
          created_at: now,
        }),
        appendAudit(db, actor, now, {
          action: 'add_note',
          subjectType: 'member',
          subjectId: memberId,
          detail: id,
        }),
      ]);
      return (await notesFor(memberId)).find((n) => n.id === id);
    },

    notes: (memberId: string) => notesFor(memberId),

    /** A match with the member, the role and the score breakdown (its reasons in `lang`), for a decision. */
    async matchDetail(actor: Actor, matchId: string, lang: Lang = 'ja'): Promise<MatchDetail> {
      const match = await findMatchWithRole(db, matchId);
      if (!match) throw notFound('match');
      const [{ member, role, scored }, events, contact] = await Promise.all([
        scoreForStaff(services, actor, match.member_id, match.role_id, japanDate(clock.now())),
        eventsOf(db, matchId),
        contactOf(match.member_id),
      ]);
      return {
        match: {
          id: match.id,
          roleId: match.role_id,
          roleTitle: match.role_title,
          organisationName: match.organisation_name,
          state: match.state as MatchState,
          interestedAt: match.interested_at,
          decidedAt: match.decided_at,
          createdAt: match.created_at,
          updatedAt: match.updated_at,
          version: match.version,
        },
        member,
        contact,
        role,
        ...(scored.feasible
          ? { explanation: explainMatch(scored.match, lang) }
          : { infeasible: explainInfeasible(scored.infeasible, lang) }),
        events: events.map((e) => ({
          action: e.action,
          fromState: e.from_state,
          toState: e.to_state,
          actorRole: e.actor_role,
          reasonCode: e.reason_code,
          reason: e.reason,
          at: e.at,
        })),
      };
    },

    /** Marks a stated flexibility fact of a role as checked by a coordinator. */
    async verifyFact(actor: Actor, roleId: string, fact: string) {
      requireAdmitted(ACCESS.reviewMatches, actor);
      const role = await services.roles.get(actor, roleId);
      if (!(fact in role.facts)) throw notFound('fact');
      const now = clock.now().toISOString();
      await database.atomic([
        verifyRoleFact(db, roleId, fact, actor.userId, now),
        // Verified facts are shown and searched; the index learns of it like any role change.
        enqueueRole(db, roleId, now),
        appendAudit(db, actor, now, {
          action: 'verify_fact',
          subjectType: 'role',
          subjectId: roleId,
          detail: fact,
        }),
      ]);
      return services.roles.get(actor, roleId);
    },

    async audit(query: AuditQuery) {
      const rows = await listAudit(db, query);
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorRole: r.actor_role,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        detail: r.detail,
      }));
    },
  };
}

export type CoordinationService = ReturnType<typeof createCoordinationService>;
