/**
 * Application close date (soft). A role past its close date is not removed — employers often
 * still take a good candidate, and the coordinator can ask — but its total is halved so open roles
 * come first, and a note says so. A date within two weeks is said as a note, so she can act in time.
 */
import type { PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';

/** What a passed close date leaves of a pair's total: enough to stay listed, below open roles. */
export const CLOSED_ROLE_FACTOR = 0.5;
/** Within this many days a close date is worth telling her. */
const SOON_DAYS = 14;

/**
 * The factor a pair's total is multiplied by: 1, or CLOSED_ROLE_FACTOR past the close date.
 *
 * @example closeFactor(pm, pr) // 0.5 for a role that closed yesterday
 */
export function closeFactor(pm: PreparedMember, pr: PreparedRole): number {
  return pr.closeDay < pm.dayNumber ? CLOSED_ROLE_FACTOR : 1;
}

/** 「応募締切（2025-04-10）まであと9日です」 or 「応募締切（…）を過ぎています（要確認）」, else none. */
export function closeDateNote(pm: PreparedMember, pr: PreparedRole): Reason | undefined {
  const closes = pr.role.closesOn;
  if (!closes || pr.closeDay === Number.POSITIVE_INFINITY) return undefined;
  const days = pr.closeDay - pm.dayNumber;
  if (days < 0) return reason('closed_for_applications', 'negative', { date: closes });
  if (days <= SOON_DAYS) return reason('closes_soon', 'neutral', { date: closes, days });
  return undefined;
}
