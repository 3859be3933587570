/**
 * The demo accounts, one per kind of user, written by hand rather than drawn at random so that a
 * demo always tells the same story: a member in Yokohama (港北区) with a nursery-age child, a
 * verified care company in Kanagawa with published and draft roles that suit her, a coordinator
 * who verified it, and an admin. Ids still come from the seeded PRNG (UUID-shaped, deterministic).
 */

import type { OrganisationTable } from '../src/db/schema.ts';
import type { AreaIndex } from './areas.ts';
import { jobDetails } from './job-details.ts';
import type { MemberRows } from './members.ts';
import type { SeedUser } from './organisations.ts';
import type { Random } from './random.ts';
import { legalBreakMinutes, type RoleRows } from './roles.ts';
import { at, on, WEEKDAYS, type Window } from './schedules.ts';
import { dateFromNow } from './time.ts';
import { type TownRecord, townsByArea } from './towns.ts';

export type DemoRole = 'member' | 'employer' | 'coordinator' | 'admin';

export interface DemoAccount {
  role: DemoRole;
  email: string;
  password: string;
  description: string;
}

/** Shared by every seeded account; demo data only, never a real deployment's users. */
export const DEMO_PASSWORD = 'yorisoi-demo-2026';

/** The demo a fresh service loads (`npm start`, `npm run dev:worker`): seeded, so always the same. */
export const DEMO_SIZES = { seed: 20261123, roles: 400, members: 150 } as const;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    role: 'member',
    email: 'member@demo.yorisoi.jp',
    password: DEMO_PASSWORD,
    description:
      '小川 彩 — 横浜市港北区, stage 3, two children (one at nursery), office experience, U-turn wish to 静岡',
  },
  {
    role: 'employer',
    email: 'employer@demo.yorisoi.jp',
    password: DEMO_PASSWORD,
    description: '株式会社みなと介護サービス (verified, 横浜市) — 2 published and 2 draft roles',
  },
  {
    role: 'coordinator',
    email: 'coordinator@demo.yorisoi.jp',
    password: DEMO_PASSWORD,
    description: '山田 恵子 — concierge: match queue, employer verification, support stages',
  },
  { role: 'admin', email: 'admin@demo.yorisoi.jp', password: DEMO_PASSWORD, description: 'Administrator' },
];

export interface DemoData {
  coordinatorId: string;
  users: SeedUser[];
  organisation: OrganisationTable;
  roles: RoleRows;
  member: MemberRows;
}

const email = (role: DemoRole) =>
  DEMO_ACCOUNTS.find((a) => a.role === role)?.email ?? `${role}@demo.yorisoi.jp`;

/**
 * Builds the demo rows relative to `now` (children's ages, dates) from the 'demo' stream.
 * @example const demo = demoData(createRandom(seed, 'demo'), loadAreas(), now)
 */
