/**
 * Required qualifications (hard). Qualifications (資格) are certificates, not levels, so they are
 * exact keys with no partial credit (a higher grade covers a lower one: 日商簿記2級 meets 3級); skills
 * with levels are scored softly in skills.ts.
 *
 * A requirement the vocabulary does not know is kept as the ad's text. It is never read as "none
 * required": unless she entered the same text, the pair is `qualification_unconfirmed` — out of her
 * ranked list, and shown to the coordinator and to her as 要確認 (whether she holds it).
 */
import { CONSTRAINT_BITS } from '../constraints.ts';
import type { PairState } from '../pair-state.ts';
import type { PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';
import { normaliseTerm } from '../terms/lookup.ts';
import { isQualificationKey, QUALIFICATION_INDEX } from '../vocabulary.ts';

/**
 * Sets `qualification_missing` unless she holds every required known qualification, and
 * `qualification_unconfirmed` unless she entered every required unknown one.
 *
 * @example checkQualifications(pm, careRole, state) // flagged without care_initial_training
 */
export function checkQualifications(pm: PreparedMember, pr: PreparedRole, state: PairState): void {
  const req = pr.requiredKeys;
  const hers = pm.qualificationKeys;
  for (let i = 0; i < req.length; i++) {
    if (!hers.includes(req[i] as string)) {
      state.violations |= CONSTRAINT_BITS.qualification_missing;
      break;
    }
  }
  const other = pr.requiredOther;
  for (let i = 0; i < other.length; i++) {
    if (!pm.otherQualifications.includes(other[i] as string)) {
      state.violations |= CONSTRAINT_BITS.qualification_unconfirmed;
      return;
    }
  }
}

/** Whether a role's stored requirement is one the vocabulary knows (by key or name). */
function known(value: string): boolean {
  return isQualificationKey(value) || QUALIFICATION_INDEX.has(normaliseTerm(value));
}

/** The key a known requirement stands for (a name from a file is looked up). */
function keyOf(value: string): string {
  return isQualificationKey(value) ? value : (QUALIFICATION_INDEX.get(normaliseTerm(value)) ?? value);
}

/** Names what is missing: 「必要な資格：介護職員初任者研修がありません」. */
export function explainMissingQualifications(pm: PreparedMember, pr: PreparedRole): Reason {
  const missing = pr.role.requiredQualifications
    .filter(known)
    .map(keyOf)
    .filter((q) => !pm.qualificationKeys.includes(q));
  return reason('qualification_missing', 'negative', { qualifications: missing });
}

/** 「要確認：この求人には「ドローン操縦士」が必要です。お持ちかどうかを確認します」 */
export function explainUnconfirmedQualifications(pm: PreparedMember, pr: PreparedRole): Reason {
  const unconfirmed = pr.role.requiredQualifications.filter(
    (q) => !known(q) && !pm.otherQualifications.includes(normaliseTerm(q)),
  );
  return reason('qualification_unconfirmed', 'neutral', { qualifications: unconfirmed });
}
