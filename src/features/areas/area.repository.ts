/**
 * Queries on the area master (prefectures, municipalities, wards) and its towns. Read-only: the
 * areas come from a migration, the towns from the town loader (seed/towns.ts).
 */
import type { Kysely } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { AreaTable, DB } from '../../db/schema.ts';

export function listPrefectures(db: Kysely<DB>) {
  return db.selectFrom('areas').selectAll().where('kind', '=', 'prefecture').orderBy('pref_code').execute();
}

export function listAllAreas(db: Kysely<DB>) {
  return db.selectFrom('areas').selectAll().orderBy('code').execute();
}

export interface AreaSearch {
  prefCode?: string;
  /** Matches the start of the name (横浜) or of the reading (よこはま), or the name anywhere. */
  q?: string;
  /** The reading to match the start of, when it differs from `q` (katakana typed, hiragana stored). */
  kana?: string;
  /** Only these areas (the service's matches for a romaji query). */
  codes?: readonly string[];
  kinds: readonly AreaTable['kind'][];
  limit: number;
  offset: number;
}

export async function searchAreas(db: Kysely<DB>, search: AreaSearch) {
  let query = db.selectFrom('areas').where('kind', 'in', search.kinds);
  if (search.prefCode) query = query.where('pref_code', '=', search.prefCode);
  if (search.codes) query = query.where('code', 'in', jsonList(search.codes));
  if (search.q) {
    const like = `%${search.q.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([
        eb('name', 'like', like),
        eb('kana', 'like', `${(search.kana ?? search.q)?.replace(/[%_\\]/g, '\\$&')}%`),
      ]),
    );
  }
  const [items, total] = await Promise.all([
    query.selectAll().orderBy('code').limit(search.limit).offset(search.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Towns of one area whose name contains any of the given strings, by name. */
export async function searchTowns(
  db: Kysely<DB>,
  search: { areaCode: string; contains: readonly string[]; limit: number; offset: number },
) {
  let query = db.selectFrom('area_towns').where('area_code', '=', search.areaCode);
  if (search.contains.length > 0) {
    query = query.where((eb) =>
      eb.or(search.contains.map((q) => eb('name', 'like', `%${q.replace(/[%_\\]/g, '\\$&')}%`))),
    );
  }
  const [items, total] = await Promise.all([
    query.selectAll().orderBy('name').limit(search.limit).offset(search.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Every town of some areas (a municipality has at most a few thousand), for resolving addresses. */
export function listTowns(db: Kysely<DB>, areaCodes: readonly string[]) {
  if (areaCodes.length === 0) return Promise.resolve([]);
  return db.selectFrom('area_towns').selectAll().where('area_code', 'in', jsonList(areaCodes)).execute();
}
