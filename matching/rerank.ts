/**
 * Re-ranking of a ranked list of roles, after scoring: a pure function of the list.
 * 1. Introductions spread: a role with many open introductions already has candidates in front of
 *    it, so its rank score is lowered. The first `freeIntroductions` cost nothing (an employer
 *    usually meets a few people per opening); each further one costs `penaltyPerIntroduction` of the
 *    score, up to `maxPenalty`. Defaults: 2 free, 4% each, at most 40% (12 open introductions).
 * 2. Employer diversity: at most `maxPerOrganisation` roles of one organisation within the first
 *    `window` places (defaults 2 and 10); the others move to just below the window, in order.
 * Scores are never changed, only `rankScore` and the order.
 */

export interface RerankOptions {
  maxPerOrganisation: number;
  window: number;
  freeIntroductions: number;
  penaltyPerIntroduction: number;
  maxPenalty: number;
}

export const DEFAULT_RERANK: RerankOptions = {
  maxPerOrganisation: 2,
  window: 10,
  freeIntroductions: 2,
  penaltyPerIntroduction: 0.04,
  maxPenalty: 0.4,
};

export interface RerankItem {
  score: number;
  roleId: string;
  memberId: string;
  organisationId: string;
  openIntroductions: number;
}

/**
 * The share of the score a role keeps given its open introductions.
 *
 * @example introductionFactor(5) // 0.88 (3 introductions beyond the 2 free ones × 4%)
 */
export function introductionFactor(
  openIntroductions: number,
  options: RerankOptions = DEFAULT_RERANK,
): number {
  const extra = Math.max(0, openIntroductions - options.freeIntroductions);
  return 1 - Math.min(options.maxPenalty, extra * options.penaltyPerIntroduction);
}

function byId(a: RerankItem, b: RerankItem): number {
  if (a.roleId !== b.roleId) return a.roleId < b.roleId ? -1 : 1;
  if (a.memberId !== b.memberId) return a.memberId < b.memberId ? -1 : 1;
  return 0;
}

/**
 * Returns the items in their re-ranked order, each a copy with `rankScore` set. Deterministic:
 * equal rank scores are ordered by role id, then member id.
 *
 * @example rerank(ranking.ranked).slice(0, 10) // no more than 2 roles of one employer
 */
export function rerank<T extends RerankItem>(
  items: readonly T[],
  options: Partial<RerankOptions> = {},
): (T & { rankScore: number })[] {
  const o = { ...DEFAULT_RERANK, ...options };
  const scored = items.map((item) => ({
    ...item,
    rankScore: item.score * introductionFactor(item.openIntroductions, o),
  }));
  scored.sort((a, b) => b.rankScore - a.rankScore || byId(a, b));
  const top: (T & { rankScore: number })[] = [];
  const deferred: (T & { rankScore: number })[] = [];
  const rest: (T & { rankScore: number })[] = [];
  const perOrganisation = new Map<string, number>();
  for (const item of scored) {
    if (top.length >= o.window) {
      rest.push(item);
      continue;
    }
    const n = perOrganisation.get(item.organisationId) ?? 0;
    if (n < o.maxPerOrganisation) {
      perOrganisation.set(item.organisationId, n + 1);
      top.push(item);
    } else deferred.push(item);
  }
  return [...top, ...deferred, ...rest];
}
