/**
 * The seed CLI's flag rules and its progress bar, without spawning a process: defaults, limits
 * with warnings, and the messages bad input gets (the CLI exits 2 on a UsageError).
 */
import { describe, expect, it } from 'vitest';
import { LIMITS, parseSeedArgs, UsageError } from './args.ts';
import { progressBar } from './progress.ts';

const CLOCK = new Date('2026-04-01T00:00:00.000Z');
const parse = (argv: string[], env: Record<string, string> = {}) => parseSeedArgs(argv, env, CLOCK);

describe('parseSeedArgs', () => {
  it('has defaults, with the database from DATABASE_PATH when set', () => {
    expect(parse([])).toMatchObject({
      roles: 300,
      members: 100,
      seed: 42,
      now: CLOCK,
      db: './data/yorisoi.db',
      reset: false,
      warnings: [],
    });
    expect(parse([], { DATABASE_PATH: '/srv/y.db' }).db).toBe('/srv/y.db');
  });

  it('reads the benchmark sizes and the other flags', () => {
    const args = parse([
      '--roles',
      '100000',
      '--members',
      '10_000',
      '--seed',
      '7',
      '--db',
      '/tmp/x.db',
      '--reset',
      '--now',
      '2026-05-01',
    ]);
    expect(args).toMatchObject({
      roles: LIMITS.roles,
      members: LIMITS.members,
      seed: 7,
      db: '/tmp/x.db',
      reset: true,
      warnings: [],
    });
    expect(args.now.toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });

  it('warns above the tested sizes and refuses far beyond them', () => {
    expect(parse(['--roles', '200000']).warnings).toHaveLength(1);
    expect(() => parse(['--roles', '5000000'])).toThrow(/at most 1,000,000/);
  });

  it.each([
    [['--roles=-5'], /--roles must be a whole number/],
    [['--roles', '-5'], /ambiguous/],
    [['--members', '1.5'], /--members must be a whole number/],
    [['--roles', 'many'], /--roles must be a whole number/],
    [['--seed', 'abc'], /--seed must be a whole number/],
    [['--now', 'yesterday'], /--now must be an ISO date/],
    [['--organisations', '0'], /at least 1/],
    [['--colour'], /Unknown option/],
    [['extra'], /positional/],
  ])('rejects %j', (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });
});

describe('progressBar', () => {
  it('prints a line about every 10% when not on a terminal', () => {
    const lines: string[] = [];
    const bar = progressBar({ isTTY: false, write: (text) => lines.push(text) });
    for (let done = 0; done <= 1000; done += 10) bar.update(done, 1000, 'roles');
    bar.finish();
    expect(lines).toHaveLength(11);
    expect(lines.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(lines[10]).toContain('100%');
    expect(lines[10]).toContain('1,000/1,000');
  });

  it('also prints a line when a new phase starts', () => {
    const lines: string[] = [];
    const bar = progressBar({ isTTY: false, write: (text) => lines.push(text) });
    bar.update(500, 1000, 'roles');
    bar.update(510, 1000, 'members');
    bar.update(520, 1000, 'members');
    expect(lines.map((line) => line.includes('members'))).toEqual([false, true]);
  });

  it('redraws one line in place on a terminal, at most every 50 ms, and ends it', () => {
    let clock = 0;
    const writes: string[] = [];
    const bar = progressBar({ isTTY: true, write: (text) => writes.push(text) }, () => clock);
    bar.update(1, 100, 'roles');
    bar.update(2, 100, 'roles');
    clock = 100;
    bar.update(100, 100, 'members');
    bar.finish();
    expect(writes).toHaveLength(3);
    expect(writes[0]?.startsWith('\r')).toBe(true);
    expect(writes[1]).toContain('100%');
    expect(writes[2]).toBe('\n');
  });
});
