/**
 * Start date (hard): a role that must start before she can start is out, with the days it misses
 * by (a start two weeks early is a near miss a coordinator may ask the employer about). A role
 * without a start date starts when both agree; one whose date has passed is read as "as soon as
 * possible", i.e. from the evaluation day.
 */
import { CONSTRAINT_BITS } from '../constraints.ts';
import { type PairState, recordMargin } from '../pair-state.ts';
import type { PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';

/**
 * Sets `start_too_early` (margin in days) when the role starts before her earliest start.
 *
 * @example checkStartDate(pm, pr, state) // role 2025-04-01, she from 2025-05-01 → 30 days early
 */
export function checkStartDate(pm: PreparedMember, pr: PreparedRole, state: PairState): void {
  if (pr.startDay === Number.NEGATIVE_INFINITY) return;
  const roleStart = pr.startDay > pm.dayNumber ? pr.startDay : pm.dayNumber;
  const early = pm.earliestStartDay - roleStart;
  if (early <= 0) return;
  state.violations |= CONSTRAINT_BITS.start_too_early;
  recordMargin(state, 'start_too_early', early, 'days');
}

/** 「勤務開始（2025-04-01）がご希望の開始日（2025-05-01）より30日早いです」 */
export function explainStartTooEarly(pm: PreparedMember, pr: PreparedRole): Reason {
  return reason('start_too_early', 'negative', {
    role: pr.role.startDate ?? '',
    member: pm.member.earliestStartDate ?? '',
    days: pm.earliestStartDay - Math.max(pr.startDay, pm.dayNumber),
  });
}
