/**
 * The Node entry: opens SQLite (migrating it), seeds the demo on an empty database, builds the
 * app from its dependencies and serves it. One process, so stopping it frees the port.
 */
import { setFlagsFromString } from 'node:v8';
import { serve } from '@hono/node-server';
import { seedAfterHire } from '../../../seed/after-hire.ts';
import { DEMO_ACCOUNTS, DEMO_SIZES, isDatabaseEmpty, seedDatabase } from '../../../seed/load.ts';
import { seedOutreach } from '../../../seed/outreach.ts';
import { seedProposals } from '../../../seed/proposals.ts';
import { loadTowns, townsMissing } from '../../../seed/towns.ts';
import { newApp } from '../../app.ts';
import { systemClock } from '../../deps.ts';
import { scryptHasher } from '../../features/auth/password.ts';
import { createMailRelay } from '../../features/mail/mail-relay.ts';
import { createDeliveryRelay, webhookSender } from '../../features/notifications/delivery.ts';
import { createServices } from '../../services.ts';
import { scheduleBackups } from './backup.ts';
import { readNodeConfig } from './config.ts';
import { kuromojiAnalyser } from './kuromoji-analyser.ts';
import { emlFileMailer, smtpMailer } from './mail.ts';
import { startSearch } from './search.ts';
import { openSqlite, refreshPlannerStatistics } from './sqlite.ts';

async function main() {
  const config = readNodeConfig(process.env);
  // V8 sizes the heap for throughput: under load it let the old generation grow to two or three
  // times what stayed alive (~100 MB at 100k roles), and the service's RSS passed 500 MB. Growing
  // by a share of the live data after each full collection keeps memory near what the data needs,
  // at any data size (a fixed --max-old-space-size would instead crash once the data outgrew it);
  // the flag is read at every collection, so setting it at start is enough.
  setFlagsFromString(`--heap-growing-percent=${config.heapGrowthPercent}`);
  const database = await openSqlite(config.databasePath);

  if (await townsMissing(database)) {
    console.log('Loading the town master (大字・町丁目 points)…');
    console.log(`${await loadTowns(database)} towns loaded`);
  }

  // Readings of Japanese text for search, in a child process started when first needed (see
  // kuromoji-analyser.ts): seeding, indexing and role writes use it; requests never wait on it.
  const readings = kuromojiAnalyser();
  const seeding = config.seedDemo && (await isDatabaseEmpty(database));
  if (seeding) {
    console.log('Empty database: loading demo data…');
    const summary = await seedDatabase(database, { ...DEMO_SIZES, now: systemClock.now() });
    console.log(`Demo data loaded: ${JSON.stringify(summary)}`);
  }

  const log = (line: string) => console.log(`[search] ${line}`);
  // Search comes up in the background; until its index is current, pages answer from the database.
  // A full rebuild runs in a child process on the same file (see rebuildInChildProcess).
  const search = startSearch(config.search, { database, clock: systemClock, readings }, log, {
    databasePath: config.databasePath,
  });

  const deps = {
    database,
    clock: systemClock,
    config: config.app,
    passwords: scryptHasher(),
    jobIndex: search.index,
    readings,
  };
  const services = createServices(deps);
  const app = newApp(deps, services);
  if (seeding) {
    const proposals = await seedProposals(database, services);
    console.log(
      `Demo proposals: ${proposals.suggested} suggested, ${proposals.interested} of them now interested`,
    );
    const afterHire = await seedAfterHire(deps);
    console.log(
      `Demo after hire: ${afterHire.hires} hires at different check-ins, a cohort of ${afterHire.pairs} pairs`,
    );
    const outreach = await seedOutreach(deps);
    console.log(
      `Demo outreach: ${outreach.notices} area notices, ${outreach.meetings} exchange meetings, ${outreach.prospects} firms in employer development`,
    );
  }
  // New roles and profile changes bring new suggestions; the job is idempotent, so it simply runs again.
  const suggesting = setInterval(() => {
    services.suggestions.run().then(
      ({ suggested }) => suggested > 0 && console.log(`[suggest] proposed ${suggested} roles`),
      (error: Error) => console.error(`[suggest] ${error.message}`),
    );
  }, config.suggestIntervalMinutes * 60_000);
  suggesting.unref();
  // Check-ins open and go unanswered by the day, mentoring sessions by the fortnight: every ten
  // minutes is soon enough, and the job is idempotent.
  const careFor = () =>
    services.careJob().then(
      (run) => Object.values(run).some((n) => n > 0) && console.log(`[care] ${JSON.stringify(run)}`),
      (error: Error) => console.error(`[care] ${error.message}`),
    );
  void careFor();
  const caring = setInterval(careFor, 10 * 60_000);
  caring.unref();
  // The tables grow as the service runs: the planner's statistics follow (see sqlite.ts).
  const measuring = setInterval(() => refreshPlannerStatistics(database.sqlite), 60 * 60_000);
  measuring.unref();
  const delivery = createDeliveryRelay(
    deps,
    config.notifyWebhookUrl ? webhookSender(config.notifyWebhookUrl) : null,
  );
  const delivering = setInterval(() => {
    delivery.run().then(
      ({ failed }) =>
        failed > 0 && console.error(`[notify] ${failed} deliveries failed; they will be retried`),
      (error: Error) => console.error(`[notify] ${error.message}`),
    );
  }, 1000);
  delivering.unref();
  const stopBackups = config.backups
    ? scheduleBackups({
        databasePath: config.databasePath,
        ...config.backups,
        log: (line) => console.log(`[backup] ${line}`),
      })
    : () => {};
  const mailer = config.mail.smtpUrl
    ? smtpMailer(config.mail.smtpUrl, config.mail.from)
    : emlFileMailer(config.mail.dir, config.mail.from, (line) => console.log(`[mail] ${line}`));
  const mail = createMailRelay(deps, mailer);
  const mailing = setInterval(() => {
    mail.run().then(
      ({ failed }) => failed > 0 && console.error(`[mail] ${failed} messages failed; they will be retried`),
      (error: Error) => console.error(`[mail] ${error.message}`),
    );
  }, 1000);
  mailing.unref();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const base = `http://${config.host}:${info.port}`;
    console.log(`Yorisoi is running at ${base}/  (API docs: ${base}/docs, OpenAPI: ${base}/openapi.json)`);
    console.log(
      config.mail.smtpUrl
        ? `E-mail goes out over SMTP (${new URL(config.mail.smtpUrl).host}) from ${config.mail.from}`
        : `E-mail is kept as .eml files in ${config.mail.dir} (set SMTP_URL to send it)`,
    );
    console.log(`Demo sign-ins (at ${base}/sign-in, or POST /api/auth/sign-in):`);
    for (const account of DEMO_ACCOUNTS)
      console.log(
        `  ${account.role.padEnd(11)} ${account.email}  ${account.password}  — ${account.description}`,
      );
  });

  // Coordinators' candidates rank every member: their prepared profiles are filled now, a chunk at
  // a time between requests, rather than on the first coordinator's call after a start.
  const warming = performance.now();
  services.members.everyonePrepared().then(
    (members) =>
      console.log(
        `[members] ${members.length} profiles prepared in ${Math.round(performance.now() - warming)} ms`,
      ),
    (error: Error) => console.error(`[members] ${error.message}`),
  );

  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down`);
    clearInterval(suggesting);
    clearInterval(delivering);
    clearInterval(mailing);
    clearInterval(caring);
    stopBackups();
    void readings.close();
    server.close();
    // Keep-alive connections can hold close() open; stop the rest without waiting for them.
    void search
      .stop()
      .then(() => database.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
