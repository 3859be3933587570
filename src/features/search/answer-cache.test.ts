/**
 * The answer cache: identical searches at the same time share one query, an answer is
 * reused only while young, and a failure is not remembered.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerCache } from './answer-cache.ts';

function clockAt(ms: number) {
  const clock = { t: ms, now: () => new Date(clock.t) };
  return clock;
}

describe('shared answers', () => {
  it('shares one query among identical searches asked together, and reuses it while young', async () => {
    const clock = clockAt(0);
    const cache = createAnswerCache<number>(clock, 5_000);
    let loads = 0;
    const load = async () => ++loads;
    const together = await Promise.all(Array.from({ length: 50 }, () => cache.answer('q', load)));
    expect(new Set(together)).toEqual(new Set([1]));
    expect(loads).toBe(1);
    clock.t = 4_999;
    expect(await cache.answer('q', load)).toBe(1);
    clock.t = 5_000;
    expect(await cache.answer('q', load)).toBe(2);
    expect(await cache.answer('another question', load)).toBe(3);
  });

  it('does not remember a failed query', async () => {
    const cache = createAnswerCache<number>(clockAt(0), 5_000);
    await expect(cache.answer('q', () => Promise.reject(new Error('busy')))).rejects.toThrow('busy');
    expect(await cache.answer('q', async () => 7)).toBe(7);
  });

  it('forgets the oldest questions beyond its size', async () => {
    const cache = createAnswerCache<string>(clockAt(0), 5_000, 2);
    for (const q of ['a', 'b', 'c']) await cache.answer(q, async () => `${q}1`);
    expect(await cache.answer('a', async () => 'a2')).toBe('a2');
    expect(await cache.answer('c', async () => 'c2')).toBe('c1');
  });

  it('lets answers past their time go as new ones come', async () => {
    const clock = clockAt(0);
    const cache = createAnswerCache<string>(clock, 5_000);
    await cache.answer('a', async () => 'a1');
    clock.t = 6_000;
    await cache.answer('b', async () => 'b1');
    expect(cache.size()).toBe(1);
  });
});
