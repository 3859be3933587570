/**
 * The database on Cloudflare D1: a small Kysely dialect over a D1 binding (SQLite's adapter,
 * compiler and introspector; statements sent with `prepare().bind().all()`), and `atomic()` as
 * one D1 `batch()`, which D1 runs as a single transaction. D1 has no interactive transactions,
 * so `db.transaction()` is refused; the app never needs one.
 *
 * D1 binds at most 100 parameters per statement. Local D1 (workerd) does not enforce that, so
 * this driver does, and a statement that would fail on Cloudflare fails in the tests too.
 */
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { compileWrite, type Database, MAX_BOUND_PARAMETERS } from './database.ts';
import type { DB } from './schema.ts';

/** What this module needs of a D1 binding (`D1Database` in @cloudflare/workers-types). */
export interface D1Binding {
  prepare(query: string): D1Statement;
  batch(statements: D1Statement[]): Promise<unknown[]>;
}

export interface D1Statement {
  bind(...values: unknown[]): D1Statement;
  all(): Promise<{ results: unknown[]; meta: { changes?: number; last_row_id?: number } }>;
}

/** Refuses a statement D1 would refuse, naming it, before it is sent. */
function statement(binding: D1Binding, query: CompiledQuery): D1Statement {
  if (query.parameters.length > MAX_BOUND_PARAMETERS) {
    throw new Error(
      `D1 binds at most ${MAX_BOUND_PARAMETERS} parameters; this statement binds ${query.parameters.length}: ${query.sql.slice(0, 200)}`,
    );
  }
  return binding.prepare(query.sql).bind(...query.parameters);
}

class D1Connection implements DatabaseConnection {
  constructor(private readonly binding: D1Binding) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { results, meta } = await statement(this.binding, query).all();
    return {
      rows: results as R[],
      numAffectedRows: BigInt(meta.changes ?? 0),
      ...(meta.last_row_id ? { insertId: BigInt(meta.last_row_id) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: D1 cannot stream; this only says so.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('D1 does not stream query results');
  }
}

class D1Driver implements Driver {
  private readonly connection: D1Connection;

  constructor(binding: D1Binding) {
    this.connection = new D1Connection(binding);
  }

  async init() {}
  async acquireConnection() {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('D1 has no interactive transactions: write through Database.atomic() (one batch)');
  }
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

/** @example new Kysely<DB>({ dialect: new D1Dialect(env.DB) }) */
export class D1Dialect implements Dialect {
  constructor(private readonly binding: D1Binding) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver() {
    return new D1Driver(this.binding);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}

/**
 * The app's database on a D1 binding; `atomic()` sends every write in one `batch()`.
 * @example const database = d1Database(env.DB)
 */
export function d1Database(binding: D1Binding): Database {
  const db = new Kysely<DB>({ dialect: new D1Dialect(binding) });
  return {
    db,
    async atomic(writes) {
      if (writes.length === 0) return;
      await binding.batch(writes.map((write) => statement(binding, compileWrite(db, write))));
    },
  };
}
