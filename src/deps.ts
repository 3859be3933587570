/**
 * What the app is built from. The Node and Workers entries (src/adapter/node, src/adapter/worker)
 * construct these and hand them to `newApp`; the app itself does no I/O of its own and touches no
 * runtime API beyond Web APIs.
 */
import type { Database } from './db/database.ts';
import type { PasswordHasher } from './features/auth/password.ts';
import type { JobIndex } from './features/search/job-index.ts';
import type { ReadingAnalyser } from './features/search/readings.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppConfig {
  /** How long a sign-in lasts at most. */
  sessionTtlHours: number;
  /** A sign-in unused this long ends: members (often on a shared phone) and everyone else. */
  sessionIdleHours: { member: number; other: number };
  /** Sessions one account may hold; signing in once more ends the oldest. */
  maxSessionsPerAccount: number;
  /** Where the service is reached, for links in e-mails (never taken from a request's Host). */
  publicUrl: string;
  /** Who runs the service, for the 運営者情報 page. */
  operator: { name: string; licence: string; address: string; contactEmail: string };
  /** Largest request body accepted, in bytes; larger ones get 413. */
  maxBodyBytes: number;
  /** Trust `X-Forwarded-Proto` from a reverse proxy when deciding whether cookies are Secure. */
  trustProxy: boolean;
  /** Largest page a list endpoint returns. */
  maxPageSize: number;
  /**
   * POSTs to the password routes (sign-in, sign-up, reset, deletion) one client address may make
   * a minute: each costs a deliberately slow hash.
   */
  passwordRequestsPerClientPerMinute: number;
  /**
   * Origins (`https://app.example.jp`) whose pages may call `/api/*` from the browser (CORS), with
   * bearer tokens, not cookies. Empty, the default: no cross-origin access at all.
   */
  corsOrigins: readonly string[];
  /** The suggestion job: least score worth proposing, per-member count, open matches per role. */
  suggestions: { minScore: number; perMember: number; roleQuota: number };
  /**
   * After a hire: the days after it on which she is asked how work is going, how many days she
   * has to answer before the coordinator hears of it, and the answer (1–5) at or below which the
   * coordinator hears of it at once.
   */
  followUp: { checkInDays: readonly number[]; answerWindowDays: number; lowWellbeing: number };
  /**
   * Ad freshness: a published role leaves search this many days after it was published or last
   * renewed; its employer is told `noticeDays` ahead; a role found without a date (published
   * before expiry existed, or bulk-loaded) is given one no sooner than `floorDays` from then.
   */
  roleExpiry: { days: number; noticeDays: number; floorDays: number };
}

export const defaultConfig: AppConfig = {
  sessionTtlHours: 24 * 14,
  sessionIdleHours: { member: 48, other: 24 * 7 },
  maxSessionsPerAccount: 10,
  publicUrl: 'http://127.0.0.1:8787',
  operator: {
    name: '寄り添い運営事務局（デモ）',
    licence: '有料職業紹介事業 許可番号 未設定（OPERATOR_LICENCE で設定）',
    address: '',
    contactEmail: 'support@example.jp',
  },
  maxBodyBytes: 64 * 1024,
  trustProxy: false,
  maxPageSize: 100,
  passwordRequestsPerClientPerMinute: 10,
  corsOrigins: [],
  suggestions: { minScore: 0.6, perMember: 3, roleQuota: 8 },
  // Two weeks, then one, two and three months: the points the concierge program asks at.
  followUp: { checkInDays: [14, 30, 60, 90], answerWindowDays: 7, lowWellbeing: 2 },
  // Three months, as the big Japanese boards run a paid ad; a week's notice is time to renew.
  roleExpiry: { days: 90, noticeDays: 7, floorDays: 30 },
};

export interface AppDeps {
  database: Database;
  clock: Clock;
  config: AppConfig;
  passwords: PasswordHasher;
  /** The search engine's job index; null runs on the database alone (always degraded). */
  jobIndex: JobIndex | null;
  /**
   * Reads Japanese text into kana and romaji for search (see readings.ts): kuromoji in a child
   * process on Node, kana only in Workers. Absent: roles keep the readings already stored.
   */
  readings?: ReadingAnalyser | null;
}

/** A new opaque id; UUIDs so ids can be made before a write (D1 batches cannot read back). */
export const newId = (): string => crypto.randomUUID();
