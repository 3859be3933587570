/**
 * `npm run seed -- --roles 100000 --members 10000 [--seed 42] [--db path] [--reset]`: fills a
 * database with deterministic demo data and the demo accounts, drawing progress on stderr and
 * printing the time taken and the counts. Exit codes: 0 done, 1 refused or failed, 2 bad flags.
 */
import { openSqlite } from '../src/adapter/node/sqlite.ts';
import { parseSeedArgs, type SeedArgs, USAGE, UsageError } from './args.ts';
import { DEMO_ACCOUNTS, isDatabaseEmpty, resetDatabase, seedDatabase } from './load.ts';
import { progressBar } from './progress.ts';

function readArgs(): SeedArgs {
  try {
    return parseSeedArgs(process.argv.slice(2), process.env, new Date());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`seed: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<number> {
  const args = readArgs();
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  for (const warning of args.warnings) console.warn(`seed: warning: ${warning}`);

  const database = await openSqlite(args.db);
  try {
    if (!(await isDatabaseEmpty(database))) {
      if (!args.reset) {
        console.error(
          `seed: ${args.db} already has data. Run again with --reset to replace it (the area master is kept).`,
        );
        return 1;
      }
      const tables = resetDatabase(database);
      console.error(`seed: emptied ${tables.length} tables in ${args.db}`);
    }
    console.error(
      `seed: ${args.roles.toLocaleString('en-US')} roles, ${args.members.toLocaleString('en-US')} members, seed ${args.seed}, now ${args.now.toISOString()} → ${args.db}`,
    );
    const bar = progressBar(process.stderr);
    const summary = await seedDatabase(database, {
      seed: args.seed,
      roles: args.roles,
      members: args.members,
      ...(args.organisations !== undefined ? { organisations: args.organisations } : {}),
      now: args.now,
      onProgress: bar.update,
    });
    bar.finish();
    const n = (value: number) => value.toLocaleString('en-US');
    console.log(
      `Seeded ${n(summary.organisations)} organisations, ${n(summary.users)} users, ${n(summary.roles)} roles and ${n(summary.members)} members ` +
        `(${n(summary.rows)} rows) in ${(summary.elapsedMs / 1000).toFixed(1)} s.`,
    );
    console.log('Demo sign-ins:');
    for (const account of DEMO_ACCOUNTS)
      console.log(
        `  ${account.role.padEnd(11)} ${account.email}  ${account.password}  — ${account.description}`,
      );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`seed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
