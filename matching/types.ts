/**
 * The matching module's own input and output types. `src/` maps database rows and API bodies
 * to these; nothing here knows about HTTP, SQL or search engines.
 *
 * Times are minutes from 00:00 Japan time (0–1440); weekdays are ISO numbers, 1 = Monday … 7 = Sunday.
 */

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One weekly window, e.g. Monday 09:00–15:00 is `{ day: 1, start: 540, end: 900 }`. */
export interface WeeklyWindow {
  day: Weekday;
  start: number;
  end: number;
}

/**
 * A window in which she can be working. On-site work needs a window she did not mark remote-only
 * (she may be free then only because she is at home, e.g. while a child naps).
 */
export interface WorkWindow extends WeeklyWindow {
  remoteOnly?: boolean;
}

/**
 * Her care limits for one weekday: she cannot leave home before `leaveFrom` (nursery drop-off) and
 * must be back by `homeBy` (pickup). Either may be missing. The commute lies between these and the
 * work window, so a 9:00 start 30 minutes away needs `leaveFrom` ≤ 8:30, not a window from 8:30.
 */
export interface CareLimit {
  day: Weekday;
  leaveFrom?: number;
  homeBy?: number;
}

/** How a child is looked after on weekdays. */
export type ChildCare = 'nursery' | 'kindergarten' | 'school' | 'after_school_club' | 'at_home' | 'other';

export interface MatchChild {
  birthYear: number;
  birthMonth: number;
  /** What she told us; without it the arrangement is estimated from age on the April school year. */
  care?: ChildCare;
  /** The real pickup or home-by time she entered (minutes); without it only an estimate exists. */
  pickupMinute?: number;
}

/** A fixed shift; `breakMinutes` is the unpaid break inside it (a 8:30–17:30 shift with 60 is 8 hours). */
export interface Shift extends WeeklyWindow {
  breakMinutes?: number;
}

export type EmploymentType = 'full_time' | 'contract' | 'part_time' | 'dispatch' | 'freelance';
export type PayUnit = 'hour' | 'day' | 'month' | 'year';
export type CommuteMode = 'car' | 'transit' | 'walk_bicycle';
export type RemoteMode = 'none' | 'hybrid' | 'full';
export type RemoteWish = 'required' | 'preferred' | 'no_preference';
export type Overtime = 'none' | 'occasional' | 'regular';
export type SupportStage = 1 | 2 | 3 | 4 | 5;
export type SkillLevel = 1 | 2 | 3;
export type Locale = 'ja' | 'en';

export type JobCategory =
  | 'care'
  | 'office'
  | 'medical_office'
  | 'childcare_assistant'
  | 'retail'
  | 'food'
  | 'call_center'
  | 'accounting'
  | 'it_web'
  | 'manufacturing'
  | 'nursing'
  | 'childcare'
  | 'cleaning'
  | 'delivery'
  | 'logistics'
  | 'hospitality'
  | 'agriculture'
  | 'sales'
  | 'restaurant'
  | 'welfare'
  | 'creative'
  | 'education';

export type FlexibilityFact =
  | 'short_time_allowed'
  | 'sick_child_absence_ok'
  | 'school_event_leave'
  | 'onsite_nursery'
  | 'childcare_subsidy'
  | 'relocation_housing'
  | 'relocation_moving_costs';

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** An area from the area master: a prefecture, a municipality or a ward, with its representative point. */
export interface Place {
  code: string;
  prefCode: string;
  kind: 'prefecture' | 'municipality' | 'ward';
  name: string;
  point: GeoPoint;
  /**
   * For a ward (区) of a designated city, the city's own code, so a target area given as the city
   * also covers its wards. Optional: without it only equal codes and prefectures match.
   */
  parentCode?: string;
  /**
   * The town (町丁目・大字) the point stands for, when finer than the area: her home town, or the
   * town a role's address lies in. Absent: `point` is the area's representative point.
   */
  town?: string;
}

export interface Pay {
  amount: number;
  unit: PayUnit;
}

export interface SkillWithLevel {
  tag: string;
  level: SkillLevel;
}

