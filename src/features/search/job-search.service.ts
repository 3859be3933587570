/**
 * Browsing published roles. Two stages: retrieve candidates (Meilisearch, or the database when it
 * is unreachable, answering `degraded: true`), then — for a signed-in member with a profile — score
 * them with the matching module and explain each. Roles are always re-read from the database, so a
 * role closed a moment ago never shows even while the index catches up.
 */
import {
  type CommuteMode,
  distanceKm,
  type GeoPoint,
  rankRolesForMember,
  reachKm,
  type ScoredMatch,
  scorePair,
} from '../../../matching/index.ts';
import { EMPLOYMENT_TYPES } from '../../../matching/vocabulary.ts';
import type { AppDeps } from '../../deps.ts';
import { invalidField, notFound } from '../../errors.ts';
import type { AreaService } from '../areas/area.service.ts';
import type { Actor } from '../auth/actor.ts';
import { explainInfeasible, explainMatch, type Lang } from '../matches/explanations.ts';
import type { RankQuery } from '../matches/match.schemas.ts';
import { areaCodesOf, memberForMatching, toMatchMember } from '../matches/match-inputs.ts';
import type { MemberProfile } from '../members/member.schemas.ts';
import type { MemberService } from '../members/member.service.ts';
import type { BranchService } from '../organisations/branch.service.ts';
import { japanDate } from '../shared/japan-time.ts';
import { toWeeklyWindow } from '../shared/schedule.schemas.ts';
import { createAnswerCache } from './answer-cache.ts';
import { retrieveFromDatabase } from './database-retrieval.ts';
import { createGeoCodes } from './geo-codes.ts';
import { type HerWords, readHerWords } from './her-words.ts';
import { hiddenRoles } from './hidden-roles.ts';
import { markHometownNationalFirms } from './hometown-firms.ts';
import { JOB_CONDITIONS, type JobCondition } from './job-conditions.ts';
import {
  type JobIndex,
  type JobIndexQuery,
  type JobIndexResult,
  SearchUnavailableError,
} from './job-index.ts';
import {
  type JobHit,
  type JobSearchQuery,
  JobSearchQuerySchema,
  type JobSearchResult,
} from './job-search.schemas.ts';
import { createPublishedRoles, type PublishedRole } from './published-roles.ts';
import { searchChangeCount } from './search-outbox.repository.ts';
import { createSearchPlaces } from './search-places.ts';

/**
 * How many candidates a member's personal ranking scores. Retrieval already keeps to roles within
 * her reach, nearest first when she typed no words; 200 leaves plenty for a page of 20 after the
 * hard constraints, and keeps the engine's geo-sorted query cheap.
 */
