/**
 * Schedule feasibility (hard): the role's worked hours must fit her week to the minute. Two things
 * are checked, as mothers plan them: the work itself must lie inside a work window of hers (on-site
 * work never in a window she marked remote-only), and leaving for it and getting back must fit her
 * care limits for that day (leave home not before, be home by), with the commute counted between
 * the care limits and the work, never inside the work window.
 *
 * Hybrid roles: she commutes only on office days. We do not know which days those are, so a shift
 * (or a flexible day) must fit from home on every day, and on site on at least as many days as the
 * role has office days (when the count is missing, every working day is an office day).
 *
 * Every failure records how far it missed (pair-state.ts → recordMargin), so a coordinator sees the
 * near misses: a window 15 minutes short, a weekly total 2 hours over her maximum.
 */
import { CONSTRAINT_BITS } from '../constraints.ts';
import { type PairState, recordMargin, ScheduleFailure } from '../pair-state.ts';
import { type DayWindows, MIN_DAY_MINUTES, type PreparedMember, type PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';

/** A day worked less than an hour is not a working day; it only adds a commute. */
export const MIN_DAY_BLOCK_MINUTES = MIN_DAY_MINUTES;

/** "Not inside any window at all": larger than any real miss, so never a near miss. */
const NO_WINDOW = 1440;

/**
 * How many minutes of [start, end] stick out of the window of `day` that holds it best (0 when one
 * window holds it), and the smallest margin to that window's edges when it fits (in `fitSlack`).
 */
let fitSlack = 0;
function outside(w: DayWindows, day: number, start: number, end: number): number {
  const lo = w.offsets[day - 1] as number;
  const hi = w.offsets[day] as number;
  let best = NO_WINDOW;
  fitSlack = 0;
  for (let i = lo; i < hi; i++) {
    const ws = w.starts[i] as number;
    const we = w.ends[i] as number;
    const out = (ws > start ? ws - start : 0) + (end > we ? end - we : 0);
    if (out < best) {
      best = out;
      if (out === 0) fitSlack = Math.min(start - ws, we - end);
    }
  }
  return best;
}

function fail(state: PairState, why: ScheduleFailure): void {
  state.violations |= CONSTRAINT_BITS.schedule_infeasible;
  if (state.scheduleFailure === ScheduleFailure.None) state.scheduleFailure = why;
}

function failShift(state: PairState, why: ScheduleFailure, day: number, start: number, end: number): void {
  if (state.scheduleFailure === ScheduleFailure.None) {
    state.failDay = day;
    state.failStart = start;
    state.failEnd = end;
  }
  fail(state, why);
}

function checkFixed(pm: PreparedMember, pr: PreparedRole, commute: number, state: PairState): void {
  const mode = pr.role.remote.mode;
  const sh = pr.shifts;
  const needOffice =
    mode === 'none' ? pr.shiftDays : mode === 'hybrid' ? Math.min(pr.officeDays, pr.shiftDays) : 0;
  let officeOkDays = 0;
  let slack = 1440;
  let latestHome = 0;
  let worstOfficeShort = 0;
  let officeShortDays = 0;
  for (let d = 1; d <= 7; d++) {
    const lo = sh.offsets[d - 1] as number;
    const hi = sh.offsets[d] as number;
    if (lo === hi) continue;
    // From home: every shift inside any of her windows.
    let remoteShort = 0;
    let remoteSlack = 1440;
    // On site: inside a window she did not mark remote-only, and the trip inside her care limits.
    let windowShort = 0;
    let onsiteSlack = 1440;
    let first = 1440;
    let last = 0;
    let firstOutside = -1;
    for (let i = lo; i < hi; i++) {
      const s = sh.starts[i] as number;
      const e = sh.ends[i] as number;
      if (s < first) first = s;
      if (e > last) last = e;
      const r = outside(pm.availability, d, s, e);
      if (r > remoteShort) remoteShort = r;
      if (r === 0 && fitSlack < remoteSlack) remoteSlack = fitSlack;
      if (mode !== 'full') {
        const o = outside(pm.onsite, d, s, e);
        if (o > windowShort) windowShort = o;
        if (o > 0 && firstOutside < 0) firstOutside = i;
        if (o === 0 && fitSlack < onsiteSlack) onsiteSlack = fitSlack;
      }
    }
    if (mode === 'full') {
      if (remoteShort > 0) {
        failShift(state, ScheduleFailure.ShiftOutside, d, first, last);
        recordMargin(state, 'schedule_infeasible', remoteShort, 'minutes');
      } else if (remoteSlack < slack) slack = remoteSlack;
      if (last > latestHome) latestHome = last;
      continue;
    }
    const leave = first - commute;
    const home = last + commute;
    const leaveShort = (pm.leaveFrom[d] as number) - leave;
    const homeShort = home - (pm.homeBy[d] as number);
    const careShort = Math.max(0, leaveShort, homeShort);
    const officeShort = Math.max(windowShort, careShort);
    if (officeShort === 0) {
      officeOkDays++;
      const careSlack = Math.min(-leaveShort, -homeShort);
      const daySlack = Math.min(onsiteSlack, careSlack);
      if (daySlack < slack) slack = daySlack;
      if (home > latestHome) latestHome = home;
    } else {
      officeShortDays++;
      if (officeShort > worstOfficeShort) worstOfficeShort = officeShort;
      if (mode === 'none') {
        if (windowShort > 0) {
          const i = firstOutside < 0 ? lo : firstOutside;
          // Inside a window all the same, only a remote-only one: say that, not "outside your hours".
          const why = remoteShort === 0 ? ScheduleFailure.RemoteOnlyWindow : ScheduleFailure.ShiftOutside;
          failShift(state, why, d, sh.starts[i] as number, sh.ends[i] as number);
        } else {
          if (state.scheduleFailure === ScheduleFailure.None) {
            state.failLeave = leaveShort > 0 ? leave : -1;
            state.failHome = homeShort > 0 ? home : -1;
            state.failLimit = homeShort > 0 ? (pm.homeBy[d] as number) : (pm.leaveFrom[d] as number);
          }
          failShift(state, ScheduleFailure.CareLimit, d, first, last);
        }
        recordMargin(state, 'schedule_infeasible', officeShort, 'minutes');
      }
    }
    if (mode === 'hybrid') {
      if (remoteShort > 0) {
        failShift(state, ScheduleFailure.ShiftOutside, d, first, last);
        recordMargin(state, 'schedule_infeasible', remoteShort, 'minutes');
      } else if (officeShort > 0) {
        if (remoteSlack < slack) slack = remoteSlack;
        if (last > latestHome) latestHome = last;
      }
    }
  }
  if (mode === 'hybrid' && officeOkDays < needOffice) {
    fail(state, ScheduleFailure.OfficeDays);
    // One office day missing by a few minutes is a near miss; more days are a real gap.
    if (needOffice - officeOkDays === 1 && officeShortDays > 0)
      recordMargin(state, 'schedule_infeasible', worstOfficeShort, 'minutes');
    else recordMargin(state, 'schedule_infeasible', needOffice - officeOkDays, 'days_per_week');
  }
  if (pr.fixedMinutes > pm.maxMinutesPerWeek) {
    fail(state, ScheduleFailure.OverMaxHours);
    recordMargin(
      state,
      'schedule_infeasible',
      (pr.fixedMinutes - pm.maxMinutesPerWeek) / 60,
      'hours_per_week',
    );
  }
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

/**
 * Minutes she can work on each day inside her windows ∩ the role's allowed windows. On site
 * (`commute` ≥ 0 and `onSite`), only windows that allow on-site work count, and the work must start
 * `commute` after she may leave and end `commute` before she must be home (`clip` lowers home-by,
 * for the estimated pickup). One block a day, or the sum of blocks when the role allows split days.
 * Days below the role's shortest day count as 0.
 */
function dayCapacities(
  pm: PreparedMember,
  pr: PreparedRole,
  onSite: boolean,
  commute: number,
  clip: number,
  out: Int32Array,
): void {
  const av = onSite ? pm.onsite : pm.availability;
  const al = pr.allowed;
  for (let d = 1; d <= 7; d++) {
    let best = 0;
    let sum = 0;
    const from = onSite ? (pm.leaveFrom[d] as number) + commute : 0;
    const to = onSite ? Math.min(pm.homeBy[d] as number, clip) - commute : 1440;
    const aHi = av.offsets[d] as number;
    const wLo = al.offsets[d - 1] as number;
    const wHi = al.offsets[d] as number;
    for (let a = av.offsets[d - 1] as number; a < aHi; a++) {
      const lo = Math.max(av.starts[a] as number, from);
      const hi = Math.min(av.ends[a] as number, to);
      if (hi <= lo) continue;
      for (let w = wLo; w < wHi; w++) {
        const len = Math.min(hi, al.ends[w] as number) - Math.max(lo, al.starts[w] as number);
        if (len <= 0) continue;
        if (len > best) best = len;
        if (len >= MIN_DAY_MINUTES) sum += len;
      }
    }
    const cap = pr.splitDays ? sum : best;
    out[d] = cap >= pr.minDayMinutes ? cap : 0;
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
  const mode = pr.role.remote.mode;
  dayCapacities(pm, pr, mode !== 'full', commute, clip, officeCap);
  let officeOk = 0;
  for (let d = 1; d <= 7; d++) if ((officeCap[d] as number) > 0) officeOk++;
  placedDays = 0;
  placedMinutes = 0;
  if (mode !== 'hybrid' || officeDays >= 7 || officeOk < officeDays) {
    for (let d = 1; d <= 7; d++) {
      const c = officeCap[d] as number;
      if (c > 0) {
        placedDays++;
        placedMinutes += c;
      }
    }
    return;
  }
  dayCapacities(pm, pr, false, 0, 1440, remoteCap);
  let chosen = 0;
  for (let k = 0; k < officeDays; k++) {
    let pick = 0;
    let pickLoss = 1e9;
    for (let d = 1; d <= 7; d++) {
      if (chosen & (1 << d) || (officeCap[d] as number) <= 0) continue;
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
    if (c > 0) {
      placedDays++;
      placedMinutes += c;
    }
  }
}

/** The least a flexible role asks: its weekly minimum, and a shortest day on each of its minimum days. */
export function flexibleNeedMinutes(pr: PreparedRole): number {
  const days = Math.max(1, pr.minDays);
  return Math.max(pr.minDayMinutes, pr.minMinutes, days * pr.minDayMinutes);
}

function checkFlexible(pm: PreparedMember, pr: PreparedRole, commute: number, state: PairState): void {
  const needDays = Math.max(1, pr.minDays);
  const needMinutes = flexibleNeedMinutes(pr);
  place(pm, pr, commute, 1440, pr.officeDays);
  state.capacityDays = placedDays;
  state.capacityMinutes = placedMinutes;
  state.weeklyMinutes = Math.min(placedMinutes, pm.maxMinutesPerWeek, pr.maxMinutes);
  // The hours she would most likely work: what the employer would like, within what she can give.
  state.plannedMinutes = Math.min(
    pr.maxMinutes,
    Math.max(pr.minMinutes, Math.min(pr.preferredMinutes, state.weeklyMinutes)),
  );
  if (placedDays < needDays || placedMinutes < needMinutes) {
    const officeShort = commute > 0 && pr.officeDays < 7 && pr.role.remote.mode === 'hybrid';
    fail(state, officeShort ? ScheduleFailure.OfficeDays : ScheduleFailure.NotPlaceable);
    if (placedDays < needDays)
      recordMargin(state, 'schedule_infeasible', needDays - placedDays, 'days_per_week');
    else recordMargin(state, 'schedule_infeasible', (needMinutes - placedMinutes) / 60, 'hours_per_week');
    if (officeShort) {
      // Tell office-day shortage apart from a week that is simply too small.
      place(pm, pr, 0, 1440, 7);
      if (placedDays < needDays || placedMinutes < needMinutes)
        state.scheduleFailure = ScheduleFailure.NotPlaceable;
    }
  }
  if (needMinutes > pm.maxMinutesPerWeek) {
    fail(state, ScheduleFailure.OverMaxHours);
    recordMargin(state, 'schedule_infeasible', (needMinutes - pm.maxMinutesPerWeek) / 60, 'hours_per_week');
  }
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
  const commute = pr.role.remote.mode === 'full' ? 0 : state.commuteMinutes;
  state.scheduleCommute = commute;
  if (pr.fixed) checkFixed(pm, pr, commute, state);
  else checkFlexible(pm, pr, commute, state);
}

/** The schedule violation, saying which shift, which care limit or which minimum did not fit. */
export function explainScheduleViolation(pm: PreparedMember, pr: PreparedRole, state: PairState): Reason {
  const shift = { day: state.failDay, start: state.failStart, end: state.failEnd };
  switch (state.scheduleFailure) {
    case ScheduleFailure.ShiftOutside:
      return reason('schedule_shift_outside_window', 'negative', shift);
    case ScheduleFailure.RemoteOnlyWindow:
      return reason('schedule_remote_only_window', 'negative', shift);
    case ScheduleFailure.CareLimit:
      return state.failHome >= 0
        ? reason('schedule_home_too_late', 'negative', {
            ...shift,
            commute: state.scheduleCommute,
            home: state.failHome,
            limit: state.failLimit,
          })
        : reason('schedule_leave_too_early', 'negative', {
            ...shift,
            commute: state.scheduleCommute,
            leave: state.failLeave,
            limit: state.failLimit,
          });
    case ScheduleFailure.OfficeDays:
      return reason('schedule_office_days', 'negative', { officeDays: pr.officeDays });
    case ScheduleFailure.OverMaxHours:
      return reason('schedule_over_max_hours', 'negative', {
        hours: (pr.fixed ? pr.fixedMinutes : flexibleNeedMinutes(pr)) / 60,
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
