/**
 * The commute model in tables: calibrated minutes per mode and setting, what the precision of the
 * points does to hard exclusion, the reasons' wording, and that the search radius (`reachKm`) never
 * drops a role the matching module would keep.
 */
import { describe, expect, it } from 'vitest';
import { scorePair } from '../rank.ts';
import { renderReason } from '../reasons.ts';
import { sentences, violations } from '../testing/check.ts';
import { EVALUATION_DATE, makeMember, makeRole, PLACES } from '../testing/fixtures.ts';
import type { CommuteMode, Place } from '../types.ts';
import { commuteMinutes, distanceKm, reachKm, settingOf } from './commute.ts';

const KM_IN_DEGREES = 180 / (Math.PI * 6371.0088);

/** `from` moved `km` due north, same kind and name (so the same setting), optionally a town point. */
function north(from: Place, km: number, town?: string): Place {
  const moved: Place = {
    ...from,
    code: `${from.code}-n`,
    point: { lat: from.point.lat + km * KM_IN_DEGREES, lng: from.point.lng },
  };
  if (town) moved.town = town;
  else delete moved.town;
  return moved;
}

const naka = PLACES.yokohamaNaka;
const nakaTown: Place = { ...naka, town: '相生町一丁目' };
const kamakura = PLACES.kamakura;
/** A rural town (町) in Yamagata: the hometown case. */
const oe: Place = {
  code: '063231',
  prefCode: '06',
  kind: 'municipality',
  name: '大江町',
  point: { lat: 38.3806, lng: 140.2063 },
};

describe('settings', () => {
  it.each([
    [naka, 'urban'],
    [{ ...naka, kind: 'municipality' as const, name: '東京都千代田区' }, 'urban'],
    [kamakura, 'city'],
    [oe, 'rural'],
  ])('%s is %s', (place, setting) => {
    expect(settingOf(place as Place)).toBe(setting);
  });
});

describe('calibrated minutes (town to town, same setting)', () => {
  it.each([
    // [mode, from, km, minutes]: what a route planner says for such trips is in commute.ts.
    ['transit', nakaTown, 5, 22],
    ['transit', nakaTown, 10, 33],
    ['transit', nakaTown, 0.5, 9], // walking beats waiting for a train
    ['car', nakaTown, 5, 29],
    ['walk_bicycle', nakaTown, 2.5, 19],
    ['car', { ...oe, town: '左沢' }, 15, 31],
    ['transit', { ...oe, town: '左沢' }, 15, 80], // hourly buses: the car is what works there
    ['car', { ...kamakura, town: '御成町' }, 8, 28],
  ])('%s %s +%d km → about %d min', (mode, from, km, minutes) => {
    const to = north(from as Place, km as number, 'x');
    expect(Math.ceil(commuteMinutes(mode as CommuteMode, from as Place, to))).toBe(minutes);
  });
  it.each([
    // Same point, different precision: a trip is never 0 minutes, and coarser points cost more.
    ['transit', 'a ward, centre to centre', 15, naka], // somewhere in the ward to somewhere else in it
    ['transit', 'an urban town', 7, nakaTown], // a short walk
    ['car', 'a rural 大字', 6, { ...oe, town: '左沢' }],
  ])('%s within %s → about %d min, never 0', (mode, _label, minutes, place) => {
    expect(Math.ceil(commuteMinutes(mode as CommuteMode, place as Place, place as Place))).toBe(minutes);
  });
  it('urban trips are no longer the old 35–56 minutes for 5–10 km by train', () => {
    const five = commuteMinutes('transit', nakaTown, north(nakaTown, 5, 'x'));
    const ten = commuteMinutes('transit', nakaTown, north(nakaTown, 10, 'x'));
    expect(five).toBeLessThan(25);
    expect(ten).toBeLessThan(35);
  });
});

