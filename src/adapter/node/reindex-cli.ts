/**
 * `npm run reindex`: rebuilds the search index from the database and swaps it in atomically,
 * with a progress bar. Uses MEILI_URL when set, else the Meilisearch the running service started
 * (or starts one on the service's data directory when the service is not running).
 *
 * `--for-service`: the service's own full rebuild (search.ts, rebuildInChildProcess), run apart
 * so that building 100k documents neither holds the service's thread nor leaves its heap grown:
 * no progress bar and no outbox drain (the service's relay sends what changed meanwhile), the
 * outcome as one JSON line on stdout, and an exit as soon as the service that started it is gone.
 */
import { progressBar } from '../../../seed/progress.ts';
import { systemClock } from '../../deps.ts';
import { createOutboxRelay } from '../../features/search/outbox-relay.ts';
import { countFindableRoles, rebuildJobIndex } from '../../features/search/rebuild-index.ts';
import { readNodeConfig } from './config.ts';
import { kuromojiAnalyser } from './kuromoji-analyser.ts';
import { commandJobIndex } from './search.ts';
import { openSqlite } from './sqlite.ts';

/** How often a rebuild for the service checks that the service is still there. */
const PARENT_CHECK_MS = 1000;

async function main() {
  const forService = process.argv.includes('--for-service');
  if (forService) {
    // Orphaned (the service was killed), the rebuild would run on for nobody: stop with it.
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) process.exit(1);
    }, PARENT_CHECK_MS).unref();
  }
  const config = readNodeConfig(process.env);
  const database = await openSqlite(config.databasePath);
  const { index, close } = await commandJobIndex(config.search, { taskTimeoutMs: 10 * 60_000 });
  const started = performance.now();
  const total = await countFindableRoles(database.db);
  // Roles whose stored readings are missing or stale (written by a Worker, or before readings
  // existed) are read here; the rest are taken as stored.
  const readings = kuromojiAnalyser();
  if (forService) {
    const result = await rebuildJobIndex({ database, clock: systemClock, readings }, index);
    console.log(JSON.stringify(result));
  } else {
    console.log(
      `Rebuilding index "${config.search.indexUid}" from ${total.toLocaleString('en-US')} findable roles…`,
    );
    const bar = progressBar(process.stderr);
    const result = await rebuildJobIndex({ database, clock: systemClock, readings }, index, (done) =>
      bar.update(done, total, 'indexing'),
    );
    bar.finish();
    // Send what changed during the rebuild now, rather than waiting for the service's relay.
    const caughtUp = await createOutboxRelay({ database, clock: systemClock, readings }, index).drain();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Swapped in a fresh index with ${result.documents.toLocaleString('en-US')} roles in ${seconds} s` +
        ` (${result.requeued} changed meanwhile${caughtUp.error ? `, relay will retry: ${caughtUp.error}` : ', sent'}).`,
    );
  }
  await readings.close();
  await close();
  await database.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
