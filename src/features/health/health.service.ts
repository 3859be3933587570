/**
 * Health checks: the database answers a trivial query. (Search health joins here once the
 * search index exists.)
 */
import { sql } from 'kysely';
import type { AppDeps } from '../../deps.ts';

export interface Health {
  status: 'ok' | 'degraded';
  database: 'ok' | 'unavailable';
  time: string;
}

export function createHealthService({ database, clock }: AppDeps) {
  return {
    async check(): Promise<Health> {
      const time = clock.now().toISOString();
      try {
        await sql`select 1`.execute(database.db);
        return { status: 'ok', database: 'ok', time };
      } catch {
        return { status: 'degraded', database: 'unavailable', time };
      }
    },
  };
}
