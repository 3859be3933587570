/**
 * Applies the SQL migrations in `src/db/migrations/` through Kysely's migrator. The files are
 * plain SQL so that wrangler can apply the very same files to D1; here each file becomes one
 * Kysely migration, named after the file and run in name order.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

/**
 * Splits a migration file into statements. A statement ends at a line ending in `;`, except
 * inside a `CREATE TRIGGER … BEGIN … END;` body, whose inner statements also end in `;`.
 * @example splitStatements('CREATE TABLE a (x);\nCREATE TABLE b (y);') // two statements
 */
export function splitStatements(source: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let inTrigger = false;
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (current.length === 0 && (trimmed === '' || trimmed.startsWith('--'))) continue;
    current.push(line);
    if (/^CREATE\s+(TEMP\s+)?TRIGGER/i.test(trimmed)) inTrigger = true;
    const ends = trimmed.endsWith(';');
    if (ends && (!inTrigger || /^END\s*;$/i.test(trimmed))) {
      statements.push(current.join('\n'));
      current = [];
      inTrigger = false;
    }
  }
  if (current.some((line) => line.trim() !== '' && !line.trim().startsWith('--'))) {
    throw new Error(`migration ends without ';': ${current.join('\n').slice(0, 200)}`);
  }
  return statements;
}

function sqlMigration(source: string): Migration {
  const statements = splitStatements(source);
  return {
    async up(db: Kysely<unknown>) {
      for (const statement of statements) await sql.raw(statement).execute(db);
    },
  };
}

/** A provider over migration sources keyed by file name, e.g. `{ '0001_initial.sql': '…' }`. */
export function sqlMigrationProvider(sources: Record<string, string>): MigrationProvider {
  return {
    async getMigrations() {
      return Object.fromEntries(
        Object.entries(sources).map(([name, source]) => [name.replace(/\.sql$/, ''), sqlMigration(source)]),
      );
    },
  };
}

/**
 * Brings the schema up to date, throwing with the failing migration's name if one fails.
 * @example await migrateToLatest(db, await readMigrationSources())
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before (and regardless of) the typed schema.
export async function migrateToLatest(db: Kysely<any>, sources: Record<string, string>): Promise<string[]> {
  // Migrations written side by side land in any order; a database that already has a later one
  // still takes an earlier newcomer, as `wrangler d1 migrations apply` does on D1.
  const migrator = new Migrator({
    db,
    provider: sqlMigrationProvider(sources),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}
