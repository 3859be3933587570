/**
 * Her direction (soft, her side): the kinds of work she wants, in her order, and the words of her
 * 自己PR. A role in her first choice scores 1, each later choice a little less, a category she did
 * not list little; her words add a quarter for a role of the kind they speak of. Computed per
 * category once when she is prepared (prepare.ts), so a pair reads one number. Without either,
 * the component is absent (weight 0), as text relevance is: nothing she said, nothing to weigh.
 *
 * Whether she wants a career step now or a stable base first is not scored here: it chooses how
 * the stage component judges a role (support-stage.ts), defaulting from her support stage.
 */
import type { PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';
import { CATEGORY_WORDS } from '../terms/categories.ts';
import { normaliseTerm } from '../terms/lookup.ts';
import type { JobCategory, MatchMember } from '../types.ts';
import { JOB_CATEGORY_KEYS } from '../vocabulary.ts';

/** Each later choice loses this much; a category she did not list scores NOT_LISTED. */
const PER_RANK = 0.15;
const LOWEST_CHOICE = 0.4;
const NOT_LISTED = 0.1;
/** Her words' share when she also listed categories. */
const WORDS_SHARE = 0.25;

/** Category index in JOB_CATEGORY_KEYS order, for the prepared per-category scores. */
export const CATEGORY_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
  JOB_CATEGORY_KEYS.map((k, i) => [k, i]),
);

/** How strongly her words speak of each category: 0, or 0.6 for one word, up to 1 for three. */
function wordAffinity(words: string): Float64Array {
  const text = normaliseTerm(words);
  const out = new Float64Array(JOB_CATEGORY_KEYS.length);
  if (!text) return out;
  JOB_CATEGORY_KEYS.forEach((k, i) => {
    let hits = 0;
    for (const w of CATEGORY_WORDS[k]) if (text.includes(normaliseTerm(w))) hits++;
    out[i] = hits === 0 ? 0 : Math.min(1, 0.6 + 0.2 * (hits - 1));
  });
  return out;
}

/**
 * Per category (JOB_CATEGORY_KEYS order) her direction score, and her words' affinity; undefined
 * when she gave neither categories nor words.
 *
 * @example directionScores({ direction: { categories: ['nursing', 'care'] } })?.scores[CATEGORY_INDEX.care] // 0.85
 */
export function directionScores(
  member: Pick<MatchMember, 'direction'>,
): { scores: Float64Array; words: Float64Array } | undefined {
  const categories = member.direction?.categories ?? [];
  const text = member.direction?.words?.trim() ?? '';
  if (categories.length === 0 && !text) return undefined;
  const words = wordAffinity(text);
  const scores = new Float64Array(JOB_CATEGORY_KEYS.length);
  JOB_CATEGORY_KEYS.forEach((k, i) => {
    const rank = categories.indexOf(k);
    const listed = rank < 0 ? NOT_LISTED : Math.max(LOWEST_CHOICE, 1 - PER_RANK * rank);
    const w = words[i] as number;
    if (categories.length === 0) scores[i] = 0.3 + 0.7 * w;
    else scores[i] = text ? (1 - WORDS_SHARE) * listed + WORDS_SHARE * w : listed;
  });
  return { scores, words };
}

/**
 * The direction component for a pair, or undefined when she gave no direction.
 *
 * @example scoreDirection(pm, nursingRole) // 1 when 看護 is her first choice
 */
export function scoreDirection(pm: PreparedMember, pr: PreparedRole): number | undefined {
  const d = pm.direction;
  return d ? (d.scores[pr.categoryIndex] as number) : undefined;
}

/** 「第1希望の職種（看護）です」, or that it is not one she asked for; and her words, when they meet. */
export function explainDirection(pm: PreparedMember, pr: PreparedRole): Reason[] {
  const categories: readonly JobCategory[] = pm.member.direction?.categories ?? [];
  const out: Reason[] = [];
  const rank = categories.indexOf(pr.role.category);
  if (rank >= 0)
    out.push(reason('direction_choice', 'positive', { category: pr.role.category, rank: rank + 1 }));
  else if (categories.length)
    out.push(reason('direction_other', 'negative', { categories: categories.slice(0, 3) }));
  if (((pm.direction?.words[pr.categoryIndex] as number) ?? 0) > 0)
    out.push(reason('direction_words', 'positive', { category: pr.role.category }));
  if (out.length === 0) out.push(reason('direction_words_none', 'neutral'));
  return out;
}
