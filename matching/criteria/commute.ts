/**
 * Commute: the reach constraint (hard only when clearly beyond her limit) and the commute component
 * (soft). A point is either a municipality's representative point ('area') or a town's (町丁目・大字,
 * 'town'; an address resolves to its town), so every estimate carries an uncertainty: where in the
 * municipality or town she lives and the role sits, and how far the model is from a real timetable.
 *
 * Minutes = overhead + straight km × detour × 60 ÷ speed, with the figures of the setting at each
 * end averaged (half the trip is at her end, half at the work end). Settings come from the area
 * master: wards of designated cities and Tokyo's special wards are 'urban', other cities (市) 'city',
 * towns and villages (町・村) 'rural' — a proxy for population density that needs no census data.
 */
import { CONSTRAINT_BITS } from '../constraints.ts';
import { type PairState, recordMargin } from '../pair-state.ts';
import { type PreparedMember, type PreparedPoint, type PreparedRole, point } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';
import type { CommuteMode, GeoPoint, Place } from '../types.ts';

/** How built-up the place around a point is; decides speeds, overheads and point uncertainty. */
export type Setting = 'urban' | 'city' | 'rural';
export const SETTINGS: readonly Setting[] = ['urban', 'city', 'rural'];

/** One way of travelling in one setting. */
export interface TravelFigures {
  /** Road or rail length ÷ straight-line length. */
  detour: number;
  /** Average speed while moving, stops and signals included. */
  kmPerHour: number;
  /** Minutes that do not depend on distance: walking to the station and waiting, parking. */
  overheadMinutes: number;
}

/**
 * The calibrated figures, per mode and setting. Why these numbers:
 * - walk: 80 m a minute (4.8 km/h) is the standard Japanese property listings use (不動産の表示に
 *   関する公正競争規約, 徒歩1分=80m by road); with a child's pace it is rather less, but a commute is
 *   walked alone. Streets detour ×1.3 from the straight line (×1.4 in the countryside, fewer through
 *   roads). No overhead.
 * - bicycle: a mamachari with a child seat averages 12–15 km/h; signals and crossings in town keep it
 *   at 12, in open country 15. Two minutes to unlock and park.
 * - car: door-to-door road speeds from the national road traffic census (道路交通センサス) are
 *   around 18–20 km/h in big-city centres at rush hour, 25–30 km/h in regional cities and 40+ km/h on
 *   rural roads. Parking and walking to the door take 8 minutes in a big city (paid car parks), 5 in a
 *   regional city, 3 in the countryside (a car park at the door).
 * - transit: in-vehicle speed of suburban rail including stops is 30–35 km/h (rail lines are nearly
 *   straight between dense stations: ×1.2); regional cities mix rail and bus (25 km/h, ×1.3); rural
 *   trips are mostly buses (22 km/h, ×1.4). The overhead is the walk to and from the stop plus the
 *   wait: trains every few minutes and a station within ~600 m in a big city (10 min), a quarter-hour
 *   timetable in a regional city (15 min), hourly buses in the countryside (22 min, a planned wait).
 *   For short trips she would rather walk, so transit is never slower than walking.
 * - walk_bicycle (how the profile asks it): the faster of walking and cycling.
 *
 * Checked against route planners for typical trips: 5 km across Yokohama by train ≈ 22 min
 * (planners: 20–25), 10 km ≈ 33 min (30–35); 15 km by car between rural towns ≈ 31 min (25–30);
 * the old single model (×1.4, 20 km/h, +12 min) said 33 and 54.
 */