export function demoData(random: Random, areas: AreaIndex, now: Date): DemoData {
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const [memberId, employerId, coordinatorId, adminId, organisationId] = [
    random.uuid(),
    random.uuid(),
    random.uuid(),
    random.uuid(),
    random.uuid(),
  ] as const;
  const staff = (id: string, role: DemoRole, name: string, organisation: string | null): SeedUser => ({
    id,
    email: email(role),
    role,
    display_name: name,
    organisation_id: organisation,
    created_at: ago(400),
    updated_at: ago(400),
  });
  const users = [
    staff(coordinatorId, 'coordinator', '山田 恵子（コーディネーター）', null),
    staff(adminId, 'admin', '管理者', null),
    staff(employerId, 'employer', '中村（みなと介護サービス 採用担当）', organisationId),
  ];

  const kanagawa = areas.byName('横浜市神奈川区');
  const kohoku = areas.byName('横浜市港北区');
  const organisation: OrganisationTable = {
    id: organisationId,
    name: '株式会社みなと介護サービス',
    name_kana: 'ミナトカイゴサービス',
    scale: 'local',
    corporate_number: '6020001099999',
    head_office_area_code: kanagawa.code,
    description:
      '横浜市神奈川区と港北区でデイサービスと訪問介護を運営しています。子育て中のスタッフが多く、急なお休みもお互いさまで支え合っています。',
    website: 'https://minato-kaigo.example.com',
    verification_state: 'verified',
    verified_at: ago(300),
    verified_by: coordinatorId,
    created_at: ago(320),
    updated_at: ago(300),
  };

  const roles: RoleRows = {
    roles: [],
    windows: [],
    locations: [],
    skills: [],
    qualifications: [],
    facts: [],
  };
  const addRole = (spec: DemoRoleSpec) => {
    const id = random.uuid();
    const published = spec.status === 'published';
    roles.roles.push({
      id,
      organisation_id: organisationId,
      title: spec.title,
      description: spec.description,
      category: spec.category,
      employment_type: 'part_time',
      pay_min: spec.pay[0],
      pay_max: spec.pay[1],
      pay_unit: 'hour',
      schedule_kind: spec.flexible ? 'flexible' : 'fixed',
      min_hours_per_week: spec.flexible?.[0] ?? null,
      min_days_per_week: spec.flexible?.[1] ?? null,
      preferred_hours_per_week: null,
      min_hours_per_day: null,
      max_hours_per_week: null,
      split_days_allowed: 0,
      overtime: 'none',
      weekend_work: spec.windows.some((w) => w.day >= 6) ? 1 : 0,
      night_work: 0,
      remote_mode: spec.officeDays ? 'hybrid' : 'none',
      office_days_per_week: spec.officeDays ?? null,
      start_date: dateFromNow(now, 30),
      ...jobDetails({
        id,
        category: spec.category,
        employment: 'part_time',
        weekend: spec.windows.some((w) => w.day >= 6),
        siteName: spec.place.name,
        inexperiencedOk: !spec.skills.some(([, , required]) => required) && spec.qualifications.length === 0,
        withinDependentOk: spec.title.includes('扶養内OK'),
      }),
      status: spec.status,
      published_at: published ? ago(20) : null,
      closed_at: null,
      created_at: ago(25),
      updated_at: published ? ago(20) : ago(25),
      version: published ? 2 : 1,
    });
    for (const w of spec.windows)
      roles.windows.push({
        role_id: id,
        day: w.day,
        start_minute: w.start,
        end_minute: w.end,
        break_minutes: spec.flexible ? 0 : legalBreakMinutes(w.end - w.start),
      });
    const town = spec.address ? townOf(spec.place.code, spec.address) : undefined;
    roles.locations.push({
      role_id: id,
      area_code: spec.place.code,
      label: spec.label,
      ...(spec.address ? { address: spec.address } : {}),
      ...(town ? { town: town[0], lat: town[1], lng: town[2] } : {}),
    });
    for (const [tag, level, required] of spec.skills)
      roles.skills.push({ role_id: id, tag, level, required: required ? 1 : 0 });
    for (const qualification of spec.qualifications)
      roles.qualifications.push({ role_id: id, qualification });
    for (const [fact, available, verified] of spec.facts) {
      roles.facts.push({
        role_id: id,
        fact,
        available: available ? 1 : 0,
        verified_at: published && verified ? ago(10) : null,
        verified_by: published && verified ? coordinatorId : null,
      });
    }
  };
  addRole({
    status: 'published',
    category: 'office',
    place: kohoku,
    label: '港北本社',
    address: '新横浜二丁目5-14',
    pay: [1250, 1400],
    windows: on(WEEKDAYS, '09:00', '15:00'),
    title: '一般事務（9:00〜15:00・扶養内OK）',
    description:
      '港北区の本社で、介護記録の入力や請求書の作成、電話応対をお願いします。勤務は月〜金 9:00〜15:00です。お子さまの急な発熱などによる当日のお休みにも対応しています。ブランクのある方も丁寧にお教えします。',
    skills: [
      ['pc_basic', 2, true],
      ['excel', 2, false],
      ['phone_reception', 1, false],
    ],
    qualifications: [],
    facts: [
      ['sick_child_absence_ok', true, true],
      ['short_time_allowed', true, true],
      ['school_event_leave', true, false],
    ],
  });
  addRole({
    status: 'published',
    category: 'care',
    place: kanagawa,
    label: 'デイサービスみなと神奈川',
    pay: [1300, 1500],
    windows: on([1, 3, 5], '09:00', '16:00'),
    title: 'デイサービスの介護スタッフ（日勤のみ・週3日〜）',
    description:
      'ご利用者さまの入浴や食事の介助、レクリエーションの準備をお願いします。勤務は月・水・金 9:00〜16:00です。介護職員初任者研修の取得支援制度があります。',
    skills: [
      ['caregiving', 1, false],
      ['customer_service', 1, false],
    ],
    qualifications: [],
    facts: [
      ['sick_child_absence_ok', true, true],
      ['school_event_leave', true, false],
      ['onsite_nursery', false, true],
    ],
  });
  addRole({
    status: 'draft',
    category: 'care',
    place: kanagawa,
    label: 'ヘルパーステーションみなと',
    pay: [1400, 1700],
    windows: on([1, 2, 3, 4, 5, 6], '08:30', '18:00'),
    flexible: [10, 2],
    title: '訪問介護員（ホームヘルパー・直行直帰OK）',
    description:
      'ご利用者さまのご自宅を訪問し、身体介護や生活援助を行います。1件30分〜1時間程度の訪問を、ご都合のよい時間に組み合わせて担当します。',
    skills: [['caregiving', 2, true]],
    qualifications: ['care_initial_training', 'driver_license'],
    facts: [
      ['short_time_allowed', true, false],
      ['sick_child_absence_ok', true, false],
    ],
  });
  addRole({
    status: 'draft',
    category: 'accounting',
    place: kohoku,
    label: '港北本社',
    pay: [1300, 1500],
    windows: on(WEEKDAYS, '09:00', '16:00'),
    flexible: [15, 3],
    officeDays: 2,
    title: '経理事務（週3日〜・在宅勤務あり）',
    description:
      '介護報酬の請求や経費精算、月次の記帳をお願いします。出社は週2日で、ほかの日は在宅勤務です。',
    skills: [
      ['bookkeeping', 2, true],
      ['excel', 2, true],
    ],
    qualifications: ['bookkeeping_3'],
    facts: [
      ['short_time_allowed', true, false],
      ['school_event_leave', true, false],
    ],
  });

  // The demo member: youngest child 3 (nursery), older child 8; Saturday mornings her mother helps.
  // Windows are when she can be away from home, commute included (nursery drop-off to pickup).
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const born = (months: number) => ({
    birth_year: Math.floor((thisMonth - months) / 12),
    birth_month: ((thisMonth - months) % 12) + 1,
  });
  const windows: Window[] = [
    ...on(WEEKDAYS, '08:30', '17:00'),
    { day: 6, start: at('08:30'), end: at('12:30') },
  ];
  const member: MemberRows = {
    users: [
      {
        id: memberId,
        email: email('member'),
        role: 'member',
        display_name: '小川 彩',
        organisation_id: null,
        created_at: ago(120),
        updated_at: ago(30),
      },
    ],
    members: [
      {
        user_id: memberId,
        family_name: '小川',
        given_name: '彩',
        phone: '090-1234-5678',
        area_code: kohoku.code,
        // She gave her town: commutes are estimated from 大倉山三丁目, not the ward's centre.
        ...demoHomeTown(kohoku.code, '大倉山三丁目'),
        hide_municipality: 0,
        max_hours_per_week: 30,
        earliest_start_date: dateFromNow(now, 14),
        max_commute_minutes: 60,
        commute_mode: 'transit',
        pay_floor_amount: 1150,
        pay_floor_unit: 'hour',
        pay_wish_amount: 1350,
        pay_wish_unit: 'hour',
        remote_wish: 'preferred',
        support_stage: 3,
        // Her direction: back to accounts work, or office work; in her words; her stage decides the pace.
        desired_categories: JSON.stringify(['accounting', 'office']),
        self_pr: '以前は経理補助をしていました。簿記2級に挑戦しながら、経理の仕事に戻りたいです。',
        career_pace: null,
        created_at: ago(120),
        updated_at: ago(30),
        version: 1,
      },
    ],
    windows: windows.map((w) => ({
      member_id: memberId,
      day: w.day,
      start_minute: w.start,
      end_minute: w.end,
      remote_only: 0,
    })),
    children: [
      { member_id: memberId, ...born(3 * 12 + 4), care: 'nursery', pickup_minute: 18 * 60 },
      { member_id: memberId, ...born(8 * 12 + 7), care: 'after_school_club', pickup_minute: null },
    ],
    skills: (
      [
        ['pc_basic', 2],
        ['excel', 2],
        ['word', 2],
        ['data_entry', 2],
        ['phone_reception', 2],
        ['bookkeeping', 1],
      ] as const
    ).map(([tag, level]) => ({ member_id: memberId, tag, level })),
    qualifications: ['bookkeeping_3', 'mos', 'driver_license'].map((qualification) => ({
      member_id: memberId,
      qualification,
    })),
    employmentTypes: ['part_time', 'contract'].map((employment_type) => ({
      member_id: memberId,
      employment_type,
    })),
    targetAreas: [
      {
        member_id: memberId,
        area_code: areas.byName('静岡市葵区').code,
        needs_relocation_support: 1,
        // She could move back to her parents' town from next April, and would travel 30 minutes there.
        move_from: `${new Date(now).getUTCFullYear() + 1}-04`,
        max_commute_minutes: 30,
      },
    ],
    blocks: [],
  };
  return { coordinatorId, users, organisation, roles, member };
}

