/**
 * Ranked members for a role, for coordinators: retrieve the members the role could reach (the
 * database, by place and relocation wish; members who blocked the employer never appear), then
 * rank them with the matching module, both sides scored and explained.
 */
import { rankMembersForRole, reachKm } from '../../../matching/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { AreaService } from '../areas/area.service.ts';
import type { Actor } from '../auth/actor.ts';
import { findMemberIdsInReach } from '../members/member.repository.ts';
import type { MemberService } from '../members/member.service.ts';
import type { RoleService } from '../roles/role.service.ts';
import { memberForMatching } from '../search/job-search.service.ts';
import { japanDate } from '../shared/japan-time.ts';
import { explainInfeasible, explainMatch, rankingSummary } from './explanations.ts';
import type { CandidateList, RankQuery } from './match.schemas.ts';
import { areaCodesOf, roleForMatching, toMatchMember, toMatchRole } from './match-inputs.ts';

/**
 * Farther than this no commute mode gets her there within the 180 minutes a profile allows, even
 * with the estimate's uncertainty in her favour (the same model the matching module decides by).
 */
const REACH_KM = Math.ceil(
  Math.max(...(['car', 'transit', 'walk_bicycle'] as const).map((m) => reachKm(m, 180))),
);
const MAX_CANDIDATES = 10_000;

export function createCandidateService(
  { database, clock }: AppDeps,
  services: { areas: AreaService; roles: RoleService; members: MemberService },
) {
  const { areas, roles, members } = services;
  return {
    async forRole(actor: Actor, roleId: string, query: RankQuery): Promise<CandidateList> {
      const role = await roles.get(actor, roleId);
      const ids = await findMemberIdsInReach(database.db, {
        organisationId: role.organisation.id,
        everywhere: role.remote.mode === 'full',
        // Each location's finest point (its town's, else its area's), as the matching module uses.
        points: role.locations.flatMap((l) => (l.point ? [l.point] : [])),
        prefCodes: [...new Set(role.locations.map((l) => l.prefCode))],
        areaCodes: role.locations.map((l) => l.areaCode),
        radiusKm: REACH_KM,
        limit: MAX_CANDIDATES,
      });
      const profiles = await members.profiles(ids);
      const forMatching = profiles.map(memberForMatching);
      const subject = roleForMatching(role);
      const places = await areas.places(areaCodesOf([subject], forMatching));
      const ranking = rankMembersForRole(
        toMatchRole(subject, places),
        forMatching.map((m) => toMatchMember(m, places)),
        {
          evaluationDate: japanDate(clock.now()),
          limit: query.offset + query.limit,
          includeInfeasible: query.includeInfeasible === true,
        },
      );
      const byId = new Map(profiles.map((p) => [p.userId, p]));
      const items = [
        ...ranking.ranked.map((m) => ({
          member: byId.get(m.memberId) as (typeof profiles)[number],
          match: explainMatch(m, query.lang),
        })),
        ...ranking.infeasible.map((m) => ({
          member: byId.get(m.memberId) as (typeof profiles)[number],
          infeasible: explainInfeasible(m, query.lang),
        })),
      ];
      const total = ranking.feasibleCount + ranking.infeasible.length;
      return {
        items: items.slice(query.offset, query.offset + query.limit),
        nearMisses: ranking.nearMisses.map((m) => ({
          member: byId.get(m.memberId) as (typeof profiles)[number],
          infeasible: explainInfeasible(m, query.lang),
        })),
        feasibleCount: ranking.feasibleCount,
        excluded: ranking.excludedCounts as Record<string, number>,
        summary: rankingSummary(
          ranking.feasibleCount,
          ranking.excludedCounts,
          ranking.nearMisses.length,
          query.lang,
          {
            ja: '人',
            en: '',
          },
        ),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },
  };
}

export type CandidateService = ReturnType<typeof createCandidateService>;
