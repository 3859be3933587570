/**
 * Renders the matching module's results for the API: every component and reason as text in the
 * reader's language (Japanese by default), with its code and tone kept for clients.
 */
import {
  type InfeasibleMatch,
  marginReason,
  type Reason,
  renderReason,
  type ScoredMatch,
} from '../../../matching/index.ts';
import type { Lang } from '../../lang.ts';
import type { MatchExplanation, Violations } from './match.schemas.ts';

export type { Lang };

const text = (reason: Reason, lang: Lang) => ({
  code: reason.code,
  tone: reason.tone,
  text: renderReason(reason, lang),
});

/** @example explainMatch(ranking.ranked[0], 'en').reasons[0].text // 'You can make nursery pickup (18:00)' */
export function explainMatch(match: ScoredMatch, lang: Lang): MatchExplanation {
  return {
    score: match.score,
    memberSide: match.memberSide,
    employerSide: match.employerSide,
    commuteMinutes: match.commuteMinutes,
    components: match.components.map((c) => ({ ...c, reasons: c.reasons.map((r) => text(r, lang)) })),
    reasons: match.reasons.map((r) => text(r, lang)),
    memberReasons: match.memberReasons.map((r) => text(r, lang)),
    employerReasons: match.employerReasons.map((r) => text(r, lang)),
    notes: match.notes.map((r) => text(r, lang)),
  };
}

/** @example explainInfeasible(ranking.infeasible[0], 'ja').violations[0].code // 'schedule_infeasible' */
export function explainInfeasible(match: InfeasibleMatch, lang: Lang): Violations {
  return {
    violations: match.violations.map((v) => ({ code: v.code, text: renderReason(v.reason, lang) })),
    margins: match.margins.map((m) => ({ ...m, text: renderReason(marginReason(m), lang) })),
    nearMiss: match.nearMiss,
  };
}

const CODE_LABEL: Record<string, { ja: string; en: string }> = {
  stage_not_assessed: { ja: '支援段階が未設定', en: 'stage not assessed' },
  stage_stabilising: { ja: '生活の安定を優先する段階', en: 'stabilising stage' },
  blocked_employer: { ja: '事業者をブロック', en: 'employer blocked' },
  employment_type_excluded: { ja: '雇用形態が希望外', en: 'employment type excluded' },
  qualification_missing: { ja: '必要な資格がない', en: 'qualification missing' },
  qualification_unconfirmed: { ja: '必要な資格が要確認', en: 'qualification to confirm' },
  start_too_early: { ja: '勤務開始が早すぎる', en: 'starts too early' },
  out_of_reach: { ja: '通勤時間が希望を超える', en: 'commute too long' },
  schedule_infeasible: { ja: '勤務時間が合わない', en: 'hours do not fit' },
  night_work: { ja: '夜間勤務', en: 'night work' },
  weekend_work: { ja: '土日勤務', en: 'weekend work' },
  pay_below_floor: { ja: '給与が最低希望額未満', en: 'pay below the minimum' },
};

/**
 * A constraint code as a short label: 「通勤時間が希望を超える」.
 *
 * @example constraintLabel('out_of_reach', 'en') // 'commute too long'
 */
export function constraintLabel(code: string, lang: Lang): string {
  return CODE_LABEL[code]?.[lang] ?? code;
}

/**
 * One sentence on a ranked list that says how many fit, how many were left out and why, and how
 * many nearly fit, so a list is never empty without a word.
 *
 * @example rankingSummary(2, { out_of_reach: 3 }, 1, 'ja') // '2件が条件に合います。条件外3件（通勤時間が希望を超える 3）…'
 */
export function rankingSummary(
  feasible: number,
  excluded: Partial<Record<string, number>>,
  nearMisses: number,
  lang: Lang,
  noun: { ja: string; en: string } = { ja: '件', en: '' },
): string {
  const parts = Object.entries(excluded)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0) || (a[0] < b[0] ? -1 : 1));
  const left = parts.reduce((sum, [, n]) => sum + (n ?? 0), 0);
  if (lang === 'en') {
    const why = parts.map(([code, n]) => `${constraintLabel(code, 'en')}: ${n}`).join(', ');
    return [
      `${feasible} fit.`,
      left ? `${left} left out (${why}).` : 'None left out.',
      nearMisses ? `${nearMisses} miss by a small margin and are listed apart.` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  const why = parts.map(([code, n]) => `${constraintLabel(code, 'ja')} ${n}${noun.ja}`).join('・');
  return [
    `${feasible}${noun.ja}が条件に合います。`,
    left ? `条件外${left}${noun.ja}（${why}）。` : '条件外はありません。',
    nearMisses ? `わずかに条件に届かない${nearMisses}${noun.ja}を別に表示しています。` : '',
  ].join('');
}

/**
 * The reasons worth telling her (the matching module splits them by audience): how the role suits
 * her, never how she scores on the employer's wish list (「必須スキル 1/2」).
 * @example memberFacingReasons(hit.match).slice(0, 3)
 */
export function memberFacingReasons(match: MatchExplanation): MatchExplanation['reasons'] {
  return match.memberReasons;
}
