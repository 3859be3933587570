/**
 * Schedule feasibility (hard): the role's hours must fit her week to the minute, with her commute
 * before and after the work. Her availability windows are the truth: a mother who must be at the
 * nursery at 18:00 says so by ending her window at 18:00, and no softer rule second-guesses it.
 *
 * Hybrid roles: she commutes only on office days. We do not know which days those are, so a shift
 * (or a flexible day) must fit without commute on every day, and with commute on at least as many
 * days as the role has office days (when the count is missing, every working day is an office day).
 */
import { CONSTRAINT_BITS } from '../constraints.ts';
import { type PairState, ScheduleFailure } from '../pair-state.ts';
import type { DayWindows, PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';

/** A day worked less than an hour is not a working day; it only adds a commute. */
export const MIN_DAY_BLOCK_MINUTES = 60;

/**
 * The smallest margin between the shift widened by `commute` and the edges of the availability
 * window that holds it, or -1 when no single window holds it.
 */
function shiftMargin(av: DayWindows, day: number, start: number, end: number, commute: number): number {
  const from = start - commute;
  const to = end + commute;
  const lo = av.offsets[day - 1] as number;
  const hi = av.offsets[day] as number;
  for (let i = lo; i < hi; i++) {
    const ws = av.starts[i] as number;
    const we = av.ends[i] as number;
    if (ws <= from && to <= we) return Math.min(from - ws, we - to);
  }
  return -1;
}

function fail(state: PairState, why: ScheduleFailure): void {
  state.violations |= CONSTRAINT_BITS.schedule_infeasible;
  if (state.scheduleFailure === ScheduleFailure.None) state.scheduleFailure = why;
}

function checkFixed(
  pm: PreparedMember,
  pr: PreparedRole,
  commute: number,
  hybrid: boolean,
  state: PairState,
): void {
  const sh = pr.shifts;
  const av = pm.availability;
  let officeOkDays = 0;
  let slack = 1440;
  let latestHome = 0;
  for (let d = 1; d <= 7; d++) {
    const lo = sh.offsets[d - 1] as number;
    const hi = sh.offsets[d] as number;
    if (lo === hi) continue;
    let officeOk = true;
    let officeSlack = 1440;
    let remoteSlack = 1440;
    let latestEnd = 0;
    for (let i = lo; i < hi; i++) {
      const s = sh.starts[i] as number;
      const e = sh.ends[i] as number;
      if (e > latestEnd) latestEnd = e;
      const mo = shiftMargin(av, d, s, e, commute);
      if (mo < 0) officeOk = false;
      else if (mo < officeSlack) officeSlack = mo;
      const mr = hybrid ? shiftMargin(av, d, s, e, 0) : mo;
      if (mr < 0) {
        if (state.scheduleFailure === ScheduleFailure.None) {
          state.failDay = d;
          state.failStart = s;
          state.failEnd = e;
        }
        fail(state, ScheduleFailure.ShiftOutside);
      } else if (mr < remoteSlack) remoteSlack = mr;
    }
    if (officeOk) {
      officeOkDays++;
      if (officeSlack < slack) slack = officeSlack;
      if (latestEnd + commute > latestHome) latestHome = latestEnd + commute;
    } else {
      if (remoteSlack < slack) slack = remoteSlack;
      if (latestEnd > latestHome) latestHome = latestEnd;
    }
  }
  if (hybrid && officeOkDays < Math.min(pr.officeDays, pr.shiftDays)) fail(state, ScheduleFailure.OfficeDays);
  if (pr.fixedMinutes > pm.maxMinutesPerWeek) fail(state, ScheduleFailure.OverMaxHours);
  state.slackMinutes = slack;
  state.latestHomeMinute = latestHome;
  state.weeklyMinutes = pr.fixedMinutes;
  state.plannedMinutes = pr.fixedMinutes;
  state.capacityMinutes = pr.fixedMinutes;
  state.capacityDays = pr.shiftDays;
}

// Scratch buffers (index = ISO weekday); the module is single-threaded, so sharing them is safe.
const officeCap = new Int32Array(8);
const remoteCap = new Int32Array(8);
let placedDays = 0;
let placedMinutes = 0;

/** Longest single work block per day inside her windows (shrunk by the commute) and the role's. */
function dayCapacities(
  pm: PreparedMember,
  pr: PreparedRole,
  commute: number,
  clip: number,
  out: Int32Array,
): void {
  const av = pm.availability;
  const al = pr.allowed;
  for (let d = 1; d <= 7; d++) {
    let best = 0;
    const aHi = av.offsets[d] as number;
    const wLo = al.offsets[d - 1] as number;
    const wHi = al.offsets[d] as number;
    for (let a = av.offsets[d - 1] as number; a < aHi; a++) {
      const lo = (av.starts[a] as number) + commute;
      const hi = Math.min(av.ends[a] as number, clip) - commute;
      if (hi - lo <= best) continue;
      for (let w = wLo; w < wHi; w++) {
        const len = Math.min(hi, al.ends[w] as number) - Math.max(lo, al.starts[w] as number);
        if (len > best) best = len;
      }
    }
    out[d] = best;
  }
}

/**
 * The most days and minutes she can place. With `officeDays` k < 7 she picks k office days (those
 * losing the least time to the commute) and works the others from home; if fewer than k days allow
 * the commute, every day she works must be an office day. Sets placedDays / placedMinutes.
 */
function place(
  pm: PreparedMember,
  pr: PreparedRole,
  commute: number,
  clip: number,
  officeDays: number,
): void {
  dayCapacities(pm, pr, commute, clip, officeCap);
  let officeOk = 0;
  for (let d = 1; d <= 7; d++) if ((officeCap[d] as number) >= MIN_DAY_BLOCK_MINUTES) officeOk++;
  placedDays = 0;
  placedMinutes = 0;
  if (officeDays >= 7 || commute === 0 || officeOk < officeDays) {
    for (let d = 1; d <= 7; d++) {
      const c = officeCap[d] as number;
      if (c >= MIN_DAY_BLOCK_MINUTES) {
        placedDays++;
        placedMinutes += c;
      }
    }
    return;
  }
  dayCapacities(pm, pr, 0, clip, remoteCap);
  let chosen = 0;
  for (let k = 0; k < officeDays; k++) {
    let pick = 0;
    let pickLoss = 1e9;
    for (let d = 1; d <= 7; d++) {
      if (chosen & (1 << d) || (officeCap[d] as number) < MIN_DAY_BLOCK_MINUTES) continue;
      const loss = (remoteCap[d] as number) - (officeCap[d] as number);
      if (loss < pickLoss) {
        pick = d;
        pickLoss = loss;
      }
    }
    chosen |= 1 << pick;
  }
  for (let d = 1; d <= 7; d++) {
    const c = chosen & (1 << d) ? (officeCap[d] as number) : (remoteCap[d] as number);
    if (c >= MIN_DAY_BLOCK_MINUTES) {
      placedDays++;
      placedMinutes += c;
    }
  }
}

function checkFlexible(pm: PreparedMember, pr: PreparedRole, commute: number, state: PairState): void {
  const needDays = Math.max(1, pr.minDays);
  const needMinutes = Math.max(MIN_DAY_BLOCK_MINUTES, pr.minMinutes, needDays * MIN_DAY_BLOCK_MINUTES);
  place(pm, pr, commute, 1440, pr.officeDays);
  state.capacityDays = placedDays;
  state.capacityMinutes = placedMinutes;
  state.weeklyMinutes = Math.min(placedMinutes, pm.maxMinutesPerWeek);
  // The hours she would most likely work: what the employer would like, within what she can give.
  state.plannedMinutes = Math.max(pr.minMinutes, Math.min(pr.preferredMinutes, state.weeklyMinutes));
  if (placedDays < needDays || placedMinutes < needMinutes) {
    const officeShort = commute > 0 && pr.officeDays < 7 && pr.role.remote.mode === 'hybrid';
    fail(state, officeShort ? ScheduleFailure.OfficeDays : ScheduleFailure.NotPlaceable);
    if (officeShort) {
      // Tell office-day shortage apart from a week that is simply too small.
      place(pm, pr, 0, 1440, 7);
      if (placedDays < needDays || placedMinutes < needMinutes)
        state.scheduleFailure = ScheduleFailure.NotPlaceable;
    }
  }
  if (needMinutes > pm.maxMinutesPerWeek) fail(state, ScheduleFailure.OverMaxHours);
  const pickup = pm.needs.pickupMinute;
  if (pickup < 1440) {
    place(pm, pr, commute, pickup, pr.officeDays);
    state.pickupPlaceable = placedDays >= needDays && placedMinutes >= needMinutes;
  }
}

/**
 * Checks the role's hours against her week; sets `schedule_infeasible` and the schedule fields of
 * the state (weekly minutes, slack, capacity, latest time home). Needs `commuteMinutes` set first.
 *
 * @example checkSchedule(pm, pr, state); state.violations & CONSTRAINT_BITS.schedule_infeasible // 0
 */
export function checkSchedule(pm: PreparedMember, pr: PreparedRole, state: PairState): void {
  const mode = pr.role.remote.mode;
  const commute = mode === 'full' ? 0 : state.commuteMinutes;
  if (pr.fixed) checkFixed(pm, pr, commute, mode === 'hybrid', state);
  else checkFlexible(pm, pr, commute, state);
}

/** The schedule violation, saying which shift or which minimum did not fit. */
export function explainScheduleViolation(pm: PreparedMember, pr: PreparedRole, state: PairState): Reason {
  switch (state.scheduleFailure) {
    case ScheduleFailure.ShiftOutside:
      return reason('schedule_shift_outside', 'negative', {
        day: state.failDay,
        start: state.failStart,
        end: state.failEnd,
        commute: pr.role.remote.mode === 'none' ? state.commuteMinutes : 0,
      });
    case ScheduleFailure.OfficeDays:
      return reason('schedule_office_days', 'negative', { officeDays: pr.officeDays });
    case ScheduleFailure.OverMaxHours:
      return reason('schedule_over_max_hours', 'negative', {
        hours:
          (pr.fixed ? pr.fixedMinutes : Math.max(pr.minMinutes, pr.minDays * MIN_DAY_BLOCK_MINUTES)) / 60,
        max: pm.maxMinutesPerWeek / 60,
      });
    default:
      return reason('schedule_not_placeable', 'negative', {
        minDays: pr.minDays,
        minHours: pr.minMinutes / 60,
        days: state.capacityDays,
        hours: state.capacityMinutes / 60,
      });
  }
}
