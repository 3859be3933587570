/**
 * The database handle the app receives: a Kysely instance for queries, plus `atomic()` for
 * multi-row writes. Writes are handed over as a list of statements rather than as a callback,
 * because D1 has no interactive transactions: SQLite runs the list in a transaction, D1 as one
 * `batch()`. A service therefore reads first, decides, and then writes in one go.
 */
import type { Compilable, CompiledQuery, Kysely, RawBuilder } from 'kysely';
import type { DB } from './schema.ts';

/**
 * The most parameters one statement may bind: D1's limit (SQLite's own is far higher). Id lists
 * are bound as one JSON parameter (`json-list.ts`) and multi-row inserts are split
 * (`insert-rows.ts`) so that every statement stays within it on both runtimes.
 */
export const MAX_BOUND_PARAMETERS = 100;

/** A query builder, or a raw `sql` statement for what the builder cannot say. */
export type Write = Compilable | RawBuilder<unknown>;

export interface Database {
  readonly db: Kysely<DB>;
  /**
   * Runs every write or none.
   * @example await database.atomic([insertRole(db, row), ...insertRoleWindows(db, id, windows)])
   */
  atomic(writes: readonly Write[]): Promise<void>;
}

/** Compiles a write for the given database (raw statements need the executor to compile). */
export function compileWrite(db: Kysely<DB>, write: Write): CompiledQuery {
  return 'isRawBuilder' in write ? write.compile(db) : write.compile();
}

/** Runs the writes inside a Kysely transaction: the SQLite (and any interactive-transaction) way. */
export function transactionalDatabase(db: Kysely<DB>): Database {
  return {
    db,
    async atomic(writes) {
      if (writes.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const write of writes) await trx.executeQuery(compileWrite(db, write));
      });
    },
  };
}

/**
 * Whether a write was aborted because a row's version moved on after it was read: the version
 * triggers (migration 0013_2) refuse any step but one, on SQLite and D1 alike.
 */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof Error && error.message.includes('version_conflict');
}
