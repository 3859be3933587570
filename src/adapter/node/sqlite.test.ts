/**
 * The database file holds password hashes and DV notes: its directory is created 0700 and the
 * file, its WAL and shared-memory index 0600, also when an older run left them readable
 * (issue 14, fault 8). A query's LIMIT is part of its SQL text, so a kept statement is not
 * recompiled on every call (issue 19).
 */
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './sqlite.ts';

const mode = (path: string) => statSync(path).mode & 0o777;
let root: string;

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('openSqlite', () => {
  it('creates the data directory 0700 and the database, WAL and index 0600', async () => {
    root = mkdtempSync(join(tmpdir(), 'yorisoi-files-'));
    const path = join(root, 'data', 'yorisoi.db');
    const database = await openSqlite(path);
    await database.atomic([
      database.db.insertInto('job_progress').values({ job: 'x', resume_after: '', updated_at: '' }),
    ]);
    expect(mode(join(root, 'data'))).toBe(0o700);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(mode(file)).toBe(0o600);
    await database.close();
  });

  it('tightens files an older run left world-readable', async () => {
    root = mkdtempSync(join(tmpdir(), 'yorisoi-files-'));
    const path = join(root, 'yorisoi.db');
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    const database = await openSqlite(path);
    expect(mode(path)).toBe(0o600);
    expect(mode(`${path}-wal`)).toBe(0o600);
    await database.close();
  });
});

describe('LIMIT in the SQL text', () => {
  it('writes a whole-number limit into the text and keeps offsets and other values bound', async () => {
    root = mkdtempSync(join(tmpdir(), 'yorisoi-files-'));
    const database = await openSqlite(join(root, 'yorisoi.db'));
    await database.atomic(
      ['a', 'b', 'c', 'd'].map((job) =>
        database.db.insertInto('job_progress').values({ job, resume_after: '', updated_at: '' }),
      ),
    );
    const page = database.db
      .selectFrom('job_progress')
      .select('job')
      .where('updated_at', '=', '')
      .orderBy('job')
      .limit(2)
      .offset(1);
    const compiled = page.compile();
    expect(compiled.sql).toMatch(/ limit 2 offset \?$/);
    expect(compiled.parameters).toEqual(['', 1]);
    expect((await page.execute()).map((row) => row.job)).toEqual(['b', 'c']);
    // A value that is not a whole number is left to SQLite as a parameter, as Kysely bound it.
    const fractional = database.db.selectFrom('job_progress').select('job').limit(1.5).compile();
    expect(fractional.parameters).toEqual([1.5]);
    await database.close();
  });
});
