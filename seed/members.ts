/**
 * One generated member (a single mother) and her child rows. Her availability follows her
 * youngest child: nursery hours while the child is 0–5, school hours (with or without the
 * after-school club) at 6–12, longer days later; some Saturday mornings when family can help.
 * Skills come from a past career; the support stage decides hours and employment types.
 */
import type { EmploymentType } from '../matching/types.ts';
import type {
  MemberBlockTable,
  MemberChildTable,
  MemberEmploymentTypeTable,
  MemberQualificationTable,
  MemberSkillTable,
  MemberTable,
  MemberTargetAreaTable,
  MemberWindowTable,
} from '../src/db/schema.ts';
import { type AreaIndex, METRO_PREFECTURES } from './areas.ts';
import { CAREERS } from './careers.ts';
import { FAMILY_NAMES, GIVEN_NAMES } from './names.ts';
import type { SeedUser } from './organisations.ts';
import type { Random, Weighted } from './random.ts';
import { type Hours, hoursOf, hoursOn, on, someDays, WEEKDAYS, type Window } from './schedules.ts';
import { after, dateFromNow, daysAgo } from './time.ts';
import { seedTown } from './towns.ts';

export interface MemberRows {
  users: SeedUser[];
  members: MemberTable[];
  windows: MemberWindowTable[];
  children: MemberChildTable[];
  skills: MemberSkillTable[];
  qualifications: MemberQualificationTable[];
  employmentTypes: MemberEmploymentTypeTable[];
  targetAreas: MemberTargetAreaTable[];
  blocks: MemberBlockTable[];
}

export const emptyMemberRows = (): MemberRows => ({
  users: [],
  members: [],
  windows: [],
  children: [],
  skills: [],
  qualifications: [],
  employmentTypes: [],
  targetAreas: [],
  blocks: [],
});

export interface MemberContext {
  /** 1-based position, used in the e-mail address. */
  index: number;
  areas: AreaIndex;
  now: Date;
  /** Organisations she might block. */
  organisationIds: readonly string[];
}

/** Youngest child's age in years: fewer newborns (few mothers job-hunt then), many of nursery and school age. */
const YOUNGEST_AGE: Weighted<number> = Array.from(
  { length: 18 },
  (_, age) => [age, age === 0 ? 3 : age <= 8 ? 7 : age <= 11 ? 6 : age <= 14 ? 4.5 : 3] as const,
);

const STAGES: Weighted<number | null> = [
  [null, 12],
  [1, 8],
  [2, 22],
  [3, 30],
  [4, 20],
  [5, 8],
];

/**
 * Weekday hours she can be away from home, given the youngest child's age. These include her
 * commute (the matching module fits a role's shift plus travel inside them), so they start
 * around nursery drop-off or the school run and end by pickup: 18:00 at the latest for a nursery,
 * mid-afternoon for a young schoolchild unless the after-school club (学童) keeps them longer.
 */
// biome-ignore format: compact data table
function weekdayHours(random: Random, youngest: number): Hours {
  if (youngest <= 5) return random.weighted<Hours>([[['08:30', '17:00'], 4], [['08:00', '17:30'], 3], [['08:00', '18:00'], 2], [['09:00', '16:30'], 1], [['09:00', '14:00'], 1]]);
  if (youngest <= 9) return random.weighted<Hours>([[['08:30', '14:30'], 3], [['08:30', '15:00'], 3], [['08:00', '17:30'], 3], [['08:00', '18:00'], 1]]);
  if (youngest <= 12) return random.weighted<Hours>([[['08:30', '15:30'], 3], [['08:30', '16:30'], 3], [['08:00', '18:00'], 3]]);
  return random.weighted<Hours>([[['08:00', '18:00'], 3], [['08:00', '19:00'], 2], [['08:30', '17:30'], 3]]);
}

function availability(random: Random, youngest: number): Window[] {
  const days = random.weighted<readonly number[]>([
    [WEEKDAYS, 65],
    [someDays(random, WEEKDAYS, 4), 25],
    [someDays(random, WEEKDAYS, 3), 10],
  ]);
  const windows = hoursOn(days, weekdayHours(random, youngest));
  // Saturday when a grandparent or the after-school club can look after the children.
  if (random.chance(0.2))
    windows.push(...on([6], '08:30', youngest >= 10 && random.chance(0.25) ? '17:00' : '13:00'));
  if (random.chance(0.05)) windows.push(...on([7], '10:00', '15:00'));
  // Evenings once the children are old enough to be home alone for a while.
  if (youngest >= 13 && random.chance(0.15))
    windows.push(...on(someDays(random, days, Math.min(2, days.length)), '19:00', '22:00'));
  return windows;
}

