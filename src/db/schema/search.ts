/** What search needs beside the roles: the outbox to the engine, the full-text table and each role's search figures. */
import type { Generated } from 'kysely';

export interface SearchOutboxTable {
  id: Generated<number>;
  role_id: string;
  enqueued_at: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
}

export interface RoleSearchTextTable {
  role_id: string;
  body: string;
}

/** Search figures of a role (degraded search filters on them); `key` is its full-text rowid. */
export interface RoleSearchRowTable {
  key: Generated<number>;
  role_id: string;
  hourly_pay: number;
  hours_per_week: number;
  earliest_start: number;
  latest_end: number;
  weekday_mask: number;
  lat: number | null;
  lng: number | null;
  /** The mothers' filters the role meets, as bits (job-conditions.ts; 0020). */
  conditions: Generated<number>;
}

/** Readings (hiragana and folded romaji) of a role's searchable text, and what they were read from. */
export interface RoleReadingTable {
  role_id: string;
  /** Fingerprint of the texts and the analyser: readings are stale when it differs. */
  source: string;
  kana: string;
  romaji: string;
}
