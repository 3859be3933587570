/**
 * A match scored for the staff who decide on it: the member and the role as they stand now, both
 * sides explained. Her support stage is not applied: it decides what the system suggests on its
 * own, not what a coordinator may look at or approve, so staff see the full breakdown for a member
 * without a stage too (and never the member-facing 「自動ではご提案していません」).
 */
import { scorePair } from '../../../matching/index.ts';
import type { AreaService } from '../areas/area.service.ts';
import type { Actor } from '../auth/actor.ts';
import type { MemberService } from '../members/member.service.ts';
import type { RoleService } from '../roles/role.service.ts';
import { memberForMatching } from '../search/job-search.service.ts';
import { areaCodesOf, roleForMatching, toMatchMember, toMatchRole } from './match-inputs.ts';

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
