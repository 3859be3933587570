/**
 * Test helpers: score one pair and read back its constraint codes or its rendered reasons.
 */
import { scorePair } from '../rank.ts';
import { renderReason } from '../reasons.ts';
import type { MatchMember, MatchRole } from '../types.ts';
import { EVALUATION_DATE } from './fixtures.ts';

/** The violated constraint codes of a pair ([] when feasible). */
export function violations(member: MatchMember, role: MatchRole, evaluationDate = EVALUATION_DATE): string[] {
  const r = scorePair(member, role, { evaluationDate });
  return r.feasible ? [] : r.infeasible.violations.map((v) => v.code);
}

/** Every sentence of a pair, in one language: violations when infeasible, reasons and notes otherwise. */
export function sentences(member: MatchMember, role: MatchRole, locale: 'ja' | 'en' = 'ja'): string[] {
  const r = scorePair(member, role, { evaluationDate: EVALUATION_DATE });
  if (!r.feasible) return r.infeasible.violations.map((v) => renderReason(v.reason, locale));
  return [...r.match.reasons, ...r.match.notes].map((x) => renderReason(x, locale));
}
