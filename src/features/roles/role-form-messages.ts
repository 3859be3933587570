/**
 * The role editor's messages for the role's own rules (role.schemas.ts), read by their codes and
 * said for the employer at the field the rule names.
 */
import type { FieldErrors } from '../../web/form-input.ts';
import type { View } from '../../web/view.ts';
import { type RuleCode, ruleCodeOf } from '../shared/rule-codes.ts';
import { RoleInputSchema } from './role.schemas.ts';

/** The role's own rules, by their code (role.schemas.ts), said for her. */
const ROLE_MESSAGES: Partial<Record<RuleCode, (m: View['m']) => string>> = {
  max_hours_below_min: (m) => m.employer.editor.errors.maxBelowMin,
  preferred_hours_above_max: (m) => m.employer.editor.errors.preferredAboveMax,
  preferred_hours_below_min: (m) => m.employer.editor.errors.preferredBelowMin,
  needs_location: (m) => m.employer.editor.errors.needLocation,
  skill_already_required: (m) => m.employer.editor.errors.alreadyRequired,
  days_beyond_windows: (m) => m.employer.editor.errors.daysBeyondWindows,
  hours_beyond_windows: (m) => m.employer.editor.errors.hoursBeyondWindows,
  pay_max_below_min: (m) => m.employer.editor.errors.payMaxBelowMin,
  office_days_mismatch: (m) => m.employer.editor.errors.officeDays,
  commute_cap_mismatch: (m) => m.employer.editor.errors.commuteCap,
};

/** The schedule's lists that must hold one entry at least (a length check, which has no code). */
const NEEDS_A_WINDOW = new Set(['schedule.shifts', 'schedule.windows']);

/**
 * The role's own rules broken by this input, each in her words at its field (dotted path); other
 * problems are left to the shared messages of web/form-input.ts.
 * @example roleMessages({ …, pay: { min: 1200, max: 1000, unit: 'hour' } }, m) // { 'pay.max': '…' }
 */
export function roleMessages(input: unknown, m: View['m']): FieldErrors {
  const parsed = RoleInputSchema.safeParse(input);
  const errors: FieldErrors = {};
  for (const issue of parsed.error?.issues ?? []) {
    const path = issue.path.map(String).join('.');
    const code = ruleCodeOf(issue);
    const said = code
      ? ROLE_MESSAGES[code]
      : issue.code === 'too_small' && NEEDS_A_WINDOW.has(path)
        ? (m: View['m']) => m.employer.editor.errors.needWindow
        : undefined;
    if (said) errors[path] ??= said(m);
  }
  return errors;
}
