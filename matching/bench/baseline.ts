/**
 * The straightforward implementation the benchmark compares against: for every pair it re-derives
 * both sides from scratch, checks every constraint, builds and renders the full explanation, and
 * sorts everything with locale-aware comparison. Same results, none of the engineering.
 */
import { parseIsoDate } from '../calendar.ts';
import { evaluatePair } from '../evaluate.ts';
import { explainInfeasible, explainMatch, type InfeasibleMatch, type ScoredMatch } from '../explain.ts';
import { type MatchOptions, resolveOptions } from '../options.ts';
import { PairState } from '../pair-state.ts';
import { buildPreparedMember, buildPreparedRole } from '../prepare.ts';
import { renderReason } from '../reasons.ts';
import type { MatchMember, MatchRole } from '../types.ts';

interface BaselineResult {
  ranked: (ScoredMatch & { text: string[] })[];
  infeasible: (InfeasibleMatch & { text: string[] })[];
}

function scoreOne(
  member: MatchMember,
  role: MatchRole,
  options: MatchOptions,
):
  | { ok: true; m: ScoredMatch & { text: string[] } }
  | { ok: false; m: InfeasibleMatch & { text: string[] } } {
  const ctx = resolveOptions(options);
  const pm = buildPreparedMember(member, parseIsoDate(options.evaluationDate));
  const pr = buildPreparedRole(role);
  const state = new PairState();
  if (evaluatePair(pm, pr, ctx, state, false) !== 0) {
    const inf = explainInfeasible(pm, pr, state);
    return { ok: false, m: { ...inf, text: inf.violations.map((v) => renderReason(v.reason)) } };
  }
  const match = explainMatch(pm, pr, state);
  return { ok: true, m: { ...match, text: match.reasons.map((r) => renderReason(r)) } };
}

function collect(
  results: ReturnType<typeof scoreOne>[],
  idOf: (m: { roleId: string; memberId: string }) => string,
): BaselineResult {
  const ranked: BaselineResult['ranked'] = [];
  const infeasible: BaselineResult['infeasible'] = [];
  for (const r of results) {
    if (r.ok) ranked.push(r.m);
    else infeasible.push(r.m);
  }
  ranked.sort((a, b) => b.score - a.score || idOf(a).localeCompare(idOf(b)));
  infeasible.sort((a, b) => idOf(a).localeCompare(idOf(b)));
  return { ranked, infeasible };
}

/** Baseline ranking of roles for one member. */
export function baselineRankRoles(
  member: MatchMember,
  roles: readonly MatchRole[],
  options: MatchOptions,
): BaselineResult {
  return collect(
    roles.map((role) => scoreOne(member, role, options)),
    (m) => m.roleId,
  );
}

/** Baseline ranking of members for one role. */
export function baselineRankMembers(
  role: MatchRole,
  members: readonly MatchMember[],
  options: MatchOptions,
): BaselineResult {
  return collect(
    members.map((member) => scoreOne(member, role, options)),
    (m) => m.memberId,
  );
}

/** Baseline scoring of one pair to a number (−1 when infeasible), for pairs per second. */
export function baselineScorePair(member: MatchMember, role: MatchRole, options: MatchOptions): number {
  const r = scoreOne(member, role, options);
  return r.ok ? r.m.score : -1;
}
