/**
 * Dates as people read them: the day in Japan (not the UTC date of an instant), in Japanese
 * (2026年11月24日) or English, never ISO.
 */
import { describe, expect, it } from 'vitest';
import { commonEn, commonJa } from './common.ts';

describe('dates in the reader’s words', () => {
  it.each([
    ['2026-11-23T20:00:00Z', '2026年11月24日', '24 Nov 2026'], // 05:00 the next morning in Japan
    ['2027-01-05', '2027年1月5日', '5 Jan 2027'], // a plain date stays that date
  ])('%s → %s / %s', (iso, ja, en) => {
    expect(commonJa.date(iso)).toBe(ja);
    expect(commonEn.date(iso)).toBe(en);
  });

  it('gives the time in Japan', () => {
    expect(commonJa.dateTime('2026-05-01T03:04:00Z')).toBe('2026年5月1日 12:04');
    expect(commonEn.dateTime('2026-05-01T03:04:00Z')).toBe('1 May 2026, 12:04');
  });
});
