/**
 * Request bodies the tests send (a realistic organisation, role and member profile) and the test
 * password. Plain data with no imports, so the Node tests and the workerd tests share them.
 */

export const TEST_PASSWORD = 'correct horse battery staple';

export function organisationInput(overrides: Record<string, unknown> = {}) {
  return {
    name: '株式会社みなと介護サービス',
    scale: 'local',
    headOfficeAreaCode: '141003',
    description: '横浜市内で訪問介護とデイサービスを運営しています。',
    ...overrides,
  };
}

/** A realistic part-time care role in 横浜市港北区 (141097). */
export function roleInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'デイサービスの介護スタッフ（週3日・9時〜15時）',
    description: '送迎のない日勤のみのお仕事です。子育て中のスタッフが多く、急なお休みにも対応します。',
    category: 'care',
    employmentType: 'part_time',
    pay: { min: 1250, max: 1400, unit: 'hour' },
    schedule: {
      kind: 'fixed',
      shifts: [
        { day: 'mon', start: '09:00', end: '15:00' },
        { day: 'wed', start: '09:00', end: '15:00' },
        { day: 'fri', start: '09:00', end: '15:00' },
      ],
    },
    overtime: 'none',
    weekendWork: false,
    nightWork: false,
    remote: { mode: 'none' },
    locations: [{ areaCode: '141097', label: '港北デイサービスセンター' }],
    skills: { required: [{ tag: 'caregiving', level: 1 }], niceToHave: [{ tag: 'pc_basic', level: 1 }] },
    requiredQualifications: ['care_initial_training'],
    otherRequiredQualifications: [],
    facts: { sick_child_absence_ok: true, short_time_allowed: true, school_event_leave: true },
    details: {
      commuteAllowance: { kind: 'capped', capYenPerMonth: 15000 },
      socialInsurance: 'conditional',
      holidays: '土日祝休み、夏季・年末年始休暇',
      access: '東急東横線「大倉山駅」徒歩7分',
      openings: 2,
      trialPeriod: { months: 2 },
      dressCode: '動きやすい服装（制服貸与）',
    },
    ...overrides,
  };
}

/** A realistic member profile: lives in 横浜市港北区, one child at nursery, free on weekdays 8:30–16:30 (commute included). */
export function memberProfileInput(overrides: Record<string, unknown> = {}) {
  return {
    familyName: '佐藤',
    givenName: '美咲',
    phone: '090-1234-5678',
    areaCode: '141097',
    targetAreas: [{ areaCode: '400009', needsRelocationSupport: true }],
    availability: {
      windows: [
        { day: 'mon', start: '08:30', end: '16:30' },
        { day: 'tue', start: '08:30', end: '16:30' },
        { day: 'wed', start: '08:30', end: '16:30' },
        { day: 'thu', start: '08:30', end: '16:30' },
        { day: 'fri', start: '08:30', end: '16:30' },
      ],
      maxHoursPerWeek: 25,
      earliestStartDate: '2027-01-05',
    },
    commute: { maxMinutes: 30, mode: 'transit' },
    children: [{ birthYear: 2022, birthMonth: 6 }],
    skills: [
      { tag: 'caregiving', level: 2 },
      { tag: 'pc_basic', level: 2 },
    ],
    qualifications: ['care_initial_training', 'driver_license'],
    pay: { floor: { amount: 1100, unit: 'hour' }, wish: { amount: 1300, unit: 'hour' } },
    employmentTypes: ['part_time', 'contract'],
    remoteWish: 'no_preference',
    privacy: { hideMunicipality: false, blockedOrganisationIds: [] },
    ...overrides,
  };
}
