/**
 * Opens the SQLite database of record with better-sqlite3 (Node only): WAL so readers never
 * wait on the writer, foreign keys enforced, and a busy timeout for the seed and the service
 * sharing one file. Migrations are read from `src/db/migrations/` and applied on open.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { type Database, transactionalDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrator.ts';
import type { DB } from '../../db/schema.ts';
import { literalLimits } from './literal-limits.ts';

const migrationsDir = fileURLToPath(new URL('../../db/migrations/', import.meta.url));

/** Reads every `*.sql` migration, keyed by file name. */
export function readMigrationSources(): Record<string, string> {
  const names = readdirSync(migrationsDir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  return Object.fromEntries(names.map((name) => [name, readFileSync(`${migrationsDir}${name}`, 'utf8')]));
}

export interface SqliteDatabase extends Database {
  /** The raw handle, for bulk loads that need prepared statements (the seed loader). */
  readonly sqlite: SQLite.Database;
  close(): Promise<void>;
}

/**
 * The file holds password hashes and DV notes, so only the service's user may read it: a new
 * directory is made 0700 (an existing one is the operator's choice and left as it is), the file
 * is made — or tightened to — 0600 before SQLite opens it, and SQLite gives the WAL and its
 * shared-memory index the database file's own permissions (tightened too if an older run left
 * them readable).
 */
function keepPrivate(path: string) {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

/** Distinct SQL texts kept prepared: the service's queries come in a few hundred shapes (lists travel as one JSON parameter). */
const PREPARED_STATEMENTS = 1_000;

/**
 * The handle as Kysely sees it, with each SQL text prepared once. Kysely prepares every query it
 * runs, and compiling a statement cost more than running the small indexed lookups a page makes
 * (profiled at 100k roles: a third of the member home page's database time). A statement still
 * being iterated by a stream is busy, so that call gets a fresh one; SQLite recompiles a kept
 * statement by itself when a migration changed the schema under it.
 */
function withPreparedStatements(sqlite: SQLite.Database) {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      const kept = prepared.get(text);
      if (kept && !kept.busy) return kept;
      const statement = sqlite.prepare(text);
      if (!kept) {
        prepared.set(text, statement);
        // A Map keeps insertion order: the first key is the oldest shape.
        if (prepared.size > PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value as string);
      }
      return statement;
    },
  };
}

/**
 * Opens (creating if needed) and migrates a database file; `:memory:` works for tests.
 * @example const database = await openSqlite('./data/yorisoi.db')
 */
export async function openSqlite(path: string): Promise<SqliteDatabase> {
  if (path !== ':memory:') keepPrivate(path);
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withPreparedStatements(sqlite) }),
    plugins: [literalLimits],
  });
  await migrateToLatest(db, readMigrationSources());
  refreshPlannerStatistics(sqlite);
  return { ...transactionalDatabase(db), sqlite, close: () => db.destroy() };
}

/**
 * Lets SQLite measure the tables it has never measured, or that grew tenfold since (PRAGMA
 * optimize, sampling at most 1,000 rows per index: ~130 ms at 100k roles, nothing when current).
 * Without these statistics the planner guesses, and an index such as `(status, remote_mode)`
 * looks selective: "these 2,000 ids, if published" then walked every published role (≈ 120 ms)
 * instead of looking up 2,000 ids (≈ 10 ms). Run at open and every hour by the service.
 */
export function refreshPlannerStatistics(sqlite: SQLite.Database): void {
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
}
