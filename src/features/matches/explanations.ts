/**
 * Renders the matching module's results for the API: every component and reason as text in the
 * reader's language (Japanese by default), with its code and tone kept for clients.
 */
import {
  type InfeasibleMatch,
  type Reason,
  renderReason,
  type ScoredMatch,
} from '../../../matching/index.ts';
import type { MatchExplanation, Violations } from './match.schemas.ts';

export type Lang = 'ja' | 'en';

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
    notes: match.notes.map((r) => text(r, lang)),
  };
}

/** @example explainInfeasible(ranking.infeasible[0], 'ja').violations[0].code // 'schedule_infeasible' */
export function explainInfeasible(match: InfeasibleMatch, lang: Lang): Violations {
  return { violations: match.violations.map((v) => ({ code: v.code, text: renderReason(v.reason, lang) })) };
}

/**
 * The reasons worth telling her: those of the components that score the role for her, plus any
 * not tied to one side. How well she suits the employer's wish list ("必須スキル 1/2") is for
 * coordinators, not for her.
 * @example memberFacingReasons(hit.match).slice(0, 3)
 */
export function memberFacingReasons(match: MatchExplanation): MatchExplanation['reasons'] {
  const employerOnly = new Set(
    match.components.filter((c) => c.side === 'employer').flatMap((c) => c.reasons.map((r) => r.code)),
  );
  for (const component of match.components.filter((c) => c.side === 'member')) {
    for (const reason of component.reasons) employerOnly.delete(reason.code);
  }
  return match.reasons.filter((reason) => !employerOnly.has(reason.code));
}
