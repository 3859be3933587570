/**
 * Builders for members and roles in tests: a realistic default (a stage-3 mother in Yokohama with a
 * four-year-old, a part-time office role nearby) that each test changes in the one way it is about.
 */
import { COMMUTE_TABLE, SETTING_INDEX, settingOf } from '../criteria/commute.ts';
import type {
  CareLimit,
  CommuteMode,
  MatchMember,
  MatchRole,
  Place,
  Weekday,
  WeeklyWindow,
} from '../types.ts';

export const EVALUATION_DATE = '2025-04-01';

export const PLACES = {
  yokohamaNaka: {
    code: '141046',
    prefCode: '14',
    kind: 'ward',
    name: '横浜市中区',
    point: { lat: 35.4446, lng: 139.6425 },
    parentCode: '141003',
  },
  yokohamaKohoku: {
    code: '141097',
    prefCode: '14',
    kind: 'ward',
    name: '横浜市港北区',
    point: { lat: 35.5196, lng: 139.6331 },
    parentCode: '141003',
  },
  yokohama: {
    code: '141003',
    prefCode: '14',
    kind: 'municipality',
    name: '横浜市',
    point: { lat: 35.4437, lng: 139.638 },
  },
  kamakura: {
    code: '142042',
    prefCode: '14',
    kind: 'municipality',
    name: '鎌倉市',
    point: { lat: 35.3192, lng: 139.5467 },
  },
  sapporoChuo: {
    code: '011011',
    prefCode: '01',
    kind: 'ward',
    name: '札幌市中央区',
    point: { lat: 43.0553, lng: 141.3409 },
    parentCode: '011002',
  },
  sapporo: {
    code: '011002',
    prefCode: '01',
    kind: 'municipality',
    name: '札幌市',
    point: { lat: 43.0618, lng: 141.3545 },
  },
  asahikawa: {
    code: '012041',
    prefCode: '01',
    kind: 'municipality',
    name: '旭川市',
    point: { lat: 43.7706, lng: 142.365 },
  },
  hokkaido: {
    code: '010006',
    prefCode: '01',
    kind: 'prefecture',
    name: '北海道',
    point: { lat: 43.0642, lng: 141.3469 },
  },
} satisfies Record<string, Place>;

/** The same window on each of the given days. */
export function weekly(days: Weekday[], start: string, end: string): WeeklyWindow[] {
  const toMinute = (t: string): number => {
    const [h, m] = t.split(':').map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  };
  return days.map((day) => ({ day, start: toMinute(start), end: toMinute(end) }));
}

export const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];

/** The same care limits on each of the given days: leave home not before `leave`, be home by `homeBy`. */
export function careLimits(
  days: Weekday[],
  leave: string | undefined,
  homeBy: string | undefined,
): CareLimit[] {
  const toMinute = (t: string): number => {
    const [h, m] = t.split(':').map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  };
  return days.map((day) => ({
    day,
    ...(leave ? { leaveFrom: toMinute(leave) } : {}),
    ...(homeBy ? { homeBy: toMinute(homeBy) } : {}),
  }));
}

export function makeMember(overrides: Partial<MatchMember> = {}): MatchMember {
  return {
    id: 'm-1',
    home: PLACES.yokohamaNaka,
    targetAreas: [],
    availability: weekly(WEEKDAYS, '08:30', '18:00'),
    maxHoursPerWeek: 30,
    maxCommuteMinutes: 40,
    commuteMode: 'transit',
    children: [{ birthYear: 2021, birthMonth: 6 }],
    skills: [
      { tag: 'pc_basic', level: 2 },
      { tag: 'excel', level: 2 },
      { tag: 'phone_reception', level: 1 },
    ],
    qualifications: ['driver_license'],
    payFloor: { amount: 1100, unit: 'hour' },
    payWish: { amount: 1300, unit: 'hour' },
    employmentTypes: [],
    remoteWish: 'no_preference',
    supportStage: 3,
    blockedOrganisationIds: [],
    ...overrides,
  };
}

export function makeRole(overrides: Partial<MatchRole> = {}): MatchRole {
  return {
    id: 'r-1',
    organisationId: 'org-1',
    title: '一般事務（パート）',
    category: 'office',
    employmentType: 'part_time',
    pay: { min: 1200, max: 1400, unit: 'hour' },
    schedule: { kind: 'fixed', shifts: weekly(WEEKDAYS, '09:30', '14:30') },
    overtime: 'none',
    weekendWork: false,
    nightWork: false,
    remote: { mode: 'none' },
    locations: [PLACES.yokohamaNaka],
    requiredSkills: [{ tag: 'pc_basic', level: 1 }],
    niceToHaveSkills: [{ tag: 'excel', level: 2 }],
    requiredQualifications: [],
    facts: { sick_child_absence_ok: { available: true, verified: true } },
    openIntroductions: 0,
    ...overrides,
  };
}

/**
 * A place due north of `from`, in the same setting, whose estimated commute by `mode` is exactly
 * `minutes` (the model rounds up to whole minutes, so we aim half a minute short). The estimate is
 * the quicker of riding and walking, so the distance is the larger of the two that take `minutes`.
 */
export function placeAtCommute(from: Place, minutes: number, mode: CommuteMode, code = 'x-commute'): Place {
  const [perKm, overhead, walkPerKm] = COMMUTE_TABLE[mode][SETTING_INDEX[settingOf(from)]] as readonly [
    number,
    number,
    number,
  ];
  const rideKm = (minutes - 0.5 - overhead) / perKm;
  const km = mode === 'car' ? rideKm : Math.max(rideKm, (minutes - 0.5) / walkPerKm);
  const degreesPerKm = 180 / (Math.PI * 6371.0088);
  // Same kind and name as `from`, so the setting (and the figures) are the same at both ends.
  return { ...from, code, point: { lat: from.point.lat + km * degreesPerKm, lng: from.point.lng } };
}
