/**
 * Online backups of the SQLite database (Node only). `VACUUM INTO` writes a consistent snapshot
 * (one read transaction, so every write committed before it started is in it and none half-done)
 * while the service keeps writing, and finishes at 100k roles under steady writes, which a page
 * by page copy (better-sqlite3's `backup()`) restarted by every write does not; copying the file
 * instead would miss what still sits in the WAL. The search index is never backed up: it is
 * rebuilt from the database (`npm run reindex`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';

export interface BackupResult {
  out: string;
  bytes: number;
  roles: number;
  milliseconds: number;
}

/**
 * Writes a consistent copy of the database at `from` to `out` (which must not exist), checks it,
 * and returns what it holds. Runs on its own connection, so call it from another process (the
 * backup command) to keep a service's event loop free: at 100k roles it takes over a second.
 * @example await backupDatabase('./data/yorisoi.db', './backups/yorisoi-2026-11-30.db')
 */
export function backupDatabase(from: string, out: string): BackupResult {
  if (existsSync(out)) throw new Error(`${out} already exists; choose a new file`);
  mkdirSync(dirname(out), { recursive: true });
  const started = performance.now();
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  const source = new SQLite(from, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    source.prepare('VACUUM INTO ?').run(partial);
  } finally {
    source.close();
  }
  const copy = new SQLite(partial, { readonly: true });
  let roles: number;
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the backup failed its integrity check: ${String(check)}`);
    roles = (copy.prepare('SELECT count(*) AS n FROM job_roles').get() as { n: number }).n;
  } finally {
    copy.close();
  }
  // Only a checked, complete file gets the name asked for.
  renameSync(partial, out);
  return { out, bytes: statSync(out).size, roles, milliseconds: Math.round(performance.now() - started) };
}

const STAMPED = /^yorisoi-\d{8}T\d{6}Z\.db$/;

/** The file name of a periodic backup made at `now`, sorting by time. */
export function backupFileName(now: Date): string {
  return `yorisoi-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.db`;
}

/**
 * Deletes all but the newest `keep` periodic backups in `dir` (other files are left alone).
 * @example pruneBackups('./backups', 7) // the names removed
 */
export function pruneBackups(dir: string, keep: number): string[] {
  const stamped = readdirSync(dir)
    .filter((name) => STAMPED.test(name))
    .sort();
  const old = stamped.slice(0, Math.max(0, stamped.length - keep));
  for (const name of old) rmSync(join(dir, name), { force: true });
  return old;
}

/**
 * Takes periodic backups for the service: every `intervalHours` a new stamped file in `dir` by
 * the backup command in a child process (the service's own thread stays free), then the oldest
 * beyond `keep` are deleted. Returns a stop function.
 * @example const stop = scheduleBackups({ databasePath, dir: '/backups', intervalHours: 24, keep: 7, log })
 */
export function scheduleBackups(options: {
  databasePath: string;
  dir: string;
  intervalHours: number;
  keep: number;
  log: (line: string) => void;
}): () => void {
  const cli = fileURLToPath(new URL('./backup-cli.ts', import.meta.url));
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    mkdirSync(options.dir, { recursive: true });
    const out = join(options.dir, backupFileName(new Date()));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, '--db', options.databasePath, '--out', out],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let error = '';
    child.stderr.on('data', (chunk: Buffer) => {
      error += chunk.toString();
    });
    child.once('exit', (code) => {
      running = false;
      if (code !== 0) return options.log(`backup to ${out} failed: ${error.trim() || `code ${code}`}`);
      const removed = pruneBackups(options.dir, options.keep);
      options.log(`backup written to ${out}${removed.length ? `; removed ${removed.length} older` : ''}`);
    });
  };
  const timer = setInterval(run, options.intervalHours * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
