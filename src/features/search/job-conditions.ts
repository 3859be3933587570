/**
 * The conditions a mother filters on (時短OK, 急な休みOK, 残業なし, 土日休み, 〜15時まで …): one
 * owner for what each means. Each is derived from structured role data — a stated fact, the
 * schedule, a job detail — never from words in the ad, so 「託児所なし」 in a description can
 * never tick 託児所あり. The search document carries them as a list (filtered and counted as a
 * facet by the engine) and the database's search rows as bits of one integer (filtered and counted
 * while the engine is away); `conditionsOf` and `conditionBitsSql` are the two spellings of the
 * same rules, and test/search-rows.test.ts checks they agree on every fixture.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Role } from '../roles/role.schemas.ts';
import { minutesOf, WEEKDAYS } from '../shared/schedule.schemas.ts';

/** Each condition with its bit in `role_search_rows.conditions` (never renumber: rows keep them). */
export const JOB_CONDITIONS = {
  short_time: { bit: 1, ja: '時短OK', en: 'Shorter hours OK' },
  sick_child: { bit: 2, ja: '急な休みOK（子どもの発熱）', en: 'Same-day absence for a sick child' },
  no_overtime: { bit: 4, ja: '残業なし', en: 'No overtime' },
  weekends_off: { bit: 8, ja: '土日休み', en: 'Weekends off' },
  few_days: { bit: 16, ja: '週2〜3日から', en: 'From 2–3 days a week' },
  short_days: { bit: 32, ja: '1日4時間以内', en: 'Up to 4 hours a day' },
  ends_by_15: { bit: 64, ja: '15時までに終わる', en: 'Finishes by 15:00' },
  ends_by_17: { bit: 128, ja: '17時までに終わる', en: 'Finishes by 17:00' },
  inexperienced_ok: { bit: 256, ja: '未経験OK', en: 'No experience needed' },
  remote: { bit: 512, ja: '在宅・一部在宅', en: 'Remote or hybrid' },
  childcare: { bit: 1024, ja: '託児所・保育手当あり', en: 'Nursery or childcare allowance' },
  commute_paid: { bit: 2048, ja: '交通費支給', en: 'Commuting costs paid' },
  social_insurance: { bit: 4096, ja: '社会保険あり', en: 'Social insurance' },
  within_dependent: { bit: 8192, ja: '扶養内OK', en: 'Within the dependant limit' },
} as const;

export type JobCondition = keyof typeof JOB_CONDITIONS;
export const JOB_CONDITION_KEYS = Object.keys(JOB_CONDITIONS) as [JobCondition, ...JobCondition[]];

/** 週2〜3日から: a role asking for at most this many days a week. */
const FEW_DAYS = 3;
/** 1日4時間以内: a working day of at most this many minutes. */
const SHORT_DAY_MINUTES = 240;

/** The bits of a list of conditions, as the database stores them. */
export function conditionMask(conditions: readonly JobCondition[]): number {
  return conditions.reduce((mask, c) => mask | JOB_CONDITIONS[c].bit, 0);
}

/** The conditions a bit mask holds, in the fixed order. */
export function conditionsOfMask(mask: number): JobCondition[] {
  return JOB_CONDITION_KEYS.filter((c) => (mask & JOB_CONDITIONS[c].bit) !== 0);
}

/**
 * The longest working day she must do and the latest time she must work until.
 * Fixed shifts: the longest day's worked minutes (breaks out) and the last shift's end. Flexible
 * hours: the week's minimum spread over every day with a window (or the role's shortest day, if
 * longer), and on each day that many minutes from the window's opening — so a role open 9–18
 * asking 4 h a day can finish at 13:00.
 */
export function dayShape(schedule: Role['schedule']): { dayMinutes: number; finish: number } {
  const windows = schedule.kind === 'fixed' ? schedule.shifts : schedule.windows;
  const days = new Map<number, { start: number; end: number; worked: number }>();
  for (const w of windows) {
    const day = WEEKDAYS.indexOf(w.day);
    const start = minutesOf(w.start);
    const end = minutesOf(w.end);
    const br = 'breakMinutes' in w && typeof w.breakMinutes === 'number' ? w.breakMinutes : 0;
    const was = days.get(day);
    days.set(day, {
      start: Math.min(was?.start ?? start, start),
      end: Math.max(was?.end ?? end, end),
      worked: (was?.worked ?? 0) + end - start - br,
    });
  }
  const perDay = [...days.values()];
  if (schedule.kind === 'fixed') {
    return {
      dayMinutes: Math.max(0, ...perDay.map((d) => d.worked)),
      finish: Math.max(0, ...perDay.map((d) => d.end)),
    };
  }
  const dayMinutes = Math.max(
    (schedule.minHoursPerDay ?? 0) * 60,
    (schedule.minHoursPerWeek * 60) / Math.max(1, perDay.length),
  );
  return {
    dayMinutes,
    finish: Math.max(0, ...perDay.map((d) => Math.min(d.end, d.start + dayMinutes))),
  };
}

/**
 * The conditions a role meets.
 * @example conditionsOf(role) // ['short_time', 'no_overtime', 'weekends_off', 'ends_by_17', …]
 */
