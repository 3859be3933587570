/**
 * Child rows gathered per parent as one JSON array, in a correlated subquery. Loading 500 roles
 * with their windows, places, skills and facts this way is one statement returning 500 rows,
 * instead of five statements returning thousands of small row objects.
 */
import { type RawBuilder, sql } from 'kysely';

export interface ChildRows {
  /** The FROM clause, with joins; names here are constants of this codebase, never input. */
  from: string;
  /** Output keys and the expressions that fill them. */
  columns: Record<string, string>;
  /** The condition tying a child row to the outer parent row. */
  parent: string;
  orderBy: string;
}

/**
 * @example sql`SELECT r.id, ${childRowsJson({ from: 'role_skills s', columns: { tag: 's.tag' }, parent: 's.role_id = r.id', orderBy: 's.tag' })} AS skills …`
 */
export function childRowsJson(rows: ChildRows): RawBuilder<string> {
  const fields = Object.keys(rows.columns)
    .map((key) => `'${key}', c.${key}`)
    .join(', ');
  const selected = Object.entries(rows.columns)
    .map(([key, expression]) => `${expression} AS ${key}`)
    .join(', ');
  // Ordering in an inner query keeps the array order on SQLite versions without ORDER BY in aggregates.
  return sql<string>`(SELECT json_group_array(json_object(${sql.raw(fields)})) FROM (SELECT ${sql.raw(selected)} FROM ${sql.raw(rows.from)} WHERE ${sql.raw(rows.parent)} ORDER BY ${sql.raw(rows.orderBy)}) c)`;
}

/** Parses a gathered array. */
export function parseRows<T>(json: string | null): T[] {
  return json ? (JSON.parse(json) as T[]) : [];
}
