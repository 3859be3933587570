/**
 * What a member's search left out and why, so roles never disappear silently: the ranking's own
 * exclusions and the roles beyond her reach, counted and worded (「条件外の求人が5件あります…」).
 */
import { constraintLabel, type Lang } from '../matches/explanations.ts';
import type { JobSearchResult } from './job-search.schemas.ts';

/**
 * What her search left out and why, so roles never disappear silently: the ranking's own
 * exclusions, plus the roles retrieval kept out as beyond her reach (`everywhere`: the count of
 * the same question without the reach filter, from countWithoutReach).
 */
export async function hiddenRoles(
  everywhere: Promise<number> | undefined,
  retrieved: number,
  excluded: Partial<Record<string, number>>,
  lang: Lang,
): Promise<NonNullable<JobSearchResult['hidden']>> {
  const byReason: Record<string, number> = {};
  for (const [code, n] of Object.entries(excluded)) if (n) byReason[code] = n;
  if (everywhere) {
    const far = Math.max(0, (await everywhere) - retrieved);
    if (far > 0) byReason.out_of_reach = (byReason.out_of_reach ?? 0) + far;
  }
  const total = Object.values(byReason).reduce((a, b) => a + b, 0);
  return { total, byReason, summary: hiddenSummary(total, byReason, lang) };
}

/** 「条件外の求人が5件あります（通勤時間が希望を超える 3件・…）」, or that none were left out. */
function hiddenSummary(total: number, byReason: Record<string, number>, lang: Lang): string {
  const parts = Object.entries(byReason).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (lang === 'en') {
    if (total === 0) return 'No roles were left out.';
    return `${total} role(s) left out as not fitting your conditions (${parts.map(([c, n]) => `${constraintLabel(c, 'en')}: ${n}`).join(', ')})`;
  }
  if (total === 0) return '条件外で除いた求人はありません';
  return `条件外の求人が${total}件あります（${parts.map(([c, n]) => `${constraintLabel(c, 'ja')} ${n}件`).join('・')}）`;
}
