/**
 * Queries on the area master (prefectures, municipalities, wards). Read-only: the rows come
 * from a migration.
 */
import type { Kysely } from 'kysely';
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
  kinds: readonly AreaTable['kind'][];
  limit: number;
  offset: number;
}

export async function searchAreas(db: Kysely<DB>, search: AreaSearch) {
  let query = db.selectFrom('areas').where('kind', 'in', search.kinds);
  if (search.prefCode) query = query.where('pref_code', '=', search.prefCode);
  if (search.q) {
    const like = `%${search.q.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([eb('name', 'like', like), eb('kana', 'like', `${search.q?.replace(/[%_\\]/g, '\\$&')}%`)]),
    );
  }
  const [items, total] = await Promise.all([
    query.selectAll().orderBy('code').limit(search.limit).offset(search.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
