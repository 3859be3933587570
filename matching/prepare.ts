/**
 * Derived data computed once per member and once per role, so scoring a pair is arithmetic over
 * small arrays instead of re-deriving windows and ages for every pair. Short lists (her
 * qualifications, skills, blocked employers) stay as they are: scanning five strings is faster than
 * building a Set, and members are prepared by the ten thousand. Results are cached by
 * object identity (a WeakMap), so inputs must be treated as immutable once handed to the module.
 */
import { type CalendarDate, type ChildNeeds, childNeeds, parseIsoDate } from './calendar.ts';
import { COMMUTE_TABLE, SETTING_INDEX, settingOf, uncertaintyKm } from './criteria/commute.ts';
import { CATEGORY_INDEX, directionScores } from './criteria/direction.ts';
import { FACT_KEYS, factValue } from './criteria/flexibility.ts';
import { normaliseTerm } from './terms/lookup.ts';
import type { EmploymentType, MatchMember, MatchRole, Place, WeeklyWindow } from './types.ts';
import { isQualificationKey, QUALIFICATION_COVERS, QUALIFICATION_INDEX } from './vocabulary.ts';

const DEG = Math.PI / 180;
/** A day worked less than an hour is not a working day; it only adds a commute. */
export const MIN_DAY_MINUTES = 60;
/** 22:00–05:00 is night work under the Labour Standards Act (深夜業). */
export const NIGHT_START = 22 * 60;
export const NIGHT_END = 5 * 60;

export const EMPLOYMENT_BIT: Record<EmploymentType, number> = {
  full_time: 1,
  contract: 2,
  part_time: 4,
  dispatch: 8,
  freelance: 16,
};

/** Windows of one week, grouped by day: day d (1–7) spans indices offsets[d-1] … offsets[d]-1. */
export interface DayWindows {
  offsets: number[];
  starts: number[];
  ends: number[];
}

export interface PreparedPoint {
  lat: number;
  lng: number;
  cosLat: number;
  /** Index of the place's setting (urban, city, rural) in the commute table. */
  setting: number;
  /** How far the true place may lie from the point, in km. */
  uncertaintyKm: number;
}

export interface PreparedMember {
  member: MatchMember;
  dayNumber: number;
  home: PreparedPoint;
  targets: PreparedPoint[];
  /** All her work windows, merged per day (touching or overlapping windows become one): remote work. */
  availability: DayWindows;
  /** Her work windows that allow on-site work (not remote-only), merged per day. */
  onsite: DayWindows;
  /** Per weekday (index 1–7): earliest minute she may leave home (0 when free). */
  leaveFrom: Int32Array;
  /** Per weekday (index 1–7): minute she must be home by (1440 when free); her care limit or an entered pickup. */
  homeBy: Int32Array;
  /** Whether any home-by limit she entered herself applies (care limits or a child's pickup time). */
  hasHomeBy: boolean;
  availableDays: number;
  hasNightAvailability: boolean;
  hasWeekendAvailability: boolean;
  maxMinutesPerWeek: number;
  /** Minutes per km and overhead from her home's setting (a quick figure; pairs use commuteRows). */
  minutesPerKm: number;
  commuteOverhead: number;
  /** Her mode's commute table: per setting, [minutes per km, overhead, walking minutes per km]. */
  commuteRows: readonly (readonly [number, number, number])[];
  /** Bit set of accepted employment types; 0 means any. */
  employmentMask: number;
  needs: ChildNeeds;
  /** Weight of each flexibility fact for her (FACT_KEYS order, then "no overtime"). */
  factWeights: Float64Array;
  factWeightSum: number;
  /** Qualification keys she holds, with those they cover (介護福祉士 → 初任者研修 too). */
  qualificationKeys: string[];
  /** Her qualifications no vocabulary entry knows, normalised (normaliseTerm) for comparison. */
  otherQualifications: string[];
  /** Day number of the first day she can start (the evaluation day when she gave no later date). */
  earliestStartDay: number;
  /** Per target area: her commute limit there (minutes). */
  targetMax: number[];
  /** Per target area: the first day she can start work there (her move, or her earliest start). */
  targetStartDay: number[];
  /** Her direction per category (JOB_CATEGORY_KEYS order); undefined when she gave none. */
  direction: { scores: Float64Array; words: Float64Array } | undefined;
}

