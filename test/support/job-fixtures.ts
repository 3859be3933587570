/**
 * A small, realistic set of roles for search tests, each built from the shared role input with
 * the fields that make it distinct, and a helper that posts and publishes them through the API.
 */
import type { Account, TestApp } from './test-app.ts';
import { roleInput } from './test-app.ts';

const weekdays = (start: string, end: string, days = ['mon', 'tue', 'wed', 'thu', 'fri']) =>
  days.map((day) => ({ day, start, end }));

export const JOB_FIXTURES = {
  office: roleInput({
    title: '一般事務スタッフ（扶養内・9時〜15時）',
    description: '書類の作成やデータ入力、電話応対をお願いします。子育て中のスタッフが活躍中です。',
    category: 'office',
    requiredQualifications: [],
    skills: { required: [{ tag: 'pc_basic', level: 1 }], niceToHave: [{ tag: 'excel', level: 1 }] },
    pay: { min: 1200, unit: 'hour' },
    schedule: { kind: 'fixed', shifts: weekdays('09:00', '15:00') },
    locations: [{ areaCode: '141097' }],
    details: {
      commuteAllowance: { kind: 'full' },
      socialInsurance: 'conditional',
      holidays: '土日祝休み、年末年始休暇',
      access: '東急東横線「大倉山駅」徒歩5分',
      openings: 2,
      trialPeriod: { months: 3, note: '期間中も時給は同じです' },
      dressCode: 'オフィスカジュアル',
      withinDependentOk: true,
    },
  }),
  medical: roleInput({
    title: '医療事務（クリニック受付）',
    description: '内科クリニックでの受付と会計、レセプト業務です。未経験の方も丁寧にお教えします。',
    category: 'medical_office',
    requiredQualifications: [],
    skills: {
      required: [{ tag: 'customer_service', level: 1 }],
      niceToHave: [{ tag: 'medical_billing', level: 1 }],
    },
    pay: { min: 1150, unit: 'hour' },
    schedule: {
      kind: 'fixed',
      shifts: [...weekdays('09:00', '13:00', ['mon', 'wed']), { day: 'sat', start: '09:00', end: '13:00' }],
    },
    weekendWork: true,
    locations: [{ areaCode: '141046' }],
    details: { commuteAllowance: { kind: 'capped', capYenPerMonth: 10000 }, inexperiencedOk: true },
  }),
  accounting: roleInput({
    title: '経理スタッフ（月次決算・正社員）',
    description: '仕訳入力から月次決算まで担当していただきます。日商簿記2級をお持ちの方歓迎。',
    category: 'accounting',
    employmentType: 'full_time',
    requiredQualifications: ['bookkeeping_2'],
    skills: { required: [{ tag: 'bookkeeping', level: 2 }], niceToHave: [{ tag: 'excel', level: 2 }] },
    pay: { min: 250000, max: 300000, unit: 'month' },
    schedule: { kind: 'fixed', shifts: weekdays('09:00', '17:00') },
    facts: { school_event_leave: true },
    locations: [{ areaCode: '141305' }],
    details: { commuteAllowance: { kind: 'capped', capYenPerMonth: 30000 }, socialInsurance: 'yes' },
  }),
  care: roleInput({
    title: '訪問介護ヘルパー（福岡市・時間相談可）',
    description: 'ご利用者様のご自宅での生活援助と身体介護です。直行直帰OK、1日2時間から働けます。',
    category: 'care',
    pay: { min: 1300, unit: 'hour' },
    schedule: {
      kind: 'flexible',
      windows: weekdays('08:00', '18:00'),
      minHoursPerWeek: 8,
      minDaysPerWeek: 2,
    },
    locations: [{ areaCode: '401307' }],
    details: { inexperiencedOk: true, withinDependentOk: true },
  }),
  callCenter: roleInput({
    title: 'お客様サポート（完全在宅・短時間OK）',
    description: 'ご自宅からパソコンとヘッドセットでお問い合わせに対応します。研修もオンラインです。',
    category: 'call_center',
    requiredQualifications: [],
    skills: { required: [{ tag: 'phone_reception', level: 1 }], niceToHave: [] },
    pay: { min: 1100, unit: 'hour' },
    schedule: {
      kind: 'flexible',
      windows: weekdays('09:00', '18:00'),
      minHoursPerWeek: 10,
      minDaysPerWeek: 3,
    },
    remote: { mode: 'full' },
    locations: [],
    facts: { short_time_allowed: true, sick_child_absence_ok: true },
    details: { commuteAllowance: { kind: 'none' }, withinDependentOk: true },
  }),
  web: roleInput({
    title: 'Webサイト更新担当（週1出社）',
    description: '自社サイトとECサイトの更新、バナー作成をお願いします。HTMLとCSSの経験がある方。',
    category: 'it_web',
    employmentType: 'contract',
    requiredQualifications: [],
    skills: { required: [{ tag: 'web_design', level: 2 }], niceToHave: [{ tag: 'programming', level: 1 }] },
    pay: { min: 300000, unit: 'month' },
    schedule: { kind: 'fixed', shifts: weekdays('10:00', '17:00') },
    remote: { mode: 'hybrid', officeDaysPerWeek: 1 },
    locations: [{ areaCode: '131130' }],
  }),
};

export type FixtureName = keyof typeof JOB_FIXTURES;

/** Posts and publishes every fixture; returns the role id of each. */
export async function publishFixtures(t: TestApp, employer: Account): Promise<Record<FixtureName, string>> {
  const ids = {} as Record<FixtureName, string>;
  for (const [name, body] of Object.entries(JOB_FIXTURES) as [FixtureName, unknown][]) {
    const created = await t.call('POST', '/api/roles', { token: employer.token, body });
    if (created.status !== 201) throw new Error(`${name}: ${created.status} ${created.text}`);
    const published = await t.call('POST', `/api/roles/${created.json.id}/publish`, {
      token: employer.token,
    });
    if (published.status !== 200) throw new Error(`${name}: publish ${published.status} ${published.text}`);
    ids[name] = created.json.id;
  }
  return ids;
}
