/**
 * `npm run backup -- --out FILE [--db PATH]`: a consistent copy of the database while the service
 * runs (see backup.ts). The database is DATABASE_PATH (or --db); FILE must not exist yet.
 * Restore: stop the service, replace the database file with the backup (and delete the old
 * file's `-wal` and `-shm` beside it), start the service, then `npm run reindex`.
 */
import { parseArgs } from 'node:util';
import { backupDatabase } from './backup.ts';
import { readNodeConfig } from './config.ts';

function main() {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, db: { type: 'string' } },
    strict: true,
  });
  if (!values.out) {
    console.error('usage: npm run backup -- --out FILE [--db PATH]');
    process.exit(2);
  }
  const from = values.db ?? readNodeConfig(process.env).databasePath;
  const result = backupDatabase(from, values.out);
  console.log(
    `backup of ${from} written to ${result.out}: ${result.roles} roles, ` +
      `${(result.bytes / 1024 / 1024).toFixed(1)} MiB in ${result.milliseconds} ms (integrity ok)`,
  );
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
