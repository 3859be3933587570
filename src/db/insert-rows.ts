/**
 * Multi-row inserts split so that no statement binds more than D1's 100 parameters.
 */
import type { Kysely } from 'kysely';
import { MAX_BOUND_PARAMETERS } from './database.ts';
import type { DB } from './schema.ts';

/**
 * One insert per group of rows that fits the parameter limit; none for an empty list.
 * @example ...insertRows(db, 'role_windows', windows)
 */
export function insertRows<T extends keyof DB & string>(db: Kysely<DB>, table: T, rows: readonly DB[T][]) {
  const first = rows[0];
  if (!first) return [];
  const perStatement = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / Object.keys(first).length));
  const statements = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot narrow a generic table's insert type.
    statements.push(db.insertInto(table).values(rows.slice(i, i + perStatement) as any));
  }
  return statements;
}