describe('hard exclusion only when clearly beyond her limit', () => {
  const carUrban = (home: Place) => makeMember({ home, commuteMode: 'car', maxCommuteMinutes: 30 });
  it.each([
    // The same trip (≈ 40 min by car across town): coarse points leave room, town points do not.
    ['two ward centres: near the limit, kept', naka, north(naka, 7.8), []],
    ['two town points: clearly beyond', nakaTown, north(nakaTown, 7.8, '本牧町一丁目'), ['out_of_reach']],
    ['town points, 33 min: near the limit, kept', nakaTown, north(nakaTown, 6.05, '本牧町一丁目'), []],
  ])('%s', (_l, home, work, codes) => {
    expect(violations(carUrban(home as Place), makeRole({ locations: [work as Place] }))).toEqual(codes);
  });

  it('a near-limit commute is penalised and says a coordinator will check the route', () => {
    const her = carUrban(nakaTown);
    const near = scorePair(her, makeRole({ locations: [north(nakaTown, 6.05, '本牧町一丁目')] }), {
      evaluationDate: EVALUATION_DATE,
    });
    const within = scorePair(her, makeRole({ locations: [north(nakaTown, 4, '本牧町一丁目')] }), {
      evaluationDate: EVALUATION_DATE,
    });
    if (!near.feasible || !within.feasible) throw new Error('both should be feasible');
    const score = (r: typeof near) => r.match.components.find((c) => c.key === 'commute')?.score ?? 1;
    expect(score(near)).toBeLessThan(score(within));
    expect(near.match.commuteMinutes).toBe(33);
    expect(near.match.reasons.map((r) => renderReason(r))).toContain(
      '通勤 約33分（目安・車）：ご希望の30分を少し超えるかもしれません。実際の経路をコーディネーターが確認します',
    );
  });

  it('a rural hometown role 15 km away by car stays in her list', () => {
    const her = makeMember({ home: oe, commuteMode: 'car', maxCommuteMinutes: 30 });
    expect(violations(her, makeRole({ locations: [north(oe, 15)] }))).toEqual([]);
  });

  it('reports how many minutes over her limit it was', () => {
    const her = carUrban(nakaTown);
    const r = scorePair(her, makeRole({ locations: [north(nakaTown, 7.8, 'x')] }), {
      evaluationDate: EVALUATION_DATE,
    });
    expect(r.feasible).toBe(false);
    if (!r.feasible)
      expect(renderReason(r.infeasible.violations[0]?.reason as never)).toBe(
        '通勤に約41分（目安）かかり、ご希望の30分以内に収まりません',
      );
  });
});

describe('reasons say it is an estimate, and how coarse', () => {
  it('between towns: 約N分（目安）', () => {
    const her = makeMember({ home: nakaTown, commuteMode: 'transit', maxCommuteMinutes: 40 });
    expect(sentences(her, makeRole({ locations: [north(nakaTown, 5, '本牧町一丁目')] }))).toContain(
      '通勤 約22分（目安・電車・バス）',
    );
  });
  it('between municipality centres it says so', () => {
    const her = makeMember({ home: naka, commuteMode: 'transit', maxCommuteMinutes: 40 });
    expect(sentences(her, makeRole({ locations: [north(naka, 5)] }))).toContain(
      '通勤 約22分（目安・電車・バス・市区町村の中心どうし）',
    );
    expect(sentences(her, makeRole({ locations: [north(naka, 5)] }), 'en')).toContain(
      'About 22 min by public transport (estimate, between municipality centres)',
    );
  });
});

describe('reachKm keeps every role the matching module keeps', () => {
  const homes: Place[] = [
    naka,
    nakaTown,
    kamakura,
    { ...kamakura, town: '御成町' },
    oe,
    { ...oe, town: '左沢' },
  ];
  const modes: CommuteMode[] = ['car', 'transit', 'walk_bicycle'];
  it.each(modes)('%s', (mode) => {
    let kept = 0;
    for (const home of homes)
      for (const work of homes)
        for (const max of [10, 30, 60, 90])
          for (let km = 0; km <= 80; km += 1.5) {
            const role = makeRole({ locations: [north(work, km, work.town ? 'x' : undefined)] });
            const her = makeMember({ home: home as Place, commuteMode: mode, maxCommuteMinutes: max });
            if (violations(her, role).includes('out_of_reach')) continue;
            kept++;
            const straight = distanceKm(home.point, (role.locations[0] as Place).point);
            expect(straight).toBeLessThanOrEqual(reachKm(mode, max));
          }
    expect(kept).toBeGreaterThan(100);
  });
});

describe('the margin a coordinator sees', () => {
  it('out of reach records the minutes over her maximum in the shared margin shape', () => {
    const her = makeMember({ home: nakaTown, commuteMode: 'car', maxCommuteMinutes: 30 });
    const r = scorePair(her, makeRole({ locations: [north(nakaTown, 7.8, 'x')] }), {
      evaluationDate: EVALUATION_DATE,
    });
    expect(r.feasible).toBe(false);
    if (!r.feasible)
      expect(r.infeasible.margins).toEqual([
        { code: 'out_of_reach', shortBy: { amount: 11, unit: 'minutes' } },
      ]);
  });
});
