/**
 * `npm run suggest`: runs the suggestion job once over every member ready for it, against the
 * configured database and search (MEILI_URL, or the service's own Meilisearch when it runs; the
 * database answers when search is unreachable).
 */
import { systemClock } from '../../deps.ts';
import { scryptHasher } from '../../features/auth/password.ts';
import { createServices } from '../../services.ts';
import { readNodeConfig } from './config.ts';
import { commandJobIndex } from './search.ts';
import { openSqlite } from './sqlite.ts';

async function main() {
  const config = readNodeConfig(process.env);
  const database = await openSqlite(config.databasePath);
  const { index: jobIndex, close } = await commandJobIndex(config.search);
  const services = createServices({
    database,
    clock: systemClock,
    config: config.app,
    passwords: scryptHasher(),
    jobIndex,
  });
  const started = performance.now();
  const { members, suggested } = await services.suggestions.run();
  console.log(
    `Looked at ${members} members ready for suggestions; proposed ${suggested} roles in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  await close();
  await database.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
