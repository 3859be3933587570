/**
 * The options a caller passes, and the resolved context the hot loop reads. Everything that varies
 * between calls (the date, weights, text relevance) is an option, so the module reads no clock and
 * no configuration of its own.
 */
import { type CalendarDate, parseIsoDate } from './calendar.ts';
import { C, COMPONENT_KEYS } from './pair-state.ts';
import { DEFAULT_RERANK, type RerankOptions } from './rerank.ts';
import { resolveWeights, type WeightOverrides, type Weights } from './weights.ts';

export interface MatchOptions {
  /** The day ages, start dates and stages are evaluated on (ISO `YYYY-MM-DD`, Japan date). */
  evaluationDate: string;
  /** Overrides of the documented defaults in weights.ts. */
  weights?: WeightOverrides;
  /** Text relevance (0–1) per role id from the search engine, when she searched with words. */
  textRelevance?: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  /**
   * How many ranked results to return with full explanations (default: all). Scoring still covers
   * every candidate; only the explanation work is limited.
   */
  limit?: number;
  /** Re-ranking of roles for a member (employer diversity, spreading introductions); false to skip. */
  rerank?: Partial<RerankOptions> | false;
  /** List the infeasible pairs with their violations (default true). */
  includeInfeasible?: boolean;
  /** List the pairs ruled out by a small margin apart, in `nearMisses` (default true). */
  nearMisses?: boolean;
  /**
   * Whether her support stage can remove a pair (default true). Stage 1 and unassessed members get
   * no automatic suggestions, but a member browsing for herself sees every role that fits her.
   */
  enforceStage?: boolean;
}

export interface MatchContext {
  date: CalendarDate;
  weights: Weights;
  /** Raw weight per component, in COMPONENT_KEYS order. */
  componentWeights: Float64Array;
  textRelevance: ReadonlyMap<string, number> | undefined;
  limit: number;
  rerank: RerankOptions | false;
  includeInfeasible: boolean;
  nearMisses: boolean;
  enforceStage: boolean;
}

/**
 * Validates and resolves options once per call.
 *
 * @example resolveOptions({ evaluationDate: '2025-04-01' }).limit // Infinity
 */
export function resolveOptions(options: MatchOptions): MatchContext {
  const weights = resolveWeights(options.weights);
  const cw = new Float64Array(COMPONENT_KEYS.length);
  cw[C.schedule] = weights.member.schedule;
  cw[C.commute] = weights.member.commute;
  cw[C.pay] = weights.member.pay;
  cw[C.flexibility] = weights.member.flexibility;
  cw[C.skills] = weights.member.skills;
  cw[C.stage] = weights.member.stage;
  cw[C.direction] = weights.member.direction;
  cw[C.text] = weights.member.text;
  cw[C.roleSkills] = weights.employer.skills;
  cw[C.roleHours] = weights.employer.hours;
  const tr = options.textRelevance;
  const textRelevance =
    tr === undefined
      ? undefined
      : tr instanceof Map
        ? (tr as ReadonlyMap<string, number>)
        : new Map(Object.entries(tr));
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (!(limit >= 0)) throw new RangeError('limit must be ≥ 0');
  return {
    date: parseIsoDate(options.evaluationDate),
    weights,
    componentWeights: cw,
    textRelevance,
    limit,
    rerank: options.rerank === false ? false : { ...DEFAULT_RERANK, ...options.rerank },
    includeInfeasible: options.includeInfeasible ?? true,
    nearMisses: options.nearMisses ?? true,
    enforceStage: options.enforceStage ?? true,
  };
}