function employmentTypes(random: Random, stage: number | null): EmploymentType[] {
  if (random.chance(0.15)) return []; // "any": she has not narrowed it down
  switch (stage) {
    case 4:
      return random.pick<EmploymentType[]>([
        ['full_time', 'contract'],
        ['full_time'],
        ['full_time', 'contract', 'part_time'],
      ]);
    case 5:
      return random.pick<EmploymentType[]>([['full_time'], ['full_time', 'contract']]);
    case 3:
      return random.pick<EmploymentType[]>([
        ['part_time', 'contract'],
        ['part_time', 'contract', 'dispatch'],
        ['part_time', 'contract', 'full_time'],
      ]);
    default:
      return random.pick<EmploymentType[]>([['part_time'], ['part_time', 'dispatch']]);
  }
}

/**
 * Generates one member (and her user account) and appends the rows to `out`.
 * @example const rows = emptyMemberRows(); generateMember(random, { index: 1, areas, now, organisationIds }, rows)
 */
export function generateMember(random: Random, context: MemberContext, out: MemberRows): void {
  const { areas, now } = context;
  const id = random.uuid();
  const familyName = FAMILY_NAMES[Math.floor(random.float() ** 1.6 * FAMILY_NAMES.length)] ?? '佐藤';
  const givenName = random.pick(GIVEN_NAMES);
  const home = areas.pickPlace(random);
  const metro = METRO_PREFECTURES.has(home.prefCode) && !home.rural;
  const createdAt = daysAgo(random, now, 1, 700);
  const updatedAt = after(random, createdAt, 200, now);
  const stage = random.weighted(STAGES);

  // Children: birth year and month only; the youngest decides her hours.
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  let ageMonths = random.weighted(YOUNGEST_AGE) * 12 + random.int(0, 11);
  const youngest = Math.floor(ageMonths / 12);
  const childCount = random.weighted([
    [1, 50],
    [2, 38],
    [3, 12],
  ] as const);
  for (let i = 0; i < childCount; i++) {
    if (ageMonths > 17 * 12 + 11) break;
    const born = thisMonth - ageMonths;
    out.children.push({
      member_id: id,
      birth_year: Math.floor(born / 12),
      birth_month: (born % 12) + 1,
      care: null,
      pickup_minute: null,
    });
    ageMonths += random.int(14, 72);
  }

  const windows = availability(random, youngest);
  for (const w of windows)
    out.windows.push({ member_id: id, day: w.day, start_minute: w.start, end_minute: w.end, remote_only: 0 });
  const wanted =
    stage === 2
      ? random.int(15, 20)
      : stage === 3
        ? random.int(20, 30)
        : stage === 4 || stage === 5
          ? random.int(30, 40)
          : random.int(15, 30);
  const maxHours = Math.max(5, Math.min(wanted, Math.floor(hoursOf(windows))));

  // Skills and qualifications from one career, sometimes two; a level is the highest seen.
  const careers = random.chance(0.35)
    ? [random.weighted(CAREERS), random.weighted(CAREERS)]
    : [random.weighted(CAREERS)];
  const skills = new Map<string, number>();
  const qualifications = new Set<string>();
  for (const career of careers) {
    career.skills.forEach(([tag, min, max], i) => {
      if (i === 0 || random.chance(0.8))
        skills.set(tag, Math.max(skills.get(tag) ?? 0, random.int(min, max)));
    });
    for (const [key, p] of career.qualifications) if (random.chance(p)) qualifications.add(key);
  }
  if (random.chance(0.06)) skills.set('english', random.int(1, 3));
  if (random.chance(home.rural ? 0.85 : metro ? 0.45 : 0.7)) qualifications.add('driver_license');
  for (const [tag, level] of skills) out.skills.push({ member_id: id, tag, level });
  for (const qualification of qualifications) out.qualifications.push({ member_id: id, qualification });
  for (const type of employmentTypes(random, stage))
    out.employmentTypes.push({ member_id: id, employment_type: type });

  // U-turn / I-turn: a quarter would move, mostly back to a hometown in another prefecture.
  if (random.chance(0.25)) {
    const targets = new Set<string>();
    for (
      let i = 0;
      i <
      random.weighted([
        [1, 80],
        [2, 20],
      ] as const);
      i++
    ) {
      const prefCode = random.chance(0.1) ? home.prefCode : random.pick(areas.prefectures).prefCode;
      const code = random.chance(0.35)
        ? areas.prefectures.find((p) => p.prefCode === prefCode)?.code
        : areas.pickPlaceIn(random, prefCode).code;
      if (!code || code === home.code || targets.has(code)) continue;
      targets.add(code);
      out.targetAreas.push({
        member_id: id,
        area_code: code,
        needs_relocation_support: random.chance(prefCode === home.prefCode ? 0.3 : 0.6) ? 1 : 0,
        // Half know when they could move (3–18 months ahead); some would travel less there.
        move_from: random.chance(0.5) ? dateFromNow(now, random.int(90, 540)).slice(0, 7) : null,
        max_commute_minutes: random.chance(0.3) ? random.pick([20, 30, 45]) : null,
      });
    }
  }
  if (context.organisationIds.length > 0 && random.chance(0.03)) {
    for (const organisationId of random.sample(context.organisationIds, random.int(1, 2))) {
      out.blocks.push({
        member_id: id,
        organisation_id: organisationId,
        created_at: after(random, createdAt, 60, now),
      });
    }
  }

  const fullTimeWish = stage === 4 || stage === 5;
  const career = careers[0];
  const remoteWish = career?.remoteLeaning
    ? random.weighted([
        ['required', 30],
        ['preferred', 50],
        ['no_preference', 20],
      ] as const)
    : random.weighted([
        ['required', 3],
        ['preferred', 20],
        ['no_preference', 77],
      ] as const);
  // Pay: a floor she will not go below and a wish, in the same unit (monthly for full-time wishes).
  const unit = fullTimeWish && random.chance(0.55) ? 'month' : 'hour';
  const floor = random.chance(0.6)
    ? unit === 'month'
      ? random.step(180_000, 220_000, 10_000)
      : random.step(1050, 1300, 10)
    : null;
  const wishDraw = unit === 'month' ? random.step(200_000, 300_000, 10_000) : random.step(1150, 1600, 50);
  const wish = random.chance(0.7)
    ? Math.max(wishDraw, (floor ?? 0) + (unit === 'month' ? 10_000 : 50))
    : null;
  out.users.push({
    id,
    email: `member-${String(context.index).padStart(6, '0')}@demo.yorisoi.jp`,
    role: 'member',
    display_name: `${familyName} ${givenName}`,
    organisation_id: null,
    created_at: createdAt,
    updated_at: updatedAt,
  });
  out.members.push({
    user_id: id,
    family_name: familyName,
    given_name: givenName,
    phone: random.chance(0.9)
      ? `${random.pick(['090', '080', '070'])}-${random.int(1000, 9999)}-${random.int(1000, 9999)}`
      : null,
    area_code: home.code,
    // Two in five give their town (from the id, leaving the random stream as it was).
    ...townColumns(home.code, id),
    hide_municipality: random.chance(0.15) ? 1 : 0,
    max_hours_per_week: maxHours,
    earliest_start_date: random.chance(0.5) ? dateFromNow(now, random.int(0, 90)) : null,
    max_commute_minutes: random.weighted([
      [15, 15],
      [20, 15],
      [30, 25],
      [40, 15],
      [45, 15],
      [60, 15],
    ] as const),
    commute_mode: metro
      ? random.weighted([
          ['transit', 55],
          ['walk_bicycle', 25],
          ['car', 20],
        ] as const)
      : random.weighted([
          ['car', 75],
          ['walk_bicycle', 15],
          ['transit', 10],
        ] as const),
    pay_floor_amount: floor,
    pay_floor_unit: floor === null ? null : unit,
    pay_wish_amount: wish,
    pay_wish_unit: wish === null ? null : unit,
    remote_wish: remoteWish,
    support_stage: stage,
    // Her direction: most name the work they did before (first) and sometimes a second; a few
    // say whether they want a career step now or a stable base first.
    desired_categories: JSON.stringify(
      random.chance(0.6) ? [...new Set(careers.map((c) => c.category).filter((c) => c !== undefined))] : [],
    ),
    self_pr: null,
    career_pace: random.chance(0.2) ? (stage !== null && stage >= 4 ? 'career_step' : 'stable_base') : null,
    created_at: createdAt,
    updated_at: updatedAt,
    version: 1,
  });
}

/** Her home town's columns for a seeded member who gave one (two in five), else none. */
function townColumns(areaCode: string, id: string) {
  const town = seedTown(areaCode, id, 0.4);
  return town ? { home_town: town[0], home_lat: town[1], home_lng: town[2] } : {};
}
