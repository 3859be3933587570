/**
 * Hours for the employer (soft, employer side): the hours she can give against the hours the role
 * would like. A fixed role she passed the schedule check for gets every shift covered; a flexible
 * one is scored by the hours she can place (up to her maximum) over its preferred hours.
 */
import type { PairState } from '../pair-state.ts';
import type { PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';

/**
 * Share of the employer's preferred hours she can give, in 0–1.
 *
 * @example scoreRoleHours(pm, flexibleRoleWanting30h, stateWith20hPlaceable) // 0.67
 */
export function scoreRoleHours(_pm: PreparedMember, pr: PreparedRole, state: PairState): number {
  if (pr.fixed) return 1;
  const wanted = Math.max(60, pr.preferredMinutes);
  return Math.min(1, state.weeklyMinutes / wanted);
}

/** 「週25時間まで勤務可能（希望 週30時間）」 */
export function explainRoleHours(_pm: PreparedMember, pr: PreparedRole, state: PairState): Reason[] {
  if (pr.fixed) return [reason('role_hours_fixed', 'positive', { hours: pr.fixedMinutes / 60 })];
  const tone = state.weeklyMinutes >= pr.preferredMinutes ? 'positive' : 'neutral';
  return [
    reason('role_hours_flexible', tone, {
      hours: state.weeklyMinutes / 60,
      preferred: pr.preferredMinutes / 60,
    }),
  ];
}
