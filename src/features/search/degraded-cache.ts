/**
 * While the search engine is away, every search falls on the database and the one service thread.
 * Searches asked at the same time with the same question share one database query, and an answer
 * is reused for a few seconds: at 50 connections on a popular browse the thread answers from
 * memory instead of queueing identical scans, and `/health` and pages that do not search stay
 * fast. The caller's key is the whole query (her reach and blocked employers included), so no one
 * is answered with another person's results, plus the newest search change, so a role written
 * since is never answered from memory; the ids are checked again for findability when their roles
 * are loaded.
 */
import type { Clock } from '../../deps.ts';

/** How long an answer is reused, and how many different questions are remembered. */
const REUSE_MS = 5_000;
const MAX_ENTRIES = 500;

export function createDegradedCache<T>(clock: Clock, reuseMs = REUSE_MS, maxEntries = MAX_ENTRIES) {
  const entries = new Map<string, { at: number; answer: Promise<T> }>();
  return {
    /**
     * The answer to `key`: shared with a query still running, reused while young, else loaded.
     * @example await cache.answer(JSON.stringify(query), () => retrieveFromDatabase(db, query))
     */
    answer(key: string, load: () => Promise<T>): Promise<T> {
      const now = clock.now().getTime();
      const held = entries.get(key);
      if (held && now - held.at < reuseMs) return held.answer;
      const answer = load();
      entries.delete(key);
      entries.set(key, { at: now, answer });
      // A failed query is not remembered; the oldest questions go first when full.
      answer.catch(() => {
        if (entries.get(key)?.answer === answer) entries.delete(key);
      });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return answer;
    },
  };
}
