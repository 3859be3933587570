/**
 * Where a search looks: its centre (her home, or the place or town she chose), a radius or
 * nearest-first order around it as place codes with the rings the engine sorts within, and a
 * member's reach (her commute around home and the places she would move to). Circles are turned
 * into place codes once per centre (geo-codes.ts).
 */
import { type GeoPoint, reachKm } from '../../../matching/index.ts';
import { invalidField } from '../../errors.ts';
import type { AreaService } from '../areas/area.service.ts';
import type { MemberProfile } from '../members/member.schemas.ts';
import type { GeoCodesService } from './geo-codes.ts';
import type { GeoCircle, GeoCodes, JobIndexQuery } from './job-index.ts';
import type { JobSearchQuery } from './job-search.schemas.ts';

/** Straight-line reach is widened a little: the matching module makes the exact commute call. */
const REACH_SLACK = 1.15;
/**
 * Rings for a distance sort without a radius (a visitor's place, a member's pool around her
 * home, cut at her reach), in km: each √2 wider than the last, so the ring that first holds the
 * page holds at most about twice what it needs, and that is all that is fetched. The far ones are
 * counted only when the near ones miss the page (see meilisearch-nearest.ts); a page beyond
 * 64 km among more than 5,000 matches is sorted over 5,000 of them only. Each ring's codes are
 * kept per centre (geo-codes.ts), so their number and size stay small.
 */
const OPEN_RINGS_KM = Array.from({ length: 13 }, (_, i) => Math.SQRT2 ** i);
/**
 * Rings for a distance sort within a radius, as fractions of it (none under half a kilometre),
 * √2 apart likewise: 1/16 of the radius to 1/√2 of it.
 */
const RADIUS_RING_FRACTIONS = Array.from({ length: 8 }, (_, i) => Math.SQRT2 ** i / 16);

/** @example const { reachOf } = createSearchPlaces(areas, createGeoCodes(db)); await reachOf(profile) */
export function createSearchPlaces(areas: AreaService, geoCodes: GeoCodesService) {
  /**
   * A reach circle with the areas it touches, whole: reach is a prefilter (the matching module
   * makes the exact commute call), and whole areas keep the engine's filter short.
   */
  async function withCodes(circle: GeoCircle): Promise<GeoCircle> {
    return { ...circle, within: await geoCodes.within(circle, circle.radiusMeters, { coarse: true }) };
  }

  /**
   * The centre of a search with its radius's place codes and, for a nearest-first search, the
   * rings the engine sorts within (see meilisearch-nearest.ts).
   */
  async function nearWithCodes(
    centre: GeoPoint,
    radiusMeters: number | undefined,
    nearestFirst: boolean,
    reach: JobIndexQuery['reach'],
  ): Promise<NonNullable<JobIndexQuery['near']>> {
    const near = { ...centre, ...(radiusMeters !== undefined ? { radiusMeters } : {}) };
    // Every ring lies inside every distance limit of the query (its radius; with a reach, her
    // circle around this same centre), so the engine can count a ring without those filters.
    const homeCircle = reach?.circles.find((c) => c.lat === centre.lat && c.lng === centre.lng);
    const widest = Math.min(
      radiusMeters ?? Number.POSITIVE_INFINITY,
      reach ? (homeCircle?.radiusMeters ?? 0) : Number.POSITIVE_INFINITY,
    );
    const ringRadii = !nearestFirst
      ? []
      : (radiusMeters !== undefined
          ? RADIUS_RING_FRACTIONS.map((f) => radiusMeters * f).filter((r) => r >= 500)
          : OPEN_RINGS_KM.map((km) => km * 1000)
        ).filter((r) => r <= widest);
    const [within, ...rings] = await Promise.all([
      radiusMeters !== undefined ? geoCodes.within(centre, radiusMeters) : undefined,
      ...ringRadii.map((r) => geoCodes.within(centre, r)),
    ]);
    return {
      ...near,
      ...(within ? { within } : {}),
      ...(rings.length
        ? {
            rings: rings.map((codes, i) => ({
              radiusMeters: ringRadii[i] as number,
              within: codes as GeoCodes,
            })),
          }
        : {}),
    };
  }

  /** Her home's point: her town's when she gave one, else her area's. */
  async function homePointOf(profile: MemberProfile): Promise<GeoPoint | null> {
    return profile.homePoint ?? (await areas.get(profile.area.code)).point;
  }

  /** Where she could work: her commute around home and target places, and target prefectures. */
  async function reachOf(profile: MemberProfile): Promise<NonNullable<JobIndexQuery['reach']>> {
    // reachKm already allows for area-level points and the model's error (so nothing the matching
    // module would keep is cut here); the slack covers the distance to a role's first location only.
    const radiusMeters = reachKm(profile.commute.mode, profile.commute.maxMinutes) * REACH_SLACK * 1000;
    const targets = profile.targetAreas;
    const places = await areas.places([profile.area.code, ...targets.map((t) => t.code)]);
    const centres = targets.filter((t) => places.get(t.code)?.kind !== 'prefecture').map((t) => t.code);
    const home = await homePointOf(profile);
    return {
      circles: await Promise.all(
        [
          ...(home ? [{ ...home, radiusMeters }] : []),
          ...centres.flatMap((code) => {
            const point = places.get(code)?.point;
            return point ? [{ ...point, radiusMeters }] : [];
          }),
        ].map(withCodes),
      ),
      prefCodes: targets.filter((t) => places.get(t.code)?.kind === 'prefecture').map((t) => t.prefCode),
      areaCodes: targets.filter((t) => places.get(t.code)?.kind !== 'prefecture').map((t) => t.code),
    };
  }

  /**
   * The centre of a search: her home unless she chose a place; a chosen town's point when she
   * named one of the area's towns (a visitor can search near 大倉山三丁目 as well as a member).
   */
  async function centreOf(query: JobSearchQuery, profile: MemberProfile | undefined) {
    if (query.centerTown && !query.centerAreaCode)
      throw invalidField(
        'query.centerTown',
        'choose the area the town is in (centerAreaCode)',
        'center_required',
      );
    if (!query.centerAreaCode) return profile ? await homePointOf(profile) : null;
    const area = await areas.get(query.centerAreaCode);
    if (!query.centerTown) return area.point;
    const towns = await areas.resolveTowns([
      { areaCode: query.centerAreaCode, text: query.centerTown, path: 'query.centerTown', required: true },
    ]);
    return towns.get('query.centerTown')?.point ?? area.point;
  }

  return { nearWithCodes, homePointOf, reachOf, centreOf };
}