/** An area she would move (back) to, and her plan for the move. */
export interface TargetArea {
  place: Place;
  needsRelocationSupport: boolean;
  /** The first month she can live there (YYYY-MM); absent: whenever a role needs. */
  moveFrom?: string;
  /** Her commute limit once she lives there (minutes); absent: the same as now. */
  maxCommuteMinutes?: number;
}

/**
 * What work she wants: a career step now, or a stable base first. Absent: decided by her support
 * stage (1–2 a stable base, 4–5 a career step, 3 in between).
 */
export type CareerPace = 'career_step' | 'stable_base';

/** Where she wants to go: the kinds of work she wants (first = most wanted), her words, her pace. */
export interface MatchDirection {
  categories: JobCategory[];
  /** Her 自己PR / what she wants next, in her words. */
  words?: string;
  pace?: CareerPace;
}

export interface MatchMember {
  id: string;
  /** Where she lives now (municipality or ward). */
  home: Place;
  /** Areas she would move (back) to: U-turn / I-turn. Empty when she is not relocating. */
  targetAreas: TargetArea[];
  /** Her work windows: when she can be working (not when she leaves home). */
  availability: WorkWindow[];
  /** Per-day care limits; days without one have none. */
  careLimits?: CareLimit[];
  maxHoursPerWeek: number;
  /** ISO date (YYYY-MM-DD) from which she can start, if she gave one. */
  earliestStartDate?: string;
  maxCommuteMinutes: number;
  commuteMode: CommuteMode;
  children: MatchChild[];
  skills: SkillWithLevel[];
  /**
   * Qualification keys (terms/qualifications.ts; a name such as 宅建 is looked up), and text no
   * entry knows, as she wrote it: it only meets a role's requirement of the same text.
   */
  qualifications: string[];
  /** The least she can accept; roles paying less are infeasible. */
  payFloor?: Pay;
  /** What she hopes for; scored softly. */
  payWish?: Pay;
  /** Employment types she accepts; empty means any. */
  employmentTypes: EmploymentType[];
  remoteWish: RemoteWish;
  /** Set by a coordinator; null until assessed (treated as not ready for automatic suggestions). */
  supportStage: SupportStage | null;
  blockedOrganisationIds: string[];
  /** Her direction; absent or empty: the role's kind of work is not weighed. */
  direction?: MatchDirection;
}

export type RoleSchedule =
  | { kind: 'fixed'; shifts: Shift[] }
  | {
      kind: 'flexible';
      allowedWindows: WeeklyWindow[];
      minHoursPerWeek: number;
      minDaysPerWeek: number;
      /** The shortest working day the role accepts (hours); a day shorter than this is not offered. */
      minHoursPerDay?: number;
      /** The most hours a week the role offers; caps the hours (and so the pay) she is expected to work. */
      maxHoursPerWeek?: number;
      /** Whether a day may hold several separate blocks (e.g. 9–12 and 15–17) instead of one. */
      splitDaysAllowed?: boolean;
      /** The hours the employer would ideally like; used for how well she suits the role. */
      preferredHoursPerWeek?: number;
    };

export interface RoleFact {
  available: boolean;
  verified: boolean;
}

export interface MatchRole {
  id: string;
  organisationId: string;
  title: string;
  category: JobCategory;
  employmentType: EmploymentType;
  pay: { min: number; max?: number; unit: PayUnit };
  schedule: RoleSchedule;
  overtime: Overtime;
  weekendWork: boolean;
  nightWork: boolean;
  remote: { mode: RemoteMode; officeDaysPerWeek?: number };
  /** Work locations; may be empty only for fully remote roles. */
  locations: Place[];
  requiredSkills: SkillWithLevel[];
  niceToHaveSkills: SkillWithLevel[];
  /**
   * Keys of the vocabulary (or names it knows), and the ad's text for any it does not: an unknown
   * requirement is never "none" — she must have entered the same, else the pair is 要確認.
   */
  requiredQualifications: string[];
  facts: Partial<Record<FlexibilityFact, RoleFact>>;
  /** ISO date the role starts, if fixed. */
  startDate?: string;
  /** ISO date applications close, if any (soft: a passed date pushes the role down). */
  closesOn?: string;
  /** Introductions of this role that are open (approved, not yet concluded); used to spread them. */
  openIntroductions: number;
}
