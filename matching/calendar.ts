/**
 * Dates and children's ages. The evaluation date is always passed in (never read from a clock), so the
 * same inputs give the same ranking on any machine, on any day, in any test.
 */

import type { ChildCare, MatchChild } from './types.ts';

/** A calendar date reduced to the numbers the criteria need. */
export interface CalendarDate {
  iso: string;
  year: number;
  month: number;
  day: number;
  /** Whole days since 1970-01-01, to compare dates with one subtraction. */
  dayNumber: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses `YYYY-MM-DD`, rejecting impossible dates (2025-02-30) rather than rolling them over.
 *
 * @example parseIsoDate('2025-04-01').dayNumber // 20179
 */
export function parseIsoDate(iso: string): CalendarDate {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`No such date: ${iso}`);
  }
  return { iso, year, month, day, dayNumber: Math.round(ms / 86_400_000) };
}

/**
 * Age in whole months on a date. We only store birth year and month (no day, for privacy), so a child
 * is taken to be born on the 1st: at most one month early, which never matters for a pickup band.
 *
 * @example ageInMonths(2020, 4, parseIsoDate('2025-03-31')) // 59 (still 4 years old)
 */
export function ageInMonths(birthYear: number, birthMonth: number, on: CalendarDate): number {
  return (on.year - birthYear) * 12 + (on.month - birthMonth);
}

/** What the care of her most pressing child means for working hours. */
export type PickupKind = 'nursery' | 'kindergarten' | 'after_school_club' | 'school' | 'other' | 'none';

export interface ChildNeeds {
  /** The care arrangement with the earliest pickup, or 'none' when no child needs collecting. */
  pickupKind: PickupKind;
  /** Minutes from 00:00 by which work and the commute home should be over; 1440 when none. */
  pickupMinute: number;
  /** True when she entered that time herself; false when it is our estimate for the arrangement. */
  pickupEntered: boolean;
  /** Whether the arrangement itself was estimated from the child's age (she did not say). */
  careEstimated: boolean;
  /**
   * The earliest pickup time she entered herself (1440 when none): a fact, so it is a hard limit on
   * being home on weekdays where she gave no care limit of her own.
   */
  enteredHomeBy: number;
  /** Age of the youngest child in whole years, or -1 without children. */
  youngestAge: number;
  /** Years until the youngest turns 18 (when 児童扶養手当 ends); 0 without children. */
  yearsUntilYoungestIs18: number;
}

/**
 * Estimated pickup times, used only when she did not enter one (and always said to be estimates):
 * nursery standard hours end around 18:00 (延長保育 costs extra and is not guaranteed); after-school
 * clubs (学童) mostly close 18:00–18:30; kindergarten (幼稚園) ends around 14:00 without 預かり保育.
 */
export const NURSERY_PICKUP_MINUTE = 18 * 60;
export const AFTER_SCHOOL_PICKUP_MINUTE = 18 * 60 + 30;
export const KINDERGARTEN_PICKUP_MINUTE = 14 * 60;

const ESTIMATED_PICKUP: Record<PickupKind, number> = {
  nursery: NURSERY_PICKUP_MINUTE,
  kindergarten: KINDERGARTEN_PICKUP_MINUTE,
  after_school_club: AFTER_SCHOOL_PICKUP_MINUTE,
  school: 1440,
  other: 1440,
  none: 1440,
};

/**
 * The child's elementary-school grade in the school year containing `on` (April to March): 1–6 in
 * elementary school, 7+ beyond, 0 or less before it. Children start school in the April after they
 * turn 6, so a child born in May 2018 starts in April 2025, and one born in February 2019 too (born
 * before April, she joins the older year). Only the month is stored, so an April-born child is taken
 * to be born after the 1st (the 1st itself belongs to the year before).
 *
 * @example schoolGrade(2018, 5, parseIsoDate('2025-03-31')) // 0: still at nursery until March
 */
export function schoolGrade(birthYear: number, birthMonth: number, on: CalendarDate): number {
  const schoolYear = on.month >= 4 ? on.year : on.year - 1;
  const entryYear = birthMonth >= 4 ? birthYear + 7 : birthYear + 6;
  return schoolYear - entryYear + 1;
}

/**
 * The arrangement we assume when she did not say: nursery before school (what a working mother
 * uses; kindergarten hours rarely fit work), the after-school club in grades 1–3, none from grade 4.
 */
function estimatedCare(grade: number): PickupKind {
  if (grade <= 0) return 'nursery';
  if (grade <= 3) return 'after_school_club';
  return 'none';
}

function careKind(care: ChildCare | undefined, grade: number): PickupKind {
  if (care === undefined) return estimatedCare(grade);
  // Cared for at home (by her or family): nobody to collect.
  if (care === 'at_home') return 'none';
  return care;
}

/**
 * Derives the pickup and allowance horizon from her children on the evaluation date: the child with
 * the earliest pickup decides. Children not yet born on that date (expected births) are ignored.
 *
 * @example childNeeds([{ birthYear: 2021, birthMonth: 5 }], parseIsoDate('2025-04-01')).pickupKind // 'nursery'
 */
export function childNeeds(children: readonly MatchChild[], on: CalendarDate): ChildNeeds {
  let youngest = -1;
  let kind: PickupKind = 'none';
  let minute = 1440;
  let entered = false;
  let estimated = false;
  let enteredHomeBy = 1440;
  for (const c of children) {
    const months = ageInMonths(c.birthYear, c.birthMonth, on);
    if (months < 0) continue;
    if (youngest < 0 || months < youngest) youngest = months;
    const k = careKind(c.care, schoolGrade(c.birthYear, c.birthMonth, on));
    const given = c.pickupMinute !== undefined;
    const m = given ? (c.pickupMinute as number) : ESTIMATED_PICKUP[k];
    if (given && m < enteredHomeBy) enteredHomeBy = m;
    if (m < minute || (m === minute && given && !entered)) {
      kind = k === 'none' ? 'other' : k;
      minute = m;
      entered = given;
      estimated = c.care === undefined;
    }
  }
  if (youngest < 0) {
    return {
      pickupKind: 'none',
      pickupMinute: 1440,
      pickupEntered: false,
      careEstimated: false,
      enteredHomeBy,
      youngestAge: -1,
      yearsUntilYoungestIs18: 0,
    };
  }
  return {
    pickupKind: minute < 1440 ? kind : 'none',
    pickupMinute: minute,
    pickupEntered: entered,
    careEstimated: estimated,
    enteredHomeBy,
    youngestAge: Math.floor(youngest / 12),
    yearsUntilYoungestIs18: Math.max(0, (18 * 12 - youngest) / 12),
  };
}

/** `540` → `"9:00"`; used by the explanations. */
export function formatMinute(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${h}:${m < 10 ? '0' : ''}${m}`;
}
