/**
 * The Workers entry running in workerd for a test: wrangler's `unstable_startWorker` with
 * wrangler.toml (the bundle `wrangler deploy` would upload, no Node compatibility), on a copy of
 * the run's migrated local D1 (`d1-template.ts`) and the run's real Meilisearch.
 */
import { rmSync } from 'node:fs';
import { inject } from 'vitest';
import { unstable_startWorker } from 'wrangler';
import { newId } from '../../src/deps.ts';
import { publishRole as publishRoleThrough, registerOrganisation } from './api-steps.ts';
import { copyD1Template } from './d1-template.ts';
import { roleInput, TEST_PASSWORD } from './inputs.ts';
import { startMailApiCatcher, tokenIn } from './mail-catchers.ts';

export { STAFF } from './d1-template.ts';

export interface Account {
  token: string;
  userId: string;
  organisationId?: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A migrated local D1 with the staff accounts, in a new temp directory. */
export function prepareLocalD1(): string {
  return copyD1Template(inject('d1Template'));
}

export interface TestWorkerOptions {
  /** Vars and secrets over wrangler.toml's; by default the run's Meilisearch with an index of its own. */
  bindings?: Record<string, string>;
  /** A local D1 from `prepareLocalD1` (shared between workers); a fresh one by default. */
  persistTo?: string;
}

/** The run's Meilisearch, with an index of the test's own. */
export function meilisearchBindings(index = `worker_${newId().replaceAll('-', '')}`) {
  const meili = inject('meilisearch');
  return { MEILI_URL: meili.url, MEILI_API_KEY: meili.masterKey, MEILI_INDEX: index };
}

export async function startTestWorker(options: TestWorkerOptions = {}) {
  const ownDir = !options.persistTo;
  const persistTo = options.persistTo ?? prepareLocalD1();
  // Mail leaves the worker for a real HTTP server here, which keeps what arrived.
  const mail = await startMailApiCatcher();
  const bindings = {
    // Every request of a test comes from 127.0.0.1: one client as far as the per-client limit on
    // password routes knows, which would refuse the test's own sign-ups after ten.
    PASSWORD_REQUESTS_PER_CLIENT_PER_MINUTE: '1000',
    MAIL_API_URL: mail.url,
    MAIL_API_KEY: mail.apiKey,
    ...(options.bindings ?? meilisearchBindings()),
  };
  const worker = await unstable_startWorker({
    config: 'wrangler.toml',
    bindings: Object.fromEntries(
      Object.entries(bindings).map(([name, value]) => [
        name,
        name.endsWith('_KEY') ? { type: 'secret_text', value } : { type: 'plain_text', value },
      ]),
    ),
    dev: {
      persist: persistTo,
      remote: false,
      inspector: false,
      watch: false,
      logLevel: 'warn',
      server: { hostname: '127.0.0.1', port: 0 },
    },
  });
  await worker.ready;

  async function call(method: string, path: string, options: CallOptions = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await worker.fetch(`http://yorisoi.test${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text, headers: response.headers };
  }

  async function signIn(email: string, password = TEST_PASSWORD): Promise<Account> {
    const res = await call('POST', '/api/auth/sign-in', { body: { email, password } });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
    return { token: res.json.token, userId: res.json.actor.userId };
  }

  /** Signs up, lets the relay cron send the verification mail, and follows its link. */
  async function signUp(role: 'member' | 'employer'): Promise<Account> {
    const email = `${role}-${newId()}@example.jp`;
    const res = await call('POST', '/api/auth/sign-up', {
      body: { email, password: TEST_PASSWORD, displayName: `${role} tester`, role, acceptTerms: true },
    });
    if (res.status !== 202) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
    await runCron('* * * * *');
    const token = tokenIn(await mail.waitFor(email));
    const verified = await call('POST', '/api/auth/verification', { body: { token } });
    if (verified.status !== 200) throw new Error(`verification failed: ${verified.status} ${verified.text}`);
    return { token: verified.json.token, userId: verified.json.actor.userId };
  }

  /** An employer whose organisation the coordinator verified. */
  async function verifiedEmployer(coordinator: Account, organisation = {}): Promise<Account> {
    return registerOrganisation(call, await signUp('employer'), {
      organisation,
      verifier: () => coordinator,
    });
  }

  /** Posts a role as the employer and publishes it; returns its id. */
  const publishRole = (employer: Account, body: unknown = roleInput()) =>
    publishRoleThrough(call, employer, body);

  /**
   * Fires a cron trigger at the worker's `scheduled` handler, as Cloudflare would, and waits
   * for the run (its `waitUntil` work included) to finish.
   * @example await runCron('* * * * *')
   */
  async function runCron(cron: string) {
    const res = await worker.fetch(
      `http://yorisoi.test/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(cron)}`,
    );
    return { status: res.status, text: await res.text() };
  }

  /** Search outbox entries waiting, as /health reports them. */
  async function outboxPending(): Promise<number> {
    return (await call('GET', '/health')).json.outbox.pending;
  }

  async function close() {
    await worker.dispose();
    await mail.close();
    if (ownDir) rmSync(persistTo, { recursive: true, force: true });
  }

  return {
    call,
    signIn,
    signUp,
    verifiedEmployer,
    publishRole,
    runCron,
    outboxPending,
    close,
    persistTo,
    mail,
  };
}

export type TestWorker = Awaited<ReturnType<typeof startTestWorker>>;
