/**
 * Pay: her floor (hard) and her wish (soft). Hourly, daily, monthly and yearly pay are compared as
 * monthly yen using the role's own hours, so "時給1,100円" and "月給15万円以上" are compared fairly:
 * - hour → × hours per week × 4.33 (52 weeks ÷ 12 months)
 * - day → × days per week × 4.33; days are the fixed shift days, or for flexible roles the hours
 *   spread over days of at most 8 hours (never fewer than the role's minimum days)
 * - month → as is; year → ÷ 12 (bonuses are not guaranteed, so yearly figures are what the ad says)
 *
 * The floor is compared with what the role guarantees: its minimum rate, never the "up to" maximum.
 * A rate floor (hour/day) is compared as a rate over the role's nominal week; an income floor
 * (month/year) as income over the hours she can actually work there (the fixed shifts, or for
 * flexible roles the hours she can place inside its windows, up to her own maximum). The wish is compared with a realistic rate
 * (the minimum plus a quarter of the range: people rarely start at the top) at the hours she would
 * most likely work.
 */
import { CONSTRAINT_BITS } from '../constraints.ts';
import type { PairState } from '../pair-state.ts';
import type { PreparedMember, PreparedRole } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';
import type { PayUnit } from '../types.ts';

export const WEEKS_PER_MONTH = 52 / 12;
/** Longest day assumed when spreading flexible hours over days for a daily rate. */
const MAX_HOURS_PER_DAY = 8;
/** Without a wish, a role paying 15% above her floor is as good as meeting a wish. */
const WISH_OVER_FLOOR = 1.15;

/**
 * Converts a pay amount to monthly yen for a given working week.
 *
 * @example monthlyPay(1100, 'hour', 20, 5) // 95,333 (1,100 × 20 h × 4.33)
 */
export function monthlyPay(amount: number, unit: PayUnit, hoursPerWeek: number, daysPerWeek: number): number {
  switch (unit) {
    case 'hour':
      return amount * hoursPerWeek * WEEKS_PER_MONTH;
    case 'day':
      return amount * daysPerWeek * WEEKS_PER_MONTH;
    case 'month':
      return amount;
    default:
      return amount / 12;
  }
}

/** The inverse of monthlyPay, to show a converted amount in the unit she used. */
function fromMonthly(monthly: number, unit: PayUnit, hoursPerWeek: number, daysPerWeek: number): number {
  const per = monthlyPay(1, unit, hoursPerWeek, daysPerWeek);
  return per > 0 ? monthly / per : 0;
}

function daysFor(pr: PreparedRole, hoursPerWeek: number): number {
  if (pr.fixed) return pr.shiftDays;
  return Math.min(7, Math.max(pr.minDays, 1, Math.ceil(hoursPerWeek / MAX_HOURS_PER_DAY)));
}

/**
 * Sets `pay_below_floor` when the role guarantees less than her floor. A floor given as a rate
 * (hourly or daily) is compared as a rate, using the role's own nominal week (its shifts, or its
 * minimum hours and days), so it does not depend on how many hours she could add. A floor given as
 * income (monthly or yearly) is compared as income at the hours she can actually work there; when
 * the schedule failed or was not checked (out of reach), the nominal week is used instead.
 *
 * @example checkPayFloor(pm, pr, state) // floor ¥1,100/h vs role ¥1,050/h → flagged
 */
export function checkPayFloor(pm: PreparedMember, pr: PreparedRole, state: PairState): void {
  const floor = pm.member.payFloor;
  if (!floor) return;
  const asRate = floor.unit === 'hour' || floor.unit === 'day';
  const unknownWeek = CONSTRAINT_BITS.schedule_infeasible | CONSTRAINT_BITS.out_of_reach;
  const nominal = asRate || (state.violations & unknownWeek) !== 0;
  const minutes = nominal ? pr.minMinutes : state.weeklyMinutes;
  // A flexible role without a minimum still pays per hour; 8 h a day is the usual working day.
  const h = minutes > 0 ? minutes / 60 : MAX_HOURS_PER_DAY;
  const d = nominal ? (pr.fixed ? Math.max(1, pr.shiftDays) : Math.max(1, pr.minDays)) : daysFor(pr, h);
  const pay = pr.role.pay;
  state.guaranteedMonthly = monthlyPay(pay.min, pay.unit, h, d);
  state.floorMonthly = monthlyPay(floor.amount, floor.unit, h, d);
  state.hoursPerWeek = h;
  state.daysPerWeek = d;
  // A relative tolerance only absorbs float rounding: equal rates never fail.
  if (state.guaranteedMonthly < state.floorMonthly * (1 - 1e-9))
    state.violations |= CONSTRAINT_BITS.pay_below_floor;
}

/** 「給与（時給1,050円相当）が最低希望額（時給1,100円）を下回ります」 */
export function explainPayFloor(pm: PreparedMember, state: PairState): Reason {
  const floor = pm.member.payFloor ?? { amount: 0, unit: 'month' as const };
  const amount = fromMonthly(state.guaranteedMonthly, floor.unit, state.hoursPerWeek, state.daysPerWeek);
  return reason('pay_below_floor', 'negative', { unit: floor.unit, amount, floor: floor.amount });
}

/**
 * Pay against her wish in 0–1: 1 when the realistic monthly pay reaches it, falling linearly to 0 at
 * 60% of it. Without a wish the floor × 1.15 stands in; without either, a neutral 0.6.
 *
 * @example scorePay(pm, pr, state) // 0.75 when the role pays 90% of her wish
 */
export function scorePay(pm: PreparedMember, pr: PreparedRole, state: PairState): number {
  const h = state.plannedMinutes / 60;
  const d = daysFor(pr, h);
  const pay = pr.role.pay;
  const rate = pay.max !== undefined && pay.max > pay.min ? pay.min + 0.25 * (pay.max - pay.min) : pay.min;
  state.expectedMonthly = monthlyPay(rate, pay.unit, h, d);
  const m = pm.member;
  const wish = m.payWish;
  if (wish) state.wishMonthly = monthlyPay(wish.amount, wish.unit, h, d);
  else if (m.payFloor)
    state.wishMonthly = monthlyPay(m.payFloor.amount, m.payFloor.unit, h, d) * WISH_OVER_FLOOR;
  else {
    state.wishMonthly = 0;
    return 0.6;
  }
  if (state.wishMonthly <= 0) return 1;
  const ratio = state.expectedMonthly / state.wishMonthly;
  return ratio >= 1 ? 1 : Math.max(0, (ratio - 0.6) / 0.4);
}

/** 「給与 時給1,200〜1,400円（ご希望 時給1,300円）：ご希望に届きます」, or below it. */
export function explainPay(pm: PreparedMember, pr: PreparedRole, state: PairState): Reason[] {
  const wish = pm.member.payWish;
  const pay = pr.role.pay;
  if (!wish) return [reason('pay_no_wish', 'neutral', { unit: pay.unit, amount: pay.min })];
  const ratio = state.wishMonthly > 0 ? state.expectedMonthly / state.wishMonthly : 1;
  const said = {
    unit: wish.unit,
    wish: wish.amount,
    roleUnit: pay.unit,
    min: pay.min,
    ...(pay.max !== undefined ? { max: pay.max } : {}),
    // Kept for tools reading the reason's parameters; the sentence shows the amounts instead.
    percent: Math.round(ratio * 100),
  };
  if (ratio >= 1) return [reason('pay_meets_wish', 'positive', said)];
  return [reason('pay_below_wish', ratio >= 0.85 ? 'neutral' : 'negative', said)];
}