export const TRAVEL: Record<'walk' | 'bicycle' | 'car' | 'transit', Record<Setting, TravelFigures>> = {
  walk: {
    urban: { detour: 1.3, kmPerHour: 4.8, overheadMinutes: 0 },
    city: { detour: 1.3, kmPerHour: 4.8, overheadMinutes: 0 },
    rural: { detour: 1.4, kmPerHour: 4.8, overheadMinutes: 0 },
  },
  bicycle: {
    urban: { detour: 1.3, kmPerHour: 12, overheadMinutes: 2 },
    city: { detour: 1.3, kmPerHour: 13, overheadMinutes: 2 },
    rural: { detour: 1.4, kmPerHour: 15, overheadMinutes: 2 },
  },
  car: {
    urban: { detour: 1.3, kmPerHour: 19, overheadMinutes: 8 },
    city: { detour: 1.3, kmPerHour: 28, overheadMinutes: 5 },
    rural: { detour: 1.3, kmPerHour: 42, overheadMinutes: 3 },
  },
  transit: {
    urban: { detour: 1.2, kmPerHour: 32, overheadMinutes: 10 },
    city: { detour: 1.3, kmPerHour: 25, overheadMinutes: 15 },
    rural: { detour: 1.4, kmPerHour: 22, overheadMinutes: 22 },
  },
};

/**
 * How far (km) the true home or workplace may lie from its point, per precision and setting: a
 * municipality's point stands for the whole municipality (a ward is a few km across, a rural town
 * tens of km), a town's for a few blocks in a city and a whole 大字 in the countryside.
 */
export const POINT_UNCERTAINTY_KM: Record<'area' | 'town', Record<Setting, number>> = {
  area: { urban: 1.5, city: 3, rural: 5 },
  town: { urban: 0.3, city: 0.5, rural: 1 },
};

/** Share of an estimate the model itself may be off by (timetables, traffic, which road). */
export const MODEL_ERROR = 0.15;

/**
 * The setting of a place, from its kind and name: wards (of designated cities, and Tokyo's special
 * wards, which are municipalities named …区) are urban, cities (…市) are 'city', the rest rural.
 *
 * @example settingOf(PLACES.yokohamaNaka) // 'urban'
 */
export function settingOf(place: Pick<Place, 'kind' | 'name'>): Setting {
  if (place.kind === 'ward' || place.name.endsWith('区')) return 'urban';
  if (place.kind === 'prefecture' || place.name.endsWith('市')) return 'city';
  return 'rural';
}

/** Minutes per straight km and overhead of a mode in a setting (walk_bicycle is cycling here). */
function figures(mode: CommuteMode, setting: Setting): { perKm: number; overhead: number } {
  const t = TRAVEL[mode === 'walk_bicycle' ? 'bicycle' : mode][setting];
  return { perKm: (t.detour * 60) / t.kmPerHour, overhead: t.overheadMinutes };
}

/** Walking figures of a setting. */
function walking(setting: Setting): { perKm: number; overhead: number } {
  const t = TRAVEL.walk[setting];
  return { perKm: (t.detour * 60) / t.kmPerHour, overhead: t.overheadMinutes };
}

/** Setting index in SETTINGS order, for the prepared tables. */
export const SETTING_INDEX: Record<Setting, number> = { urban: 0, city: 1, rural: 2 };

/**
 * Per mode, per setting index: [minutes per km, overhead, walking minutes per km]. Flat so the hot
 * loop reads three numbers and allocates nothing.
 */
export const COMMUTE_TABLE: Record<CommuteMode, readonly (readonly [number, number, number])[]> = {
  car: tableFor('car'),
  transit: tableFor('transit'),
  walk_bicycle: tableFor('walk_bicycle'),
};

function tableFor(mode: CommuteMode): readonly (readonly [number, number, number])[] {
  return SETTINGS.map((s) => {
    const f = figures(mode, s);
    return [f.perKm, f.overhead, walking(s).perKm] as const;
  });
}

const EARTH_RADIUS_KM = 6371.0088;

/** The precision of a place's point: a town's (or an address resolved to its town) or the area's. */
export function precisionOf(place: Pick<Place, 'town'>): 'town' | 'area' {
  return place.town ? 'town' : 'area';
}

/** Uncertainty in km of a place's point (see POINT_UNCERTAINTY_KM). */
export function uncertaintyKm(place: Pick<Place, 'kind' | 'name' | 'town'>): number {
  return POINT_UNCERTAINTY_KM[precisionOf(place)][settingOf(place)];
}

