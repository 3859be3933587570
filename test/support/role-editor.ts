/**
 * The role editor as page tests post and read it: a complete form as a browser sends it, and the
 * error shown in one row of its weekly grid.
 */

/** A complete role editor form, as a browser sends it (blank fields included). */
export function roleForm(
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    title: '訪問介護スタッフ（週3日・9時〜15時）',
    description: '日中の訪問介護です。急なお休みにも対応します。',
    category: 'care',
    employmentType: 'part_time',
    'pay.unit': 'hour',
    'pay.min': '１，２５０',
    'pay.max': '1400',
    'schedule.kind': 'fixed',
    'week.mon.0.start': '09:00',
    'week.mon.0.end': '15:00',
    'week.wed.0.start': '09:00',
    'week.wed.0.end': '15:00',
    'schedule.minHoursPerWeek': '',
    'schedule.minDaysPerWeek': '',
    overtime: 'none',
    'remote.mode': 'none',
    'remote.officeDaysPerWeek': '',
    'locations.0.prefCode': '14',
    'locations.0.name': '港北区',
    'locations.0.label': '港北ステーション',
    'locations.1.prefCode': '',
    'locations.1.name': '',
    'skill.caregiving': 'required:1',
    'skill.pc_basic': 'nice:2',
    'skill.excel': '',
    requiredQualifications: ['care_initial_training'],
    'facts.sick_child_absence_ok': 'yes',
    'facts.onsite_nursery': 'no',
    'facts.short_time_allowed': '',
    startDate: '',
    ...overrides,
  };
}

/** The error shown in one row of the weekly grid. */
export function gridError(html: string, cell: string): string | undefined {
  const id = `f-${cell.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  return new RegExp(`id="${id}"(?:(?!day-row)[\\s\\S])*?class="field-error">([^<]*)<`).exec(html)?.[1];
}
