/**
 * Health: the database answers, the search engine answers, and how far the search index is
 * behind the database (outbox entries waiting and the age of the oldest).
 */
import { sql } from 'kysely';
import type { AppDeps } from '../../deps.ts';
import type { IndexFreshness, JobIndex } from '../search/job-index.ts';
import { outboxLag } from '../search/search-outbox.repository.ts';

export interface Health {
  status: 'ok' | 'degraded';
  database: 'ok' | 'unavailable';
  /** `catching_up`: answering, with changes made while it was away still being sent; `building`: being filled. */
  search: 'ok' | 'catching_up' | 'building' | 'unavailable' | 'disabled';
  outbox: { pending: number; oldestSeconds: number | null };
  time: string;
}

const FRESHNESS: Record<IndexFreshness, Health['search']> = {
  current: 'ok',
  catchingUp: 'catching_up',
  building: 'building',
  unavailable: 'unavailable',
};

/** The tracked state when there is one (no request to the engine); otherwise ask the engine. */
async function searchHealth(index: JobIndex): Promise<Health['search']> {
  const freshness = index.freshness?.();
  if (freshness) return FRESHNESS[freshness];
  return (await index.healthy()) ? 'ok' : 'unavailable';
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
      const search = jobIndex === null ? 'disabled' : await searchHealth(jobIndex);
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
