/**
 * The scratch record one pair's evaluation writes into. A single instance is reused across the hot
 * loop so scoring thousands of pairs allocates nothing; explanations read the same fields afterwards.
 */

import {
  CONSTRAINT_BITS,
  CONSTRAINT_CODES,
  type ConstraintCode,
  type ConstraintMargin,
  MARGIN_UNIT_CODES,
  type MarginUnit,
} from './constraints.ts';

/** Soft components in a fixed order, so their scores live in one Float64Array. */
export const COMPONENT_KEYS = [
  'schedule',
  'commute',
  'pay',
  'flexibility',
  'skills',
  'stage',
  'direction',
  'text',
  'role_skills',
  'role_hours',
] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];
export const C = {
  schedule: 0,
  commute: 1,
  pay: 2,
  flexibility: 3,
  skills: 4,
  stage: 5,
  direction: 6,
  text: 7,
  roleSkills: 8,
  roleHours: 9,
} as const;
/** Components 0–7 are how the role suits her; 8–9 how she suits the role. */
export const FIRST_EMPLOYER_COMPONENT = 8;

/** Why a schedule failed, for the explanation. */
export const ScheduleFailure = {
  None: 0,
  ShiftOutside: 1,
  NotPlaceable: 2,
  OfficeDays: 3,
  OverMaxHours: 4,
  /** On-site work fits her windows only where she marked them remote-only. */
  RemoteOnlyWindow: 5,
  /** The trip to or from work does not fit her care limits (leave not before / home by). */
  CareLimit: 6,
} as const;
export type ScheduleFailure = (typeof ScheduleFailure)[keyof typeof ScheduleFailure];

export class PairState {
  /** Bit set of violated hard constraints (see constraints.ts); 0 when feasible. */
  violations = 0;
  /** Door-to-door minutes to the chosen location (0 when fully remote). */
  commuteMinutes = 0;
  /** Over her maximum but within the estimate's uncertainty: feasible, penalised, to be checked. */
  commuteNearLimit = false;
  locationIndex = -1;
  /** Index of the target area through which the location is reached, or -1 from her home. */
  viaTarget = -1;
  /** Her commute limit on the chosen route: from home, or the target area's after her move. */
  commuteMax = 0;
  scheduleFailure: ScheduleFailure = ScheduleFailure.None;
  failDay = 0;
  failStart = 0;
  failEnd = 0;
  /** Care-limit failure: the minute she would have to leave (-1 when leaving was fine), … */
  failLeave = -1;
  /** … the minute she would be home (-1 when that was fine), and the limit she gave. */
  failHome = -1;
  failLimit = 0;
  /** The one-way commute the schedule was checked with (her maximum when out of reach). */
  scheduleCommute = 0;
  /** Minutes per week she would work: the fixed shifts, or what she can place of a flexible role. */
  weeklyMinutes = 0;
  /** Minutes per week she would most likely work: the shifts, or the employer's preference within her reach. */
  plannedMinutes = 0;
  /** Minutes per week a flexible role could take from her week (before her own maximum). */
  capacityMinutes = 0;
  capacityDays = 0;
  /** Fixed: the smallest margin between a shift (with commute) and the edge of her window. */
  slackMinutes = 0;
  /** Fixed: the latest end of work plus the commute home on any day. */
  latestHomeMinute = 0;
  /** Flexible: whether the minimum can be placed so she is home before pickup every day. */
  pickupPlaceable = true;
  guaranteedMonthly = 0;
  expectedMonthly = 0;
  floorMonthly = 0;
  wishMonthly = 0;
  hoursPerWeek = 0;
  daysPerWeek = 0;
  requiredHave = 0;
  requiredCoverage = 1;
  niceHave = 0;
  niceCoverage = 0;
  strongUsed = 0;
  readonly scores = new Float64Array(COMPONENT_KEYS.length);
  /** Effective weight of each component on its side (0 when absent, e.g. no text relevance). */
  readonly weights = new Float64Array(COMPONENT_KEYS.length);
  memberSide = 0;
  employerSide = 0;
  total = 0;
  /**
   * Per hard constraint (CONSTRAINT_CODES order): how far the pair missed it, when the check could
   * measure it. Only slots whose bit is set in `marginMask` are meaningful (see recordMargin).
   */
  readonly marginAmounts = new Float64Array(CONSTRAINT_CODES.length);
  readonly marginUnits = new Uint8Array(CONSTRAINT_CODES.length);
  /** Constraint bits (CONSTRAINT_BITS) that have a recorded margin. */
  marginMask = 0;

  reset(): void {
    this.violations = 0;
    this.marginMask = 0;
    this.commuteMinutes = 0;
    this.commuteNearLimit = false;
    this.locationIndex = -1;
    this.viaTarget = -1;
    this.commuteMax = 0;
    this.scheduleFailure = ScheduleFailure.None;
    this.weeklyMinutes = 0;
    this.plannedMinutes = 0;
    this.capacityMinutes = 0;
    this.capacityDays = 0;
    this.slackMinutes = 0;
    this.latestHomeMinute = 0;
    this.pickupPlaceable = true;
  }
}

const CODE_INDEX = Object.fromEntries(CONSTRAINT_CODES.map((c, i) => [c, i])) as Record<
  ConstraintCode,
  number
>;

/**
 * Records how far a pair missed a hard constraint (a positive amount). When one constraint is missed
 * in several ways (two shifts outside her window), the largest miss is what must be fixed, so it is
 * kept. Allocation-free: call it from checks in the hot loop.
 *
 * @example recordMargin(state, 'out_of_reach', state.commuteMinutes - max, 'minutes')
 */
export function recordMargin(state: PairState, code: ConstraintCode, amount: number, unit: MarginUnit): void {
  const bit = CONSTRAINT_BITS[code];
  const i = CODE_INDEX[code];
  const u = MARGIN_UNIT_CODES.indexOf(unit);
  if (state.marginMask & bit) {
    if ((state.marginUnits[i] as number) === u && (state.marginAmounts[i] as number) >= amount) return;
    // A miss in another unit as well: the two cannot be compared, so it is not a small miss.
    if ((state.marginUnits[i] as number) !== u) {
      state.marginAmounts[i] = Number.POSITIVE_INFINITY;
      return;
    }
  }
  state.marginMask |= bit;
  state.marginAmounts[i] = amount;
  state.marginUnits[i] = u;
}

/**
 * The recorded margin of a violated constraint, or undefined when its check could not measure one.
 *
 * @example marginOf(state, 'out_of_reach') // { code: 'out_of_reach', shortBy: { amount: 4, unit: 'minutes' } }
 */
export function marginOf(state: PairState, code: ConstraintCode): ConstraintMargin | undefined {
  if ((state.marginMask & CONSTRAINT_BITS[code]) === 0) return undefined;
  const i = CODE_INDEX[code];
  return {
    code,
    shortBy: {
      amount: state.marginAmounts[i] as number,
      unit: MARGIN_UNIT_CODES[state.marginUnits[i] as number] as MarginUnit,
    },
  };
}
