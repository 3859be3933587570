/**
 * Realistic synthetic members and roles from a seeded PRNG, for the benchmark and property tests:
 * mothers around Yokohama and Kawasaki with school-hours availability, young children, office and
 * care skills; roles from small firms and national chains with fixed or flexible hours. Same seed,
 * same data, on every machine.
 */

import type {
  EmploymentType,
  FlexibilityFact,
  JobCategory,
  MatchMember,
  MatchRole,
  Place,
  RoleFact,
  SkillLevel,
  Weekday,
  WeeklyWindow,
  WorkWindow,
} from '../types.ts';
import { FLEXIBILITY_FACT_KEYS, QUALIFICATIONS, SKILLS } from '../vocabulary.ts';

/** mulberry32: tiny, fast and good enough for test data. */
const CARE = ['nursery', 'kindergarten', 'school', 'after_school_club', 'at_home', 'other'] as const;

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const chance = (r: Rng, p: number): boolean => r() < p;

const AREA: [string, string, number, number][] = [
  ['141011', '横浜市鶴見区', 35.5085, 139.6823],
  ['141020', '横浜市神奈川区', 35.4771, 139.6294],
  ['141046', '横浜市中区', 35.4446, 139.6425],
  ['141097', '横浜市港北区', 35.5196, 139.6331],
  ['141101', '横浜市戸塚区', 35.3967, 139.5337],
  ['141178', '横浜市青葉区', 35.5527, 139.5372],
  ['141305', '川崎市', 35.5308, 139.7029],
  ['142018', '横須賀市', 35.2813, 139.6722],
  ['142042', '鎌倉市', 35.3192, 139.5467],
  ['142051', '藤沢市', 35.3388, 139.4902],
  ['142077', '茅ヶ崎市', 35.3339, 139.4041],
  ['142123', '厚木市', 35.443, 139.3624],
  ['142131', '大和市', 35.4874, 139.4581],
  ['142158', '海老名市', 35.4466, 139.3908],
  ['131016', '千代田区', 35.694, 139.7536],
  ['131130', '渋谷区', 35.664, 139.6982],
  ['132012', '八王子市', 35.6664, 139.316],
  ['132098', '町田市', 35.5465, 139.4386],
];
export const SYNTHETIC_PLACES: Place[] = AREA.map(([code, name, lat, lng]) => ({
  code,
  prefCode: code.slice(0, 2),
  kind: name.includes('区') && name.includes('市') ? 'ward' : 'municipality',
  name,
  point: { lat, lng },
}));

const SKILL_TAGS = Object.keys(SKILLS);
const QUAL_KEYS = Object.keys(QUALIFICATIONS);
const CATEGORIES: JobCategory[] = [
  'care',
  'office',
  'medical_office',
  'retail',
  'food',
  'call_center',
  'accounting',
  'it_web',
];
const TYPES: EmploymentType[] = ['full_time', 'contract', 'part_time', 'part_time', 'part_time', 'dispatch'];
const FACTS: readonly FlexibilityFact[] = FLEXIBILITY_FACT_KEYS;

function days(r: Rng, n: number): Weekday[] {
  const all: Weekday[] = [1, 2, 3, 4, 5];
  while (all.length > n) all.splice(int(r, 0, all.length - 1), 1);
  return all;
}

function windows(ds: Weekday[], start: number, end: number): WeeklyWindow[] {
  return ds.map((day) => ({ day, start, end }));
}

/**
 * One synthetic member.
 *
 * @example syntheticMember(prng(1), 0).id // 'm-000000'
 */
export function syntheticMember(r: Rng, i: number): MatchMember {
  const start = pick(r, [8 * 60, 8 * 60 + 30, 9 * 60]);
  const end = pick(r, [14 * 60, 15 * 60, 16 * 60, 17 * 60, 18 * 60, 18 * 60 + 30]);
  const availability: WorkWindow[] = windows(days(r, int(r, 3, 5)), start, end);
  if (chance(r, 0.25)) availability.push({ day: 6, start: 9 * 60, end: 13 * 60 });
  if (chance(r, 0.05)) availability.push({ day: 5, start: 20 * 60, end: 23 * 60 });
  const kids = int(r, 1, 3);
  const children = Array.from({ length: kids }, () => ({
    birthYear: int(r, 2008, 2024),
    birthMonth: int(r, 1, 12),
    ...(chance(r, 0.5) ? { care: pick(r, CARE) } : {}),
    ...(chance(r, 0.2) ? { pickupMinute: pick(r, [17 * 60 + 30, 18 * 60, 18 * 60 + 30]) } : {}),
  }));
  // Evenings from home once the children sleep, for some: remote-only.
  if (chance(r, 0.1)) availability.push({ day: 2, start: 20 * 60, end: 22 * 60, remoteOnly: true });
  const careDays = [...new Set(availability.map((w) => w.day))];
  const careLimits = chance(r, 0.6)
    ? careDays.map((day) => ({ day, leaveFrom: start - 30, homeBy: Math.min(1440, end + pick(r, [0, 30])) }))
    : undefined;
  const skills = Array.from({ length: int(r, 1, 5) }, () => ({
    tag: pick(r, SKILL_TAGS),
    level: int(r, 1, 3) as SkillLevel,
  }));
  const hourly = r() < 0.8;
  return {
    id: `m-${String(i).padStart(6, '0')}`,
    home: pick(r, SYNTHETIC_PLACES),
    targetAreas: chance(r, 0.1)
      ? [{ place: pick(r, SYNTHETIC_PLACES), needsRelocationSupport: chance(r, 0.5) }]
      : [],
    availability,
    ...(careLimits ? { careLimits } : {}),
    maxHoursPerWeek: pick(r, [15, 20, 25, 30, 35, 40]),
    ...(chance(r, 0.3) ? { earliestStartDate: '2025-05-01' } : {}),
    maxCommuteMinutes: pick(r, [20, 30, 30, 40, 45, 60]),
    commuteMode: pick(r, ['car', 'transit', 'transit', 'walk_bicycle'] as const),
    children,
    skills: [...new Map(skills.map((s) => [s.tag, s])).values()],
    qualifications: Array.from({ length: int(r, 0, 2) }, () => pick(r, QUAL_KEYS)),
    ...(chance(r, 0.7)
      ? {
          payFloor: hourly
            ? { amount: int(r, 1050, 1300), unit: 'hour' as const }
            : { amount: int(r, 15, 22) * 10_000, unit: 'month' as const },
        }
      : {}),
    ...(chance(r, 0.6)
      ? {
          payWish: hourly
            ? { amount: int(r, 1200, 1600), unit: 'hour' as const }
            : { amount: int(r, 20, 30) * 10_000, unit: 'month' as const },
        }
      : {}),
    employmentTypes: chance(r, 0.25) ? [pick(r, TYPES), pick(r, TYPES)] : [],
    remoteWish: pick(r, ['required', 'preferred', 'no_preference', 'no_preference'] as const),
    supportStage: chance(r, 0.03) ? null : chance(r, 0.05) ? 1 : (int(r, 2, 5) as 2 | 3 | 4 | 5),
    blockedOrganisationIds: chance(r, 0.1) ? [`org-${int(r, 0, 199)}`] : [],
  };
}

