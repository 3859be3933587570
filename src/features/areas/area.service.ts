/**
 * Area look-ups, and the checks other features use to accept only real area codes.
 */

import type { AreaTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { AppError, type ErrorIssue, notFound } from '../../errors.ts';
import { foldRomaji, hiragana, romajiOf } from '../search/readings.ts';
import { listAllAreas, listPrefectures, listTowns, searchAreas, searchTowns } from './area.repository.ts';
import { resolveTown, townQueryVariants } from './town-names.ts';

/** A town (大字・町丁目) of an area with its representative point. */
export interface Town {
  name: string;
  point: { lat: number; lng: number };
}

/** A town a request asks for: a town name or an address, in an area, at a field path. */
export interface TownRef {
  areaCode: string;
  /** What was typed: a town name (大倉山3丁目) or an address (大倉山3-1-5). */
  text: string;
  path: string;
  /** A town name must be found (her home town); an address may stay at the area's point. */
  required: boolean;
}

export interface Area {
  code: string;
  kind: AreaTable['kind'];
  prefCode: string;
  prefecture: string;
  parentCode: string | null;
  name: string;
  kana: string;
  point: { lat: number; lng: number } | null;
}

export function toArea(row: AreaTable): Area {
  return {
    code: row.code,
    kind: row.kind,
    prefCode: row.pref_code,
    prefecture: row.prefecture,
    parentCode: row.parent_code,
    name: row.name,
    kana: row.kana,
    point: row.lat === null || row.lng === null ? null : { lat: row.lat, lng: row.lng },
  };
}

export function createAreaService({ database }: AppDeps) {
  const { db } = database;
  // The area master only changes with a migration and is small (1,969 rows, ~300 KB), so it is
  // read once and every look-up by code on a hot path (browsing, ranking) is served from memory.
  let master: Promise<{ byCode: Map<string, Area>; prefectures: Area[] }> | undefined;
  const loaded = () =>
    (master ??= Promise.all([listAllAreas(db), listPrefectures(db)]).then(([all, prefectures]) => ({
      byCode: new Map(all.map((row) => [row.code, toArea(row)])),
      prefectures: prefectures.map(toArea),
    })));

  /** Each area's reading in folded romaji, whole and (for a ward) without its city's, made once. */
  let romajiReadings: Promise<{ code: string; whole: string; own: string }[]> | undefined;
  const readingsInRomaji = () =>
    (romajiReadings ??= loaded().then(({ byCode }) =>
      [...byCode.values()].map((area) => {
        const whole = romajiOf(area.kana);
        const parent = area.parentCode ? byCode.get(area.parentCode) : undefined;
        const parentReading = parent && parent.kind !== 'prefecture' ? romajiOf(parent.kana) : '';
        return {
          code: area.code,
          whole,
          own: parentReading && whole.startsWith(parentReading) ? whole.slice(parentReading.length) : whole,
        };
      }),
    ));

  /** Areas whose reading (or a ward's own part of it: kohoku for 横浜市港北区) starts with this. */
  async function codesByRomaji(folded: string): Promise<string[]> {
    if (folded === '') return [];
    return (await readingsInRomaji())
      .filter((r) => r.whole.startsWith(folded) || r.own.startsWith(folded))
      .map((r) => r.code);
  }

  /** The areas for a set of codes, keyed by code (unknown codes are simply absent). */
  async function places(codes: readonly string[]): Promise<Map<string, Area>> {
    const { byCode } = await loaded();
    const found = new Map<string, Area>();
    for (const code of codes) {
      const area = byCode.get(code);
      if (area) found.set(code, area);
    }
    return found;
  }

  return {
    prefectures: async () => (await loaded()).prefectures,

    /**
     * Towns of a municipality or ward, optionally those whose name contains what she typed
     * (大倉山3 finds 大倉山三丁目). Readings are not in the town master, so names only.
     * @example await areas.towns({ code: '141097', q: '大倉山', limit: 20, offset: 0 })
     */
    async towns(query: { code: string; q?: string | undefined; limit: number; offset: number }) {
      const area = (await loaded()).byCode.get(query.code);
      if (!area || area.kind === 'prefecture') throw notFound('area');
      const { items, total } = await searchTowns(db, {
        areaCode: query.code,
        contains: query.q ? townQueryVariants(query.q) : [],
        limit: query.limit,
        offset: query.offset,
      });
      return {
        items: items.map((t): Town => ({ name: t.name, point: { lat: t.lat, lng: t.lng } })),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    /**
     * The town each reference names or lies in, keyed by path (absent: an address in no known
     * town, kept at the area's point). Fails with a field error for a required town not found.
     * @example await areas.resolveTowns([{ areaCode: '141097', text: '大倉山3丁目', path: 'body.homeTown', required: true }])
     */
    async resolveTowns(refs: readonly TownRef[]): Promise<Map<string, Town>> {
      const found = new Map<string, Town>();
      if (refs.length === 0) return found;
      const { byCode } = await loaded();
      const rows = await listTowns(db, [...new Set(refs.map((r) => r.areaCode))]);
      const issues: ErrorIssue[] = [];
      for (const ref of refs) {
        const towns = rows.filter((t) => t.area_code === ref.areaCode);
        const area = byCode.get(ref.areaCode);
        const prefixes = area ? [area.prefecture, area.name, area.name.replace(/^.+?市(?=.+区$)/, '')] : [];
        const exact = towns.find((t) => t.name === ref.text.trim());
        const name =
          exact?.name ??
          resolveTown(
            towns.map((t) => t.name),
            ref.text,
            prefixes,
          );
        const town = towns.find((t) => t.name === name);
        if (town) found.set(ref.path, { name: town.name, point: { lat: town.lat, lng: town.lng } });
        else if (ref.required) {
          issues.push({
            path: ref.path,
            message: `no town ${ref.text} in ${area?.name ?? ref.areaCode}: look it up at /api/areas/${ref.areaCode}/towns`,
            code: 'unknown_town',
          });
        }
      }
      if (issues.length > 0)
        throw new AppError('validation_failed', 'The request has invalid fields', issues);
      return found;
    },

    places,

    async get(code: string) {
      const area = (await loaded()).byCode.get(code);
      if (!area) throw notFound('area');
      return area;
    },

    /**
     * Areas by prefecture and name, reading (おだわら, オダワラ) or romaji (odawara, in any common
     * spelling: Tokyo, toukyou and tokyo meet).
     * @example await areas.search({ q: 'odawara', limit: 20, offset: 0 }) // 小田原市
     */
    async search(query: {
      prefCode?: string;
      q?: string;
      kind?: AreaTable['kind'];
      limit: number;
      offset: number;
    }) {
      const kinds = query.kind ? [query.kind] : (['municipality', 'ward'] as const);
      const { q, ...rest } = query;
      const romaji = q && /^[a-zA-Z'\s-]+$/.test(q) ? foldRomaji(q.replace(/\s+/g, '')) : undefined;
      const { items, total } = await searchAreas(db, {
        ...rest,
        kinds,
        ...(romaji !== undefined
          ? { codes: await codesByRomaji(romaji) }
          : q
            ? { q, kana: hiragana(q) }
            : {}),
      });
      return { items: items.map(toArea), total, limit: query.limit, offset: query.offset };
    },

    /**
     * Loads the areas a request names and fails with a field error for any unknown code or one
     * that cannot be a place (no coordinate, or a prefecture where a municipality is needed).
     * @example await areas.requirePlaces([{ code: '141003', path: 'body.areaCode' }], { allowPrefecture: false })
     */
    async requirePlaces(
      refs: readonly { code: string; path: string }[],
      { allowPrefecture }: { allowPrefecture: boolean },
    ): Promise<Map<string, Area>> {
      const found = await places(refs.map((r) => r.code));
      const issues: ErrorIssue[] = [];
      for (const ref of refs) {
        const area = found.get(ref.code);
        if (!area)
          issues.push({ path: ref.path, message: `unknown area code ${ref.code}`, code: 'unknown_area' });
        else if (!area.point) {
          issues.push({
            path: ref.path,
            message: `${area.name} has no location and cannot be chosen`,
            code: 'area_without_point',
          });
        } else if (!allowPrefecture && area.kind === 'prefecture') {
          issues.push({
            path: ref.path,
            message: 'choose a municipality or ward, not a whole prefecture',
            code: 'prefecture_not_allowed',
          });
        }
      }
      if (issues.length > 0)
        throw new AppError('validation_failed', 'The request has invalid fields', issues);
      return found;
    },
  };
}

export type AreaService = ReturnType<typeof createAreaService>;
