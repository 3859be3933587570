/**
 * The Node entry: opens SQLite (migrating it), seeds the demo on an empty database, builds the
 * app from its dependencies and serves it. One process, so stopping it frees the port.
 */
import { serve } from '@hono/node-server';
import { DEMO_ACCOUNTS, isDatabaseEmpty, seedDatabase } from '../../../seed/load.ts';
import { newApp } from '../../app.ts';
import { systemClock } from '../../deps.ts';
import { scryptHasher } from '../../features/auth/password.ts';
import { readNodeConfig } from './config.ts';
import { openSqlite } from './sqlite.ts';

const DEMO_SIZES = { seed: 20261123, roles: 400, members: 150 };

async function main() {
  const config = readNodeConfig(process.env);
  const database = await openSqlite(config.databasePath);

  if (config.seedDemo && (await isDatabaseEmpty(database))) {
    console.log('Empty database: loading demo data…');
    const summary = await seedDatabase(database, { ...DEMO_SIZES, now: systemClock.now() });
    console.log(`Demo data loaded: ${JSON.stringify(summary)}`);
  }

  const app = newApp({ database, clock: systemClock, config: config.app, passwords: scryptHasher() });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const base = `http://${config.host}:${info.port}`;
    console.log(`Yorisoi is running at ${base}  (API docs: ${base}/docs, OpenAPI: ${base}/openapi.json)`);
    console.log('Demo sign-ins (POST /api/auth/sign-in):');
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(11)} ${account.email}  ${account.password}  — ${account.description}`);
  });

  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down`);
    server.close(async () => {
      await database.close();
      process.exit(0);
    });
    // Keep-alive connections can hold close() open; do not hang the terminal on them.
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
