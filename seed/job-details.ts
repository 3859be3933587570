/**
 * The job details of a generated role (交通費, 社会保険, 休日, アクセス, 募集人数, 試用期間, 服装, 未経験OK,
 * 扶養内OK), as Japanese ads for such work state them: monthly-paid staff get social insurance and a
 * capped commuting allowance, part-timers often join insurance only past the hours threshold, and
 * a few ads leave an item out. Drawn from the role's own random stream (keyed by its id), so the
 * generator's main stream — and every role, member and match after this one — stays the same.
 */
import type { EmploymentType } from '../matching/types.ts';
import type { JobRoleTable } from '../src/db/schema.ts';
import { placeStem } from './names.ts';
import { createRandom, type Random, type Weighted } from './random.ts';

type DetailColumns = Pick<
  JobRoleTable,
  | 'commute_allowance'
  | 'commute_allowance_cap'
  | 'social_insurance'
  | 'holidays'
  | 'access'
  | 'openings'
  | 'trial_months'
  | 'trial_note'
  | 'dress_code'
  | 'inexperienced_ok'
  | 'within_dependent_ok'
>;

export interface DetailFacts {
  id: string;
  category: string;
  employment: EmploymentType;
  /** Any working window on a Saturday or Sunday. */
  weekend: boolean;
  /** The first workplace's municipality name; none for a fully remote role with no workplace. */
  siteName: string | undefined;
  /** The ad already says 未経験歓迎 (no required skill or qualification) and 扶養内OK (part-time). */
  inexperiencedOk: boolean;
  withinDependentOk: boolean;
}

type Commute = 'full' | 'capped' | 'none' | null;
type Insurance = 'yes' | 'conditional' | 'no' | null;

const COMMUTE: Record<EmploymentType, Weighted<Commute>> = {
  full_time: [
    ['capped', 65],
    ['full', 30],
    [null, 5],
  ],
  contract: [
    ['capped', 60],
    ['full', 30],
    [null, 10],
  ],
  part_time: [
    ['capped', 55],
    ['full', 20],
    ['none', 10],
    [null, 15],
  ],
  dispatch: [
    ['capped', 45],
    ['full', 15],
    ['none', 25],
    [null, 15],
  ],
  freelance: [
    ['none', 60],
    [null, 40],
  ],
};

const INSURANCE: Record<EmploymentType, Weighted<Insurance>> = {
  full_time: [
    ['yes', 95],
    [null, 5],
  ],
  contract: [
    ['yes', 80],
    ['conditional', 15],
    [null, 5],
  ],
  part_time: [
    ['conditional', 55],
    ['yes', 15],
    ['no', 10],
    [null, 20],
  ],
  dispatch: [
    ['conditional', 50],
    ['yes', 35],
    [null, 15],
  ],
  freelance: [
    ['no', 50],
    [null, 50],
  ],
};

const WEEKDAY_HOLIDAYS = [
  '土日祝休み',
  '土日祝休み、夏季・年末年始休暇',
  '土日祝休み、GW・夏季・年末年始休暇、有給休暇',
  '土日休み、年末年始休暇、有給休暇（入社半年後から）',
];
const SHIFT_HOLIDAYS = [
  'シフト制（週休2日）、希望休あり',
  '4週8休、年末年始休暇',
  'シフト制、お子さんの行事の日は事前に相談でお休みできます',
  '週休2日（シフト制）、有給休暇',
];

const ACCESS = [
  '{stem}駅から徒歩{n}分',
  '{stem}駅からバス{n}分、バス停すぐ',
  '最寄り駅から徒歩{n}分、自転車通勤OK',
  '車・バイク通勤可（無料駐車場あり）',
  '{stem}駅から徒歩{n}分、雨の日の送迎相談可',
];

const DRESS: Record<string, string[]> = {
  care: ['動きやすい服装（ポロシャツ貸与）', '制服貸与、髪はまとめてください'],
  nursing: ['白衣貸与', 'ユニフォーム貸与、ネイル不可'],
  childcare: ['動きやすい服装（エプロン持参）', '私服OK、アクセサリー不可'],
  childcare_assistant: ['動きやすい服装（エプロン持参）'],
  food: ['白衣・帽子貸与、ネイル不可', '制服貸与、髪はまとめてください'],
  restaurant: ['制服貸与、髪色自由', 'エプロン貸与、黒いパンツをご用意ください'],
  retail: ['制服貸与、髪色・ピアス自由', 'エプロン貸与、私服OK'],
  cleaning: ['作業着貸与', '動きやすい服装'],
  manufacturing: ['作業着・帽子貸与', '作業着貸与、ネイル不可'],
  logistics: ['作業着貸与、動きやすい服装で', '私服OK（安全靴貸与）'],
  hospitality: ['制服貸与、髪はまとめてください'],
  delivery: ['制服貸与'],
};
const OFFICE_DRESS = [
  'オフィスカジュアル',
  '私服OK、髪色・ネイル自由',
  'オフィスカジュアル（来客時のみジャケット）',
];

/**
 * The detail columns of one generated role.
 * @example jobDetails({ id, category: 'care', employment: 'part_time', weekend: false, siteName: '横浜市港北区', inexperiencedOk: true, withinDependentOk: true })
 */
export function jobDetails(facts: DetailFacts): DetailColumns {
  const random: Random = createRandom(0, `details/${facts.id}`);
  const monthly = facts.employment === 'full_time' || facts.employment === 'contract';
  const commute = random.weighted(COMMUTE[facts.employment]);
  const trial = random.chance(monthly ? 0.8 : 0.5);
  const access = facts.siteName
    ? random
        .pick(ACCESS)
        .replace('{stem}', placeStem(facts.siteName))
        .replace('{n}', String(random.int(3, 15)))
    : null;
  return {
    commute_allowance: commute,
    commute_allowance_cap:
      commute === 'capped' ? (monthly ? random.int(4, 10) * 5000 : random.int(2, 6) * 2500) : null,
    social_insurance: random.weighted(INSURANCE[facts.employment]),
    holidays: random.chance(0.9) ? random.pick(facts.weekend ? SHIFT_HOLIDAYS : WEEKDAY_HOLIDAYS) : null,
    access,
    openings: random.weighted([
      [1, 40],
      [2, 30],
      [3, 15],
      [5, 10],
      [10, 5],
    ] as const),
    trial_months: trial
      ? random.weighted([
          [1, 15],
          [2, 20],
          [3, 50],
          [6, 15],
        ] as const)
      : null,
    trial_note:
      trial && random.chance(0.4) ? random.pick(['期間中も同じ条件です', '期間中は時給50円減です']) : null,
    dress_code: random.chance(0.85) ? random.pick(DRESS[facts.category] ?? OFFICE_DRESS) : null,
    inexperienced_ok: facts.inexperiencedOk ? 1 : 0,
    within_dependent_ok: facts.withinDependentOk ? 1 : 0,
  };
}
