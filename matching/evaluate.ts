/**
 * The hot path: one (member, role) pair in, a violation mask and scores out, written into a reused
 * PairState. No strings and no objects are created here; explanations are built afterwards, only
 * for the pairs that are shown (explain.ts).
 */
import { CONSTRAINT_BITS } from './constraints.ts';
import { checkBlockedEmployer } from './criteria/blocked-employer.ts';
import { closeFactor } from './criteria/close-date.ts';
import { checkReach, scoreCommute } from './criteria/commute.ts';
import { scoreDirection } from './criteria/direction.ts';
import { checkEmploymentType } from './criteria/employment-type.ts';
import { scoreFlexibility } from './criteria/flexibility.ts';
import { checkNightAndWeekend } from './criteria/night-weekend.ts';
import { checkPayFloor, scorePay } from './criteria/pay.ts';
import { checkQualifications } from './criteria/qualifications.ts';
import { scoreRoleHours } from './criteria/role-hours.ts';
import { checkSchedule } from './criteria/schedule.ts';
import { scoreScheduleFit } from './criteria/schedule-fit.ts';
import { scoreRoleSkills, scoreSkills } from './criteria/skills.ts';
import { checkStartDate } from './criteria/start-date.ts';
import { checkSupportStage, scoreStageFit } from './criteria/support-stage.ts';
import { textRelevance } from './criteria/text-relevance.ts';
import type { MatchContext } from './options.ts';
import { C, FIRST_EMPLOYER_COMPONENT, type PairState } from './pair-state.ts';
import type { PreparedMember, PreparedRole } from './prepare.ts';

/** Sides below this are treated as this, so the harmonic mean stays finite. */
const SIDE_FLOOR = 1e-3;

/**
 * Checks the hard constraints (cheapest first) and, when all pass, scores every component and both
 * sides. With `stopAtFirst` it returns as soon as one constraint fails (ranking only needs to know
 * the pair is out); without it every violation is collected, for the explanation.
 *
 * @example if (evaluatePair(pm, pr, ctx, state, true) === 0) console.log(state.total);
 */
export function evaluatePair(
  pm: PreparedMember,
  pr: PreparedRole,
  ctx: MatchContext,
  state: PairState,
  stopAtFirst: boolean,
): number {
  state.reset();
  if (ctx.enforceStage) checkSupportStage(pm, state);
  checkBlockedEmployer(pm, pr, state);
  checkEmploymentType(pm, pr, state);
  checkQualifications(pm, pr, state);
  checkNightAndWeekend(pm, pr, state);
  if (stopAtFirst && state.violations) return state.violations;
  checkReach(pm, pr, state);
  // After reach: a role reached from a target area starts after her move, not from today.
  checkStartDate(pm, pr, state);
  if (stopAtFirst && state.violations) return state.violations;
  if ((state.violations & CONSTRAINT_BITS.out_of_reach) === 0) checkSchedule(pm, pr, state);
  else if (!stopAtFirst) {
    // Out of reach, her real commute means nothing to the schedule; for the explanation (and to
    // tell a near miss from a pair that fails twice) check it as if the trip took her maximum.
    const commute = state.commuteMinutes;
    state.commuteMinutes = Math.min(commute, state.commuteMax || pm.member.maxCommuteMinutes);
    checkSchedule(pm, pr, state);
    state.commuteMinutes = commute;
  }
  checkPayFloor(pm, pr, state);
  if (state.violations) return state.violations;

  const s = state.scores;
  const w = state.weights;
  const cw = ctx.componentWeights;
  s[C.schedule] = scoreScheduleFit(pm, pr, state);
  s[C.commute] = scoreCommute(pm, pr, state);
  s[C.pay] = scorePay(pm, pr, state);
  s[C.flexibility] = scoreFlexibility(pm, pr, state);
  s[C.skills] = scoreSkills(pm, pr, state);
  s[C.stage] = scoreStageFit(pm, pr, state);
  const direction = scoreDirection(pm, pr);
  s[C.direction] = direction ?? 0;
  const text = textRelevance(ctx.textRelevance, pr.role.id);
  s[C.text] = text ?? 0;
  s[C.roleSkills] = scoreRoleSkills(pm, pr, state);
  s[C.roleHours] = scoreRoleHours(pm, pr, state);

  let mSum = 0;
  let mW = 0;
  for (let i = 0; i < FIRST_EMPLOYER_COMPONENT; i++) {
    const absent = (i === C.text && text === undefined) || (i === C.direction && direction === undefined);
    const wi = absent ? 0 : (cw[i] as number);
    w[i] = wi;
    mSum += wi * (s[i] as number);
    mW += wi;
  }
  let eSum = 0;
  let eW = 0;
  for (let i = FIRST_EMPLOYER_COMPONENT; i < s.length; i++) {
    const wi = cw[i] as number;
    w[i] = wi;
    eSum += wi * (s[i] as number);
    eW += wi;
  }
  const m = mW > 0 ? mSum / mW : 1;
  const e = eW > 0 ? eSum / eW : 1;
  state.memberSide = m;
  state.employerSide = e;
  // Weighted harmonic mean: a weak side pulls the total down (see weights.ts → SideWeights).
  const wm = ctx.weights.sides.member;
  const we = ctx.weights.sides.employer;
  state.total = (wm + we) / (wm / Math.max(m, SIDE_FLOOR) + we / Math.max(e, SIDE_FLOOR));
  // A role past its application close date stays listed, below the open ones (close-date.ts).
  if (pr.closeDay < pm.dayNumber) state.total *= closeFactor(pm, pr);
  return 0;
}
