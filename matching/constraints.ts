/**
 * The hard constraints: their machine-readable codes, and the bit each one sets in a pair's
 * violation mask. A pair with any bit set is removed, never traded off against a good score.
 */

export const CONSTRAINT_BITS = {
  /** Support stage not set by a coordinator yet. */
  stage_not_assessed: 1 << 0,
  /** Stage 1 (stabilising): not job-ready, no automatic suggestions. */
  stage_stabilising: 1 << 1,
  blocked_employer: 1 << 2,
  employment_type_excluded: 1 << 3,
  qualification_missing: 1 << 4,
  /**
   * The role requires a qualification the vocabulary does not know (kept as the ad's text) and she
   * has not entered the same: whether she holds it is 要確認 for a coordinator, so the role never
   * ranks as a sure fit for her meanwhile.
   */
  qualification_unconfirmed: 1 << 10,
  out_of_reach: 1 << 5,
  /** The role's hours do not fit her week (to the minute, commute included), or exceed her maximum. */
  schedule_infeasible: 1 << 6,
  night_work: 1 << 7,
  weekend_work: 1 << 8,
  pay_below_floor: 1 << 9,
  /** The role starts before she can start (her earliest start date, or her move to its area). */
  start_too_early: 1 << 11,
} as const;

export type ConstraintCode = keyof typeof CONSTRAINT_BITS;

export const CONSTRAINT_CODES = Object.keys(CONSTRAINT_BITS) as ConstraintCode[];

/**
 * Lists the codes set in a violation mask, in a stable order.
 *
 * @example constraintCodes(CONSTRAINT_BITS.out_of_reach | CONSTRAINT_BITS.blocked_employer)
 *   // ['blocked_employer', 'out_of_reach']
 */
export function constraintCodes(mask: number): readonly ConstraintCode[] {
  // A ranking lists the codes of every pair it leaves out (hundreds per call) from a handful of
  // distinct masks, so each list is built once and shared: fewer short-lived arrays, fewer pauses.
  let codes = codesByMask.get(mask);
  if (!codes) {
    const out: ConstraintCode[] = [];
    for (const code of CONSTRAINT_CODES) if (mask & CONSTRAINT_BITS[code]) out.push(code);
    codes = out;
    codesByMask.set(mask, codes);
  }
  return codes;
}

/** Bounded by the number of distinct masks (at most 2^12), in practice a few dozen. */
const codesByMask = new Map<number, readonly ConstraintCode[]>();

/**
 * The first code (in CONSTRAINT_CODES order) set in a mask, or undefined for 0.
 *
 * @example firstConstraintCode(CONSTRAINT_BITS.out_of_reach | CONSTRAINT_BITS.blocked_employer) // 'blocked_employer'
 */
export function firstConstraintCode(mask: number): ConstraintCode | undefined {
  return constraintCodes(mask)[0];
}

/**
 * What a margin is measured in. Minutes are one-way commute minutes or minutes of a day (a window or
 * care limit short by 15 minutes); hours per week compare a role's hours with her maximum; days
 * are calendar days between a role's start and the day she can start.
 */
export type MarginUnit = 'minutes' | 'hours_per_week' | 'days_per_week' | 'days';

/**
 * How far a pair missed one hard constraint: exactly what is missing and by how much, so a
 * coordinator can ask the employer or the member ("the shift ends 15 minutes too late for her
 * pickup"). `shortBy.amount` is always positive.
 *
 * @example { code: 'out_of_reach', shortBy: { amount: 4, unit: 'minutes' } } // commute 4 min over her maximum
 */
export interface ConstraintMargin {
  code: ConstraintCode;
  shortBy: { amount: number; unit: MarginUnit };
}

/**
 * The largest miss, per unit, that still counts as a near miss worth a coordinator's question:
 * a quarter of an hour on a day or a commute, 4 hours a week over her maximum (half a day), one day,
 * and a start two weeks early (employers often hold a start that long for the right person).
 */
export const NEAR_MISS_LIMITS: Readonly<Record<MarginUnit, number>> = {
  minutes: 15,
  hours_per_week: 4,
  days_per_week: 1,
  days: 14,
};

/** Margin units as small integers, so the hot loop records a margin without allocating. */
export const MARGIN_UNIT_CODES: readonly MarginUnit[] = [
  'minutes',
  'hours_per_week',
  'days_per_week',
  'days',
];
