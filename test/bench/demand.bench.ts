/**
 * `npm run bench:demand`: times the "demand without supply" table — one query per prefecture,
 * all 47 — on the 100k-role / 10k-member seed. BENCH_DB names a seeded database to reuse (it is
 * copied, never written, and the copy migrated to this tree's schema); without it a fresh seed is
 * made in a temporary directory first (minutes). BENCH_MIN_ROLES sets N (default 3). Prints
 * figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../src/adapter/node/sqlite.ts';
import { demandWithoutSupply } from '../../src/features/prospects/demand.ts';

async function main() {
  const minRoles = Number(process.env.BENCH_MIN_ROLES ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-demand-'));
  const copy = join(dir, 'bench.db');
  const path = process.env.BENCH_DB;
  if (path) {
    if (!existsSync(path)) {
      console.error(`No database at ${path}: npm run seed -- --roles 100000 --members 10000 --db ${path}`);
      process.exit(1);
    }
    copyFileSync(path, copy);
  } else {
    console.log(`Seeding 100k roles / 10k members into ${copy}…`);
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'seed/cli.ts', '--roles', '100000', '--members', '10000', '--db', copy],
      { stdio: 'inherit' },
    );
  }
  // Migrated as the service would (a seed made by an older tree gets this tree's indexes).
  const database = await openSqlite(copy);
  const { db, sqlite } = database;
  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  console.log(
    `${path ?? copy}: ${count("SELECT count(*) AS n FROM job_roles WHERE status = 'published'")} published roles, ` +
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
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
