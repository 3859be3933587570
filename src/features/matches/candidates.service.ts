/**
 * Ranked members for a role, for coordinators: retrieve the members the role could reach (the
 * database, by place and relocation wish; members who blocked the employer never appear), then
 * rank them with the matching module, both sides scored and explained. Profiles come prepared from
 * the member cache (current as of the call), so a call costs the ranking, not loading 10k
 * profiles; who blocked the employer is asked of the database on every call. The same question
 * asked again a moment later, with nothing changed, is answered from memory (search/answer-cache).
 */
import { rankMembersForRole, reachKm } from '../../../matching/index.ts';
import type { GeoPoint } from '../../../matching/types.ts';
import type { AppDeps } from '../../deps.ts';
import type { AreaService } from '../areas/area.service.ts';
import type { Actor } from '../auth/actor.ts';
import { findMembersBlocking, memberChangeCount } from '../members/member.repository.ts';
import type { MemberProfile } from '../members/member.schemas.ts';
import type { MemberService } from '../members/member.service.ts';
import type { PreparedMember } from '../members/prepared-members.ts';
import type { Role } from '../roles/role.schemas.ts';
import type { RoleService } from '../roles/role.service.ts';
import { createAnswerCache } from '../search/answer-cache.ts';
import { japanDate } from '../shared/japan-time.ts';
import { explainInfeasible, explainMatch, rankingSummary } from './explanations.ts';
import type { CandidateList, RankQuery } from './match.schemas.ts';
import { areaCodesOf, roleForMatching, toMatchRole } from './match-inputs.ts';

/**
 * Farther than this no commute mode gets her there within the 180 minutes a profile allows, even
 * with the estimate's uncertainty in her favour (the same model the matching module decides by).
 */
const REACH_KM = Math.ceil(
  Math.max(...(['car', 'transit', 'walk_bicycle'] as const).map((m) => reachKm(m, 180))),
);
const MAX_CANDIDATES = 10_000;
/**
 * Near misses shown with every page, closest first. A role in a big city has hundreds of them
 * (888 for one role at 100k roles): listing them all made each page 1.4 MB of JSON and a page no
 * coordinator scrolls; their number is given apart.
 */
export const NEAR_MISSES_SHOWN = 20;

/** Where a role is: its places' finest points, its prefectures and areas; everywhere if fully remote. */
interface RoleReach {
  everywhere: boolean;
  points: GeoPoint[];
  prefCodes: ReadonlySet<string>;
  areaCodes: ReadonlySet<string>;
  radiusKm: number;
}

/** Everyone's homes in flat arrays, and who wishes to move: built once per version of everyone. */
interface Homes {
  lat: Float64Array;
  lng: Float64Array;
  /** Positions of the members with move targets. */
  movers: number[];
}

const homesByEveryone = new WeakMap<readonly PreparedMember[], Homes>();

/**
 * Scanning 10k profiles' nested home points cost 2–6 ms per call (a cache miss per object);
 * two flat arrays cost a few hundredths of that. Kept per list: a changed profile brings a new
 * list of everyone (prepared-members.ts), and with it new arrays.
 */
function homesOf(everyone: readonly PreparedMember[]): Homes {
  const known = homesByEveryone.get(everyone);
  if (known) return known;
  const homes: Homes = {
    lat: new Float64Array(everyone.length),
    lng: new Float64Array(everyone.length),
    movers: [],
  };
  everyone.forEach(({ matchMember }, i) => {
    homes.lat[i] = matchMember.home.point.lat;
    homes.lng[i] = matchMember.home.point.lng;
    if (matchMember.targetAreas.length > 0) homes.movers.push(i);
  });
  homesByEveryone.set(everyone, homes);
  return homes;
}

/**
 * The members a role could reach, in everyone's order: home (her town's point, else her area's)
 * within a box of `radiusKm` around one of its places (the matching module makes the real commute
 * call), or a wish to move to one of its prefectures or areas; everyone for a fully remote role.
 * Members who blocked the employer are left out.
 */
