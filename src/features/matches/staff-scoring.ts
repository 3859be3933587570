/**
 * A match scored for the staff who decide on it: the member and the role as they stand now, both
 * sides explained. Her support stage is not applied: it decides what the system suggests on its
 * own, not what a coordinator may look at or approve, so staff see the full breakdown for a member
 * without a stage too (and never the member-facing 「自動ではご提案していません」).
 */

import type { ConstraintCode } from '../../../matching/constraints.ts';
import { scorePair } from '../../../matching/index.ts';
import type { AreaService } from '../areas/area.service.ts';
import type { Actor } from '../auth/actor.ts';
import type { MemberService } from '../members/member.service.ts';
import type { RoleService } from '../roles/role.service.ts';
import {
  areaCodesOf,
  memberForMatching,
  roleForMatching,
  toMatchMember,
  toMatchRole,
} from './match-inputs.ts';

export interface StaffScoringDeps {
  areas: AreaService;
  members: MemberService;
  roles: RoleService;
}

/**
 * @example const { scored } = await scoreForStaff(deps, coordinator, memberId, roleId, '2026-12-01');
 */
export async function scoreForStaff(
  deps: StaffScoringDeps,
  actor: Actor,
  memberId: string,
  roleId: string,
  evaluationDate: string,
) {
  const [member, role] = await Promise.all([
    deps.members.get(actor, memberId),
    deps.roles.get(actor, roleId),
  ]);
  const her = memberForMatching(member);
  const subject = roleForMatching(role);
  const places = await deps.areas.places(areaCodesOf([subject], [her]));
  const scored = scorePair(toMatchMember(her, places), toMatchRole(subject, places), {
    evaluationDate,
    enforceStage: false,
  });
  return { member, role, scored };
}

/** How a listed match fits, for a coordinator scanning a queue: the score, or what is broken. */
export type QueueFit = { feasible: true; score: number } | { feasible: false; codes: ConstraintCode[] };

/**
 * Scores many listed matches at once (the coordinator's queue): each member's profile and each
 * role read once, the places in one call. Matches whose member or role cannot be read (deleted
 * meanwhile) are left out of the answer.
 *
 * @example (await fitsForStaff(deps, coordinator, items, '2026-12-01')).get(items[0].id)
 */
export async function fitsForStaff(
  deps: StaffScoringDeps,
  actor: Actor,
  pairs: readonly { id: string; memberId: string; roleId: string }[],
  evaluationDate: string,
): Promise<Map<string, QueueFit>> {
  const fits = new Map<string, QueueFit>();
  if (pairs.length === 0) return fits;
  const profiles = await deps.members.profiles([...new Set(pairs.map((p) => p.memberId))]);
  const roleIds = [...new Set(pairs.map((p) => p.roleId))];
  const roles = await Promise.all(roleIds.map((id) => deps.roles.get(actor, id).catch(() => undefined)));
  const members = new Map(profiles.map((p) => [p.userId, memberForMatching(p)]));
  const subjects = new Map(roles.flatMap((r) => (r ? [[r.id, roleForMatching(r)] as const] : [])));
  const places = await deps.areas.places(areaCodesOf([...subjects.values()], [...members.values()]));
  for (const pair of pairs) {
    const her = members.get(pair.memberId);
    const subject = subjects.get(pair.roleId);
    if (!her || !subject) continue;
    const scored = scorePair(toMatchMember(her, places), toMatchRole(subject, places), {
      evaluationDate,
      enforceStage: false,
    });
    fits.set(
      pair.id,
      scored.feasible
        ? { feasible: true, score: scored.match.score }
        : { feasible: false, codes: scored.infeasible.violations.map((v) => v.code) },
    );
  }
  return fits;
}