/**
 * Estimated one-way door-to-door minutes between two places by her mode, not rounded: the settings at
 * both ends averaged, never slower than walking (transit, walk_bicycle). The same arithmetic as the
 * hot loop, for callers outside it (reasons, the schedule model, tests).
 *
 * @example commuteMinutes('transit', kohokuTown, nakaTown) // ≈ 26
 */
export function commuteMinutes(mode: CommuteMode, from: Place, to: Place): number {
  const a = COMMUTE_TABLE[mode][SETTING_INDEX[settingOf(from)]] as readonly [number, number, number];
  const b = COMMUTE_TABLE[mode][SETTING_INDEX[settingOf(to)]] as readonly [number, number, number];
  const km = Math.max(distanceKm(from.point, to.point), Math.hypot(uncertaintyKm(from), uncertaintyKm(to)));
  return estimate(mode, km, a, b);
}

/**
 * The distance a trip between two points is estimated over: the straight line, but never less than
 * the points' combined uncertainty. Two points that coincide (her ward and a workplace known only
 * by the same ward) stand for two places somewhere around them, not for one door: the typical
 * distance between two such places is about the root sum of squares of the uncertainties, so the
 * same ward by train reads 約15分, not 約0分.
 */
function tripKm(a: PreparedPoint, b: PreparedPoint): number {
  const km = greatCircleKm(a, b);
  const floor = Math.sqrt(a.uncertaintyKm * a.uncertaintyKm + b.uncertaintyKm * b.uncertaintyKm);
  return km > floor ? km : floor;
}

/** The estimate from a straight distance and the two ends' table rows. */
function estimate(
  mode: CommuteMode,
  km: number,
  a: readonly [number, number, number],
  b: readonly [number, number, number],
): number {
  const ride = km * (a[0] + b[0]) * 0.5 + (a[1] + b[1]) * 0.5;
  if (mode === 'car') return ride;
  const walk = km * (a[2] + b[2]) * 0.5;
  return walk < ride ? walk : ride;
}

/** Minutes per straight km of the trip the estimate chose (riding, or walking when that is quicker). */
function perKmOf(
  mode: CommuteMode,
  km: number,
  a: readonly [number, number, number],
  b: readonly [number, number, number],
): number {
  const ride = (a[0] + b[0]) * 0.5;
  const walk = (a[2] + b[2]) * 0.5;
  return mode !== 'car' && km * walk < km * ride + (a[1] + b[1]) * 0.5 ? walk : ride;
}

/**
 * How many minutes an estimate could be too high: the model's own error plus the points'
 * uncertainty (independent, so combined as a root sum of squares) at the trip's minutes per km.
 */
function slackMinutes(minutes: number, perKm: number, uHome: number, uWork: number): number {
  return MODEL_ERROR * minutes + Math.sqrt(uHome * uHome + uWork * uWork) * perKm;
}

/**
 * The farthest straight-line distance at which a role could still be within her commute, for a
 * search engine to filter on before the matching module estimates each commute: the most favourable
 * setting, with area-level points (the search may hold either) and the model error in her favour,
 * so no candidate the matching module would keep is lost. Zero when even that cannot make it.
 *
 * @example reachKm('transit', 30) // ≈ 11: 30 min by train in a city, from two area points
 */
export function reachKm(mode: CommuteMode, maxMinutes: number): number {
  let best = 0;
  for (const s of SETTINGS) {
    const [perKm, overhead, walkPerKm] = COMMUTE_TABLE[mode][SETTING_INDEX[s]] as readonly [
      number,
      number,
      number,
    ];
    const u = Math.SQRT2 * POINT_UNCERTAINTY_KM.area[s];
    // Lower bound (1 − e)·(km·perKm + overhead) − u·perKm ≤ max, solved for km; walking likewise.
    const rideKm = (maxMinutes + u * perKm - (1 - MODEL_ERROR) * overhead) / ((1 - MODEL_ERROR) * perKm);
    const walkKm = mode === 'car' ? 0 : (maxMinutes + u * walkPerKm) / ((1 - MODEL_ERROR) * walkPerKm);
    best = Math.max(best, rideKm, walkKm);
  }
  return Math.max(0, best);
}