function fact(r: Rng): RoleFact | undefined {
  return chance(r, 0.5) ? { available: chance(r, 0.8), verified: chance(r, 0.5) } : undefined;
}

/**
 * One synthetic role.
 *
 * @example syntheticRole(prng(1), 0).organisationId // 'org-…'
 */
export function syntheticRole(r: Rng, i: number): MatchRole {
  const start = pick(r, [9 * 60, 9 * 60 + 30, 10 * 60, 13 * 60]);
  const len = pick(r, [4, 5, 6, 7, 8]) * 60;
  const fixed = chance(r, 0.6);
  const type = pick(r, TYPES);
  const hourly = type === 'part_time' || type === 'dispatch' || chance(r, 0.2);
  const remote = pick(r, ['none', 'none', 'none', 'hybrid', 'full'] as const);
  const facts: MatchRole['facts'] = {};
  for (const f of FACTS) {
    const v = fact(r);
    if (v) facts[f] = v;
  }
  const minPay = hourly ? int(r, 1050, 1500) : int(r, 17, 30) * 10_000;
  return {
    id: `r-${String(i).padStart(6, '0')}`,
    organisationId: `org-${int(r, 0, 199)}`,
    title: '求人',
    category: pick(r, CATEGORIES),
    employmentType: type,
    pay: {
      min: minPay,
      ...(chance(r, 0.5) ? { max: Math.round(minPay * 1.2) } : {}),
      unit: hourly ? 'hour' : 'month',
    },
    schedule: fixed
      ? {
          kind: 'fixed',
          shifts: windows(days(r, int(r, 2, 5)), start, Math.min(1440, start + len)).map((w) =>
            len >= 6 * 60 ? { ...w, breakMinutes: 60 } : w,
          ),
        }
      : {
          kind: 'flexible',
          allowedWindows: windows([1, 2, 3, 4, 5], 8 * 60, 19 * 60),
          minHoursPerWeek: pick(r, [8, 12, 16, 20, 24]),
          minDaysPerWeek: int(r, 2, 4),
          ...(chance(r, 0.5) ? { preferredHoursPerWeek: pick(r, [20, 25, 30]) } : {}),
          ...(chance(r, 0.3) ? { minHoursPerDay: 3 } : {}),
          ...(chance(r, 0.4) ? { maxHoursPerWeek: 32 } : {}),
          ...(chance(r, 0.3) ? { splitDaysAllowed: true } : {}),
        },
    overtime: pick(r, ['none', 'none', 'occasional', 'regular'] as const),
    weekendWork: chance(r, 0.15),
    nightWork: chance(r, 0.03),
    remote: remote === 'hybrid' ? { mode: 'hybrid', officeDaysPerWeek: int(r, 1, 3) } : { mode: remote },
    locations: remote === 'full' ? [] : [pick(r, SYNTHETIC_PLACES)],
    requiredSkills: Array.from({ length: int(r, 0, 3) }, () => ({
      tag: pick(r, SKILL_TAGS),
      level: int(r, 1, 2) as SkillLevel,
    })),
    niceToHaveSkills: Array.from({ length: int(r, 0, 2) }, () => ({
      tag: pick(r, SKILL_TAGS),
      level: int(r, 1, 3) as SkillLevel,
    })),
    requiredQualifications: chance(r, 0.1) ? [pick(r, QUAL_KEYS)] : [],
    facts,
    ...(chance(r, 0.3) ? { startDate: '2025-04-15' } : {}),
    openIntroductions: chance(r, 0.3) ? int(r, 0, 12) : 0,
  };
}

/** `n` members from one seed. */
export function syntheticMembers(seed: number, n: number): MatchMember[] {
  const r = prng(seed);
  return Array.from({ length: n }, (_, i) => syntheticMember(r, i));
}

/** `n` roles from one seed. */
export function syntheticRoles(seed: number, n: number): MatchRole[] {
  const r = prng(seed);
  return Array.from({ length: n }, (_, i) => syntheticRole(r, i));
}
