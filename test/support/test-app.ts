/**
 * A real app on a real SQLite file in a temp directory, plus helpers to call it the way a client
 * would (JSON bodies, bearer tokens) and to create the accounts tests need.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { kuromojiAnalyser } from '../../src/adapter/node/kuromoji-analyser.ts';
import { openSqlite, type SqliteDatabase } from '../../src/adapter/node/sqlite.ts';
import { newApp } from '../../src/app.ts';
import type { UserRole } from '../../src/db/schema.ts';
import { type AppConfig, type Clock, defaultConfig, newId, systemClock } from '../../src/deps.ts';
import { scryptHasher } from '../../src/features/auth/password.ts';
import type { JobDocument } from '../../src/features/search/job-document.ts';
import type { JobIndex } from '../../src/features/search/job-index.ts';
import { createOutboxRelay } from '../../src/features/search/outbox-relay.ts';
import type { ReadingAnalyser } from '../../src/features/search/readings.ts';
import {
  type MeilisearchJobIndexOptions,
  meilisearchJobIndex,
} from '../../src/search/meilisearch-job-index.ts';
import { createServices } from '../../src/services.ts';
import { publishRole as publishRoleThrough, registerOrganisation } from './api-steps.ts';
import { roleInput, TEST_PASSWORD } from './inputs.ts';

export { memberProfileInput, organisationInput, roleInput, TEST_PASSWORD } from './inputs.ts';

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface Account {
  token: string;
  userId: string;
  organisationId?: string;
}

export interface TestAppOptions {
  /** Search against the run's Meilisearch (own index), or a given index; none runs degraded. */
  search?: boolean | JobIndex;
  /** The app's clock; the system's by default. */
  clock?: Clock;
  /** Settings that differ from the defaults (CORS origins; longer sessions for a test that moves its clock by months…). */
  config?: Partial<AppConfig>;
  /**
   * Read roles into kana and romaji (the Node service's analyser, see `testReadings`). Off by
   * default: the analyser's process takes a second and ≈ 350 MB to start, which only tests of
   * readings should pay.
   */
  readings?: ReadingAnalyser;
}

let sharedReadings: ReadingAnalyser | undefined;

/** The Node service's reading analyser, one per test file (its process leaves with the file's). */
export function testReadings(): ReadingAnalyser {
  sharedReadings ??= kuromojiAnalyser();
  return sharedReadings;
}

/** A job index of its own on the run's Meilisearch. */
/**
 * The least a search document needs to be indexed, for tests that feed the index directly: a
 * fully remote role unless `fields` place it.
 * @example await index.upsert([bareJobDocument('r1', { remote: 'none', prefCodes: ['14'] })])
 */
export function bareJobDocument(id: string, fields: Record<string, unknown> = {}): JobDocument {
  return {
    id,
    version: 1,
    remote: 'full',
    organisationId: 'org',
    prefCodes: [],
    geoArea: '',
    geoPoint: '',
    ...fields,
  } as unknown as JobDocument;
}

export function testJobIndex(overrides: Partial<MeilisearchJobIndexOptions> = {}): JobIndex {
  const meili = inject('meilisearch');
  return meilisearchJobIndex({
    host: meili.url,
    adminKey: meili.masterKey,
    indexUid: `test_${newId().replaceAll('-', '')}`,
    ...overrides,
  });
}

