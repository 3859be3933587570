/**
 * Start date (a note, never a constraint): when the role starts before she can, it is something to
 * discuss at the introduction, not a reason to hide the role. Start dates move; schedules rarely do.
 */
import type { PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';

/**
 * The note when the role starts before her earliest start date, else undefined.
 *
 * @example startDateNote(pm, pr) // 「勤務開始は2025-04-01ですが、2025-05-01からのご希望です（要相談）」
 */
export function startDateNote(pm: PreparedMember, pr: PreparedRole): Reason | undefined {
  const starts = pr.role.startDate;
  const earliest = pm.member.earliestStartDate;
  // ISO dates (YYYY-MM-DD) order as strings, so no parsing is needed.
  if (!starts || !earliest || !(starts < earliest)) return undefined;
  return reason('start_date_later', 'neutral', {
    role: pr.role.startDate ?? '',
    member: pm.member.earliestStartDate ?? '',
  });
}
