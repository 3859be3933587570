/**
 * Schedule fit (soft): among feasible schedules, prefer the ones that get her home before pickup
 * with time to spare, use a sensible share of the hours she offered, and leave slack in her week.
 * Pickup comes from her children's ages on the evaluation date (calendar.ts).
 */
import type { PairState } from '../pair-state.ts';
import type { PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';

/** Arriving 30 minutes before pickup absorbs a late train or a last-minute task. */
const COMFORTABLE_PICKUP_MARGIN = 30;
/** For older children (10+) there is no pickup, but getting home by 19:30 still matters a little. */
const OLDER_CHILD_HOME_BY = 19 * 60 + 30;

function pickupScore(pm: PreparedMember, pr: PreparedRole, state: PairState): number {
  const needs = pm.needs;
  if (needs.pickupKind === 'none') {
    if (needs.youngestAge < 0) return 1;
    return pr.fixed && state.latestHomeMinute > OLDER_CHILD_HOME_BY ? 0.85 : 1;
  }
  if (!pr.fixed) return state.pickupPlaceable ? 1 : 0.35;
  const margin = needs.pickupMinute - state.latestHomeMinute;
  if (margin >= COMFORTABLE_PICKUP_MARGIN) return 1;
  return margin >= 0 ? 0.75 : 0.2;
}

/**
 * Hours she would work against her maximum: ¾ of her maximum or more is a full use of what she
 * offered; fewer hours are fine but earn less, so the score eases down to 0.4.
 */
function hoursScore(pm: PreparedMember, state: PairState): number {
  const max = pm.maxMinutesPerWeek;
  if (max <= 0) return 0;
  return Math.min(1, 0.4 + (0.6 * state.plannedMinutes) / (0.75 * max));
}

/** Slack in minutes around fixed shifts, or spare capacity for flexible roles; and days left free. */
function slackScore(pm: PreparedMember, pr: PreparedRole, state: PairState): number {
  let margin: number;
  let daysUsed: number;
  if (pr.fixed) {
    margin = 0.6 + 0.4 * Math.min(1, state.slackMinutes / 60);
    daysUsed = pr.shiftDays / Math.max(1, pm.availableDays);
  } else {
    const ratio = state.capacityMinutes / Math.max(60, pr.minMinutes);
    margin = 0.5 + 0.5 * Math.min(1, Math.max(0, ratio - 1));
    daysUsed = Math.max(1, pr.minDays) / Math.max(1, state.capacityDays);
  }
  const days = daysUsed <= 0.6 ? 1 : 1 - (0.5 * (daysUsed - 0.6)) / 0.4;
  return 0.7 * margin + 0.3 * days;
}

/**
 * Schedule fit in 0–1: half pickup, 30% hours against her maximum, 20% slack.
 *
 * @example scoreScheduleFit(pm, pr, state) // 0.93 for Mon–Fri 9:00–15:00 and an 18:00 pickup
 */
export function scoreScheduleFit(pm: PreparedMember, pr: PreparedRole, state: PairState): number {
  return 0.5 * pickupScore(pm, pr, state) + 0.3 * hoursScore(pm, state) + 0.2 * slackScore(pm, pr, state);
}

/**
 * The earliest home-by she entered on a day the role needs her on site (1440 when none): the limit
 * the schedule check held the commute home to, worth saying because she gave it.
 */
function homeByOnWorkDays(pm: PreparedMember, pr: PreparedRole): number {
  if (!pm.hasHomeBy || pr.role.remote.mode === 'full') return 1440;
  let limit = 1440;
  const days = pr.fixed ? pr.shifts : pr.allowed;
  for (let d = 1; d <= 7; d++) {
    if ((days.offsets[d] as number) === (days.offsets[d - 1] as number)) continue;
    if ((pm.homeBy[d] as number) < limit) limit = pm.homeBy[d] as number;
  }
  return limit;
}

/** Reasons: the pickup first (what mothers ask about), then the hours against her maximum. */
export function explainScheduleFit(pm: PreparedMember, pr: PreparedRole, state: PairState): Reason[] {
  const needs = pm.needs;
  const out: Reason[] = [];
  if (needs.pickupKind === 'none') {
    out.push(reason('no_pickup', 'neutral'));
  } else {
    const p = {
      kind: needs.pickupKind,
      time: needs.pickupMinute,
      entered: needs.pickupEntered ? 'yes' : 'no',
      careEstimated: needs.careEstimated ? 'yes' : 'no',
    };
    if (!pr.fixed)
      out.push(
        state.pickupPlaceable ? reason('pickup_ok', 'positive', p) : reason('pickup_depends', 'negative', p),
      );
    else {
      const margin = needs.pickupMinute - state.latestHomeMinute;
      if (margin >= COMFORTABLE_PICKUP_MARGIN) out.push(reason('pickup_ok', 'positive', p));
      else if (margin >= 0) out.push(reason('pickup_tight', 'neutral', { ...p, margin }));
      else out.push(reason('pickup_late', 'negative', p));
    }
  }
  const limit = homeByOnWorkDays(pm, pr);
  if (limit < 1440) out.push(reason('home_by_ok', 'positive', { limit }));
  const hours = state.plannedMinutes / 60;
  const max = pm.maxMinutesPerWeek / 60;
  out.push(
    state.plannedMinutes * 2 < pm.maxMinutesPerWeek
      ? reason('hours_low', 'neutral', { hours, max })
      : reason('hours_within', 'positive', { hours, max }),
  );
  return out;
}
