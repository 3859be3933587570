/**
 * How each trade actually works, as data: the kinds of job in each category with their weight,
 * employment types, schedules (care has early/late shifts, clinics open Saturday mornings,
 * school-lunch kitchens start early on weekdays), skills, qualifications, remote work, overtime
 * and how often each flexibility fact is offered. Titles and sentences live in phrases.ts.
 */
import type {
  EmploymentType,
  FlexibilityFact,
  JobCategory,
  Overtime,
  RemoteMode,
} from '../matching/types.ts';
import type { Random, Weighted } from './random.ts';
import {
  ALL_DAYS,
  at,
  fixed,
  flexible,
  type Hours,
  hoursOn,
  on,
  type ScheduleDraft,
  someDays,
  WEEKDAYS,
} from './schedules.ts';

/**
 * The categories the generator writes roles for: the trades below. The vocabulary has more
 * (看護, 清掃, 配送…); those come from employers and the demo until a trade is written for them here.
 */
export type SeededCategory = Extract<
  JobCategory,
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
>;

/** A skill a role asks for: tag, level, and how often roles of this kind ask for it. */
export type SkillSpec = readonly [tag: string, level: 1 | 2 | 3, probability: number];

/**
 * One kind of job. `schedule` gets `fullTime` for full-time and contract roles (paid monthly);
 * a pattern whose schedule ignores it must offer only hourly employment types.
 */
export interface TradePattern {
  /** Key into PATTERN_PHRASES for titles, duties and location labels. */
  key: string;
  weight: number;
  employment: Weighted<EmploymentType>;
  schedule(random: Random, fullTime: boolean): ScheduleDraft;
  required: readonly SkillSpec[];
  nice: readonly SkillSpec[];
  qualifications: readonly (readonly [key: string, probability: number])[];
  remote: Weighted<RemoteMode>;
  overtime: Weighted<Overtime>;
  facts: Partial<Record<FlexibilityFact, number>>;
}

export interface Trade {
  /** Share of all roles. */
  weight: number;
  /** Hourly and monthly pay before regional adjustment, in yen. */
  hourly: readonly [number, number];
  monthly: readonly [number, number];
  patterns: readonly TradePattern[];
}

// biome-ignore format: a short weighted table reads best on one line
const PART_HEAVY: Weighted<EmploymentType> = [['part_time', 70], ['contract', 12], ['full_time', 12], ['dispatch', 6]];
const ONSITE: Weighted<RemoteMode> = [['none', 1]];
// biome-ignore format: a short weighted table reads best on one line
const CALM: Weighted<Overtime> = [['none', 70], ['occasional', 30]];
const FAMILY_FRIENDLY = {
  sick_child_absence_ok: 0.55,
  short_time_allowed: 0.45,
  school_event_leave: 0.45,
  childcare_subsidy: 0.08,
};

/** A weekday day shift: 8 hours for full-time, else a school-hours part of the day. */
function weekdayShift(random: Random, fullTime: boolean, part: readonly Hours[], full: Hours): ScheduleDraft {
  if (fullTime) return fixed(hoursOn(WEEKDAYS, full), ['土日休み']);
  const [start, end] = random.pick(part);
  const days = random.weighted<readonly number[]>([
    [WEEKDAYS, 5],
    [someDays(random, WEEKDAYS, 4), 2],
    [someDays(random, WEEKDAYS, 3), 3],
  ]);
  const tags = ['土日休み', `${start.replace(/^0/, '')}〜${end.replace(/^0/, '')}`];
  return random.chance(0.6)
    ? fixed(on(days, start, end), tags)
    : flexible(random, on(WEEKDAYS, start, end), Math.min(3, days.length), [12, 20], tags);
}

/** Shifts on any day between two times (care homes, shops): a flexible schedule. */
function anyDay(
  random: Random,
  hours: Hours,
  fullTime: boolean,
  part: readonly [number, number],
  tags: string[],
): ScheduleDraft {
  const windows = ALL_DAYS.map((day) => ({ day, start: at(hours[0]), end: at(hours[1]) }));
  return flexible(random, windows, fullTime ? 5 : random.int(3, 4), fullTime ? [36, 40] : part, tags);
}

