/**
 * Online backup: `npm run backup` in its own process while the service keeps writing. The copy
 * passes its integrity check, holds every role acknowledged before it started, only roles that
 * were acknowledged (none half-written: each has its schedule and its search rows), and works
 * as the service's database when restored. Periodic backups keep only the newest few.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupFileName, pruneBackups } from '../src/adapter/node/backup.ts';
import { openSqlite } from '../src/adapter/node/sqlite.ts';
import { createTestApp, roleInput, type TestApp } from './support/test-app.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'yorisoi-backup-'));
let t: TestApp | undefined;
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run backup', () => {
  it('copies a consistent database under writes, with every write acknowledged before it began', async () => {
    t = await createTestApp();
    const app = t;
    const employer = await app.employerWithOrganisation();
    const acknowledged: string[] = [];
    const write = async (i: number) => {
      const created = await app.call('POST', '/api/roles', {
        token: employer.token,
        body: roleInput({ title: `事務スタッフ ${i}` }),
      });
      expect(created.status).toBe(201);
      acknowledged.push(created.json.id);
    };
    for (let i = 0; i < 40; i++) await write(i);

    // Keep writing while the backup runs in another process, as it would beside the service.
    let writing = true;
    // In process, a write may need no I/O at all: let timers and the backup's process in between,
    // as a client's requests over a socket would.
    const writer = (async () => {
      for (let i = 40; writing; i++) {
        await write(i);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    const before = [...acknowledged];
    const out = join(dir, 'during-writes.db');
    const path = app.database.sqlite.name;
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/adapter/node/backup-cli.ts', '--db', path, '--out', out],
      { cwd: process.cwd() },
    );
    writing = false;
    await writer;
    expect(stdout).toContain('integrity ok');
    expect(acknowledged.length).toBeGreaterThan(before.length);

    const copy = new SQLite(out, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set(
        (copy.prepare('SELECT id FROM job_roles').all() as { id: string }[]).map((r) => r.id),
      );
      for (const id of before) expect(ids.has(id)).toBe(true);
      const all = new Set(acknowledged);
      for (const id of ids) expect(all.has(id)).toBe(true);
      const incomplete = copy
        .prepare(
          `SELECT r.id FROM job_roles r WHERE NOT EXISTS (SELECT 1 FROM role_windows w WHERE w.role_id = r.id)
           OR NOT EXISTS (SELECT 1 FROM role_search_rows k WHERE k.role_id = r.id)
           OR NOT EXISTS (SELECT 1 FROM search_outbox o WHERE o.role_id = r.id)`,
        )
        .all();
      expect(incomplete).toEqual([]);
    } finally {
      copy.close();
    }

    // Restored, it is a working database of the service: it opens, migrates nothing, and serves.
    const restored = await openSqlite(out);
    try {
      const count = await restored.db
        .selectFrom('job_roles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBeGreaterThanOrEqual(before.length);
    } finally {
      await restored.close();
    }

    // An existing file is never overwritten.
    await expect(
      run(process.execPath, [
        '--import',
        'tsx',
        'src/adapter/node/backup-cli.ts',
        '--db',
        path,
        '--out',
        out,
      ]),
    ).rejects.toThrow(/already exists/);
  }, 120_000);

  it('keeps only the newest periodic backups', () => {
    const periodic = join(dir, 'periodic');
    rmSync(periodic, { recursive: true, force: true });
    const names = [0, 1, 2, 3, 4].map((day) => backupFileName(new Date(Date.UTC(2026, 10, 20 + day, 3))));
    mkdirSync(periodic, { recursive: true });
    for (const name of [...names, 'keep-me.txt']) writeFileSync(join(periodic, name), '');
    expect(pruneBackups(periodic, 3)).toEqual(names.slice(0, 2));
    expect(readdirSync(periodic).sort()).toEqual([...names.slice(2), 'keep-me.txt'].sort());
  });
});
