/**
 * Instants for generated rows, always derived from the `now` the caller passes in — never from
 * the wall clock — so the same seed and the same `now` give byte-identical data.
 */
import type { Random } from './random.ts';

const DAY_MS = 86_400_000;

/**
 * An ISO instant a random time within [minDays, maxDays] days before `now`, to the second.
 * @example daysAgo(random, now, 30, 400) // '2025-06-14T03:12:45.000Z'
 */
export function daysAgo(random: Random, now: Date, minDays: number, maxDays: number): string {
  const seconds = random.int(minDays * 86_400, maxDays * 86_400);
  return new Date(now.getTime() - seconds * 1000).toISOString();
}

/** An ISO instant a random time 0–`maxDays` days after `from`, never later than `now`. */
export function after(random: Random, from: string, maxDays: number, now: Date): string {
  const start = Date.parse(from);
  const end = Math.min(now.getTime(), start + maxDays * DAY_MS);
  const seconds = random.int(0, Math.max(0, Math.floor((end - start) / 1000)));
  return new Date(start + seconds * 1000).toISOString();
}

/** A calendar date (YYYY-MM-DD, UTC) `days` days from `now`. */
export function dateFromNow(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The later of two ISO instants (ISO strings in UTC compare as text). */
export function latest(...instants: (string | null)[]): string {
  return instants.reduce<string>((max, t) => (t !== null && t > max ? t : max), '');
}
