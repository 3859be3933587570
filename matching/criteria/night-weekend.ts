/**
 * Night and weekend work (hard). A role that needs night work (22:00–05:00, 深夜業) or weekend work
 * is removed when she has no availability at those times at all: with no one to watch the children
 * then, no score makes the job possible.
 */
import { CONSTRAINT_BITS } from '../constraints.ts';
import type { PairState } from '../pair-state.ts';
import type { PreparedMember, PreparedRole } from '../prepare.ts';

/**
 * Sets `night_work` / `weekend_work` when the role needs them and her week has none.
 *
 * @example checkNightAndWeekend(pm, nightShiftRole, state); // state.violations has night_work
 */
export function checkNightAndWeekend(pm: PreparedMember, pr: PreparedRole, state: PairState): void {
  if (pr.nightRequired && !pm.hasNightAvailability) state.violations |= CONSTRAINT_BITS.night_work;
  if (pr.weekendRequired && !pm.hasWeekendAvailability) state.violations |= CONSTRAINT_BITS.weekend_work;
}
