/**
 * Codes for the rules the API's schemas state themselves (zod refinements). Each refinement's
 * issue carries its code in `params.code`; pages translate the code into the reader's words and
 * never read zod's English message, so rewording a message for programs cannot silently break
 * the Japanese form. (The API's error envelope still says `custom` and the English message.)
 */

/** Every refinement's code, one per rule; the comment says which schema states it. */
export const RULE_CODES = [
  /** A window, shift, meeting or job in her résumé that ends before it starts. */
  'end_after_start',
  /** A shift's break as long as the shift. */
  'break_too_long',
  /** Two windows on the same day that overlap. */
  'overlap',
  /** A care limit with neither a time to leave home from nor a time to be home by. */
  'care_limit_needs_time',
  /** A care limit's time to be home by that is not after the time she may leave. */
  'home_after_leaving',
  /** The same item twice in a list that must not repeat. */
  'duplicate',
  /** A flexible schedule asking for more days than its windows cover. */
  'days_beyond_windows',
  /** A flexible schedule asking for more hours than its windows hold. */
  'hours_beyond_windows',
  /** A flexible schedule's weekly maximum below its minimum. */
  'max_hours_below_min',
  /** A flexible schedule's preferred hours above its maximum. */
  'preferred_hours_above_max',
  /** A flexible schedule's preferred hours below its minimum. */
  'preferred_hours_below_min',
  /** A commute allowance's cap given without `capped`, or `capped` without one. */
  'commute_cap_mismatch',
  /** A role's top pay below its lowest. */
  'pay_max_below_min',
  /** Office days given without a hybrid role, or a hybrid role without them. */
  'office_days_mismatch',
  /** An on-site or hybrid role without a location. */
  'needs_location',
  /** A skill both required and nice to have. */
  'skill_already_required',
  /** A notice's oldest child age below its youngest. */
  'max_below_min',
  /** A meeting in person without its area. */
  'needs_area',
  /** A rejection without a reason from the list. */
  'reason_code_required',
  /** A decision or a not-hired outcome without a sentence saying why. */
  'reason_required',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

/**
 * A refinement's options with its code.
 * @example z.object({ min, max }).refine((p) => p.max >= p.min, rule('pay_max_below_min', 'max must not be below min', ['max']))
 */
export function rule(code: RuleCode, message: string, path?: PropertyKey[]) {
  return { message, params: { code }, ...(path ? { path } : {}) };
}

/**
 * A `superRefine` issue with its code.
 * @example ctx.addIssue(ruleIssue('overlap', `overlaps window ${clash} on the same day`, [index]))
 */
export function ruleIssue(code: RuleCode, message: string, path: PropertyKey[]) {
  return { code: 'custom' as const, message, path, params: { code } };
}

/**
 * The rule code an issue carries, if a refinement raised it.
 * @example ruleCodeOf(WindowSchema.safeParse({ day: 'mon', start: '10:00', end: '09:00' }).error.issues[0]) // 'end_after_start'
 */
export function ruleCodeOf(issue: object): RuleCode | undefined {
  const params = 'params' in issue ? (issue.params as { code?: unknown } | undefined) : undefined;
  const code = params?.code;
  return typeof code === 'string' && (RULE_CODES as readonly string[]).includes(code)
    ? (code as RuleCode)
    : undefined;
}