function reachable(
  everyone: readonly PreparedMember[],
  reach: RoleReach,
  blocking: ReadonlySet<string>,
): PreparedMember[] {
  const within = new Uint8Array(everyone.length);
  if (reach.everywhere) within.fill(1);
  else {
    const { lat, lng, movers } = homesOf(everyone);
    const latDelta = reach.radiusKm / 111;
    for (const p of reach.points) {
      const lngDelta = reach.radiusKm / (111 * Math.max(0.2, Math.cos((p.lat * Math.PI) / 180)));
      for (let i = 0; i < within.length; i++)
        if (
          Math.abs((lat[i] as number) - p.lat) <= latDelta &&
          Math.abs((lng[i] as number) - p.lng) <= lngDelta
        )
          within[i] = 1;
    }
    for (const i of movers) {
      const targets = (everyone[i] as PreparedMember).matchMember.targetAreas;
      if (targets.some((t) => reach.prefCodes.has(t.place.prefCode) || reach.areaCodes.has(t.place.code)))
        within[i] = 1;
    }
  }
  const pool: PreparedMember[] = [];
  for (let i = 0; i < within.length && pool.length < MAX_CANDIDATES; i++) {
    const member = everyone[i] as PreparedMember;
    if (within[i] === 1 && !blocking.has(member.profile.userId)) pool.push(member);
  }
  return pool;
}

export function createCandidateService(
  { database, clock }: AppDeps,
  services: { areas: AreaService; roles: RoleService; members: MemberService },
) {
  const { areas, roles, members } = services;
  const answers = createAnswerCache<CandidateList>(clock);
  const service = {
    async forRole(actor: Actor, roleId: string, query: RankQuery): Promise<CandidateList> {
      const role = await roles.get(actor, roleId);
      const [changes, blocking] = await Promise.all([
        memberChangeCount(database.db),
        // Members who blocked the employer never appear: asked of the database on every call.
        findMembersBlocking(database.db, role.organisation.id),
      ]);
      // The same ranking asked again while neither the role nor any profile changed (every write
      // of a profile or its blocks steps the counter) is answered from memory.
      const key = JSON.stringify([changes, [...blocking].sort(), japanDate(clock.now()), role, query]);
      return answers.answer(key, () => rank(role, blocking, query));
    },
  };

  async function rank(role: Role, blocking: ReadonlySet<string>, query: RankQuery): Promise<CandidateList> {
    const everyone = await members.everyonePrepared();
    const reach: RoleReach = {
      everywhere: role.remote.mode === 'full',
      // Each location's finest point (its town's, else its area's), as the matching module uses.
      points: role.locations.flatMap((l) => (l.point ? [l.point] : [])),
      prefCodes: new Set(role.locations.map((l) => l.prefCode)),
      areaCodes: new Set(role.locations.map((l) => l.areaCode)),
      radiusKm: REACH_KM,
    };
    const pool = reachable(everyone, reach, blocking);
    const subject = roleForMatching(role);
    const places = await areas.places(areaCodesOf([subject], []));
    const ranking = rankMembersForRole(
      toMatchRole(subject, places),
      pool.map((p) => p.matchMember),
      {
        evaluationDate: japanDate(clock.now()),
        limit: query.offset + query.limit,
        includeInfeasible: query.includeInfeasible === true,
      },
    );
    const page = [...ranking.ranked, ...ranking.infeasible].slice(query.offset, query.offset + query.limit);
    const nearMisses = ranking.nearMisses.slice(0, NEAR_MISSES_SHOWN);
    // Profiles only for the members shown.
    const shown = new Set([...page, ...nearMisses].map((m) => m.memberId));
    const profileOf = new Map<string, MemberProfile>();
    for (const p of pool) if (shown.has(p.profile.userId)) profileOf.set(p.profile.userId, p.profile);
    const memberOf = (memberId: string) => profileOf.get(memberId) as MemberProfile;
    const items = page.map((m) =>
      'score' in m
        ? { member: memberOf(m.memberId), match: explainMatch(m, query.lang) }
        : { member: memberOf(m.memberId), infeasible: explainInfeasible(m, query.lang) },
    );
    const total = ranking.feasibleCount + ranking.infeasible.length;
    return {
      items,
      nearMisses: nearMisses.map((m) => ({
        member: memberOf(m.memberId),
        infeasible: explainInfeasible(m, query.lang),
      })),
      nearMissCount: ranking.nearMisses.length,
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
  }
  return service;
}

export type CandidateService = ReturnType<typeof createCandidateService>;
