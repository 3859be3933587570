/**
 * A circle on the map as the place codes inside it, for the search engine to filter on an indexed
 * attribute instead of measuring every role's distance (`_geoRadius`), which at 100k roles costs
 * more than the rest of a search. A role's document carries the code of its own point (`geoPoint`:
 * its town's when the location has one, else its area's) and its area (`geoArea`); a circle is
 * the areas wholly inside it (every town of theirs and their own point within the radius) plus,
 * for areas it only partly covers, the exact points inside. So the filter keeps exactly the roles
 * whose point lies within the radius, as `_geoRadius` on the same point did.
 *
 * The area master's points and each area's box of town points are read once per process (per
 * isolate on Workers); town lists only for the areas a circle's edge crosses, and kept.
 */
import type { Kysely } from 'kysely';
import { distanceKm, type GeoPoint } from '../../../matching/index.ts';
import { jsonList } from '../../db/json-list.ts';
import type { DB } from '../../db/schema.ts';
import type { GeoCodes } from './job-index.ts';

/** The code of a role location's point: `areaCode/town` at a town's point, else the area code. */
export function geoPointCode(areaCode: string, town: string | null | undefined): string {
  return town ? `${areaCode}/${town}` : areaCode;
}

interface AreaBox {
  code: string;
  point: GeoPoint;
  /** The box around the area's point and all its towns' points. */
  south: number;
  north: number;
  west: number;
  east: number;
}

/** Distances are measured as the degraded search and the matching module measure them. */
const km = distanceKm;
/** Box edges are not great circles: a few metres either way decide "wholly inside" conservatively. */
const MARGIN_KM = 0.05;
/** Circles remembered (members' homes and the area centres visitors pick repeat). */
const REMEMBERED = 500;
/** Areas whose town lists are kept. */
const TOWN_AREAS = 400;

export function createGeoCodes(db: Kysely<DB>) {
  let boxes: Promise<AreaBox[]> | undefined;
  const towns = new Map<string, { code: string; point: GeoPoint }[]>();
  const circles = new Map<string, Promise<GeoCodes>>();

  const loadBoxes = () =>
    (boxes ??= db
      .selectFrom('areas')
      .leftJoin('area_towns', 'area_towns.area_code', 'areas.code')
      .select((eb) => [
        'areas.code',
        'areas.lat',
        'areas.lng',
        eb.fn.min('area_towns.lat').as('south'),
        eb.fn.max('area_towns.lat').as('north'),
        eb.fn.min('area_towns.lng').as('west'),
        eb.fn.max('area_towns.lng').as('east'),
      ])
      .where('areas.lat', 'is not', null)
      .where('areas.lng', 'is not', null)
      .groupBy('areas.code')
      .execute()
      .then((rows) =>
        rows.map((r) => {
          const lat = r.lat as number;
          const lng = r.lng as number;
          return {
            code: r.code,
            point: { lat, lng },
            south: Math.min(lat, (r.south as number | null) ?? lat),
            north: Math.max(lat, (r.north as number | null) ?? lat),
            west: Math.min(lng, (r.west as number | null) ?? lng),
            east: Math.max(lng, (r.east as number | null) ?? lng),
          };
        }),
      )
      .catch((error: unknown) => {
        boxes = undefined;
        throw error;
      }));

  async function townsOf(codes: string[]): Promise<Map<string, { code: string; point: GeoPoint }[]>> {
    const missing = codes.filter((c) => !towns.has(c));
    if (missing.length > 0) {
      const rows = await db
        .selectFrom('area_towns')
        .select(['area_code', 'name', 'lat', 'lng'])
        .where('area_code', 'in', jsonList(missing))
        .execute();
      for (const code of missing) towns.set(code, []);
      for (const r of rows)
        towns.get(r.area_code)?.push({ code: geoPointCode(r.area_code, r.name), point: r });
      while (towns.size > TOWN_AREAS) towns.delete(towns.keys().next().value as string);
    }
    return new Map(codes.map((c) => [c, towns.get(c) ?? []]));
  }

  async function compute(centre: GeoPoint, radiusKm: number, coarse: boolean): Promise<GeoCodes> {
    const inside: string[] = [];
    const crossed: AreaBox[] = [];
    for (const box of await loadBoxes()) {
      // The box's nearest point to the centre (near enough for boxes a few km wide, with the margin).
      const nearest = {
        lat: Math.min(box.north, Math.max(box.south, centre.lat)),
        lng: Math.min(box.east, Math.max(box.west, centre.lng)),
      };
      if (km(centre, nearest) > radiusKm + MARGIN_KM) continue;
      const corners = [
        { lat: box.south, lng: box.west },
        { lat: box.south, lng: box.east },
        { lat: box.north, lng: box.west },
        { lat: box.north, lng: box.east },
      ];
      if (corners.every((c) => km(centre, c) <= radiusKm - MARGIN_KM)) inside.push(box.code);
      else crossed.push(box);
    }
    if (coarse) return { areas: [...inside, ...crossed.map((b) => b.code)], points: [] };
    const points: string[] = [];
    const townLists = await townsOf(crossed.map((b) => b.code));
    for (const box of crossed) {
      if (km(centre, box.point) <= radiusKm) points.push(box.code);
      for (const town of townLists.get(box.code) ?? [])
        if (km(centre, town.point) <= radiusKm) points.push(town.code);
    }
    return { areas: inside, points };
  }

  return {
    /**
     * The codes of every place within `radiusMeters` of the centre. `coarse`: every area the
     * circle touches, whole (a superset, a few short codes instead of thousands of towns), for
     * prefilters whose exact call is made later, such as her reach before the matching module.
     * @example const within = await geoCodes.within({ lat: 35.52, lng: 139.63 }, 10_000)
     */
    within(centre: GeoPoint, radiusMeters: number, options: { coarse?: boolean } = {}): Promise<GeoCodes> {
      const coarse = options.coarse === true;
      const key = `${centre.lat},${centre.lng},${Math.round(radiusMeters)},${coarse}`;
      let found = circles.get(key);
      if (!found) {
        found = compute(centre, Math.round(radiusMeters) / 1000, coarse).catch((error: unknown) => {
          circles.delete(key);
          throw error;
        });
        circles.set(key, found);
        while (circles.size > REMEMBERED) circles.delete(circles.keys().next().value as string);
      }
      return found;
    },
  };
}

export type GeoCodesService = ReturnType<typeof createGeoCodes>;