export interface PreparedRole {
  role: MatchRole;
  locations: PreparedPoint[];
  fixed: boolean;
  /** Fixed shifts by day (merged is wrong here: each shift must fit as given). */
  shifts: DayWindows;
  shiftDays: number;
  /** Worked minutes per week of the fixed shifts: their spans less the unpaid breaks. */
  fixedMinutes: number;
  /** Flexible: the shortest working day the role accepts, in minutes (at least an hour). */
  minDayMinutes: number;
  /** Flexible: the most minutes a week the role offers (a large number when it sets no cap). */
  maxMinutes: number;
  /** Flexible: whether a day may hold several blocks. */
  splitDays: boolean;
  allowed: DayWindows;
  minMinutes: number;
  minDays: number;
  preferredMinutes: number;
  nightRequired: boolean;
  weekendRequired: boolean;
  /** Office days per week for hybrid roles; 7 (every working day) when not given. */
  officeDays: number;
  employmentBit: number;
  skillTags: Set<string>;
  /** Flexibility fact values (1 verified, 0.6 unverified, 0 no) in FACT_KEYS order, then overtime. */
  factValues: Float64Array;
  /** Required qualifications the vocabulary knows, as keys. */
  requiredKeys: string[];
  /** Required qualifications it does not know, normalised; their original text stays on the role. */
  requiredOther: string[];
  /** Day number of the role's start date; -Infinity when it has none (starts when agreed). */
  startDay: number;
  /** The role's category in JOB_CATEGORY_KEYS order (0 for a category the vocabulary lacks). */
  categoryIndex: number;
  /** Day number of the last day applications are taken; +Infinity when it has none. */
  closeDay: number;
}

/**
 * A qualification value as a key when the vocabulary knows it (by key or any of its names), else
 * its normalised text. Inputs from the API are already keys; `npm run match` files may hold names.
 */
function qualificationOf(value: string): { key: string } | { text: string } {
  if (isQualificationKey(value)) return { key: value };
  const n = normaliseTerm(value);
  const key = QUALIFICATION_INDEX.get(n);
  return key !== undefined ? { key } : { text: n };
}

/** Her qualifications as held keys (with what they cover) and normalised other text. */
function heldQualifications(values: readonly string[]): { keys: string[]; other: string[] } {
  const keys: string[] = [];
  const other: string[] = [];
  for (const v of values) {
    const q = qualificationOf(v);
    if ('text' in q) {
      if (q.text && !other.includes(q.text)) other.push(q.text);
      continue;
    }
    for (const k of [q.key, ...(QUALIFICATION_COVERS[q.key] ?? [])]) if (!keys.includes(k)) keys.push(k);
  }
  return { keys, other };
}

/** A day number from an ISO date, or `fallback` when absent or not a date. */
function dayOf(iso: string | undefined, fallback: number): number {
  if (!iso) return fallback;
  try {
    return parseIsoDate(iso).dayNumber;
  } catch {
    return fallback;
  }
}

/** A point in radians; a regional city's setting and no uncertainty unless a place says otherwise. */
export function point(lat: number, lng: number): PreparedPoint {
  return { lat: lat * DEG, lng: lng * DEG, cosLat: Math.cos(lat * DEG), setting: 1, uncertaintyKm: 0 };
}

/** A place's point with its setting and the uncertainty of its precision (area or town). */
export function placePoint(place: Place): PreparedPoint {
  const p = point(place.point.lat, place.point.lng);
  p.setting = SETTING_INDEX[settingOf(place)];
  p.uncertaintyKm = uncertaintyKm(place);
  return p;
}

