/**
 * What the Workers entry runs, built from one `env`: the app and the jobs the cron triggers run
 * (the search outbox relay and notification delivery every minute, the suggestion job a slice of
 * members at a time on its own schedule), sharing one set of services. Kept apart from `main.ts` because a Worker's main
 * module may export only handlers.
 */
import { newApp } from '../../app.ts';
import { d1Database } from '../../db/d1.ts';
import { systemClock } from '../../deps.ts';
import { scryptHasher } from '../../features/auth/password.ts';
import { createMailRelay } from '../../features/mail/mail-relay.ts';
import { httpMailApiMailer } from '../../features/mail/mailer.ts';
import { createDeliveryRelay, webhookSender } from '../../features/notifications/delivery.ts';
import { SearchUnavailableError } from '../../features/search/job-index.ts';
import { createOutboxRelay, type DrainResult } from '../../features/search/outbox-relay.ts';
import { kanaOnlyAnalyser } from '../../features/search/readings.ts';
import { queueAllWhenIndexEmpty } from '../../features/search/rebuild-index.ts';
import { meilisearchJobIndex } from '../../search/meilisearch-job-index.ts';
import { createServices } from '../../services.ts';
import { readWorkerConfig } from './env.ts';

/** The trigger that relays the search outbox and delivers notifications; any other runs the suggestion job. */
export const RELAY_CRON = '* * * * *';
/** wrangler.toml's trigger for the suggestion job (any trigger but RELAY_CRON and CARE_CRON would do). */
export const SUGGEST_CRON = '*/2 * * * *';
/**
 * wrangler.toml's trigger for the care after a hire: check-ins opening and left unanswered,
 * mentoring sessions missed. Each run handles at most 100 of each kind (a few hundred D1 queries).
 */
export const CARE_CRON = '*/10 * * * *';
/**
 * Outbox batches (of 500 roles) one run sends: a cron run is bounded in time and subrequests,
 * and what is left waits for the next minute.
 */
const RELAY_BATCHES_PER_RUN = 10;
/**
 * Delivery rounds (of 100 notifications) one run makes. Each notification is one webhook call and
 * one D1 write, and an invocation may make 1,000 D1 queries: three rounds (about 300 writes, 300
 * calls) leave room for the outbox batches beside them, and still deliver 18,000 an hour.
 */
const DELIVERY_ROUNDS_PER_RUN = 2;
/**
 * Mail rounds (of 50 messages) one run makes: each is one call to the mail API and one D1 write.
 * With two delivery rounds (each notification one write, and one more for its e-mail: about 400)
 * this stays well under the 1,000 queries, and still sends 6,000 messages an hour.
 */
const MAIL_ROUNDS_PER_RUN = 2;

export interface RelayRun {
  /** Roles queued because the index was empty (a new Meilisearch or index, a fresh database). */
  queued: number;
  search: DrainResult | null;
  notifications: { delivered: number; failed: number };
  mail: { sent: number; failed: number };
}

/** Everything built from one `env`: the app and the scheduled jobs, sharing one set of services. */
function buildWorker(env: unknown) {
  const config = readWorkerConfig(env);
  const { url, apiKey, searchKey, indexUid } = config.search;
  const jobIndex =
    url && apiKey
      ? meilisearchJobIndex({ host: url, adminKey: apiKey, ...(searchKey ? { searchKey } : {}), indexUid })
      : null;
  const deps = {
    database: d1Database(config.database),
    clock: systemClock,
    config: config.app,
    passwords: scryptHasher(),
    jobIndex,
    // kuromoji's dictionary cannot ship in a Worker (see readings.ts): kana only here; the Node
    // service or `npm run reindex` reads the rest when it meets these roles.
    readings: kanaOnlyAnalyser,
  };
  const services = createServices(deps);
  const relay = jobIndex ? createOutboxRelay(deps, jobIndex) : null;
  const mailApi = config.mail;
  const mail =
    mailApi.apiUrl && mailApi.apiKey
      ? createMailRelay(
          deps,
          httpMailApiMailer({ url: mailApi.apiUrl, apiKey: mailApi.apiKey, from: mailApi.from }),
        )
      : null;
  const delivery = createDeliveryRelay(
    deps,
    config.notifyWebhookUrl ? webhookSender(config.notifyWebhookUrl) : null,
  );

  async function relaySearch(): Promise<Pick<RelayRun, 'queued' | 'search'>> {
    if (!jobIndex || !relay) return { queued: 0, search: null };
    let queued = 0;
    try {
      queued = await queueAllWhenIndexEmpty(deps, jobIndex);
    } catch (error) {
      if (!(error instanceof SearchUnavailableError)) throw error;
      return { queued, search: { indexed: 0, removed: 0, error: error.message } };
    }
    return { queued, search: await relay.drain(RELAY_BATCHES_PER_RUN) };
  }

  return {
    app: newApp(deps, services),
    /** One run of the every-minute trigger. */
    async relay(): Promise<RelayRun> {
      const { queued, search } = await relaySearch();
      const notifications = { delivered: 0, failed: 0 };
      for (let round = 0; round < DELIVERY_ROUNDS_PER_RUN; round += 1) {
        const { delivered, failed } = await delivery.run();
        notifications.delivered += delivered;
        notifications.failed += failed;
        if (delivered + failed === 0) break;
      }
      const mailed = { sent: 0, failed: 0 };
      for (let round = 0; mail && round < MAIL_ROUNDS_PER_RUN; round += 1) {
        const { sent, failed } = await mail.run();
        mailed.sent += sent;
        mailed.failed += failed;
        if (sent + failed === 0) break;
      }
      return { queued, search, notifications, mail: mailed };
    },
    /** One run of the care after a hire (check-ins, mentoring sessions). */
    care: () => services.careJob(),
    /** One slice of the suggestion job's pass over the members. */
    suggest: () => services.suggestions.runSlice(config.suggestMembersPerRun),
  };
}

type Worker = ReturnType<typeof buildWorker>;

// Bindings and vars do not change within an isolate: build once per env object.
const workers = new WeakMap<object, Worker>();

/** The worker for this env, built on first use; throws ConfigurationError for a bad env. */
export function workerFor(env: object): Worker {
  let worker = workers.get(env);
  if (!worker) {
    worker = buildWorker(env);
    workers.set(env, worker);
  }
  return worker;
}

/** Runs one cron trigger's work and logs what it did (visible with `wrangler tail`). */
export async function runScheduled(worker: Worker, cron: string): Promise<void> {
  if (cron === RELAY_CRON) {
    const run = await worker.relay();
    const { search, notifications, mail } = run;
    if (search?.error) console.error(`[search] index behind (will retry): ${search.error}`);
    if (
      run.queued ||
      search?.indexed ||
      search?.removed ||
      notifications.delivered ||
      notifications.failed ||
      mail.sent ||
      mail.failed
    )
      console.log(`[cron] ${JSON.stringify(run)}`);
    return;
  }
  if (cron === CARE_CRON) {
    const run = await worker.care();
    if (Object.values(run).some((n) => n > 0)) console.log(`[care] ${JSON.stringify(run)}`);
    return;
  }
  const { members, suggested, resumeAfter } = await worker.suggest();
  const pass = resumeAfter === null ? 'pass finished' : 'pass continues next run';
  console.log(`[suggest] looked at ${members} members, proposed ${suggested} roles (${pass})`);
}
