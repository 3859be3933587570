/**
 * The local D1 the workerd tests start from, built once per run: migrated by `wrangler d1
 * migrations apply --local` (the README's command) and holding a coordinator and an admin.
 * Staff accounts are not self-service, so they are loaded with `wrangler d1 execute`, their
 * password hashed here under Node: signing in on Workers proves a hash made on one runtime
 * verifies on the other. Each test copies the template rather than migrating its own, so a run
 * starts workerd for migrations once instead of once per test file.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyLocalMigrations, executeLocalSqlFile } from '../../src/adapter/node/wrangler.ts';
import { newId } from '../../src/deps.ts';
import { scryptHasher } from '../../src/features/auth/password.ts';
import { TEST_PASSWORD } from './inputs.ts';

export const STAFF = { coordinator: 'coordinator@worker.test', admin: 'admin@worker.test' } as const;

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** Builds the migrated, staffed local D1 in a new temp directory and returns it. */
export async function buildD1Template(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-d1-template-'));
  await applyLocalMigrations(dir);
  const hash = await scryptHasher().hash(TEST_PASSWORD);
  const now = new Date().toISOString();
  const rows = Object.entries(STAFF).map(
    ([role, email]) =>
      `(${[newId(), email, hash, role, `${role} tester`, now, now, now].map(quote).join(', ')}, NULL)`,
  );
  const file = join(dir, 'staff.sql');
  writeFileSync(
    file,
    `INSERT INTO users (id, email, password_hash, role, display_name, created_at, updated_at, email_verified_at, organisation_id) VALUES\n${rows.join(',\n')};\n`,
  );
  await executeLocalSqlFile(file, dir);
  return dir;
}

/** A copy of the template in a new temp directory, for one test's worker(s). */
export function copyD1Template(template: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-d1-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}
