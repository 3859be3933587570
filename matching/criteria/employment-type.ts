/**
 * Employment type (hard). Her list of accepted types, when not empty, must include the role's:
 * a member who said "part-time only" has reasons we do not second-guess.
 */
import { CONSTRAINT_BITS } from '../constraints.ts';
import type { PairState } from '../pair-state.ts';
import type { PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';

/**
 * Sets `employment_type_excluded` when she lists types and the role's is not among them.
 *
 * @example checkEmploymentType(partTimeOnly, fullTimeRole, state) // flagged
 */
export function checkEmploymentType(pm: PreparedMember, pr: PreparedRole, state: PairState): void {
  if (pm.employmentMask !== 0 && (pm.employmentMask & pr.employmentBit) === 0) {
    state.violations |= CONSTRAINT_BITS.employment_type_excluded;
  }
}

/** 「雇用形態（正社員）がご希望に含まれていません」 */
export function explainEmploymentType(pr: PreparedRole): Reason {
  return reason('employment_type_excluded', 'negative', { type: pr.role.employmentType });
}