/**
 * Great-circle distance (haversine) between two prepared points, in km.
 *
 * @example greatCircleKm(yokohama, kawasaki) // ≈ 11.6
 */
export function greatCircleKm(a: PreparedPoint, b: PreparedPoint): number {
  const sLat = Math.sin((b.lat - a.lat) / 2);
  const sLng = Math.sin((b.lng - a.lng) / 2);
  const h = sLat * sLat + a.cosLat * b.cosLat * sLng * sLng;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Great-circle distance between two plain points in degrees, in km.
 *
 * @example distanceKm({ lat: 35.44, lng: 139.64 }, { lat: 35.53, lng: 139.70 }) // ≈ 11.6
 */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  return greatCircleKm(point(a.lat, a.lng), point(b.lat, b.lng));
}

/** Whether a work location lies inside a target area by its codes. */
function insideArea(location: Place, target: Place): boolean {
  if (target.kind === 'prefecture') return location.prefCode === target.prefCode;
  return location.code === target.code || location.parentCode === target.code;
}

/**
 * Finds the location she can reach soonest and sets `commuteMinutes`, `commuteSlack`,
 * `locationIndex`, `viaTarget`. Beyond her maximum by more than the estimate's uncertainty it flags
 * `out_of_reach` (with its margin, the minutes over, as a ConstraintMargin); beyond it by less, the pair stays feasible
 * with `commuteNearLimit` set: a soft penalty and a point for the coordinator to check. A location
 * inside a target area counts as reachable: she would live somewhere in that area, so her commute
 * there is taken as the estimate from the area's point, capped at her maximum. Fully remote roles
 * need no commute at all.
 *
 * @example checkReach(pm, pr, state); state.commuteMinutes // 27
 */
export function checkReach(pm: PreparedMember, pr: PreparedRole, state: PairState): void {
  const role = pr.role;
  if (role.remote.mode === 'full') {
    state.commuteMinutes = 0;
    return;
  }
  const max = pm.member.maxCommuteMinutes;
  const targets = pm.member.targetAreas;
  const rows = pm.commuteRows;
  const mode = pm.member.commuteMode;
  const home = pm.home;
  const homeRow = rows[home.setting] as readonly [number, number, number];
  let best = Number.POSITIVE_INFINITY;
  let bestLower = Number.POSITIVE_INFINITY;
  for (let i = 0; i < pr.locations.length; i++) {
    const loc = pr.locations[i] as PreparedPoint;
    const locRow = rows[loc.setting] as readonly [number, number, number];
    const km = tripKm(home, loc);
    let minutes = estimate(mode, km, homeRow, locRow);
    let lower =
      minutes -
      slackMinutes(minutes, perKmOf(mode, km, homeRow, locRow), home.uncertaintyKm, loc.uncertaintyKm);
    let via = -1;
    for (let t = 0; t < targets.length; t++) {
      const tp = pm.targets[t] as PreparedPoint;
      let m = estimate(mode, tripKm(tp, loc), rows[tp.setting] as readonly [number, number, number], locRow);
      if (m > max && insideArea(role.locations[i] as Place, (targets[t] as { place: Place }).place)) m = max;
      if (m < minutes) {
        minutes = m;
        // She would choose where to live in the target area: no point uncertainty on her side.
        lower = m * (1 - MODEL_ERROR);
        via = t;
      }
    }
    if (minutes < best) {
      best = minutes;
      bestLower = lower;
      state.locationIndex = i;
      state.viaTarget = via;
    }
  }
  // Whole minutes: people plan in minutes, and "to the minute" checks need integers.
  state.commuteMinutes = best === Number.POSITIVE_INFINITY ? 1440 : Math.ceil(best);
  if (state.commuteMinutes <= max) return;
  if (bestLower <= max) {
    state.commuteNearLimit = true;
    return;
  }
  state.violations |= CONSTRAINT_BITS.out_of_reach;
  // The margin a coordinator sees: minutes over her maximum (the estimate, not its lower bound).
  recordMargin(state, 'out_of_reach', state.commuteMinutes - max, 'minutes');
}

