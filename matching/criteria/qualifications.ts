/**
 * Required qualifications (hard). Qualifications (資格) are certificates, not levels, so they are
 * exact keys with no partial credit; skills with levels are scored softly in skills.ts.
 */
import { CONSTRAINT_BITS } from '../constraints.ts';
import type { PairState } from '../pair-state.ts';
import type { PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';

/**
 * Sets `qualification_missing` unless she holds every required qualification.
 *
 * @example checkQualifications(pm, careRole, state) // flagged without care_initial_training
 */
export function checkQualifications(pm: PreparedMember, pr: PreparedRole, state: PairState): void {
  const req = pr.role.requiredQualifications;
  const hers = pm.member.qualifications;
  for (let i = 0; i < req.length; i++) {
    if (!hers.includes(req[i] as string)) {
      state.violations |= CONSTRAINT_BITS.qualification_missing;
      return;
    }
  }
}

/** Names what is missing: 「必要な資格：介護職員初任者研修がありません」. */
export function explainMissingQualifications(pm: PreparedMember, pr: PreparedRole): Reason {
  const missing = pr.role.requiredQualifications.filter((q) => !pm.member.qualifications.includes(q));
  return reason('qualification_missing', 'negative', { qualifications: missing });
}
