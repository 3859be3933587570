/**
 * Ranking in both directions: roles for a member, and members for a role. Scores every candidate in
 * a tight loop (prepared data, one reused state), sorts by score with ties broken by id, and only
 * then builds explanations for the results returned. Infeasible pairs are listed apart, never ranked.
 */
import { evaluatePair } from './evaluate.ts';
import { explainInfeasible, explainMatch, type InfeasibleMatch, type ScoredMatch } from './explain.ts';
import { type MatchContext, type MatchOptions, resolveOptions } from './options.ts';
import { PairState } from './pair-state.ts';
import { type PreparedMember, type PreparedRole, prepareMember, prepareRole } from './prepare.ts';
import { rerank } from './rerank.ts';
import type { MatchMember, MatchRole } from './types.ts';

export interface Ranking {
  /** Feasible pairs, best first (after re-ranking for roles), at most `limit`. */
  ranked: ScoredMatch[];
  /** Pairs removed by a hard constraint, ordered by id, each with all its violations. */
  infeasible: InfeasibleMatch[];
  /** How many feasible pairs there were before `limit`. */
  feasibleCount: number;
}

export type PairResult =
  | { feasible: true; match: ScoredMatch }
  | { feasible: false; infeasible: InfeasibleMatch };

const hot = new PairState();
const cold = new PairState();

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Scores n pairs given accessors for the prepared sides, and returns the feasible indices sorted by
 * score (ties by id) plus the infeasible indices sorted by id.
 */
function scoreAll(
  n: number,
  memberAt: (i: number) => PreparedMember,
  roleAt: (i: number) => PreparedRole,
  idAt: (i: number) => string,
  ctx: MatchContext,
): { feasible: number[]; infeasible: number[]; totals: Float64Array } {
  const totals = new Float64Array(n);
  const feasible: number[] = [];
  const infeasible: number[] = [];
  for (let i = 0; i < n; i++) {
    if (evaluatePair(memberAt(i), roleAt(i), ctx, hot, true) === 0) {
      totals[i] = hot.total;
      feasible.push(i);
    } else infeasible.push(i);
  }
  feasible.sort(
    (a, b) => (totals[b] as number) - (totals[a] as number) || compareIds(idAt(a), idAt(b)) || a - b,
  );
  if (ctx.includeInfeasible) infeasible.sort((a, b) => compareIds(idAt(a), idAt(b)) || a - b);
  return { feasible, infeasible, totals };
}

function materialise(pm: PreparedMember, pr: PreparedRole, ctx: MatchContext): ScoredMatch {
  evaluatePair(pm, pr, ctx, cold, false);
  return explainMatch(pm, pr, cold);
}

function materialiseInfeasible(pm: PreparedMember, pr: PreparedRole, ctx: MatchContext): InfeasibleMatch {
  evaluatePair(pm, pr, ctx, cold, false);
  return explainInfeasible(pm, pr, cold);
}

/**
 * Ranks roles for one member (what she browses). Re-ranking is applied by default (at most 2 roles
 * of one employer in the top 10, crowded roles pushed down); pass `rerank: false` for the raw order.
 *
 * @example
 * const { ranked } = rankRolesForMember(member, roles, { evaluationDate: '2025-04-01', limit: 20 });
 * ranked[0]?.reasons.map((r) => renderReason(r)) // ['保育園のお迎え（18:00）に間に合います', …]
 */
export function rankRolesForMember(
  member: MatchMember,
  roles: readonly MatchRole[],
  options: MatchOptions,
): Ranking {
  const ctx = resolveOptions(options);
  const pm = prepareMember(member, ctx.date);
  const prepared = roles.map(prepareRole);
  const { feasible, infeasible, totals } = scoreAll(
    roles.length,
    () => pm,
    (i) => prepared[i] as PreparedRole,
    (i) => (roles[i] as MatchRole).id,
    ctx,
  );
  let ranked: ScoredMatch[];
  if (ctx.rerank === false) {
    const take = Math.min(feasible.length, ctx.limit);
    ranked = new Array(take);
    for (let k = 0; k < take; k++)
      ranked[k] = materialise(pm, prepared[feasible[k] as number] as PreparedRole, ctx);
  } else {
    // Re-ranking can pull a role from beyond the limit into it, so it runs on light items first.
    const items = feasible.map((i) => {
      const r = roles[i] as MatchRole;
      const score = totals[i] as number;
      return {
        index: i,
        score,
        roleId: r.id,
        memberId: member.id,
        organisationId: r.organisationId,
        openIntroductions: r.openIntroductions,
      };
    });
    const order = rerank(items, ctx.rerank).slice(0, Math.min(items.length, ctx.limit));
    ranked = order.map((it) => ({
      ...materialise(pm, prepared[it.index] as PreparedRole, ctx),
      rankScore: it.rankScore,
    }));
  }
  return {
    ranked,
    infeasible: ctx.includeInfeasible
      ? infeasible.map((i) => materialiseInfeasible(pm, prepared[i] as PreparedRole, ctx))
      : [],
    feasibleCount: feasible.length,
  };
}

/**
 * Ranks members for one role (a coordinator's or employer's view). No employer re-ranking applies:
 * every pair shares the role, so its introductions penalise them all equally.
 *
 * @example rankMembersForRole(role, members, { evaluationDate: '2025-04-01', limit: 50 }).ranked.length // ≤ 50
 */
export function rankMembersForRole(
  role: MatchRole,
  members: readonly MatchMember[],
  options: MatchOptions,
): Ranking {
  const ctx = resolveOptions(options);
  const pr = prepareRole(role);
  const prepared = members.map((m) => prepareMember(m, ctx.date));
  const { feasible, infeasible } = scoreAll(
    members.length,
    (i) => prepared[i] as PreparedMember,
    () => pr,
    (i) => (members[i] as MatchMember).id,
    ctx,
  );
  const take = Math.min(feasible.length, ctx.limit);
  const ranked: ScoredMatch[] = new Array(take);
  for (let k = 0; k < take; k++)
    ranked[k] = materialise(prepared[feasible[k] as number] as PreparedMember, pr, ctx);
  return {
    ranked,
    infeasible: ctx.includeInfeasible
      ? infeasible.map((i) => materialiseInfeasible(prepared[i] as PreparedMember, pr, ctx))
      : [],
    feasibleCount: feasible.length,
  };
}

/**
 * Scores and explains one pair, e.g. for the coordinator's side-by-side view of a proposed match.
 *
 * @example const r = scorePair(member, role, { evaluationDate: '2025-04-01' }); if (!r.feasible) r.infeasible.violations
 */
export function scorePair(member: MatchMember, role: MatchRole, options: MatchOptions): PairResult {
  const ctx = resolveOptions(options);
  const pm = prepareMember(member, ctx.date);
  const pr = prepareRole(role);
  const state = new PairState();
  if (evaluatePair(pm, pr, ctx, state, false) !== 0)
    return { feasible: false, infeasible: explainInfeasible(pm, pr, state) };
  return { feasible: true, match: explainMatch(pm, pr, state) };
}
