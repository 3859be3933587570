/**
 * Text relevance (soft, her side): how well a role matched the words she searched with. It is
 * computed by the search engine and passed in per role id; the module only clamps and explains it.
 * When no relevance is given for a role the component is absent (weight 0), not zero.
 */
import { type Reason, reason } from '../reasons.ts';

/**
 * Clamps a passed-in relevance to 0–1; NaN and missing values mean "not given".
 *
 * @example textRelevance(new Map([['r1', 0.8]]), 'r1') // 0.8
 */
export function textRelevance(
  relevance: ReadonlyMap<string, number> | undefined,
  roleId: string,
): number | undefined {
  const v = relevance?.get(roleId);
  if (v === undefined || Number.isNaN(v)) return undefined;
  return Math.min(1, Math.max(0, v));
}

/** 「検索した言葉との一致度 80%」 */
export function explainTextRelevance(score: number): Reason[] {
  return [reason('text_match', score >= 0.5 ? 'positive' : 'neutral', { percent: Math.round(score * 100) })];
}
