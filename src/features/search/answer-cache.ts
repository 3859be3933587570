/**
 * Searches asked at the same time with the same question share one answer, and an answer is
 * reused for a few seconds. At 50 connections on a popular browse, or a member reloading her home,
 * the one service thread answers from memory instead of queueing identical work: with the engine
 * away, identical database scans; with it up, identical engine queries, loads and rankings.
 * The caller's key must hold everything the answer depends on — the whole query, her whole profile
 * (reach, blocked employers, stage), the evaluation date — so no one is answered with another
 * person's results, and the newest search change, so a role written since (published, edited,
 * closed, expired by the care run) is never answered from memory.
 */
import type { Clock } from '../../deps.ts';

/**
 * How long an answer is reused, and how many different questions are remembered at most. Answers
 * past their time are let go as new ones come, so memory holds only the last few seconds' answers.
 */
const REUSE_MS = 5_000;
const MAX_ENTRIES = 500;

export function createAnswerCache<T>(clock: Clock, reuseMs = REUSE_MS, maxEntries = MAX_ENTRIES) {
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
      // A failed query is not remembered.
      answer.catch(() => {
        if (entries.get(key)?.answer === answer) entries.delete(key);
      });
      // Entries are in the order they were loaded: the expired ones, and the oldest beyond the
      // size, are at the front.
      for (const [oldKey, entry] of entries) {
        if (entries.size <= maxEntries && now - entry.at < reuseMs) break;
        entries.delete(oldKey);
      }
      return answer;
    },

    /** How many answers are held (for tests of what memory keeps). */
    size: () => entries.size,
  };
}
