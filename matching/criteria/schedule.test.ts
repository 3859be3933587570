/**
 * Schedule feasibility at its edges: fixed shifts to the minute with the commute around them,
 * hybrid office days, flexible minimums, and her weekly maximum.
 */
import { describe, expect, it } from 'vitest';
import { violations } from '../testing/check.ts';
import {
  careLimits,
  makeMember,
  makeRole,
  PLACES,
  placeAtCommute,
  WEEKDAYS,
  weekly,
} from '../testing/fixtures.ts';
import type { MatchRole, RoleSchedule } from '../types.ts';

const home = PLACES.yokohamaNaka;
const office25 = placeAtCommute(home, 25, 'transit');
// She can leave home after the 08:30 drop-off and must be back for the 18:00 pickup; she could be
// working any time in between. The commute lies between those limits and the work.
const mother = makeMember({
  home,
  commuteMode: 'transit',
  availability: weekly(WEEKDAYS, '08:30', '18:00'),
  careLimits: careLimits(WEEKDAYS, '08:30', '18:00'),
  maxHoursPerWeek: 50,
});
const fixed = (start: string, end: string, extra: Partial<MatchRole> = {}): MatchRole =>
  makeRole({
    locations: [office25],
    schedule: { kind: 'fixed', shifts: weekly(WEEKDAYS, start, end) },
    ...extra,
  });

describe('fixed shifts, 25-minute commute, available 08:30–18:00', () => {
  it.each([
    ['ends 17:00: home 17:25, before the 18:00 pickup', '09:00', '17:00', {}, true],
    ['ends 18:00: home 18:25, after pickup', '09:00', '18:00', {}, false],
    ['fits to the minute at both ends (08:55–17:35)', '08:55', '17:35', {}, true],
    ['starts one minute too early (08:54)', '08:54', '17:00', {}, false],
    ['ends one minute too late (17:36)', '09:00', '17:36', {}, false],
    [
      'fully remote: no commute, 08:30–18:00 fits',
      '08:30',
      '18:00',
      { remote: { mode: 'full' }, locations: [] },
      true,
    ],
  ] as const)('%s', (_label, start, end, extra, feasible) => {
    const codes = violations(mother, fixed(start, end, extra as Partial<MatchRole>));
    expect(codes.includes('schedule_infeasible')).toBe(!feasible);
  });

  it('a shift must lie inside one window: a gap at lunch breaks it, touching windows do not', () => {
    const split = makeMember({
      ...mother,
      availability: [...weekly(WEEKDAYS, '08:30', '12:00'), ...weekly(WEEKDAYS, '12:30', '18:00')],
    });
    const touching = makeMember({
      ...mother,
      availability: [...weekly(WEEKDAYS, '08:30', '12:00'), ...weekly(WEEKDAYS, '12:00', '18:00')],
    });
    expect(violations(split, fixed('09:00', '15:00'))).toContain('schedule_infeasible');
    expect(violations(touching, fixed('09:00', '15:00'))).toEqual([]);
  });

  it('total shift hours above her maximum are infeasible even when every shift fits', () => {
    const role = fixed('09:00', '15:00'); // 30 h
    expect(violations(makeMember({ ...mother, maxHoursPerWeek: 30 }), role)).toEqual([]);
    expect(violations(makeMember({ ...mother, maxHoursPerWeek: 29.5 }), role)).toContain(
      'schedule_infeasible',
    );
  });
});

describe('hybrid: commute only on office days', () => {
  // Mon/Tue she has family help until 19:00; other days the 18:00 pickup.
  const week = [...weekly([1, 2], '08:00', '19:00'), ...weekly([3, 4, 5], '08:30', '18:00')];
  const her = makeMember({
    ...mother,
    availability: week,
    careLimits: [...careLimits([1, 2], '08:00', '19:00'), ...careLimits([3, 4, 5], '08:30', '18:00')],
  });
  const hybrid = (officeDaysPerWeek: number): MatchRole =>
    fixed('09:00', '17:50', { remote: { mode: 'hybrid', officeDaysPerWeek } });
  it.each([
    [1, true],
    [2, true],
    [3, false],
  ])('%i office days (17:50 + 25 min fits only Mon/Tue) → feasible: %s', (days, feasible) => {
    expect(violations(her, hybrid(days)).includes('schedule_infeasible')).toBe(!feasible);
  });
  it('without an office-day count every day is an office day', () => {
    expect(violations(her, fixed('09:00', '17:50', { remote: { mode: 'hybrid' } }))).toContain(
      'schedule_infeasible',
    );
  });
});

describe('flexible hours: minimum hours and days inside her windows, minus the commute', () => {
  // Mon and Tue 09:00–14:00 with a 25-minute commute leave 09:25–13:35 = 250 minutes a day.
  const her = makeMember({
    ...mother,
    availability: weekly([1, 2], '09:00', '14:00'),
    careLimits: careLimits([1, 2], '09:00', '14:00'),
  });
  const flex = (
    minHoursPerWeek: number,
    minDaysPerWeek: number,
    allowed = weekly(WEEKDAYS, '08:00', '19:00'),
  ): MatchRole =>
    makeRole({
      locations: [office25],
      schedule: {
        kind: 'flexible',
        allowedWindows: allowed,
        minHoursPerWeek,
        minDaysPerWeek,
      } satisfies RoleSchedule,
    });
  it.each([
    ['8 h over 2 days (500 min available)', 8, 2, true],
    ['8 h 20 min exactly fills both days', 500 / 60, 2, true],
    ['9 h is more than fits', 9, 2, false],
    ['3 days when she has 2', 4, 3, false],
  ])('%s', (_label, hours, days, feasible) => {
    expect(violations(her, flex(hours, days)).includes('schedule_infeasible')).toBe(!feasible);
  });
  it("only the role's allowed windows count", () => {
    expect(violations(her, flex(8, 2, weekly(WEEKDAYS, '11:00', '19:00')))).toContain('schedule_infeasible');
  });
  it('a minimum above her weekly maximum is infeasible', () => {
    const wide = makeMember({ ...mother, maxHoursPerWeek: 20 });
    expect(violations(wide, flex(20, 3))).toEqual([]);
    expect(violations(wide, flex(21, 3))).toContain('schedule_infeasible');
  });
});