/**
 * Groups windows by day, sorted by start, optionally merging overlaps and touching ends.
 *
 * @example dayWindows([{ day: 1, start: 540, end: 720 }, { day: 1, start: 720, end: 900 }], true)
 *   // Monday 540–900 as one window
 */
export function dayWindows(windows: readonly WeeklyWindow[], merge: boolean): DayWindows {
  const sorted: WeeklyWindow[] = [];
  let ordered = true;
  for (const w of windows) {
    if (!(w.end > w.start && w.day >= 1 && w.day <= 7)) continue;
    const prev = sorted[sorted.length - 1];
    if (prev && (prev.day > w.day || (prev.day === w.day && prev.start > w.start))) ordered = false;
    sorted.push(w);
  }
  // Members and roles usually list windows in order already; sort only when they do not.
  if (!ordered) sorted.sort((a, b) => a.day - b.day || a.start - b.start || a.end - b.end);
  const starts: number[] = [];
  const ends: number[] = [];
  const days: number[] = [];
  for (const w of sorted) {
    const last = starts.length - 1;
    if (merge && last >= 0 && days[last] === w.day && w.start <= (ends[last] ?? -1)) {
      ends[last] = Math.max(ends[last] ?? 0, w.end);
      continue;
    }
    starts.push(Math.max(0, w.start));
    ends.push(Math.min(1440, w.end));
    days.push(w.day);
  }
  // Plain arrays of small integers: as fast to read as typed arrays, much cheaper to allocate.
  const offsets = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const d of days) offsets[d] = (offsets[d] ?? 0) + 1;
  for (let d = 1; d <= 7; d++) offsets[d] = (offsets[d] ?? 0) + (offsets[d - 1] ?? 0);
  return { offsets, starts, ends };
}

function touchesNight(w: DayWindows): boolean {
  for (let i = 0; i < w.starts.length; i++) {
    if ((w.starts[i] ?? 0) < NIGHT_END || (w.ends[i] ?? 0) > NIGHT_START) return true;
  }
  return false;
}

function hasWeekend(w: DayWindows): boolean {
  return (w.offsets[7] ?? 0) > (w.offsets[5] ?? 0);
}

const memberCache = new WeakMap<MatchMember, PreparedMember>();
const roleCache = new WeakMap<MatchRole, PreparedRole>();

/**
 * Prepares a member for scoring on a date (children's ages depend on it). Cached per member object.
 *
 * @example const pm = prepareMember(member, parseIsoDate('2025-04-01'));
 */
export function prepareMember(member: MatchMember, on: CalendarDate): PreparedMember {
  const cached = memberCache.get(member);
  if (cached && cached.dayNumber === on.dayNumber) return cached;
  const prepared = buildPreparedMember(member, on);
  memberCache.set(member, prepared);
  return prepared;
}

