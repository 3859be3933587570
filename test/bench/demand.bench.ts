/**
 * `npm run bench:demand`: times the "demand without supply" table — one query per prefecture,
 * all 47 — on the 100k-role / 10k-member seed. The seed file is shared with other benchmarks and
 * never written: it is copied to a temporary file, which gets the index this feature's migration
 * adds (so the query runs as it would in the service). Make the seed once with
 * `npm run seed -- --roles 100000 --members 10000 --db /work/bench-100k.db`; BENCH_DB points
 * elsewhere, BENCH_MIN_ROLES sets N (default 3). Prints figures; asserts nothing.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { readMigrationSources } from '../../src/adapter/node/sqlite.ts';
import { splitStatements } from '../../src/db/migrator.ts';
import type { DB } from '../../src/db/schema.ts';
import { demandWithoutSupply } from '../../src/features/prospects/demand.ts';

async function main() {
  const path = process.env.BENCH_DB ?? '/work/bench-100k.db';
  const minRoles = Number(process.env.BENCH_MIN_ROLES ?? 3);
  if (!existsSync(path)) {
    console.error(`No database at ${path}: npm run seed -- --roles 100000 --members 10000 --db ${path}`);
    process.exit(1);
  }
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-demand-'));
  const copy = join(dir, 'bench.db');
  copyFileSync(path, copy);
  const sqlite = new SQLite(copy);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  // The seed may have been made by another branch (its migrations differ from these), so the
  // copy gets the one index the table relies on from this branch's migration, as written there.
  const index = splitStatements(readMigrationSources()['0018_3_employer_prospects.sql'] ?? '').find((s) =>
    s.includes('job_roles_remote'),
  );
  if (!index) throw new Error('the job_roles_remote index is missing from migration 0018_3');
  sqlite.exec(index.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'));
  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  console.log(
    `${path}: ${count("SELECT count(*) AS n FROM job_roles WHERE status = 'published'")} published roles, ` +
      `${count('SELECT count(*) AS n FROM members WHERE support_stage >= 2')} members at stage ≥ 2; N = ${minRoles}`,
  );
  const prefectures = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));
  for (const round of [1, 2, 3]) {
    const times: number[] = [];
    let rows = 0;
    let members = 0;
    for (const prefCode of prefectures) {
      const started = performance.now();
      const table = await demandWithoutSupply(db, prefCode, minRoles);
      times.push(performance.now() - started);
      rows += table.length;
      members += table.reduce((sum, r) => sum + r.members, 0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const total = times.reduce((a, b) => a + b, 0);
    console.log(
      `round ${round}: 47 prefectures in ${total.toFixed(0)} ms; per prefecture median ${sorted[23]?.toFixed(1)} ms, ` +
        `slowest ${sorted[46]?.toFixed(1)} ms; ${rows} rows (municipality × trade) holding ${members} member-trades`,
    );
  }
  const kanagawa = await demandWithoutSupply(db, '14', minRoles);
  console.log('神奈川県, most members first:');
  for (const row of kanagawa.slice(0, 5))
    console.log(`  ${row.areaName} ${row.trade}: ${row.members} members, ${row.roles} roles in reach`);
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}

await main();
