/**
 * Area look-ups, and the checks other features use to accept only real area codes.
 */

import type { AreaTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { AppError, type ErrorIssue, notFound } from '../../errors.ts';
import { listAllAreas, listPrefectures, searchAreas } from './area.repository.ts';

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

    places,

    async get(code: string) {
      const area = (await loaded()).byCode.get(code);
      if (!area) throw notFound('area');
      return area;
    },

    async search(query: {
      prefCode?: string;
      q?: string;
      kind?: AreaTable['kind'];
      limit: number;
      offset: number;
    }) {
      const kinds = query.kind ? [query.kind] : (['municipality', 'ward'] as const);
      const { items, total } = await searchAreas(db, { ...query, kinds });
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
