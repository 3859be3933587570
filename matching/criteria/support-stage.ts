/**
 * Support stage: the hard rule (stage 1 and unassessed members get no automatic suggestions) and
 * stage fit (soft). Stage 2 favours short hours and low pressure; 3 a step up; 4–5 full-time or
 * career roles whose pay can reach her income goal before the youngest turns 18, when the
 * child-rearing allowance (児童扶養手当) ends.
 */
import { CONSTRAINT_BITS } from '../constraints.ts';
import type { PairState } from '../pair-state.ts';
import type { PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';
import { monthlyPay } from './pay.ts';

/**
 * Without a stated wish, ¥200,000 a month is the goal: about what a parent with one child needs to
 * live without the allowance in a regional city. A configuration value, not a judgement.
 */
export const DEFAULT_INCOME_GOAL_MONTHLY = 200_000;
/** Hours a week an hourly wish is multiplied by to give a full-time income goal. */
const FULL_TIME_HOURS = 40;
/** With this many years until the youngest turns 18, raises within the role's range can still come. */
const YEARS_FOR_GROWTH = 3;

/**
 * Sets `stage_not_assessed` (null) or `stage_stabilising` (stage 1).
 *
 * @example checkSupportStage(pm, state) // supportStage null → stage_not_assessed
 */
export function checkSupportStage(pm: PreparedMember, state: PairState): void {
  const stage = pm.member.supportStage;
  if (stage === null || stage === undefined) state.violations |= CONSTRAINT_BITS.stage_not_assessed;
  else if (stage <= 1) state.violations |= CONSTRAINT_BITS.stage_stabilising;
}

const OVERTIME_PRESSURE = { none: 1, occasional: 0.5, regular: 0.1 } as const;
const OVERTIME_STEP_UP = { none: 1, occasional: 0.8, regular: 0.4 } as const;
const CAREER = { full_time: 1, contract: 0.75, dispatch: 0.5, freelance: 0.5, part_time: 0.3 } as const;

function incomeGoal(pm: PreparedMember): number {
  const wish = pm.member.payWish;
  return wish ? monthlyPay(wish.amount, wish.unit, FULL_TIME_HOURS, 5) : DEFAULT_INCOME_GOAL_MONTHLY;
}

/** Share of her income goal the role can reach (capped at 1). */
function incomeReach(pm: PreparedMember, pr: PreparedRole, state: PairState): number {
  const pay = pr.role.pay;
  const h = state.plannedMinutes / 60;
  const growth = pm.needs.yearsUntilYoungestIs18 >= YEARS_FOR_GROWTH || pm.needs.youngestAge < 0;
  const rate =
    growth && pay.max !== undefined ? pay.max : pay.min + 0.25 * Math.max(0, (pay.max ?? pay.min) - pay.min);
  const days = pr.fixed ? pr.shiftDays : Math.max(1, pr.minDays, Math.ceil(h / 8));
  const goal = incomeGoal(pm);
  return goal > 0 ? Math.min(1, monthlyPay(rate, pay.unit, h, days) / goal) : 1;
}

/**
 * How to judge a role for her: as a gentle start, a step up, or a career step. Her own choice (a
 * career step now, or a stable base first) decides; without one, her stage does (1–2 gentle, 3 a
 * step up, 4–5 a career step), so a coordinator's assessment is the default, never an override.
 *
 * @example paceOf(pm) // 'career' for a stage-2 member who asked for a career step now
 */
export function paceOf(pm: PreparedMember): 'gentle' | 'step' | 'career' {
  const pace = pm.member.direction?.pace;
  if (pace === 'stable_base') return 'gentle';
  if (pace === 'career_step') return 'career';
  const stage = pm.member.supportStage ?? 1;
  return stage <= 2 ? 'gentle' : stage === 3 ? 'step' : 'career';
}

/**
 * Stage fit in 0–1.
 *
 * @example scoreStageFit(stage2Member, twentyHourRoleNoOvertime, state) // 1
 */
export function scoreStageFit(pm: PreparedMember, pr: PreparedRole, state: PairState): number {
  const pace = paceOf(pm);
  const role = pr.role;
  const h = state.plannedMinutes / 60;
  if (pace === 'gentle') {
    const hours = h <= 20 ? 1 : h <= 30 ? 1 - (0.5 * (h - 20)) / 10 : 0.3;
    const shortTime = role.facts.short_time_allowed?.available ? 1 : 0.5;
    return 0.5 * hours + 0.35 * OVERTIME_PRESSURE[role.overtime] + 0.15 * shortTime;
  }
  if (pace === 'step') {
    const hours = h < 20 ? 0.6 + (0.4 * h) / 20 : h <= 35 ? 1 : 0.75;
    const career = role.employmentType === 'full_time' || role.employmentType === 'contract';
    const growth = career ? 1 : role.pay.max !== undefined && role.pay.max > role.pay.min ? 0.8 : 0.5;
    return 0.45 * hours + 0.3 * OVERTIME_STEP_UP[role.overtime] + 0.25 * growth;
  }
  const career = role.employmentType === 'part_time' && h >= 30 ? 0.55 : CAREER[role.employmentType];
  return 0.5 * career + 0.5 * incomeReach(pm, pr, state);
}

/** One sentence on what the role means at her stage. */
export function explainStageFit(pm: PreparedMember, pr: PreparedRole, state: PairState): Reason[] {
  const pace = paceOf(pm);
  const h = state.plannedMinutes / 60;
  const role = pr.role;
  if (pace === 'gentle') {
    const gentle = h <= 25 && role.overtime !== 'regular';
    return [gentle ? reason('stage_gentle', 'positive') : reason('stage_heavy', 'negative', { hours: h })];
  }
  if (pace === 'step') {
    if (h > 35 || role.overtime === 'regular') return [reason('stage_heavy', 'neutral', { hours: h })];
    if (h < 20) return [reason('stage_gentle', 'neutral')];
    return [reason('stage_step_up', 'positive')];
  }
  const reach = incomeReach(pm, pr, state);
  const goal = incomeGoal(pm);
  if (reach >= 1) return [reason('stage_career', 'positive', { unit: 'month', goal })];
  return [
    reason('stage_career_short', reach >= 0.8 ? 'neutral' : 'negative', {
      unit: 'month',
      goal,
      percent: Math.round(reach * 100),
    }),
  ];
}
