/**
 * Her real week, at its edges: worked hours without unpaid breaks (hours, maximum, pay), work windows
 * apart from care limits with the commute between them, remote-only windows, flexible roles with split
 * days, a shortest day and a weekly cap, and the near misses a coordinator should hear about.
 */
import { describe, expect, it } from 'vitest';
import { rankMembersForRole, scorePair } from './rank.ts';
import { renderReason } from './reasons.ts';
import { sentences, violations } from './testing/check.ts';
import {
  careLimits,
  EVALUATION_DATE,
  makeMember,
  makeRole,
  PLACES,
  placeAtCommute,
  WEEKDAYS,
  weekly,
} from './testing/fixtures.ts';
import type { MatchMember, MatchRole, Shift } from './types.ts';

const options = { evaluationDate: EVALUATION_DATE };
const home = PLACES.yokohamaNaka;
const office30 = placeAtCommute(home, 30, 'transit');
const withBreak = (shifts: Shift[], breakMinutes: number): Shift[] =>
  shifts.map((s) => ({ ...s, breakMinutes }));

/** A full-time mother: works 08:30–17:30 on weekdays, family takes the children; 40 hours at most. */
const fullTimer = makeMember({
  home,
  availability: weekly(WEEKDAYS, '08:00', '18:00'),
  maxHoursPerWeek: 40,
  maxCommuteMinutes: 45,
  payFloor: { amount: 1150, unit: 'hour' },
  payWish: undefined,
});
const fullTimeRole = (breakMinutes: number, extra: Partial<MatchRole> = {}): MatchRole =>
  makeRole({
    employmentType: 'full_time',
    pay: { min: 200_000, unit: 'month' },
    locations: [home],
    schedule: { kind: 'fixed', shifts: withBreak(weekly(WEEKDAYS, '08:30', '17:30'), breakMinutes) },
    ...extra,
  });

describe('unpaid breaks are not work', () => {
  it('08:30–17:30 with an hour’s break is 40 worked hours: within a 40-hour maximum', () => {
    expect(violations(fullTimer, fullTimeRole(60))).toEqual([]);
    expect(violations(fullTimer, fullTimeRole(0))).toEqual(['schedule_infeasible', 'pay_below_floor']);
  });
  it('monthly pay converts over worked hours (¥200,000 over 40 h ≈ ¥1,154/h, above a ¥1,150 floor)', () => {
    const relaxed = makeMember({ ...fullTimer, maxHoursPerWeek: 45 });
    expect(violations(relaxed, fullTimeRole(60))).toEqual([]);
    expect(violations(relaxed, fullTimeRole(0))).toEqual(['pay_below_floor']);
  });
  it('reasons show worked hours', () => {
    const said = sentences(makeMember({ ...fullTimer, maxHoursPerWeek: 45 }), fullTimeRole(60));
    expect(said).toContain('週40時間：ご希望の範囲内');
    expect(said).toContain('すべてのシフト（週40時間）に入れます');
  });
});

describe('work windows and care limits are two things', () => {
  // She can work 09:00–17:00; she may leave after the 08:30 drop-off and must be back at 18:00.
  const her = makeMember({
    home,
    availability: weekly(WEEKDAYS, '09:00', '17:00'),
    careLimits: careLimits(WEEKDAYS, '08:30', '18:00'),
    maxHoursPerWeek: 40,
    maxCommuteMinutes: 45,
  });
  const shift = (start: string, end: string, extra: Partial<MatchRole> = {}): MatchRole =>
    makeRole({
      locations: [office30],
      schedule: { kind: 'fixed', shifts: weekly(WEEKDAYS, start, end) },
      ...extra,
    });
  it.each([
    ['09:00 start, 30 min away: she leaves at 08:30, as allowed', '09:00', '17:00', true],
    ['work ending 17:30 is outside her work window', '09:00', '17:30', false],
    ['08:59 start is outside her work window', '08:59', '16:00', false],
  ])('%s', (_l, start, end, ok) => {
    expect(violations(her, shift(start, end)).length === 0).toBe(ok);
  });
  it('the commute is held to her care limits, not her work window', () => {
    const late = makeMember({ ...her, careLimits: careLimits(WEEKDAYS, '08:45', '17:20') });
    const r = scorePair(late, shift('09:00', '16:00'), options);
    expect(r.feasible).toBe(false);
    if (r.feasible) return;
    expect(sentences(late, shift('09:00', '16:00'))[0]).toBe(
      '月曜 9:00〜16:00の勤務では、通勤30分のため8:30に家を出る必要があり、出られる時間（8:45）より早くなります',
    );
    expect(r.infeasible.margins).toEqual([
      { code: 'schedule_infeasible', shortBy: { amount: 15, unit: 'minutes' } },
    ]);
    expect(r.infeasible.nearMiss).toBe(true);
    const homeLate = scorePair(
      makeMember({ ...her, careLimits: careLimits(WEEKDAYS, undefined, '16:20') }),
      shift('09:00', '16:00'),
      options,
    );
    expect(
      homeLate.feasible ? '' : homeLate.infeasible.violations.map((v) => renderReason(v.reason))[0],
    ).toBe('月曜 9:00〜16:00の勤務では、通勤30分で帰宅が16:30になり、帰宅の時間（16:20）に間に合いません');
  });
  it('remote-only windows never admit on-site work, even when they touch an on-site window', () => {
    const evenings = makeMember({
      ...her,
      availability: [
        ...weekly(WEEKDAYS, '09:00', '13:00'),
        ...weekly(WEEKDAYS, '13:00', '16:00').map((w) => ({ ...w, remoteOnly: true })),
      ],
    });
    expect(sentences(evenings, shift('09:00', '15:00'))).toEqual([
      '月曜 9:00〜15:00は在宅のみで働ける時間帯のため、出社の勤務は入れられません',
    ]);
    expect(
      violations(evenings, shift('09:00', '15:00', { remote: { mode: 'full' }, locations: [] })),
    ).toEqual([]);
  });
});

