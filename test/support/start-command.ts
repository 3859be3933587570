/**
 * The service's command line as `npm start` has it, for tests and benchmarks that start it as a
 * child process of their own (so its PID is the service's, not npm's): the same Node flags, the
 * same entry. One place, so what is measured is what runs.
 */
import { readFileSync } from 'node:fs';

/** @example spawn(process.execPath, serviceArgs(), { env }) */
export function serviceArgs(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...args] = manifest.scripts.start.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`npm start is not a plain node command: ${manifest.scripts.start}`);
  return args;
}
