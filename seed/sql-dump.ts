/**
 * Writes the data rows of a seeded SQLite database as SQL INSERT statements, for loading the
 * demo into a local D1 with `wrangler d1 execute --file` (`npm run dev:worker`). The schema is
 * not dumped (D1 has it from its migrations), nor the area master (a migration loads it), nor
 * the full-text index's internal tables (inserting into the full-text table rebuilds them).
 * Tables come parents first, so foreign keys hold row by row.
 */
import type Database from 'better-sqlite3';

/** Below D1's 100 KB statement limit, with room for the INSERT's head. */
const MAX_STATEMENT_BYTES = 90_000;

const isDataTable = (name: string) =>
  name !== 'areas' &&
  !name.startsWith('sqlite_') &&
  !name.startsWith('kysely_') &&
  !name.startsWith('_cf_') &&
  !/^role_search_text_/.test(name);

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Uint8Array) return `X'${Buffer.from(value).toString('hex')}'`;
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** Table names, each after the tables its foreign keys point to. */
function parentsFirst(sqlite: Database.Database, tables: string[]): string[] {
  const parents = new Map(
    tables.map((table) => [
      table,
      (sqlite.pragma(`foreign_key_list("${table}")`) as { table: string }[])
        .map((fk) => fk.table)
        .filter((parent) => parent !== table && tables.includes(parent)),
    ]),
  );
  const ordered: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table) || path.includes(table)) return;
    for (const parent of parents.get(table) ?? []) visit(parent, [...path, table]);
    ordered.push(table);
  };
  for (const table of [...tables].sort()) visit(table, []);
  return ordered;
}

/**
 * The data as SQL text: multi-row INSERTs, each under D1's statement size limit.
 * @example writeFileSync('demo.sql', dumpDataAsSql(database.sqlite))
 */
export function dumpDataAsSql(sqlite: Database.Database): string {
  const listed = (sqlite.pragma('table_list') as { schema: string; name: string; type: string }[]).filter(
    (t) => t.schema === 'main' && (t.type === 'table' || t.type === 'virtual') && isDataTable(t.name),
  );
  const tables = listed.map((t) => t.name);
  // The full-text table's rowid is the key its role's search row points at: keep it.
  const virtual = new Set(listed.filter((t) => t.type === 'virtual').map((t) => t.name));
  const out: string[] = [];
  for (const table of parentsFirst(sqlite, tables)) {
    const select = `SELECT ${virtual.has(table) ? 'rowid, ' : ''}* FROM "${table}"`;
    const rows = sqlite.prepare(select).raw().all() as unknown[][];
    if (rows.length === 0) continue;
    const columns = sqlite
      .prepare(`${select} LIMIT 1`)
      .columns()
      .map((c) => `"${c.name}"`);
    const head = `INSERT INTO "${table}" (${columns.join(', ')}) VALUES\n`;
    let values: string[] = [];
    let size = head.length;
    const flush = () => {
      if (values.length) out.push(`${head}${values.join(',\n')};`);
      values = [];
      size = head.length;
    };
    for (const row of rows) {
      const tuple = `(${row.map(literal).join(', ')})`;
      if (size + tuple.length > MAX_STATEMENT_BYTES) flush();
      values.push(tuple);
      size += Buffer.byteLength(tuple) + 2;
    }
    flush();
  }
  return `${out.join('\n')}\n`;
}
