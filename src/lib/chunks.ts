/**
 * D1 binds at most 100 parameters per statement; lists of ids are asked for in chunks below that.
 */
export const MAX_BOUND_IDS = 90;

/** @example chunk([1, 2, 3], 2) // [[1, 2], [3]] */
export function chunk<T>(items: readonly T[], size = MAX_BOUND_IDS): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Runs a query per chunk of ids and concatenates the rows.
 * @example await inChunks(ids, (part) => db.selectFrom('x').where('id', 'in', part).selectAll().execute())
 */
export async function inChunks<T, R>(ids: readonly T[], query: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (const part of chunk(ids)) rows.push(...(await query(part)));
  return rows;
}
