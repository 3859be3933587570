/**
 * Ranking in both directions: roles for a member, and members for a role. Scores every candidate in
 * a tight loop (prepared data, one reused state), sorts by score with ties broken by id, and only
 * then builds explanations for the results returned. Infeasible pairs are listed apart, never ranked.
 */
import {
  CONSTRAINT_BITS,
  type ConstraintCode,
  firstConstraintCode,
  NEAR_MISS_LIMITS,
} from './constraints.ts';
import { evaluatePair } from './evaluate.ts';
import { explainInfeasible, explainMatch, type InfeasibleMatch, type ScoredMatch } from './explain.ts';
import { type MatchContext, type MatchOptions, resolveOptions } from './options.ts';
import { marginOf, PairState } from './pair-state.ts';
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
  /**
   * Pairs ruled out by a small margin (see InfeasibleMatch.nearMiss), smallest miss first; listed
   * even when `includeInfeasible` is false, so a coordinator's list is never empty without a word.
   */
  nearMisses: InfeasibleMatch[];
  /** How many pairs each hard constraint left out (each pair counted once, under its first code). */
  excludedCounts: Partial<Record<ConstraintCode, number>>;
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
): { feasible: number[]; infeasible: number[]; totals: Float64Array; masks: Int32Array } {
  const totals = new Float64Array(n);
  const masks = new Int32Array(n);
  const feasible: number[] = [];
  const infeasible: number[] = [];
  for (let i = 0; i < n; i++) {
    const mask = evaluatePair(memberAt(i), roleAt(i), ctx, hot, true);
    if (mask === 0) {
      totals[i] = hot.total;
      feasible.push(i);
    } else {
      // Remember only whether the early-stopped evaluation already shows a small enough miss, so
      // near misses are re-evaluated for a handful of pairs, not for every pair left out.
      masks[i] = mask | (ctx.nearMisses && maybeNear(memberAt(i), mask) ? MAYBE_NEAR_FLAG : 0);
      infeasible.push(i);
    }
  }
  feasible.sort(
    (a, b) => (totals[b] as number) - (totals[a] as number) || compareIds(idAt(a), idAt(b)) || a - b,
  );
  // Callers usually pass candidates already in id order; sorting them again would only allocate.
  if (ctx.includeInfeasible && !inIdOrder(infeasible, idAt))
    infeasible.sort((a, b) => compareIds(idAt(a), idAt(b)) || a - b);
  return { feasible, infeasible, totals, masks };
}

function inIdOrder(indices: readonly number[], idAt: (i: number) => string): boolean {
  for (let k = 1; k < indices.length; k++)
    if (compareIds(idAt(indices[k - 1] as number), idAt(indices[k] as number)) > 0) return false;
  return true;
}

/** A bit above every constraint bit, set on pairs worth re-evaluating for a near miss. */
const MAYBE_NEAR_FLAG = 1 << 30;

/** From the hot state (just evaluated with early stop): could this pair be a near miss? */
function maybeNear(pm: PreparedMember, mask: number): boolean {
  if ((mask & ~MAYBE_NEAR) !== 0) return false;
  if (mask & CONSTRAINT_BITS.out_of_reach) {
    const over = hot.commuteMinutes - (hot.commuteMax || pm.member.maxCommuteMinutes);
    if (over > NEAR_MISS_LIMITS.minutes) return false;
  }
  if (mask & CONSTRAINT_BITS.schedule_infeasible) {
    const m = marginOf(hot, 'schedule_infeasible');
    if (!m || m.shortBy.amount > NEAR_MISS_LIMITS[m.shortBy.unit]) return false;
  }
  if (mask & CONSTRAINT_BITS.start_too_early) {
    const m = marginOf(hot, 'start_too_early');
    if (!m || m.shortBy.amount > NEAR_MISS_LIMITS.days) return false;
  }
  return true;
}

/** Only a miss on reach, schedule or start can be small enough to ask about (NEGOTIABLE in explain.ts). */
const MAYBE_NEAR =
  CONSTRAINT_BITS.out_of_reach | CONSTRAINT_BITS.schedule_infeasible | CONSTRAINT_BITS.start_too_early;

/** Counts each left-out pair once, under the first code of its (early-stopped) mask. */
function countExcluded(infeasible: number[], masks: Int32Array): Partial<Record<ConstraintCode, number>> {
  const counts: Partial<Record<ConstraintCode, number>> = {};
  for (const i of infeasible) {
    const code = firstConstraintCode((masks[i] as number) & ~MAYBE_NEAR_FLAG);
    if (code) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/**
 * Re-evaluates, in full, the left-out pairs that failed only on something measurable, and keeps
 * those missed by a small margin, smallest total miss first (ties by id).
 */
function findNearMisses(
  infeasible: number[],
  masks: Int32Array,
  memberAt: (i: number) => PreparedMember,
  roleAt: (i: number) => PreparedRole,
  idAt: (i: number) => string,
  ctx: MatchContext,
): InfeasibleMatch[] {
  const out: { match: InfeasibleMatch; id: string; miss: number }[] = [];
  for (const i of infeasible) {
    if (((masks[i] as number) & MAYBE_NEAR_FLAG) === 0) continue;
    const match = materialiseInfeasible(memberAt(i), roleAt(i), ctx);
    if (!match.nearMiss) continue;
    let miss = 0;
    for (const m of match.margins) miss += m.shortBy.amount / NEAR_MISS_LIMITS[m.shortBy.unit];
    out.push({ match, id: idAt(i), miss });
  }
  out.sort((a, b) => a.miss - b.miss || compareIds(a.id, b.id));
  return out.map((x) => x.match);
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
  const roleAt = (i: number) => prepared[i] as PreparedRole;
  const roleId = (i: number) => (roles[i] as MatchRole).id;
  const { feasible, infeasible, totals, masks } = scoreAll(roles.length, () => pm, roleAt, roleId, ctx);
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
    nearMisses: ctx.nearMisses ? findNearMisses(infeasible, masks, () => pm, roleAt, roleId, ctx) : [],
    excludedCounts: countExcluded(infeasible, masks),
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
  const memberAt = (i: number) => prepared[i] as PreparedMember;
  const memberId = (i: number) => (members[i] as MatchMember).id;
  const { feasible, infeasible, masks } = scoreAll(members.length, memberAt, () => pr, memberId, ctx);
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
    nearMisses: ctx.nearMisses ? findNearMisses(infeasible, masks, memberAt, () => pr, memberId, ctx) : [],
    excludedCounts: countExcluded(infeasible, masks),
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