// One kind of job per block; the formatter would spread each over fifty lines.
// biome-ignore format: compact data table
export const TRADES: Record<SeededCategory, Trade> = {
  care: {
    weight: 18, hourly: [1150, 1500], monthly: [200000, 280000],
    patterns: [
      {
        key: 'care_day', weight: 4, employment: PART_HEAVY,
        schedule: (r, full) => weekdayShift(r, full, [['09:00', '16:00'], ['09:00', '15:00'], ['09:30', '16:30']], ['08:30', '17:30']),
        required: [['caregiving', 1, 0.3]], nice: [['caregiving', 2, 0.6], ['customer_service', 1, 0.3]],
        qualifications: [['care_initial_training', 0.45]], remote: ONSITE, overtime: CALM,
        facts: { ...FAMILY_FRIENDLY, onsite_nursery: 0.08 },
      },
      {
        key: 'care_shift', weight: 3, employment: [['part_time', 50], ['full_time', 35], ['contract', 15]],
        // Early (早番) 7:00–16:00, day 9:00–18:00 and late (遅番) 11:00–20:00 shifts on any day.
        schedule: (r, full) => anyDay(r, ['07:00', '20:00'], full, [16, 28], ['早番・遅番あり', 'シフト制']),
        required: [['caregiving', 2, 0.5]], nice: [['caregiving', 3, 0.2]],
        qualifications: [['care_initial_training', 0.6], ['care_practical_training', 0.1]], remote: ONSITE,
        overtime: [['none', 40], ['occasional', 50], ['regular', 10]],
        facts: { sick_child_absence_ok: 0.35, short_time_allowed: 0.35, school_event_leave: 0.3, onsite_nursery: 0.15, childcare_subsidy: 0.1, relocation_housing: 0.08 },
      },
      {
        key: 'care_visit', weight: 2, employment: [['part_time', 75], ['contract', 15], ['full_time', 10]],
        schedule(r, full) {
          const windows = on(r.chance(0.3) ? [1, 2, 3, 4, 5, 6] : WEEKDAYS, '08:30', '18:00');
          return flexible(r, windows, full ? 5 : r.int(2, 4), full ? [32, 40] : [6, 20], ['直行直帰OK']);
        },
        required: [['caregiving', 2, 0.7]], nice: [['customer_service', 2, 0.3]],
        // 訪問介護 needs 初任者研修 by law for personal care, and usually a car.
        qualifications: [['care_initial_training', 0.9], ['driver_license', 0.7]], remote: ONSITE, overtime: CALM,
        facts: { sick_child_absence_ok: 0.5, short_time_allowed: 0.6, school_event_leave: 0.5 },
      },
      {
        key: 'care_night', weight: 0.6, employment: [['part_time', 1]],
        schedule: (r) => fixed(on(someDays(r, ALL_DAYS, r.int(1, 2)), '16:00', '24:00'), ['夜勤']),
        required: [['caregiving', 2, 0.8]], nice: [],
        qualifications: [['care_initial_training', 0.7]], remote: ONSITE, overtime: CALM,
        facts: { short_time_allowed: 0.1, relocation_housing: 0.05 },
      },
    ],
  },
  office: {
    weight: 14, hourly: [1100, 1450], monthly: [190000, 260000],
    patterns: [
      {
        key: 'office_general', weight: 5, employment: [['part_time', 45], ['contract', 20], ['dispatch', 15], ['full_time', 20]],
        schedule: (r, full) => weekdayShift(r, full, [['09:00', '15:00'], ['09:00', '16:00'], ['09:30', '15:30'], ['09:00', '17:00']], ['09:00', '17:30']),
        required: [['pc_basic', 2, 0.8]], nice: [['excel', 2, 0.6], ['word', 1, 0.5], ['data_entry', 2, 0.4], ['phone_reception', 2, 0.4]],
        qualifications: [], remote: [['none', 80], ['hybrid', 20]], overtime: CALM,
        facts: { ...FAMILY_FRIENDLY, sick_child_absence_ok: 0.6, childcare_subsidy: 0.1 },
      },
      {
        key: 'office_flex', weight: 2, employment: [['part_time', 60], ['contract', 25], ['full_time', 15]],
        schedule: (r, full) => flexible(r, on(WEEKDAYS, '08:00', '18:00'), full ? 5 : 3, full ? [35, 40] : [15, 25], ['フレックス', '土日休み']),
        required: [['pc_basic', 2, 0.9], ['excel', 2, 0.5]], nice: [['data_entry', 2, 0.5]],
        qualifications: [], remote: [['none', 60], ['hybrid', 40]], overtime: CALM,
        facts: { ...FAMILY_FRIENDLY, short_time_allowed: 0.7 },
      },
    ],
  },
  medical_office: {
    weight: 8, hourly: [1100, 1400], monthly: [180000, 240000],
    patterns: [
      {
        key: 'clinic_reception', weight: 3, employment: [['part_time', 65], ['full_time', 25], ['contract', 10]],
        schedule(r, full) {
          // Clinics see patients 9:00–12:30 and 15:00–18:30, and on Saturday mornings.
          if (full) return fixed([...on([1, 2, 4, 5], '08:30', '18:30'), ...on([3, 6], '08:30', '13:00')], ['木曜午後休み']);
          const days = [1, 2, 3, 4, 5, 6];
          const mornings = on(someDays(r, days, r.int(3, 4)), '08:30', '12:30');
          return r.chance(0.5) ? fixed(mornings, ['午前のみ']) : flexible(r, on(days, '08:30', '12:30'), 3, [9, 12], ['午前のみ']);
        },
        required: [['customer_service', 1, 0.4]], nice: [['medical_billing', 2, 0.6], ['phone_reception', 2, 0.4], ['pc_basic', 2, 0.5]],
        qualifications: [['medical_clerk', 0.35]], remote: ONSITE, overtime: CALM,
        facts: { sick_child_absence_ok: 0.4, short_time_allowed: 0.5, school_event_leave: 0.4 },
      },
      {
        key: 'hospital_billing', weight: 1.5, employment: [['part_time', 50], ['contract', 25], ['full_time', 25]],
        schedule: (r, full) => weekdayShift(r, full, [['09:00', '15:00'], ['09:00', '16:00']], ['08:30', '17:15']),
        required: [['medical_billing', 2, 0.6], ['pc_basic', 2, 0.7]], nice: [['excel', 1, 0.3]],
        qualifications: [['medical_clerk', 0.5]], remote: ONSITE, overtime: [['none', 40], ['occasional', 60]],
        facts: { ...FAMILY_FRIENDLY, onsite_nursery: 0.3 },
      },
    ],
  },
  childcare_assistant: {
    weight: 7, hourly: [1100, 1350], monthly: [185000, 230000],
    patterns: [
      {
        key: 'nursery_assistant', weight: 4, employment: [['part_time', 75], ['contract', 10], ['full_time', 15]],
        schedule: (r, full) => weekdayShift(r, full, [['09:00', '15:00'], ['09:00', '14:00'], ['08:30', '16:30']], ['08:30', '17:30']),
        required: [['childcare', 1, 0.4]], nice: [['childcare', 2, 0.4]],
        qualifications: [['childcare_worker', 0.25]], remote: ONSITE, overtime: CALM,
        facts: { ...FAMILY_FRIENDLY, onsite_nursery: 0.25, school_event_leave: 0.6 },
      },
      {
        key: 'nursery_edge', weight: 1.5, employment: [['part_time', 1]],
        // Early drop-off (朝保育) and extended care (延長保育) are the hard-to-staff hours.
        schedule: (r) => fixed(hoursOn(WEEKDAYS, r.pick<Hours>([['07:30', '10:00'], ['16:00', '19:00']])), ['短時間', '土日休み']),
        required: [], nice: [['childcare', 1, 0.5]],
        qualifications: [['childcare_worker', 0.1]], remote: ONSITE, overtime: [['none', 1]],
        facts: { short_time_allowed: 0.8, sick_child_absence_ok: 0.4, onsite_nursery: 0.3 },
      },
    ],
  },
  retail: {
    weight: 14, hourly: [1080, 1300], monthly: [190000, 250000],
    patterns: [
      {
        key: 'store_shift', weight: 4, employment: [['part_time', 80], ['full_time', 12], ['contract', 8]],
        schedule: (r, full) => anyDay(r, ['09:00', '21:00'], full, [12, 24], ['シフト制', '土日勤務あり']),
        required: [], nice: [['customer_service', 2, 0.6], ['cash_register', 1, 0.6], ['inventory', 1, 0.4]],
        qualifications: [], remote: ONSITE, overtime: CALM,
        facts: { sick_child_absence_ok: 0.4, short_time_allowed: 0.5, school_event_leave: 0.35 },
      },
      {
        key: 'store_weekday', weight: 2, employment: [['part_time', 1]],
        schedule: (r) => fixed(hoursOn(someDays(r, WEEKDAYS, r.int(3, 5)), r.pick<Hours>([['09:00', '14:00'], ['10:00', '15:00'], ['10:00', '14:00']])), ['平日のみ', '扶養内OK']),
        required: [], nice: [['customer_service', 1, 0.5], ['cash_register', 1, 0.5]],
        qualifications: [], remote: ONSITE, overtime: [['none', 1]],
        facts: { ...FAMILY_FRIENDLY, short_time_allowed: 0.6 },
      },
    ],
  },
  food: {
    weight: 10, hourly: [1080, 1350], monthly: [190000, 250000],
    patterns: [
      {
        key: 'school_lunch', weight: 3, employment: [['part_time', 90], ['dispatch', 10]],
        // School-lunch centres cook from early morning and finish by mid-afternoon, weekdays only.
        schedule: (r) => fixed(hoursOn(WEEKDAYS, r.pick<Hours>([['07:30', '13:30'], ['08:00', '14:00'], ['08:00', '15:00']])), ['土日祝休み', '早朝から']),
        required: [['food_prep', 1, 0.4]], nice: [['cooking', 2, 0.5]],
        qualifications: [['cook', 0.15]], remote: ONSITE, overtime: [['none', 1]],
        facts: { ...FAMILY_FRIENDLY, school_event_leave: 0.3 },
      },
      {
        key: 'kitchen_prep', weight: 2, employment: [['part_time', 85], ['dispatch', 15]],
        schedule: (r) => flexible(r, hoursOn(ALL_DAYS, r.pick<Hours>([['06:00', '11:00'], ['09:00', '15:00'], ['10:00', '16:00']])), r.int(2, 4), [10, 20], ['仕込み']),
        required: [], nice: [['cooking', 1, 0.6], ['food_prep', 2, 0.5]],
        qualifications: [['cook', 0.05]], remote: ONSITE, overtime: CALM,
        facts: { sick_child_absence_ok: 0.45, short_time_allowed: 0.6 },
      },
    ],
  },
  call_center: {
    weight: 8, hourly: [1250, 1600], monthly: [200000, 260000],
    patterns: [
      {
        key: 'inbound', weight: 3, employment: [['part_time', 45], ['contract', 30], ['dispatch', 20], ['full_time', 5]],
        schedule(r, full) {
          const days = r.chance(0.4) ? [1, 2, 3, 4, 5, 6] : [...WEEKDAYS];
          return flexible(r, on(days, '09:00', '18:00'), full ? 5 : 3, full ? [35, 40] : [12, 24], ['シフト自由', '研修あり']);
        },
        required: [['phone_reception', 1, 0.5], ['pc_basic', 1, 0.7]], nice: [['customer_service', 2, 0.5], ['data_entry', 1, 0.4]],
        qualifications: [], remote: [['none', 55], ['hybrid', 30], ['full', 15]], overtime: CALM,
        facts: { sick_child_absence_ok: 0.6, short_time_allowed: 0.55, school_event_leave: 0.5, childcare_subsidy: 0.08 },
      },
      {
        key: 'outbound_support', weight: 1, employment: [['part_time', 85], ['dispatch', 15]],
        schedule: (r) => fixed(on(someDays(r, WEEKDAYS, r.int(3, 5)), '10:00', '15:00'), ['10:00〜15:00', '土日休み']),
        required: [['pc_basic', 1, 0.6]], nice: [['phone_reception', 2, 0.6]],
        qualifications: [], remote: [['none', 70], ['hybrid', 30]], overtime: [['none', 1]],
        facts: FAMILY_FRIENDLY,
      },
    ],
  },
  accounting: {
    weight: 7, hourly: [1250, 1700], monthly: [220000, 320000],
    patterns: [
      {
        key: 'bookkeeping', weight: 3, employment: [['part_time', 45], ['full_time', 35], ['contract', 15], ['dispatch', 5]],
        schedule: (r, full) => weekdayShift(r, full, [['09:00', '15:00'], ['09:30', '16:00'], ['10:00', '16:00']], ['09:00', '17:30']),
        required: [['bookkeeping', 2, 0.8], ['excel', 2, 0.6]], nice: [['payroll', 1, 0.4], ['pc_basic', 2, 0.3]],
        qualifications: [['bookkeeping_2', 0.3], ['bookkeeping_3', 0.3]], remote: [['none', 70], ['hybrid', 25], ['full', 5]],
        overtime: [['none', 35], ['occasional', 60], ['regular', 5]],
        facts: { ...FAMILY_FRIENDLY, short_time_allowed: 0.55 },
      },
      {
        key: 'tax_office', weight: 1.5, employment: [['part_time', 50], ['full_time', 40], ['contract', 10]],
        schedule: (r, full) => flexible(r, on(WEEKDAYS, '08:30', '18:00'), full ? 5 : 3, full ? [35, 40] : [15, 25], ['繁忙期以外は残業なし']),
        required: [['bookkeeping', 2, 0.9]], nice: [['payroll', 2, 0.4], ['excel', 2, 0.5]],
        qualifications: [['bookkeeping_2', 0.45], ['bookkeeping_3', 0.25]], remote: [['none', 60], ['hybrid', 40]],
        overtime: [['occasional', 80], ['regular', 20]],
        facts: { ...FAMILY_FRIENDLY, school_event_leave: 0.5 },
      },
    ],
  },
  it_web: {
    weight: 6, hourly: [1400, 1800], monthly: [240000, 320000],
    patterns: [
      {
        key: 'web_production', weight: 2, employment: [['part_time', 30], ['contract', 25], ['full_time', 25], ['freelance', 20]],
        schedule: (r, full) => flexible(r, on(WEEKDAYS, '08:00', '20:00'), full ? 5 : r.int(3, 4), full ? [35, 40] : [15, 30], ['フルフレックス']),
        required: [['web_design', 2, 0.7]], nice: [['writing', 2, 0.4], ['programming', 1, 0.4]],
        qualifications: [], remote: [['full', 40], ['hybrid', 40], ['none', 20]], overtime: CALM,
        facts: { sick_child_absence_ok: 0.7, short_time_allowed: 0.7, school_event_leave: 0.6 },
      },
      {
        key: 'developer', weight: 2, employment: [['full_time', 40], ['contract', 25], ['freelance', 20], ['part_time', 15]],
        schedule: (r, full) => flexible(r, on(WEEKDAYS, '08:00', '20:00'), full ? 5 : 4, full ? [35, 40] : [20, 30], ['リモート中心']),
        required: [['programming', 2, 0.8]], nice: [['english', 1, 0.3], ['web_design', 1, 0.3]],
        qualifications: [['it_passport', 0.05]], remote: [['full', 45], ['hybrid', 45], ['none', 10]],
        overtime: [['none', 40], ['occasional', 55], ['regular', 5]],
        facts: { sick_child_absence_ok: 0.65, short_time_allowed: 0.6, school_event_leave: 0.5, childcare_subsidy: 0.15 },
      },
      {
        key: 'it_support', weight: 1, employment: [['part_time', 40], ['dispatch', 30], ['contract', 30]],
        schedule: (r, full) => weekdayShift(r, full, [['09:00', '16:00'], ['10:00', '16:00']], ['09:00', '18:00']),
        required: [['pc_basic', 3, 0.7]], nice: [['phone_reception', 2, 0.4], ['excel', 2, 0.3]],
        qualifications: [['it_passport', 0.15]], remote: [['none', 50], ['hybrid', 50]], overtime: CALM,
        facts: FAMILY_FRIENDLY,
      },
    ],
  },
  manufacturing: {
    weight: 8, hourly: [1100, 1450], monthly: [200000, 270000],
    patterns: [
      {
        key: 'line_work', weight: 3, employment: [['part_time', 50], ['full_time', 25], ['dispatch', 15], ['contract', 10]],
        schedule: (r, full) => weekdayShift(r, full, [['09:00', '15:00'], ['08:30', '14:30'], ['09:00', '16:00']], ['08:30', '17:15']),
        required: [], nice: [['quality_check', 1, 0.5], ['machine_operation', 1, 0.4]],
        qualifications: [], remote: ONSITE, overtime: [['none', 40], ['occasional', 45], ['regular', 15]],
        facts: { sick_child_absence_ok: 0.4, short_time_allowed: 0.35, school_event_leave: 0.35, relocation_housing: 0.1, relocation_moving_costs: 0.06 },
      },
      {
        key: 'warehouse', weight: 1.5, employment: [['part_time', 55], ['full_time', 25], ['dispatch', 20]],
        schedule: (r, full) => weekdayShift(r, full, [['09:00', '15:00'], ['10:00', '16:00']], ['08:00', '17:00']),
        required: [['inventory', 1, 0.4]], nice: [['quality_check', 1, 0.3]],
        qualifications: [['forklift', 0.35]], remote: ONSITE, overtime: [['none', 40], ['occasional', 60]],
        facts: { sick_child_absence_ok: 0.35, short_time_allowed: 0.3, relocation_housing: 0.12 },
      },
    ],
  },
};

export const CATEGORY_WEIGHTS = Object.entries(TRADES).map(
  ([key, trade]) => [key as SeededCategory, trade.weight] as const,
);
