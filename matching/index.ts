/**
 * The matching module's public API: rank roles for a member and members for a role, score one pair,
 * re-rank a list, and render the reasons in Japanese or English. Pure: no I/O, no clock.
 *
 * @example
 * import { rankRolesForMember, renderReason } from '../matching/index.ts';
 * const { ranked } = rankRolesForMember(member, roles, { evaluationDate: '2025-04-01', limit: 20 });
 */

export { childNeeds, parseIsoDate } from './calendar.ts';
export {
  CONSTRAINT_CODES,
  type ConstraintCode,
  type ConstraintMargin,
  type MarginUnit,
  NEAR_MISS_LIMITS,
} from './constraints.ts';
export {
  commuteMinutes,
  distanceKm,
  POINT_UNCERTAINTY_KM,
  reachKm,
  settingOf,
  TRAVEL,
} from './criteria/commute.ts';
export { monthlyPay, WEEKS_PER_MONTH } from './criteria/pay.ts';
export {
  type ComponentScore,
  type InfeasibleMatch,
  marginReason,
  type ScoredMatch,
  type Side,
  type Violation,
} from './explain.ts';
export type { MatchOptions } from './options.ts';
export { COMPONENT_KEYS, type ComponentKey } from './pair-state.ts';
export { prepareMember, prepareRole } from './prepare.ts';
export { type PairResult, type Ranking, rankMembersForRole, rankRolesForMember, scorePair } from './rank.ts';
export {
  type LocalizedText,
  localize,
  type Reason,
  type ReasonCode,
  type ReasonTone,
  renderReason,
} from './reasons.ts';
export { DEFAULT_RERANK, introductionFactor, type RerankItem, type RerankOptions, rerank } from './rerank.ts';
export type * from './types.ts';
export { DEFAULT_WEIGHTS, type WeightOverrides, type Weights } from './weights.ts';