/**
 * Soft commute score: up to 15 minutes is as good as next door; beyond that it falls linearly to 0.3
 * at her maximum, and on to 0.05 over a near-limit estimate (over her maximum, within the estimate's
 * uncertainty). Hybrid roles only cost the commute on office days. A wish for remote work that the
 * role does not meet lowers the score but is not a hard constraint (PRODUCT lists no such rule).
 *
 * @example scoreCommute(pm, pr, state) // 0.82
 */
export function scoreCommute(pm: PreparedMember, pr: PreparedRole, state: PairState): number {
  const mode = pr.role.remote.mode;
  const wish = pm.member.remoteWish;
  if (mode === 'full') return 1;
  const max = Math.max(16, pm.member.maxCommuteMinutes);
  const over = Math.max(0, state.commuteMinutes - 15);
  let s = state.commuteNearLimit ? 0.15 : Math.max(0.3, 1 - (0.7 * over) / (max - 15));
  if (mode === 'hybrid') {
    const share = Math.min(5, pr.officeDays) / 5;
    s = 1 - (1 - s) * share;
    if (wish === 'required') s *= 0.8;
  } else if (wish === 'required') s *= 0.4;
  else if (wish === 'preferred') s *= 0.8;
  return s;
}

/** 'town' when both ends of the estimate are town points, else 'area' (said in the reason). */
function pairPrecision(pm: PreparedMember, pr: PreparedRole, state: PairState): 'town' | 'area' {
  const loc = pr.role.locations[Math.max(0, state.locationIndex)];
  const from = state.viaTarget >= 0 ? undefined : pm.member.home;
  return from?.town && loc?.town ? 'town' : 'area';
}

/** Reasons for the commute component. */
export function explainCommute(pm: PreparedMember, pr: PreparedRole, state: PairState): Reason[] {
  const mode = pr.role.remote.mode;
  if (mode === 'full') return [reason('commute_remote', 'positive')];
  const out: Reason[] = [];
  const minutes = state.commuteMinutes;
  const precision = pairPrecision(pm, pr, state);
  const tone =
    minutes <= 30 ? 'positive' : minutes <= pm.member.maxCommuteMinutes - 10 ? 'neutral' : 'negative';
  if (state.commuteNearLimit) {
    out.push(
      reason('commute_near_limit', 'negative', {
        minutes,
        max: pm.member.maxCommuteMinutes,
        mode: pm.member.commuteMode,
        precision,
      }),
    );
  } else if (mode === 'hybrid') {
    out.push(
      reason('commute_hybrid', tone, {
        minutes,
        officeDays: Math.min(pr.officeDays, pr.shiftDays || 5),
        precision,
      }),
    );
  } else {
    out.push(reason('commute_minutes', tone, { minutes, mode: pm.member.commuteMode, precision }));
  }
  const target = state.viaTarget >= 0 ? pm.member.targetAreas[state.viaTarget] : undefined;
  if (target) out.push(reason('commute_relocation', 'neutral', { place: target.place.name }));
  if (pm.member.remoteWish === 'required' || (pm.member.remoteWish === 'preferred' && mode === 'none')) {
    out.push(reason('remote_wish_unmet', 'negative'));
  }
  return out;
}

/** Beyond two hours a minute count means nothing to a reader; the distance says it better. */
const FAR_MINUTES = 120;

/** The out-of-reach violation, with the minutes (or, when far, the km) that decided it. */
export function explainOutOfReach(pm: PreparedMember, pr: PreparedRole, state: PairState): Reason {
  if (state.commuteMinutes > FAR_MINUTES) {
    const loc = pr.locations[Math.max(0, state.locationIndex)];
    const from = state.viaTarget >= 0 ? (pm.targets[state.viaTarget] as PreparedPoint) : pm.home;
    return reason('out_of_reach_far', 'negative', { km: loc ? Math.round(greatCircleKm(from, loc)) : 0 });
  }
  return reason('out_of_reach', 'negative', {
    minutes: state.commuteMinutes,
    max: pm.member.maxCommuteMinutes,
  });
}