describe('flexible roles', () => {
  const her = makeMember({ home, availability: weekly(WEEKDAYS, '09:00', '18:00'), maxHoursPerWeek: 40 });
  const flex = (extra: Partial<Extract<MatchRole['schedule'], { kind: 'flexible' }>>): MatchRole =>
    makeRole({
      locations: [home],
      schedule: {
        kind: 'flexible',
        // A shop that needs people for the morning and the evening rush, closed in between.
        allowedWindows: [...weekly(WEEKDAYS, '09:00', '12:00'), ...weekly(WEEKDAYS, '15:00', '18:00')],
        minHoursPerWeek: 20,
        minDaysPerWeek: 4,
        ...extra,
      },
    });
  it('split days count both blocks only where the role allows them', () => {
    // One block: at most 3 h a day × 5 = 15 h < 20 h. Split: 6 h a day.
    expect(violations(her, flex({}))).toEqual(['schedule_infeasible']);
    expect(violations(her, flex({ splitDaysAllowed: true }))).toEqual([]);
  });
  it('a day shorter than the role’s shortest day does not count', () => {
    expect(violations(her, flex({ splitDaysAllowed: true, minHoursPerDay: 6 }))).toEqual([]);
    expect(violations(her, flex({ splitDaysAllowed: true, minHoursPerDay: 6.5 }))).toEqual([
      'schedule_infeasible',
    ]);
  });
  it('the role’s maximum hours cap the hours and the pay expected', () => {
    const capped = scorePair(
      her,
      flex({ splitDaysAllowed: true, preferredHoursPerWeek: 30, maxHoursPerWeek: 24 }),
      options,
    );
    expect(capped.feasible && capped.match.reasons.map((r) => renderReason(r))).toContain(
      '週24時間：ご希望の範囲内',
    );
  });
});

describe('near misses', () => {
  const pool = (role: MatchRole, members: MatchMember[]) =>
    rankMembersForRole(role, members, { ...options, includeInfeasible: false });
  const role = makeRole({
    locations: [office30],
    schedule: { kind: 'fixed', shifts: weekly(WEEKDAYS, '09:00', '15:00') },
  });
  const base = { home, availability: weekly(WEEKDAYS, '09:00', '15:00'), maxHoursPerWeek: 30 };
  const members = [
    // 4 minutes over is within the estimate's uncertainty (kept, penalised: criteria/commute.test.ts);
    // 10 over between two ward centres is not, and is a near miss.
    makeMember({ ...base, id: 'm-commute-10-over', maxCommuteMinutes: 20 }),
    makeMember({ ...base, id: 'm-commute-25-over', maxCommuteMinutes: 5 }),
    makeMember({ ...base, id: 'm-hours-2-over', maxCommuteMinutes: 45, maxHoursPerWeek: 28 }),
    makeMember({
      ...base,
      id: 'm-window-15-short',
      maxCommuteMinutes: 45,
      availability: weekly(WEEKDAYS, '09:15', '15:00'),
    }),
    makeMember({
      ...base,
      id: 'm-window-16-short',
      maxCommuteMinutes: 45,
      availability: weekly(WEEKDAYS, '09:16', '15:00'),
    }),
    makeMember({ ...base, id: 'm-qualification', maxCommuteMinutes: 26, qualifications: [] }),
  ];
  const licensed = { ...role, requiredQualifications: ['driver_license'] };
  it('lists pairs missed by a small margin apart, with what is missing and by how much', () => {
    const ranking = pool(licensed, members);
    expect(ranking.ranked).toEqual([]);
    expect(ranking.nearMisses.map((n) => [n.memberId, n.margins.map((m) => m.shortBy)])).toEqual([
      ['m-hours-2-over', [{ amount: 2, unit: 'hours_per_week' }]],
      ['m-commute-10-over', [{ amount: 10, unit: 'minutes' }]],
      ['m-window-15-short', [{ amount: 15, unit: 'minutes' }]],
    ]);
    expect(ranking.excludedCounts).toEqual({
      qualification_missing: 1,
      out_of_reach: 2,
      schedule_infeasible: 3,
    });
  });
});
