/**
 * Ranking quality on the judged fixtures (judged.ts): nDCG@10 (gain 2^grade − 1, log2 discount,
 * against the ideal order of all the member's grades) averaged over members, and how many roles a
 * concierge graded 0 appear among each member's top 20.
 */
import { rankRolesForMember } from '../rank.ts';
import { JUDGED, JUDGED_ROLES } from './judged.ts';

/** The date the fixtures' ages are written for. */
export const JUDGED_DATE = '2025-06-02';

function dcg(grades: number[]): number {
  let sum = 0;
  grades.forEach((g, i) => {
    sum += (2 ** g - 1) / Math.log2(i + 2);
  });
  return sum;
}

/**
 * Scores the ranking against the grades.
 *
 * @example judgedMetrics().ndcgAt10 // 0.9…
 */
export function judgedMetrics(): {
  ndcgAt10: number;
  gradeZeroInTop20: number;
  members: number;
  roles: number;
} {
  let ndcg = 0;
  let zeros = 0;
  for (const { member, grades } of JUDGED) {
    // As she browses: every role that fits her.
    const { ranked } = rankRolesForMember(member, JUDGED_ROLES, {
      evaluationDate: JUDGED_DATE,
      limit: 20,
      enforceStage: false,
      includeInfeasible: false,
    });
    const got = ranked.map((m) => grades[m.roleId] ?? 0);
    zeros += got.filter((g) => g === 0).length;
    const ideal = Object.values(grades)
      .sort((a, b) => b - a)
      .slice(0, 10);
    const best = dcg(ideal);
    ndcg += best > 0 ? dcg(got.slice(0, 10)) / best : 1;
  }
  return {
    ndcgAt10: ndcg / JUDGED.length,
    gradeZeroInTop20: zeros,
    members: JUDGED.length,
    roles: JUDGED_ROLES.length,
  };
}
