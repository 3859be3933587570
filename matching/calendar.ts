/**
 * Dates and children's ages. The evaluation date is always passed in (never read from a clock), so the
 * same inputs give the same ranking on any machine, on any day, in any test.
 */

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

/** What her children's ages mean for working hours. */
export type PickupKind = 'nursery' | 'after_school' | 'none';

export interface ChildNeeds {
  /** The most pressing pickup: nursery for a child under 6, after-school club for 6–9. */
  pickupKind: PickupKind;
  /** Minutes from 00:00 by which work and the commute home must be over; 1440 when none. */
  pickupMinute: number;
  /** Age of the youngest child in whole years, or -1 without children. */
  youngestAge: number;
  /** Years until the youngest turns 18 (when 児童扶養手当 ends); 0 without children. */
  yearsUntilYoungestIs18: number;
}

/**
 * Nursery (保育園) standard hours end around 18:00, and 延長保育 costs extra and is not guaranteed,
 * so 18:00 is the pickup we plan for. After-school clubs (学童) mostly close 18:00–18:30; we use
 * 18:30 so the two bands differ where they really do. From 10 children come home alone, so there
 * is no pickup to plan around.
 */
export const NURSERY_PICKUP_MINUTE = 18 * 60;
export const AFTER_SCHOOL_PICKUP_MINUTE = 18 * 60 + 30;

/**
 * Derives the pickup and allowance horizon from her children on the evaluation date.
 * Children not yet born on that date (expected births) are ignored.
 *
 * @example childNeeds([{ birthYear: 2021, birthMonth: 5 }], parseIsoDate('2025-04-01')).pickupKind // 'nursery'
 */
export function childNeeds(
  children: { birthYear: number; birthMonth: number }[],
  on: CalendarDate,
): ChildNeeds {
  let youngest = -1;
  for (const c of children) {
    const months = ageInMonths(c.birthYear, c.birthMonth, on);
    if (months < 0) continue;
    if (youngest < 0 || months < youngest) youngest = months;
  }
  if (youngest < 0) {
    return { pickupKind: 'none', pickupMinute: 1440, youngestAge: -1, yearsUntilYoungestIs18: 0 };
  }
  const age = Math.floor(youngest / 12);
  const years = Math.max(0, (18 * 12 - youngest) / 12);
  if (age < 6) {
    return {
      pickupKind: 'nursery',
      pickupMinute: NURSERY_PICKUP_MINUTE,
      youngestAge: age,
      yearsUntilYoungestIs18: years,
    };
  }
  if (age < 10) {
    return {
      pickupKind: 'after_school',
      pickupMinute: AFTER_SCHOOL_PICKUP_MINUTE,
      youngestAge: age,
      yearsUntilYoungestIs18: years,
    };
  }
  return { pickupKind: 'none', pickupMinute: 1440, youngestAge: age, yearsUntilYoungestIs18: years };
}

/** `540` → `"9:00"`; used by the explanations. */
export function formatMinute(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${h}:${m < 10 ? '0' : ''}${m}`;
}