/** prepareMember without the cache (the benchmark's baseline, and callers holding their own cache). */
export function buildPreparedMember(member: MatchMember, on: CalendarDate): PreparedMember {
  const availability = dayWindows(member.availability, true);
  const onsite = dayWindows(
    member.availability.filter((w) => !w.remoteOnly),
    true,
  );
  let availableDays = 0;
  for (let d = 1; d <= 7; d++)
    if ((availability.offsets[d] ?? 0) > (availability.offsets[d - 1] ?? 0)) availableDays++;
  const needs = childNeeds(member.children, on);
  const relocating = member.targetAreas.some((t) => t.needsRelocationSupport);
  const factWeights = factWeightsFor(needs.youngestAge, relocating);
  let factWeightSum = 0;
  for (const w of factWeights) factWeightSum += w;
  const home = placePoint(member.home);
  const commuteRows = COMMUTE_TABLE[member.commuteMode];
  const homeRow = commuteRows[home.setting] as readonly [number, number, number];
  const leaveFrom = new Int32Array(8);
  const homeBy = new Int32Array(8).fill(1440);
  let hasHomeBy = false;
  for (const c of member.careLimits ?? []) {
    if (c.day < 1 || c.day > 7) continue;
    if (c.leaveFrom !== undefined) leaveFrom[c.day] = Math.max(leaveFrom[c.day] as number, c.leaveFrom);
    if (c.homeBy !== undefined) {
      homeBy[c.day] = Math.min(homeBy[c.day] as number, c.homeBy);
      hasHomeBy = true;
    }
  }
  // A pickup time she entered is a fact about school days (Mon–Fri), like a care limit.
  if (needs.enteredHomeBy < 1440) {
    hasHomeBy = true;
    for (let d = 1; d <= 5; d++) homeBy[d] = Math.min(homeBy[d] as number, needs.enteredHomeBy);
  }
  let employmentMask = 0;
  for (const t of member.employmentTypes) employmentMask |= EMPLOYMENT_BIT[t];
  const held = heldQualifications(member.qualifications);
  const prepared: PreparedMember = {
    member,
    dayNumber: on.dayNumber,
    home,
    targets: member.targetAreas.map((t) => placePoint(t.place)),
    availability,
    onsite,
    leaveFrom,
    homeBy,
    hasHomeBy,
    availableDays,
    hasNightAvailability: touchesNight(availability),
    hasWeekendAvailability: hasWeekend(availability),
    // Whole minutes: hours like 8⅓ must compare equal to 500 minutes, not 500.00000000000006.
    maxMinutesPerWeek: Math.round(Math.max(0, member.maxHoursPerWeek) * 60),
    minutesPerKm: homeRow[0],
    commuteOverhead: homeRow[1],
    commuteRows,
    employmentMask,
    needs,
    factWeights,
    factWeightSum,
    qualificationKeys: held.keys,
    otherQualifications: held.other,
    earliestStartDay: Math.max(on.dayNumber, dayOf(member.earliestStartDate, on.dayNumber)),
    direction: directionScores(member),
    targetMax: member.targetAreas.map((t) => t.maxCommuteMinutes ?? member.maxCommuteMinutes),
    targetStartDay: member.targetAreas.map((t) =>
      Math.max(
        on.dayNumber,
        dayOf(member.earliestStartDate, on.dayNumber),
        dayOf(t.moveFrom ? `${t.moveFrom}-01` : undefined, on.dayNumber),
      ),
    ),
  };
  return prepared;
}

/**
 * How much each flexibility fact matters by the youngest child's age. Under 6: a fever means a
 * same-day absence and overtime collides with nursery pickup, so those two weigh most; 6–9: school
 * events and the after-school club hours; 10+: mostly no overtime. Relocation facts count only when
 * she said she needs relocation support. Order: FACT_KEYS, then "no overtime".
 */
function factWeightsFor(youngestAge: number, relocating: boolean): Float64Array {
  const band = youngestAge < 0 ? 0 : youngestAge < 6 ? 1 : youngestAge < 10 ? 2 : 3;
  const key = band * 2 + (relocating ? 1 : 0);
  const cached = factWeightCache[key];
  if (cached) return cached;
  const r = relocating ? 1.5 : 0;
  // short_time, sick_child, school_event, onsite_nursery, subsidy, housing, moving, no_overtime
  const table = [
    [0.5, 0, 0, 0, 0, r, r, 1],
    [2, 3, 0.5, 1.5, 1.5, r, r, 3],
    [1.5, 2, 2, 0, 0.5, r, r, 2],
    [0.75, 0.75, 1, 0, 0, r, r, 1.25],
  ];
  const w = Float64Array.from(table[band] as number[]);
  factWeightCache[key] = w;
  return w;
}
/** Shared, never mutated: one array per age band × relocating. */
const factWeightCache: (Float64Array | undefined)[] = [];

/**
 * Prepares a role for scoring; independent of the date, cached per role object.
 *
 * @example const pr = prepareRole(role); pr.fixedMinutes // 1200 for Mon–Fri 9:00–13:00
 */
