/**
 * Readings of job text as the Node service computes them: the real kuromoji analyser (in its
 * own process) on realistic role text, and the pure conversions queries go through.
 */
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { kuromojiAnalyser, sentencesOf } from '../src/adapter/node/kuromoji-analyser.ts';
import {
  engineQuery,
  foldRomaji,
  hiragana,
  kanaOnlyAnalyser,
  queryForms,
  readingsOf,
  romajiOf,
  wordReadings,
} from '../src/features/search/readings.ts';

const analyser = kuromojiAnalyser({ idleMs: 5_000 });
afterAll(() => analyser.close());

const words = (text: string) => text.split(' ');

describe('readings of realistic job text', () => {
  it('reads kanji, kana and katakana words into hiragana and romaji, each word once', async () => {
    const readings = await readingsOf(analyser, [
      '蒲鉾工場の受付・事務スタッフ（小田原市）',
      '小田原駅から徒歩10分。蒲鉾の箱詰めと電話応対をお願いします。',
      '株式会社みなと総合サービス',
    ]);
    expect(words(readings.kana)).toEqual(
      expect.arrayContaining(['かまぼこ', 'うけつけ', 'じむ', 'すたっふ', 'おだわら', 'でんわ', 'みなと']),
    );
    expect(words(readings.romaji)).toEqual(
      expect.arrayContaining(['kamaboko', 'uketsuke', 'jimu', 'sutaffu', 'odawara', 'denwa', 'minato']),
    );
    // Particles and punctuation carry nothing to search for.
    expect(words(readings.kana)).not.toContain('の');
    expect(readings.kana).not.toMatch(/[（）。・]/);
    // Each word once, though 蒲鉾 and 小田原 appear twice.
    expect(words(readings.romaji).filter((w) => w === 'kamaboko')).toHaveLength(1);
  }, 30_000);

  it('folds long vowels, so chouri, chori and the stored reading of 調理 meet', async () => {
    const readings = await readingsOf(analyser, ['給食の調理補助（東京都）', 'ホームヘルパー']);
    expect(words(readings.romaji)).toEqual(
      expect.arrayContaining(['kyushoku', 'chori', 'hojo', 'tokyo', 'homuherupa']),
    );
    // The long-vowel mark stays in the kana, as she would type it.
    expect(words(readings.kana)).toContain('ほーむへるぱー');
  }, 30_000);

  it('leaves latin words, digits and symbols out of the readings (they are searchable as written)', async () => {
    const readings = await readingsOf(analyser, ['Webサイト更新（HTML・CSS）週1日〜OK']);
    expect(readings.romaji).not.toMatch(/html|css|web/);
    expect(words(readings.romaji)).toEqual(expect.arrayContaining(['saito', 'koshin']));
  }, 30_000);

  it('answers the same text from its cache and a closed analyser starts again', async () => {
    const first = await readingsOf(analyser, ['訪問介護ヘルパー']);
    await analyser.close();
    expect(analyser.pid()).toBeUndefined();
    expect(await readingsOf(analyser, ['訪問介護ヘルパー'])).toEqual(first);
    expect(await readingsOf(analyser, ['訪問看護ステーション'])).toEqual({
      kana: 'ほうもん かんご すてーしょん',
      romaji: 'homon kango suteshon',
    });
  }, 30_000);
});

describe('sentences read once', () => {
  it('cuts a text where kuromoji itself cuts it, so its sentences read as the whole text does', () => {
    const { splitByPunctuation } = createRequire(import.meta.url)('kuromoji/src/Tokenizer.js') as {
      splitByPunctuation: (text: string) => string[];
    };
    for (const text of [
      '小田原駅から徒歩10分。蒲鉾の箱詰めと、電話応対をお願いします。',
      '受付、事務。',
      '。。、',
      '句読点のない題名',
      '',
    ]) {
      expect(sentencesOf(text)).toEqual(splitByPunctuation(text));
    }
  });

  it('reads a sentence it has seen in another text the same way', async () => {
    const [whole, again] = await analyser.read([
      '蒲鉾の箱詰めです。週3日から、扶養内で働けます。',
      '週3日から、扶養内で働けます。蒲鉾の箱詰めです。',
    ]);
    const words = (tokens: typeof whole) => (tokens ?? []).map((t) => t.surface).join('|');
    expect(words(again)).toBe(words(whole).replace(/^(.*?。)\|(.*)$/, '$2|$1'));
  }, 30_000);
});

describe('the Workers fallback', () => {
  it('reads kana only: katakana words get romaji, kanji stay unread', async () => {
    const readings = await readingsOf(kanaOnlyAnalyser, ['訪問介護ヘルパー（パート）']);
    expect(readings).toEqual({ kana: 'へるぱー ぱーと', romaji: 'herupa pato' });
  });
});

describe('conversions', () => {
  it('folds romaji spellings together', () => {
    expect(foldRomaji('Toukyou')).toBe('tokyo');
    expect(foldRomaji('Tōkyō'.normalize('NFD').replace(/\p{M}/gu, ''))).toBe('tokyo');
    expect(foldRomaji("ken'in")).toBe('kenin');
    expect(foldRomaji('oosaka')).toBe(foldRomaji('osaka'));
    expect(romajiOf('ちょうり')).toBe('chori');
    expect(romajiOf('ヘルパー')).toBe('herupa');
    expect(hiragana('ウケツケ')).toBe('うけつけ');
  });

  it('a query word is looked for in the spellings the readings are stored in', () => {
    expect(queryForms('uketuke')).toEqual(['uketuke', 'uketsuke', 'うけつけ']);
    expect(queryForms('ウケツケ')).toEqual(['ウケツケ', 'うけつけ', 'uketsuke']);
    expect(queryForms('かまぼこ')).toEqual(['かまぼこ', 'kamaboko']);
    expect(queryForms('Chouri')).toEqual(['Chouri', 'chori', 'ちょうり']);
    // Kanji and words that are not syllables are looked for as written only.
    expect(queryForms('蒲鉾')).toEqual(['蒲鉾']);
    expect(queryForms('html')).toEqual(['html']);
  });

  it('the engine is asked hiragana words as romaji, other words as typed', () => {
    expect(engineQuery('かいご')).toBe('kaigo');
    expect(engineQuery('じむ　在宅 ヘルパー kaigo')).toBe('jimu　在宅 ヘルパー kaigo');
    expect(engineQuery('すーぱー')).toBe('supa');
  });

  it('skips particles and symbols, keeps dictionary readings and kana spellings', () => {
    expect(
      wordReadings([
        { surface: '蒲鉾', pos: '名詞', reading: 'カマボコ' },
        { surface: 'の', pos: '助詞', reading: 'ノ' },
        { surface: '（', pos: '記号', reading: '（' },
        { surface: 'OK', pos: '名詞' },
        { surface: 'ヘッドセット', pos: '名詞' },
      ]),
    ).toEqual(['かまぼこ', 'へっどせっと']);
  });
});
