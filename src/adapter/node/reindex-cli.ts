/**
 * `npm run reindex`: rebuilds the search index from the database and swaps it in atomically,
 * with a progress bar. Uses MEILI_URL when set, else the Meilisearch the running service started
 * (or starts one on the service's data directory when the service is not running).
 */
import { progressBar } from '../../../seed/progress.ts';
import { systemClock } from '../../deps.ts';
import { createOutboxRelay } from '../../features/search/outbox-relay.ts';
import { countFindableRoles, rebuildJobIndex } from '../../features/search/rebuild-index.ts';
import { readNodeConfig } from './config.ts';
import { kuromojiAnalyser } from './kuromoji-analyser.ts';
import { commandJobIndex } from './search.ts';
import { openSqlite } from './sqlite.ts';

async function main() {
  const config = readNodeConfig(process.env);
  const database = await openSqlite(config.databasePath);
  const { index, close } = await commandJobIndex(config.search, { taskTimeoutMs: 10 * 60_000 });
  const started = performance.now();
  const total = await countFindableRoles(database.db);
  console.log(
    `Rebuilding index "${config.search.indexUid}" from ${total.toLocaleString('en-US')} findable roles…`,
  );
  const bar = progressBar(process.stderr);
  // Roles whose stored readings are missing or stale (written by a Worker, or before readings
  // existed) are read here; the rest are taken as stored.
  const readings = kuromojiAnalyser();
  const result = await rebuildJobIndex({ database, clock: systemClock, readings }, index, (done) =>
    bar.update(done, total, 'indexing'),
  );
  bar.finish();
  // Send what changed during the rebuild now, rather than waiting for the service's relay.
  const caughtUp = await createOutboxRelay({ database, clock: systemClock, readings }, index).drain();
  await readings.close();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Swapped in a fresh index with ${result.documents.toLocaleString('en-US')} roles in ${seconds} s` +
      ` (${result.requeued} changed meanwhile${caughtUp.error ? `, relay will retry: ${caughtUp.error}` : ', sent'}).`,
  );
  await close();
  await database.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