export function conditionsOf(role: Role): JobCondition[] {
  const fact = (name: keyof Role['facts']) => role.facts[name]?.available === true;
  const windows = role.schedule.kind === 'fixed' ? role.schedule.shifts : role.schedule.windows;
  const days = new Set(windows.map((w) => w.day));
  const daysPerWeek = role.schedule.kind === 'fixed' ? days.size : role.schedule.minDaysPerWeek;
  const { dayMinutes, finish } = dayShape(role.schedule);
  const details = role.details;
  const met: Record<JobCondition, boolean> = {
    short_time: fact('short_time_allowed'),
    sick_child: fact('sick_child_absence_ok'),
    no_overtime: role.overtime === 'none',
    weekends_off: !role.weekendWork && !days.has('sat') && !days.has('sun'),
    few_days: daysPerWeek <= FEW_DAYS,
    short_days: dayMinutes <= SHORT_DAY_MINUTES,
    ends_by_15: finish <= 15 * 60,
    ends_by_17: finish <= 17 * 60,
    inexperienced_ok: details.inexperiencedOk === true,
    remote: role.remote.mode !== 'none',
    childcare: fact('onsite_nursery') || fact('childcare_subsidy'),
    commute_paid: details.commuteAllowance?.kind === 'full' || details.commuteAllowance?.kind === 'capped',
    social_insurance: details.socialInsurance === 'yes',
    within_dependent: details.withinDependentOk === true,
  };
  return JOB_CONDITION_KEYS.filter((c) => met[c]);
}

/**
 * The same rules in SQL, for the role `r` (a `job_roles` row): an integer of the conditions' bits.
 * Migration 0020 holds a frozen copy of this expression to fill the rows that existed before it.
 */
export function conditionBitsSql(): RawBuilder<number> {
  const b = (c: JobCondition) => sql.lit(JOB_CONDITIONS[c].bit);
  const fact = (...names: string[]) =>
    sql`EXISTS (SELECT 1 FROM role_facts f WHERE f.role_id = r.id AND f.available = 1 AND f.fact IN (${sql.join(names.map((n) => sql.lit(n)))}))`;
  // Per day: the first start, the last end and the worked minutes.
  const perDay = sql`(SELECT day, MIN(start_minute) AS s, MAX(end_minute) AS e,
      SUM(end_minute - start_minute - break_minutes) AS worked
    FROM role_windows WHERE role_id = r.id GROUP BY day)`;
  const windowDays = sql`(SELECT COUNT(DISTINCT day) FROM role_windows WHERE role_id = r.id)`;
  const flexDay = sql`MAX(COALESCE(r.min_hours_per_day, 0) * 60.0,
      COALESCE(r.min_hours_per_week, 0) * 60.0 / MAX(1, ${windowDays}))`;
  const dayMinutes = sql`(CASE r.schedule_kind WHEN 'fixed'
      THEN (SELECT COALESCE(MAX(worked), 0) FROM ${perDay}) ELSE ${flexDay} END)`;
  const finish = sql`(CASE r.schedule_kind WHEN 'fixed'
      THEN (SELECT COALESCE(MAX(e), 0) FROM ${perDay})
      ELSE (SELECT COALESCE(MAX(MIN(e, s + ${flexDay})), 0) FROM ${perDay}) END)`;
  const daysPerWeek = sql`(CASE r.schedule_kind WHEN 'fixed' THEN ${windowDays} ELSE r.min_days_per_week END)`;
  return sql<number>`(
      (CASE WHEN ${fact('short_time_allowed')} THEN ${b('short_time')} ELSE 0 END)
    | (CASE WHEN ${fact('sick_child_absence_ok')} THEN ${b('sick_child')} ELSE 0 END)
    | (CASE WHEN r.overtime = 'none' THEN ${b('no_overtime')} ELSE 0 END)
    | (CASE WHEN r.weekend_work = 0 AND NOT EXISTS (SELECT 1 FROM role_windows w WHERE w.role_id = r.id AND w.day >= 6)
        THEN ${b('weekends_off')} ELSE 0 END)
    | (CASE WHEN ${daysPerWeek} <= ${sql.lit(FEW_DAYS)} THEN ${b('few_days')} ELSE 0 END)
    | (CASE WHEN ${dayMinutes} <= ${sql.lit(SHORT_DAY_MINUTES)} THEN ${b('short_days')} ELSE 0 END)
    | (CASE WHEN ${finish} <= 900 THEN ${b('ends_by_15')} ELSE 0 END)
    | (CASE WHEN ${finish} <= 1020 THEN ${b('ends_by_17')} ELSE 0 END)
    | (CASE WHEN r.inexperienced_ok = 1 THEN ${b('inexperienced_ok')} ELSE 0 END)
    | (CASE WHEN r.remote_mode <> 'none' THEN ${b('remote')} ELSE 0 END)
    | (CASE WHEN ${fact('onsite_nursery', 'childcare_subsidy')} THEN ${b('childcare')} ELSE 0 END)
    | (CASE WHEN r.commute_allowance IN ('full', 'capped') THEN ${b('commute_paid')} ELSE 0 END)
    | (CASE WHEN r.social_insurance = 'yes' THEN ${b('social_insurance')} ELSE 0 END)
    | (CASE WHEN r.within_dependent_ok = 1 THEN ${b('within_dependent')} ELSE 0 END))`;
}