export async function createTestApp(options: TestAppOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-test-'));
  const database: SqliteDatabase = await openSqlite(join(dir, 'yorisoi.db'));
  const passwords = scryptHasher();
  const jobIndex = options.search === true ? testJobIndex() : options.search || null;
  const clock = options.clock ?? systemClock;
  const readings = options.readings ?? null;
  const deps = {
    database,
    clock,
    config: { ...defaultConfig, ...options.config },
    passwords,
    jobIndex,
    readings,
  };
  // One services instance, as the entries build it: the app serves with it, and tests reach the
  // same caches and jobs through it (suggestions, services a page calls).
  const services = createServices(deps);
  const app = newApp(deps, services);
  const relay = jobIndex ? createOutboxRelay({ database, clock, readings }, jobIndex) : undefined;
  // Staff accounts are not self-service; they share one precomputed hash to keep tests quick.
  const staffHash = passwords.hash(TEST_PASSWORD);

  async function call(method: string, path: string, options: CallOptions = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text, headers: response.headers };
  }

  /** The newest queued mail of a kind to an address (before any transport: its words as composed). */
  async function lastMailTo(email: string, kind: string) {
    return database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', email.toLowerCase())
      .where('kind', '=', kind)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
  }

  /** The one-time token in the newest mail of a kind to an address (its link's `token`). */
  async function tokenFromMail(email: string, kind: 'verify_email' | 'reset_password') {
    const mail = await lastMailTo(email, kind);
    const token = mail && /[?&]token=([A-Za-z0-9_%-]+)/.exec(mail.text_body)?.[1];
    if (!token) throw new Error(`no ${kind} mail to ${email}`);
    return decodeURIComponent(token);
  }

  /** Signs up without following the mail: the account may sign in but not act yet. */
  async function signUpUnverified(
    role: 'member' | 'employer',
    email = `${role}-${newId()}@example.jp`,
  ): Promise<Account & { email: string }> {
    const res = await call('POST', '/api/auth/sign-up', {
      body: { email, password: TEST_PASSWORD, displayName: `${role} tester`, role, acceptTerms: true },
    });
    if (res.status !== 202) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
    const signedIn = await call('POST', '/api/auth/sign-in', { body: { email, password: TEST_PASSWORD } });
    if (signedIn.status !== 200) throw new Error(`sign-in failed: ${signedIn.status} ${signedIn.text}`);
    return { token: signedIn.json.token, userId: signedIn.json.actor.userId, email };
  }

  /** Signs up and follows the verification link from her mail, which signs her in. */
  async function signUp(
    role: 'member' | 'employer',
    email = `${role}-${newId()}@example.jp`,
  ): Promise<Account> {
    const res = await call('POST', '/api/auth/sign-up', {
      body: { email, password: TEST_PASSWORD, displayName: `${role} tester`, role, acceptTerms: true },
    });
    if (res.status !== 202) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
    const verified = await call('POST', '/api/auth/verification', {
      body: { token: await tokenFromMail(email, 'verify_email') },
    });
    if (verified.status !== 200) throw new Error(`verification failed: ${verified.status} ${verified.text}`);
    return { token: verified.json.token, userId: verified.json.actor.userId };
  }

  async function createStaff(
    role: Extract<UserRole, 'coordinator' | 'admin'>,
    email = `${role}-${newId()}@example.jp`,
  ): Promise<Account> {
    const now = new Date().toISOString();
    await database.atomic([
      database.db.insertInto('users').values({
        id: newId(),
        email,
        password_hash: await staffHash,
        role,
        display_name: `${role} tester`,
        organisation_id: null,
        created_at: now,
        updated_at: now,
        email_verified_at: now,
      }),
    ]);
    const res = await call('POST', '/api/auth/sign-in', { body: { email, password: TEST_PASSWORD } });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
    return { token: res.json.token, userId: res.json.actor.userId };
  }

  /** An employer with a registered organisation, verified unless told otherwise. */
  async function employerWithOrganisation(
    options: { verified?: boolean; coordinator?: Account; organisation?: Record<string, unknown> } = {},
  ): Promise<Account> {
    return registerOrganisation(call, await signUp('employer'), {
      ...(options.organisation ? { organisation: options.organisation } : {}),
      ...(options.verified !== false
        ? { verifier: () => options.coordinator ?? createStaff('coordinator') }
        : {}),
    });
  }

  /** Posts a role as the employer and publishes it (her organisation must be verified); returns its id. */
  const publishRole = (employer: Account, body: unknown = roleInput()) =>
    publishRoleThrough(call, employer, body);

  /** Counts rows in the tables a write could touch, to prove a rejected request wrote nothing. */
  async function rowCounts() {
    const tables = [
      'users',
      'organisations',
      'job_roles',
      'role_windows',
      'role_locations',
      'role_facts',
      'members',
      'member_windows',
      'member_blocks',
      'matches',
      'match_events',
    ] as const;
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const row = await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  }

  async function close() {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }

  /** Carries every pending change to the index and fails loudly if the engine refused one. */
  async function syncSearch() {
    if (!relay) throw new Error('this test app has no search index');
    const result = await relay.drain();
    if (result.error) throw new Error(`search sync failed: ${result.error}`);
    return result;
  }

  return {
    app,
    deps,
    services,
    database,
    jobIndex,
    relay,
    call,
    signUp,
    signUpUnverified,
    lastMailTo,
    tokenFromMail,
    createStaff,
    employerWithOrganisation,
    publishRole,
    rowCounts,
    syncSearch,
    close,
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
