/**
 * Flexibility facts (soft), weighted by her children's ages (weights in prepare.ts → factWeightsFor).
 * Only structured facts count, never wording in the ad: "子育てに配慮" is a slogan. A fact a
 * coordinator verified counts fully; one the employer merely ticked counts 60%.
 */

import type { PairState } from '../pair-state.ts';
import type { PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';
import type { FlexibilityFact, RoleFact } from '../types.ts';
import { FLEXIBILITY_FACT_KEYS } from '../vocabulary.ts';

export const FACT_KEYS: readonly FlexibilityFact[] = FLEXIBILITY_FACT_KEYS;
/** The derived fact after FACT_KEYS: the role's overtime setting (its own field, so "verified"). */
export const NO_OVERTIME_INDEX = FACT_KEYS.length;

/** An unverified claim is worth 60% of a verified one: usually true, not yet checked. */
export const UNVERIFIED_FACT_VALUE = 0.6;

/**
 * The value of one stored fact.
 *
 * @example factValue({ available: true, verified: false }) // 0.6
 */
export function factValue(f: RoleFact | undefined): number {
  if (!f?.available) return 0;
  return f.verified ? 1 : UNVERIFIED_FACT_VALUE;
}

/**
 * Weighted share of the facts that matter to her that the role offers, in 0–1.
 *
 * @example scoreFlexibility(pm, pr, state) // 0.8 for a verified sick-child absence and no overtime
 */
export function scoreFlexibility(pm: PreparedMember, pr: PreparedRole, _state: PairState): number {
  const w = pm.factWeights;
  const v = pr.factValues;
  if (pm.factWeightSum <= 0) return 1;
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += (w[i] as number) * (v[i] as number);
  return sum / pm.factWeightSum;
}

/** The three facts that count most for her, verified ones marked: 「子どもの急な発熱で当日休みOK（確認済み）・残業なし」. */
export function explainFlexibility(pm: PreparedMember, pr: PreparedRole): Reason[] {
  const ranked: { key: string; weight: number; verified: boolean }[] = [];
  for (let i = 0; i < pm.factWeights.length; i++) {
    const value = pr.factValues[i] as number;
    const weight = (pm.factWeights[i] as number) * value;
    if (weight <= 0) continue;
    ranked.push({
      key: i === NO_OVERTIME_INDEX ? 'no_overtime' : (FACT_KEYS[i] as string),
      weight,
      // "No overtime" is the schedule the employer states, not a fact a coordinator checked.
      verified: value >= 1 && i !== NO_OVERTIME_INDEX,
    });
  }
  if (ranked.length === 0) return [reason('flexibility_none', 'negative')];
  ranked.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
  const top = ranked.slice(0, 3);
  return [
    reason('flexibility_facts', 'positive', {
      verified: top.filter((f) => f.verified).map((f) => f.key),
      unverified: top.filter((f) => !f.verified).map((f) => f.key),
    }),
  ];
}
