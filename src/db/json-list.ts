/**
 * Lists of ids bound as one JSON parameter: `id IN (SELECT value FROM json_each(?))`. One
 * statement and one parameter for any length, so D1's limit of 100 bound parameters never bites
 * and a page of 500 roles is one query per table, not one per hundred ids.
 */
import { type RawBuilder, sql } from 'kysely';

/** @example db.selectFrom('areas').where('code', 'in', jsonList(codes)) */
export function jsonList<T extends string | number>(values: readonly T[]): RawBuilder<T> {
  return sql<T>`(SELECT value FROM json_each(${JSON.stringify(values)}))`;
}