interface DemoRoleSpec {
  status: 'draft' | 'published';
  category: string;
  place: { code: string; name: string };
  label: string;
  /** The workplace's address; its town (the longest town name it starts with) gives the point. */
  address?: string;
  pay: readonly [number, number];
  windows: Window[];
  /** [minHoursPerWeek, minDaysPerWeek] for a flexible schedule. */
  flexible?: readonly [number, number];
  officeDays?: number;
  title: string;
  description: string;
  skills: readonly (readonly [string, 1 | 2 | 3, boolean])[];
  qualifications: readonly string[];
  /** [fact, available, verified by the coordinator (published roles only)]. */
  facts: readonly (readonly [string, boolean, boolean])[];
}

/** A town of an area by the longest town name an address starts with. */
function townOf(areaCode: string, address: string): TownRecord | undefined {
  let best: TownRecord | undefined;
  for (const t of townsByArea().get(areaCode) ?? [])
    if (address.startsWith(t[0]) && (!best || t[0].length > best[0].length)) best = t;
  return best;
}

/** The demo member's home town columns. */
function demoHomeTown(areaCode: string, name: string) {
  const town = townsByArea()
    .get(areaCode)
    ?.find((t) => t[0] === name);
  return town ? { home_town: town[0], home_lat: town[1], home_lng: town[2] } : {};
}