export function prepareRole(role: MatchRole): PreparedRole {
  const cached = roleCache.get(role);
  if (cached) return cached;
  const prepared = buildPreparedRole(role);
  roleCache.set(role, prepared);
  return prepared;
}

/** prepareRole without the cache. */
export function buildPreparedRole(role: MatchRole): PreparedRole {
  const s = role.schedule;
  const fixed = s.kind === 'fixed';
  const shifts = dayWindows(fixed ? s.shifts : [], false);
  const allowed = dayWindows(fixed ? [] : s.allowedWindows, true);
  let fixedMinutes = 0;
  let shiftDays = 0;
  for (let i = 0; i < shifts.starts.length; i++)
    fixedMinutes += (shifts.ends[i] ?? 0) - (shifts.starts[i] ?? 0);
  // Unpaid breaks are not work: a 8:30–17:30 shift with an hour's break is 8 hours.
  if (fixed)
    for (const sh of s.shifts)
      if (sh.end > sh.start && sh.day >= 1 && sh.day <= 7)
        fixedMinutes -= Math.min(Math.max(0, sh.breakMinutes ?? 0), sh.end - sh.start);
  for (let d = 1; d <= 7; d++) if ((shifts.offsets[d] ?? 0) > (shifts.offsets[d - 1] ?? 0)) shiftDays++;
  const minMinutes = fixed ? fixedMinutes : Math.round(Math.max(0, s.minHoursPerWeek) * 60);
  const factValues = new Float64Array(FACT_KEYS.length + 1);
  FACT_KEYS.forEach((k, i) => {
    factValues[i] = factValue(role.facts[k]);
  });
  factValues[FACT_KEYS.length] = role.overtime === 'none' ? 1 : role.overtime === 'occasional' ? 0.4 : 0;
  const requiredKeys: string[] = [];
  const requiredOther: string[] = [];
  for (const v of role.requiredQualifications) {
    const q = qualificationOf(v);
    if ('key' in q) requiredKeys.push(q.key);
    else if (q.text) requiredOther.push(q.text);
  }
  const prepared: PreparedRole = {
    role,
    locations: role.locations.map(placePoint),
    fixed,
    shifts,
    shiftDays,
    fixedMinutes,
    minDayMinutes: fixed ? 0 : Math.max(MIN_DAY_MINUTES, Math.round((s.minHoursPerDay ?? 0) * 60)),
    maxMinutes:
      fixed || s.maxHoursPerWeek === undefined ? fixedMinutes || 1e9 : Math.round(s.maxHoursPerWeek * 60),
    splitDays: !fixed && s.splitDaysAllowed === true,
    allowed,
    minMinutes,
    minDays: fixed ? shiftDays : Math.max(0, Math.ceil(s.minDaysPerWeek)),
    preferredMinutes: fixed
      ? fixedMinutes
      : Math.max(minMinutes, Math.round((s.preferredHoursPerWeek ?? 0) * 60)),
    // A flexible role only forces night or weekend work through its flags: she chooses her hours
    // inside the allowed windows, and the schedule check already asks that they fit her week.
    nightRequired: role.nightWork || (fixed && touchesNight(shifts)),
    weekendRequired: role.weekendWork || (fixed && hasWeekend(shifts)),
    officeDays:
      role.remote.mode === 'hybrid' ? Math.min(7, Math.max(0, role.remote.officeDaysPerWeek ?? 7)) : 7,
    employmentBit: EMPLOYMENT_BIT[role.employmentType],
    skillTags: new Set([...role.requiredSkills, ...role.niceToHaveSkills].map((k) => k.tag)),
    factValues,
    requiredKeys,
    requiredOther,
    startDay: dayOf(role.startDate, Number.NEGATIVE_INFINITY),
    categoryIndex: CATEGORY_INDEX[role.category] ?? 0,
    closeDay: dayOf(role.closesOn, Number.POSITIVE_INFINITY),
  };
  return prepared;
}
