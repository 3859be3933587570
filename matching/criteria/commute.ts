/**
 * Commute: the reach constraint (hard) and the commute component (soft). We only know the
 * representative point of her municipality and of each work location, so commute minutes are an
 * estimate: great-circle km × a detour factor ÷ the speed of her mode, plus a fixed overhead.
 */
import { CONSTRAINT_BITS } from '../constraints.ts';
import type { PairState } from '../pair-state.ts';
import { type PreparedMember, type PreparedPoint, type PreparedRole, point } from '../prepare.ts';
import { type Reason, reason } from '../reasons.ts';
import type { CommuteMode, GeoPoint, Place } from '../types.ts';

/**
 * Per mode: roads and rails are not straight (detour), door-to-door speed includes stops and
 * transfers, and the overhead is what does not depend on distance (walking to the station and
 * waiting, parking). Rough figures for Japanese regional cities and suburbs:
 * - car: ×1.3, 30 km/h, +5 min (parking, walking to the door)
 * - transit: ×1.4, 20 km/h, +12 min (walk to the station, wait, walk at the other end)
 * - walk_bicycle: ×1.25, 12 km/h (a mamachari with a child seat), +2 min
 */
export const COMMUTE_MODEL: Record<
  CommuteMode,
  { detour: number; kmPerHour: number; overheadMinutes: number }
> = {
  car: { detour: 1.3, kmPerHour: 30, overheadMinutes: 5 },
  transit: { detour: 1.4, kmPerHour: 20, overheadMinutes: 12 },
  walk_bicycle: { detour: 1.25, kmPerHour: 12, overheadMinutes: 2 },
};

const EARTH_RADIUS_KM = 6371.0088;

/** Minutes per great-circle km and the fixed overhead, per mode (derived once from COMMUTE_MODEL). */
export const COMMUTE_PROFILES = Object.fromEntries(
  Object.entries(COMMUTE_MODEL).map(([mode, m]) => [
    mode,
    { minutesPerKm: (m.detour * 60) / m.kmPerHour, overheadMinutes: m.overheadMinutes },
  ]),
) as Record<CommuteMode, { minutesPerKm: number; overheadMinutes: number }>;

/**
 * The farthest straight-line distance her commute allows: what a search engine can filter on
 * before the matching module estimates each commute. Zero when the overhead alone exceeds it.
 *
 * @example reachKm('transit', 30) // ≈ 4.3 km: (30 − 12 min) ÷ 4.2 min per km
 */
export function reachKm(mode: CommuteMode, maxMinutes: number): number {
  const profile = COMMUTE_PROFILES[mode];
  return Math.max(0, (maxMinutes - profile.overheadMinutes) / profile.minutesPerKm);
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
 * Finds the location she can reach soonest and sets `commuteMinutes`, `locationIndex`, `viaTarget`;
 * flags `out_of_reach` when none is within her maximum. A location inside a target area counts as
 * reachable: she would live somewhere in that area, so her commute there is taken as the estimate
 * from the area's point, capped at her maximum. Fully remote roles need no commute at all.
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
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < pr.locations.length; i++) {
    const loc = pr.locations[i] as PreparedPoint;
    let minutes = greatCircleKm(pm.home, loc) * pm.minutesPerKm + pm.commuteOverhead;
    let via = -1;
    for (let t = 0; t < targets.length; t++) {
      let m = greatCircleKm(pm.targets[t] as PreparedPoint, loc) * pm.minutesPerKm + pm.commuteOverhead;
      if (m > max && insideArea(role.locations[i] as Place, (targets[t] as { place: Place }).place)) m = max;
      if (m < minutes) {
        minutes = m;
        via = t;
      }
    }
    if (minutes < best) {
      best = minutes;
      state.locationIndex = i;
      state.viaTarget = via;
    }
  }
  // Whole minutes: people plan in minutes, and "to the minute" checks need integers.
  state.commuteMinutes = best === Number.POSITIVE_INFINITY ? 1440 : Math.ceil(best);
  if (state.commuteMinutes > max) state.violations |= CONSTRAINT_BITS.out_of_reach;
}

/**
 * Soft commute score: up to 15 minutes is as good as next door; beyond that it falls linearly to 0.3
 * at her maximum. Hybrid roles only cost the commute on office days. A wish for remote work that the
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
  let s = Math.max(0.3, 1 - (0.7 * over) / (max - 15));
  if (mode === 'hybrid') {
    const share = Math.min(5, pr.officeDays) / 5;
    s = 1 - (1 - s) * share;
    if (wish === 'required') s *= 0.8;
  } else if (wish === 'required') s *= 0.4;
  else if (wish === 'preferred') s *= 0.8;
  return s;
}

/** Reasons for the commute component. */
export function explainCommute(pm: PreparedMember, pr: PreparedRole, state: PairState): Reason[] {
  const mode = pr.role.remote.mode;
  if (mode === 'full') return [reason('commute_remote', 'positive')];
  const out: Reason[] = [];
  const minutes = state.commuteMinutes;
  const tone =
    minutes <= 30 ? 'positive' : minutes <= pm.member.maxCommuteMinutes - 10 ? 'neutral' : 'negative';
  if (mode === 'hybrid') {
    out.push(
      reason('commute_hybrid', tone, { minutes, officeDays: Math.min(pr.officeDays, pr.shiftDays || 5) }),
    );
  } else {
    out.push(reason('commute_minutes', tone, { minutes, mode: pm.member.commuteMode }));
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
