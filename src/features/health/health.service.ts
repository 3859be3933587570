/**
 * Health: the database answers, the search engine answers, and how far the search index is
 * behind the database (outbox entries waiting and the age of the oldest).
 */
import { sql } from 'kysely';
import type { AppDeps } from '../../deps.ts';
import { outboxLag } from '../search/search-outbox.repository.ts';

export interface Health {
  status: 'ok' | 'degraded';
  database: 'ok' | 'unavailable';
  search: 'ok' | 'unavailable' | 'disabled';
  outbox: { pending: number; oldestSeconds: number | null };
  time: string;
}

export function createHealthService({ database, clock, jobIndex }: AppDeps) {
  return {
    async check(): Promise<Health> {
      const now = clock.now();
      const time = now.toISOString();
      try {
        await sql`select 1`.execute(database.db);
      } catch {
        return {
          status: 'degraded',
          database: 'unavailable',
          search: 'disabled',
          outbox: { pending: 0, oldestSeconds: null },
          time,
        };
      }
      const lag = await outboxLag(database.db);
      const search = jobIndex === null ? 'disabled' : (await jobIndex.healthy()) ? 'ok' : 'unavailable';
      return {
        status: search === 'ok' ? 'ok' : 'degraded',
        database: 'ok',
        search,
        outbox: {
          pending: lag.pending,
          oldestSeconds:
            lag.oldest === null
              ? null
              : Math.max(0, Math.round((now.getTime() - Date.parse(lag.oldest)) / 1000)),
        },
        time,
      };
    },
  };
}
