/**
 * Reading her words: which name an employment type, a condition or a trade (in full-width,
 * hiragana or romaji where the tables have it), and which stay text as typed.
 */
import { describe, expect, it } from 'vitest';
import { readHerWords, tradeWordsInTitle } from './her-words.ts';

describe('readHerWords', () => {
  it('turns employment-type, work-style and trade words into filters and keeps the rest as text', () => {
    expect(readHerWords('パート 事務 在宅 横浜')).toEqual({
      text: '横浜',
      employmentTypes: ['part_time'],
      categories: ['office', 'medical_office'],
      conditions: ['remote'],
      titleWords: ['事務', '医療事務'],
    });
  });

  it('reads a title for the trade words it says, as the vocabulary writes them', () => {
    expect(tradeWordsInTitle('営業事務（データ入力）')).toEqual(['事務', 'データ入力', '営業']);
    expect(tradeWordsInTitle('ﾎｰﾑﾍﾙﾊﾟｰ')).toEqual(['ヘルパー']);
    // Latin trade words (IT, Web) are parts of too many words to be read from a title.
    expect(tradeWordsInTitle('Webサイト更新')).toEqual([]);
    expect(readHerWords('受付').titleWords).toEqual(['受付']);
  });

  it('reads the spellings a phone produces: full-width digits and spaces, hiragana, romaji', () => {
    expect(readHerWords('ぱーと\u3000週２日〜').employmentTypes).toEqual(['part_time']);
    expect(readHerWords('週２日〜').conditions).toEqual(['few_days']);
    expect(readHerWords('週2-3日 土日休み 未経験OK 扶養内').conditions).toEqual([
      'few_days',
      'weekends_off',
      'inexperienced_ok',
      'within_dependent',
    ]);
    expect(readHerWords('seishain').employmentTypes).toEqual(['full_time']);
    expect(readHerWords('週5日').conditions).toEqual([]);
  });

  it('joins words of one kind with OR and keeps a single character or an unknown word as text', () => {
    expect(readHerWords('パート アルバイト 正社員').employmentTypes).toEqual(['part_time', 'full_time']);
    expect(readHerWords('介護 経理').categories).toEqual(['care', 'accounting']);
    expect(readHerWords('レ 訪問介護 オンライン').text).toBe('レ 訪問介護 オンライン');
  });
});
