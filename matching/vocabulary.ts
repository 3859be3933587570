/**
 * The normalised vocabulary both sides of a match use: job categories, employment types,
 * flexibility facts, skill tags and qualifications, each with its Japanese and English label.
 * Labels live here because explanations are written from them; the API validates against the keys.
 */
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
};

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

export const SKILLS: Record<string, Label> = {
  pc_basic: { ja: 'パソコン基本操作', en: 'Basic computer use' },
  excel: { ja: 'Excel', en: 'Excel' },
  word: { ja: 'Word', en: 'Word' },
  data_entry: { ja: 'データ入力', en: 'Data entry' },
  phone_reception: { ja: '電話応対', en: 'Phone reception' },
  customer_service: { ja: '接客', en: 'Customer service' },
  cash_register: { ja: 'レジ操作', en: 'Cash register' },
  bookkeeping: { ja: '簿記・記帳', en: 'Bookkeeping' },
  payroll: { ja: '給与計算', en: 'Payroll' },
  medical_billing: { ja: 'レセプト業務', en: 'Medical billing (receipts)' },
  caregiving: { ja: '身体介護', en: 'Personal care' },
  childcare: { ja: '保育', en: 'Childcare' },
  cooking: { ja: '調理', en: 'Cooking' },
  food_prep: { ja: '仕込み・盛り付け', en: 'Food preparation' },
  inventory: { ja: '品出し・在庫管理', en: 'Stock handling' },
  sales: { ja: '営業', en: 'Sales' },
  web_design: { ja: 'Webデザイン', en: 'Web design' },
  programming: { ja: 'プログラミング', en: 'Programming' },
  writing: { ja: 'ライティング', en: 'Writing' },
  quality_check: { ja: '検品', en: 'Quality inspection' },
  machine_operation: { ja: '機械オペレーション', en: 'Machine operation' },
  english: { ja: '英語', en: 'English' },
};

export const QUALIFICATIONS: Record<string, Label> = {
  driver_license: { ja: '普通自動車免許', en: "Driver's licence" },
  care_initial_training: { ja: '介護職員初任者研修', en: 'Care worker initial training' },
  care_practical_training: { ja: '介護福祉士実務者研修', en: 'Care worker practical training' },
  certified_care_worker: { ja: '介護福祉士', en: 'Certified care worker' },
  bookkeeping_2: { ja: '日商簿記2級', en: 'Bookkeeping level 2 (JCCI)' },
  bookkeeping_3: { ja: '日商簿記3級', en: 'Bookkeeping level 3 (JCCI)' },
  medical_clerk: { ja: '医療事務', en: 'Medical office certificate' },
  childcare_worker: { ja: '保育士', en: 'Licensed childcare worker' },
  cook: { ja: '調理師', en: 'Licensed cook' },
  mos: { ja: 'MOS', en: 'Microsoft Office Specialist' },
  it_passport: { ja: 'ITパスポート', en: 'IT Passport' },
  forklift: { ja: 'フォークリフト運転技能', en: 'Forklift operation' },
};

export const SKILL_LEVELS: Record<1 | 2 | 3, Label> = {
  1: { ja: '基礎', en: 'basic' },
  2: { ja: '実務経験あり', en: 'experienced' },
  3: { ja: '指導できる', en: 'expert' },
};
