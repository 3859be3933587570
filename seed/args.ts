/**
 * The seed CLI's flags, parsed and checked without touching the process, so the rules (limits,
 * defaults, messages) can be tested. Bad input becomes a UsageError, which the CLI turns into
 * its message and exit code 2.
 */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run seed -- [options]

  --roles N          generated roles (default 300; up to 100,000)
  --members N        generated members (default 100; up to 10,000)
  --organisations N  organisations (default: roles / 8, at least 6)
  --seed N           PRNG seed, a whole number (default 42); same seed + same --now = same data
  --now ISO-DATE     the instant all dates are relative to (default: the current time)
  --db PATH          database file (default: $DATABASE_PATH or ./data/yorisoi.db)
  --reset            empty a database that already has data (the area master is kept)
  --help             show this help

The demo accounts (member@, employer@, coordinator@, admin@demo.yorisoi.jp) are always added.`;

/** Sizes the issue promises to handle; beyond them the CLI warns, and refuses past HARD_LIMITS. */
export const LIMITS = { roles: 100_000, members: 10_000 } as const;
const HARD_LIMITS = { roles: 1_000_000, members: 100_000, organisations: 200_000 } as const;

export class UsageError extends Error {}

export interface SeedArgs {
  roles: number;
  members: number;
  organisations?: number;
  seed: number;
  now: Date;
  db: string;
  reset: boolean;
  help: boolean;
  warnings: string[];
}

function count(name: keyof typeof HARD_LIMITS, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.replaceAll('_', '')))
    throw new UsageError(`--${name} must be a whole number ≥ 0 (got "${value}")`);
  const n = Number(value.replaceAll('_', ''));
  if (n > HARD_LIMITS[name])
    throw new UsageError(
      `--${name} must be at most ${HARD_LIMITS[name].toLocaleString('en-US')} (got ${n.toLocaleString('en-US')})`,
    );
  return n;
}

/**
 * Parses the CLI's arguments.
 * @example parseSeedArgs(['--roles', '100000', '--members', '10000'], process.env, new Date())
 */
export function parseSeedArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  clock: Date,
): SeedArgs {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const warnings: string[] = [];
  const roles = count('roles', values.roles, 300);
  const members = count('members', values.members, 100);
  const organisations =
    values.organisations === undefined ? undefined : count('organisations', values.organisations, 0);
  if (roles > LIMITS.roles)
    warnings.push(
      `--roles ${roles} is above the tested ${LIMITS.roles.toLocaleString('en-US')}; this may take a while`,
    );
  if (members > LIMITS.members)
    warnings.push(
      `--members ${members} is above the tested ${LIMITS.members.toLocaleString('en-US')}; this may take a while`,
    );
  if (roles > 0 && organisations === 0)
    throw new UsageError('--organisations must be at least 1 when there are roles');

  const seedText = values.seed ?? '42';
  if (!/^\d+$/.test(seedText) || Number(seedText) > 0xffffffff)
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295 (got "${seedText}")`);
  const now = values.now === undefined ? clock : new Date(values.now);
  if (Number.isNaN(now.getTime()))
    throw new UsageError(`--now must be an ISO date or instant, e.g. 2026-04-01 (got "${values.now}")`);
  const db = values.db ?? env.DATABASE_PATH ?? './data/yorisoi.db';
  if (db.trim() === '') throw new UsageError('--db must not be empty');

  return {
    roles,
    members,
    ...(organisations !== undefined ? { organisations } : {}),
    seed: Number(seedText),
    now,
    db,
    reset: values.reset ?? false,
    help: values.help ?? false,
    warnings,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      roles: { type: 'string' },
      members: { type: 'string' },
      organisations: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      db: { type: 'string' },
      reset: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