const MEMBER_CANDIDATES = 200;
const REMOTE_LABELS: Record<string, string> = { none: '出社', hybrid: '一部在宅', full: '完全在宅' };
export function createJobSearchService(
  deps: AppDeps,
  services: { areas: AreaService; members: MemberService; branches: BranchService },
  index: JobIndex | null,
) {
  const { areas, members } = services;
  /** Her page's hits with 「地元で働ける全国企業」 marked (hometown-firms.ts). */
  const markHometown = (hits: JobHit[], profile: MemberProfile) =>
    markHometownNationalFirms(hits, profile, {
      places: areas.places,
      nationalFirms: services.branches.nationalFirms,
    });
  const publishedRoles = createPublishedRoles(deps.database, areas);
  // Circles become place codes: the engine filters on them, and the database looks a member's reach
  // up by the areas it touches (then measures distances itself).
  const { nearWithCodes, homePointOf, reachOf, centreOf } = createSearchPlaces(
    areas,
    createGeoCodes(deps.database.db),
  );
  /** Degraded retrievals shared between identical searches for a few seconds (see answer-cache.ts). */
  const degradedAnswers = createAnswerCache<JobIndexResult>(deps.clock);
  /** Whole answers, visitors' and members', shared the same way whether the engine is up or not. */
  const answers = createAnswerCache<JobSearchResult>(deps.clock);

  async function retrieve(query: JobIndexQuery): Promise<{ result: JobIndexResult; degraded: boolean }> {
    const freshness = index?.freshness?.() ?? 'current';
    if (index && (freshness === 'current' || freshness === 'catchingUp')) {
      try {
        // Catching up, the engine may still lack roles published while it was away: say so.
        return { result: await index.search(query), degraded: freshness === 'catchingUp' };
      } catch (error) {
        if (!(error instanceof SearchUnavailableError)) throw error;
      }
    }
    // Keyed by the newest search change too: a role written since is never answered from memory.
    const key = `${await searchChangeCount(deps.database.db)} ${JSON.stringify(query)}`;
    return {
      result: await degradedAnswers.answer(key, () => retrieveFromDatabase(deps.database.db, query)),
      degraded: true,
    };
  }

  async function facetsOf(result: JobIndexResult, lang: Lang) {
    const prefectures = new Map((await areas.prefectures()).map((p) => [p.prefCode, p.prefecture]));
    const sorted = (counts: Record<string, number>, label: (value: string) => string) =>
      Object.entries(counts)
        .map(([value, count]) => ({ value, label: label(value), count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      prefecture: sorted(result.facets.prefCodes, (code) => prefectures.get(code) ?? code),
      employmentType: sorted(
        result.facets.employmentType,
        (t) => EMPLOYMENT_TYPES[t as keyof typeof EMPLOYMENT_TYPES]?.ja ?? t,
      ),
      remote: sorted(result.facets.remote, (r) => REMOTE_LABELS[r] ?? r),
      // In the fixed order of the filters on the page, not by count: she looks for hers.
      condition: Object.keys(JOB_CONDITIONS).flatMap((c) => {
        const count = result.facets.conditions[c];
        return count ? [{ value: c, label: JOB_CONDITIONS[c as JobCondition][lang], count }] : [];
      }),
    };
  }

  /** The engine is not asked at all now (down, or the index is being built): answers are degraded. */
  function engineAway(): boolean {
    const freshness = index?.freshness?.() ?? 'current';
    return !index || !(freshness === 'current' || freshness === 'catchingUp');
  }

  const service = {
    /**
     * The roles the system would propose to her: retrieved within her reach, ranked with her
     * support stage enforced (stage 1 and unassessed members get none), best first.
     * @example (await jobs.strongestFor(profile, 10)).map((m) => m.roleId)
     */
    async strongestFor(profile: MemberProfile, limit: number): Promise<ScoredMatch[]> {
      const home = await homePointOf(profile);
      const reach = await reachOf(profile);
      const { result } = await retrieve({
        q: '',
        reach,
        ...(home ? { near: await nearWithCodes(home, undefined, true, reach) } : {}),
        ...(profile.privacy.blockedOrganisationIds.length
          ? { excludeOrganisationIds: profile.privacy.blockedOrganisationIds }
          : {}),
        sort: home ? 'distance' : 'relevance',
        limit: MEMBER_CANDIDATES,
        offset: 0,
        facets: false,
      });
      const loaded = await publishedRoles.load(result.hits.map((h) => h.id));
      const her = memberForMatching(profile);
      const ranking = rankRolesForMember(
        toMatchMember(her, await areas.places(areaCodesOf([], [her]))),
        [...loaded.values()].map((r) => r.matchRole),
        { evaluationDate: japanDate(deps.clock.now()), includeInfeasible: false, limit },
      );
      return ranking.ranked;
    },

    /** Her ranked roles with no words or filters: what her home page shows. Needs a profile. */
    async recommendations(actor: Actor, query: RankQuery): Promise<JobSearchResult> {
      const profile = await members.findMine(actor);
      if (!profile) throw notFound('member profile');
      return service.recommendationsFor(profile, query);
    },

    /** The same, for a profile the caller already loaded (her home page greets her by name). */
    recommendationsFor(profile: MemberProfile, query: RankQuery): Promise<JobSearchResult> {
      return searchFor(profile, { ...JobSearchQuerySchema.parse({}), ...query });
    },

    /**
     * One published role as the reader sees it: for a member with a profile, also why it suits
     * her or what rules it out (a role from an employer she blocked is not found, as in search).
     * @example const hit = await jobs.detail(actor, roleId, 'ja'); hit.match?.reasons
     */
    async detail(actor: Actor | undefined, roleId: string, lang: Lang): Promise<JobHit> {
      const published = (await publishedRoles.load([roleId])).get(roleId);
      if (!published) throw notFound('role');
      const profile = actor?.role === 'member' ? await members.findMine(actor) : undefined;
      if (!profile) return { role: published.role };
      if (profile.privacy.blockedOrganisationIds.includes(published.role.organisation.id))
        throw notFound('role');
      const her = memberForMatching(profile);
      const member = toMatchMember(her, await areas.places(areaCodesOf([], [her])));
      const home = await homePointOf(profile);
      const distance = home
        ? nearest(home, published.matchRole.locations, profile.homePoint !== undefined)
        : {};
      const pair = scorePair(member, published.matchRole, {
        evaluationDate: japanDate(deps.clock.now()),
        enforceStage: false,
      });
      const [hit] = await markHometown(
        [
          pair.feasible
            ? { role: published.role, ...distance, match: explainMatch(pair.match, lang) }
            : { role: published.role, ...distance, infeasible: explainInfeasible(pair.infeasible, lang) },
        ],
        profile,
      );
      return hit as JobHit;
    },

    async search(actor: Actor | undefined, query: JobSearchQuery): Promise<JobSearchResult> {
      return searchFor(actor?.role === 'member' ? await members.findMine(actor) : undefined, query);
    },
  };

  /**
   * Browsing as a visitor (no profile) or ranked for a member (her profile), answered from memory
   * when the same question was answered a moment ago and nothing it depends on changed: her whole
   * profile, the day her week is judged on, whether the engine is current, and the newest search
   * change (every write that changes what is findable enqueues one). Callers must not change it.
   */
  async function searchFor(
    profile: MemberProfile | undefined,
    query: JobSearchQuery,
  ): Promise<JobSearchResult> {
    const key = JSON.stringify([
      await searchChangeCount(deps.database.db),
      index?.freshness?.() ?? 'none',
      japanDate(deps.clock.now()),
      profile ?? null,
      query,
    ]);
    const answer = await answers.answer(key, () => answerFor(profile, query));
    // Marked after the shared answer, on a copy: a branch or a verification changes the mark
    // without being a search change, so the mark is never answered from memory.
    return profile ? { ...answer, items: await markHometown(answer.items, profile) } : answer;
  }

  async function answerFor(
    profile: MemberProfile | undefined,
    query: JobSearchQuery,
  ): Promise<JobSearchResult> {
    // Her home (her town's point when she gave one) unless she asked about another place. Distances
    // from a chosen town stay worded as coarse: 'town' reads as 「自宅の町から」, about her home only.
    const fromTown = !query.centerAreaCode && profile?.homePoint !== undefined;
    const center = await centreOf(query, profile);
    if (query.radiusKm !== undefined && query.commuteMinutes !== undefined)
      throw invalidField('query.commuteMinutes', 'give radiusKm or commuteMinutes, not both', 'radius_twice');
    const radiusKm =
      query.commuteMinutes !== undefined
        ? reachKm(query.commuteMode as CommuteMode, query.commuteMinutes)
        : query.radiusKm;
    if ((radiusKm !== undefined || query.sort === 'distance') && !center) {
      throw invalidField(
        'query.centerAreaCode',
        'choose a centre area for a radius or distance sort',
        'center_required',
      );
    }
    const personal = profile !== undefined;
    const words = readHerWords(query.q);
    const text = words.text;
    const employmentTypes = narrowed(query.employmentType, words.employmentTypes);
    // Trades ticked and trades named by her words are two filters, both held: a word also finds
    // roles by their titles (her-words.ts), which a tick does not.
    const categories = query.category;
    const trades = words.categories.length
      ? { categories: words.categories, titleWords: words.titleWords }
      : undefined;
    const conditions = [...new Set([...(query.conditions ?? []), ...words.conditions])];
    // A member's default is her own ranking; a visitor has nothing to be ranked on: nearest first
    // around the place she chose, else the best text matches for her words, else the newest.
    const asked =
      query.sort ?? (personal ? 'relevance' : center ? 'distance' : text ? 'relevance' : 'newest');
    const fits = personal && query.fitsAvailability === true ? availabilityFilter(profile) : undefined;
    // Without words, a member's candidate pool is the nearest roles first; her ranking reorders them.
    const sort = personal && !text && asked === 'relevance' && center ? 'distance' : asked;
    const radiusMeters = radiusKm ? radiusKm * 1000 : undefined;
    // Unless she asks to see what cannot work, retrieve only roles she could get to.
    const reach = profile && query.includeInfeasible !== true ? await reachOf(profile) : undefined;
    const indexQuery: JobIndexQuery = {
      q: text,
      ...(query.prefCode ? { prefCodes: query.prefCode } : {}),
      ...(query.areaCode ? { areaCodes: query.areaCode } : {}),
      ...(center ? { near: await nearWithCodes(center, radiusMeters, sort === 'distance', reach) } : {}),
      ...(query.remote ? { remote: query.remote } : {}),
      ...(employmentTypes?.length ? { employmentTypes } : {}),
      ...(categories?.length ? { categories } : {}),
      ...(trades ? { trades } : {}),
      ...(conditions.length ? { conditions } : {}),
      ...(query.minHourlyPay !== undefined ? { minHourlyPay: query.minHourlyPay } : {}),
      ...(fits ? { availability: fits } : {}),
      ...(profile?.privacy.blockedOrganisationIds.length
        ? { excludeOrganisationIds: profile.privacy.blockedOrganisationIds }
        : {}),
      ...(reach ? { reach } : {}),
      sort,
      // A member's page is cut from her personal ranking, so retrieval returns the candidate pool.
      limit: personal ? MEMBER_CANDIDATES : query.limit,
      offset: personal ? 0 : query.offset,
      facets: true,
    };
    // What her search leaves out as beyond her reach is counted (hiddenRoles) while it runs.
    const everywhere = indexQuery.reach ? countWithoutReach(indexQuery) : undefined;
    // Her words and her ticks named no common employment type: nothing can match.
    const { result, degraded } =
      employmentTypes?.length === 0
        ? { result: emptyResult(), degraded: engineAway() }
        : await retrieve(indexQuery);
    const understood = understoodOf(words);
    const loaded = await publishedRoles.load(result.hits.map((h) => h.id));
    const hits = result.hits.filter((h) => loaded.has(h.id));
    const hitById = new Map(hits.map((h) => [h.id, h]));
    const roleOf = (id: string) => (loaded.get(id) as PublishedRole).role;
    // The nearest location's distance, with how precise its two points are; the engine's figure
    // (to the first location only, and only when it sorts by distance) is the fallback.
    const distanceOf = (id: string) => {
      if (center) return nearest(center, (loaded.get(id) as PublishedRole).matchRole.locations, fromTown);
      const meters = hitById.get(id)?.distanceMeters;
      return meters !== undefined ? { distanceKm: Math.round(meters / 100) / 10 } : {};
    };
    const facets = await facetsOf(result, query.lang);

    if (!personal) {
      const items = hits.map((h) => ({ role: roleOf(h.id), ...distanceOf(h.id) }));
      return {
        items,
        total: result.total,
        limit: query.limit,
        offset: query.offset,
        facets,
        sort: asked,
        ...understood,
        degraded,
        ranking: 'search',
      };
    }

    const her = memberForMatching(profile);
    const member = toMatchMember(her, await areas.places(areaCodesOf([], [her])));
    const ranking = rankRolesForMember(
      member,
      hits.map((h) => (loaded.get(h.id) as PublishedRole).matchRole),
      {
        evaluationDate: japanDate(deps.clock.now()),
        ...(text ? { textRelevance: new Map(hits.map((h) => [h.id, h.relevance])) } : {}),
        includeInfeasible: query.includeInfeasible === true,
        // She is browsing for herself: her stage shapes the order, never what she may see.
        enforceStage: false,
        // Only the page is explained; an explicit sort needs every feasible role to reorder.
        ...(asked === 'relevance' ? { limit: query.offset + query.limit } : {}),
      },
    );
    // Relevance means her personal ranking; an explicit sort keeps the engine's order.
    const rankedById = new Map(ranking.ranked.map((m) => [m.roleId, m]));
    const ranked = asked === 'relevance' ? ranking.ranked : hits.flatMap((h) => rankedById.get(h.id) ?? []);
    const items: JobHit[] = [
      ...ranked.map((m) => ({
        role: roleOf(m.roleId),
        ...distanceOf(m.roleId),
        match: explainMatch(m, query.lang),
      })),
      ...ranking.infeasible.map((m) => ({
        role: roleOf(m.roleId),
        ...distanceOf(m.roleId),
        infeasible: explainInfeasible(m, query.lang),
      })),
    ];
    return {
      items: items.slice(query.offset, query.offset + query.limit),
      total: ranking.feasibleCount + ranking.infeasible.length,
      limit: query.limit,
      offset: query.offset,
      facets,
      sort: asked,
      ...understood,
      degraded,
      ranking: 'match',
      ...(query.includeInfeasible === true
        ? {}
        : { hidden: await hiddenRoles(everywhere, result.total, ranking.excludedCounts, query.lang) }),
    };
  }

  /**
   * How many roles the same question finds without the reach filter. Started beside her own
   * search rather than after it, so a member's page waits for the slower of the two engine
   * queries, not for both in turn.
   */
  function countWithoutReach(indexQuery: JobIndexQuery): Promise<number> {
    const { reach: _reach, ...withoutReach } = indexQuery;
    // Only the count is wanted: no order, so the engine skips any distance sort.
    const counted = retrieve({ ...withoutReach, sort: 'relevance', limit: 1, offset: 0, facets: false }).then(
      (all) => all.result.total,
    );
    // Awaited in hiddenRoles; a failure meanwhile (her own search failed first) is not unhandled.
    counted.catch(() => {});
    return counted;
  }

  return service;
}

/**
 * Kilometres to the role's nearest place, to one decimal, and whether both points are towns
 * ('town') or at least one is a municipality's centre ('area', so no one reads 「1km以内」 into two
 * centres); nothing for a role without places.
 */
function nearest(
  from: GeoPoint,
  locations: readonly { point: GeoPoint; town?: string }[],
  fromTown: boolean,
): { distanceKm?: number; distancePrecision?: 'town' | 'area' } {
  let best: { km: number; town: boolean } | undefined;
  for (const l of locations) {
    const km = distanceKm(from, l.point);
    if (!best || km < best.km) best = { km, town: l.town !== undefined };
  }
  if (!best) return {};
  return {
    distanceKm: Math.round(best.km * 10) / 10,
    distancePrecision: fromTown && best.town ? 'town' : 'area',
  };
}

/**
 * A filter given twice, by a tick and by her words: what both allow (empty: nothing can match);
 * either one alone; undefined when neither asks.
 */
function narrowed<T extends string>(
  ticked: readonly T[] | undefined,
  fromWords: readonly T[],
): T[] | undefined {
  if (ticked?.length && fromWords.length) return ticked.filter((v) => fromWords.includes(v));
  if (ticked?.length) return [...ticked];
  return fromWords.length ? [...fromWords] : undefined;
}

/** What her words were read as, when any named something structured (the title words are ours). */
function understoodOf({ titleWords: _titleWords, ...words }: HerWords): {
  understood?: Omit<HerWords, 'titleWords'>;
} {
  return words.employmentTypes.length || words.categories.length || words.conditions.length
    ? { understood: words }
    : {};
}

const emptyResult = (): JobIndexResult => ({
  hits: [],
  total: 0,
  facets: { prefCodes: {}, employmentType: {}, remote: {}, conditions: {} },
});

/** Her availability as the coarse prefilter the index understands. */
function availabilityFilter(profile: MemberProfile): JobIndexQuery['availability'] {
  const windows = profile.availability.windows.map(toWeeklyWindow);
  return {
    weekdays: [...new Set(windows.map((w) => w.day))],
    maxHoursPerWeek: profile.availability.maxHoursPerWeek,
    earliestStart: Math.min(...windows.map((w) => w.start)),
    latestEnd: Math.max(...windows.map((w) => w.end)),
  };
}

export type JobSearchService = ReturnType<typeof createJobSearchService>;
