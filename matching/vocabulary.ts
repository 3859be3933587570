/**
 * The normalised vocabulary both sides of a match use: job categories, employment types,
 * flexibility facts, skill tags and qualifications, each with its Japanese and English label.
 * Labels live here because explanations are written from them; the API validates against the keys.
 * Skills and qualifications are maintained as data in terms/ (with readings and aliases); this file
 * derives the label records and look-ups from them.
 */
import { termIndex } from './terms/lookup.ts';
import { QUALIFICATION_DATA } from './terms/qualifications.ts';
import { SKILL_DATA } from './terms/skills.ts';
import type { EmploymentType, FlexibilityFact, JobCategory } from './types.ts';

export interface Label {
  ja: string;
  en: string;
}

export const JOB_CATEGORIES: Record<JobCategory, Label> = {
  care: { ja: '介護', en: 'Care work' },
  office: { ja: '一般事務', en: 'Office work' },
  medical_office: { ja: '医療事務', en: 'Medical office' },
  childcare_assistant: { ja: '保育補助', en: 'Childcare assistant' },
  retail: { ja: '販売', en: 'Retail' },
  food: { ja: '調理', en: 'Kitchen / cooking' },
  call_center: { ja: 'コールセンター', en: 'Call centre' },
  accounting: { ja: '経理', en: 'Accounting' },
  it_web: { ja: 'IT・Web', en: 'IT / Web' },
  manufacturing: { ja: '製造', en: 'Manufacturing' },
  nursing: { ja: '看護', en: 'Nursing' },
  childcare: { ja: '保育', en: 'Childcare' },
  cleaning: { ja: '清掃', en: 'Cleaning' },
  delivery: { ja: '配送・ドライバー', en: 'Delivery / driving' },
  logistics: { ja: '倉庫・軽作業', en: 'Warehouse / light work' },
  hospitality: { ja: '宿泊・ホテル', en: 'Hotels and inns' },
  agriculture: { ja: '農業', en: 'Farming' },
  sales: { ja: '営業', en: 'Sales' },
  restaurant: { ja: '飲食・ホール', en: 'Restaurant floor' },
  welfare: { ja: '相談・福祉支援', en: 'Social support' },
  creative: { ja: '企画・クリエイティブ', en: 'Marketing / creative' },
  education: { ja: '教育・講師', en: 'Education / teaching' },
};

/** Every job category, in one fixed order (the order per-category arrays use). */
export const JOB_CATEGORY_KEYS = Object.keys(JOB_CATEGORIES) as [JobCategory, ...JobCategory[]];

export const EMPLOYMENT_TYPES: Record<EmploymentType, Label> = {
  full_time: { ja: '正社員', en: 'Full-time employee' },
  contract: { ja: '契約社員', en: 'Contract employee' },
  part_time: { ja: 'パート・アルバイト', en: 'Part-time' },
  dispatch: { ja: '派遣社員', en: 'Agency (dispatch)' },
  freelance: { ja: '業務委託', en: 'Freelance contract' },
};

export const FLEXIBILITY_FACTS: Record<FlexibilityFact, Label> = {
  short_time_allowed: { ja: '時短勤務OK', en: 'Shorter hours allowed' },
  sick_child_absence_ok: { ja: '子どもの急な発熱で当日休みOK', en: 'Same-day absence for a sick child' },
  school_event_leave: { ja: '学校行事で休みやすい', en: 'Leave for school events' },
  onsite_nursery: { ja: '社内託児所あり', en: 'On-site nursery' },
  childcare_subsidy: { ja: '保育料補助あり', en: 'Childcare subsidy' },
  relocation_housing: { ja: '住宅支援あり（移住）', en: 'Housing support for relocation' },
  relocation_moving_costs: { ja: '引越し費用補助あり', en: 'Moving costs covered' },
};

/** Every flexibility fact, in one fixed order (the order scoring arrays use). */
export const FLEXIBILITY_FACT_KEYS = Object.keys(FLEXIBILITY_FACTS) as [
  FlexibilityFact,
  ...FlexibilityFact[],
];

/** Skill tags and their labels, from the data file (terms/skills.ts). */
export const SKILLS: Record<string, Label> = Object.fromEntries(
  SKILL_DATA.map((s) => [s.key, { ja: s.ja, en: s.en }]),
);

/** Qualification keys and their labels, from the data file (terms/qualifications.ts). */
export const QUALIFICATIONS: Record<string, Label> = Object.fromEntries(
  QUALIFICATION_DATA.map((q) => [q.key, { ja: q.ja, en: q.en }]),
);

/** Every name of a qualification (label, reading, aliases, key) → its key. */
export const QUALIFICATION_INDEX = termIndex(QUALIFICATION_DATA);
/** Every name of a skill → its tag. */
export const SKILL_INDEX = termIndex(SKILL_DATA);

/**
 * Each qualification with the ones it also satisfies, transitively (介護福祉士 → 実務者研修 →
 * 初任者研修), so matching reads one flat list.
 */
export const QUALIFICATION_COVERS: Readonly<Record<string, readonly string[]>> = (() => {
  const direct = new Map(QUALIFICATION_DATA.map((q) => [q.key, q.covers ?? []]));
  const out: Record<string, string[]> = {};
  for (const q of QUALIFICATION_DATA) {
    const seen = new Set<string>();
    const stack = [...(q.covers ?? [])];
    while (stack.length) {
      const k = stack.pop() as string;
      if (seen.has(k) || k === q.key) continue;
      if (!direct.has(k)) throw new Error(`vocabulary: ${q.key} covers unknown ${k}`);
      seen.add(k);
      stack.push(...(direct.get(k) ?? []));
    }
    if (seen.size) out[q.key] = [...seen];
  }
  return out;
})();

/**
 * Whether a qualification string is a vocabulary key; anything else is text a person typed that no
 * entry knows (kept as written, and never read as "none required").
 *
 * @example isQualificationKey('nurse') // true
 */
export function isQualificationKey(value: string): boolean {
  return Object.hasOwn(QUALIFICATIONS, value);
}

export const SKILL_LEVELS: Record<1 | 2 | 3, Label> = {
  1: { ja: '基礎', en: 'basic' },
  2: { ja: '実務経験あり', en: 'experienced' },
  3: { ja: '指導できる', en: 'expert' },
};
