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
  const early = herStart(pm, state) - roleStart;
  if (early <= 0) return;
  state.violations |= CONSTRAINT_BITS.start_too_early;
  recordMargin(state, 'start_too_early', early, 'days');
}

/** Her first day for this pair: after her move when the role is reached from a target area. */
function herStart(pm: PreparedMember, state: PairState): number {
  return state.viaTarget >= 0 ? (pm.targetStartDay[state.viaTarget] as number) : pm.earliestStartDay;
}

/**
 * 「勤務開始（2025-04-01）が、開始できる日（2025-05-01）より30日早いです」, or for a role she would
 * reach after her move, 「勤務開始（2027-03-01）が、移住（2027年4月〜）より31日早いです」.
 */
export function explainStartTooEarly(pm: PreparedMember, pr: PreparedRole, state: PairState): Reason {
  const days = herStart(pm, state) - Math.max(pr.startDay, pm.dayNumber);
  const move = state.viaTarget >= 0 ? pm.member.targetAreas[state.viaTarget]?.moveFrom : undefined;
  if (move && (pm.targetStartDay[state.viaTarget] as number) > pm.earliestStartDay)
    return reason('start_before_move', 'negative', { role: pr.role.startDate ?? '', move, days });
  return reason('start_too_early', 'negative', {
    role: pr.role.startDate ?? '',
    member: pm.member.earliestStartDate ?? '',
    days,
  });
}
