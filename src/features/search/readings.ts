/**
 * Readings of Japanese text, so a role is found by what she can type on any keyboard: the kana
 * (かまぼこ) and the romaji (kamaboko) of every word in its title, description, organisation,
 * places and labels, beside the kanji (蒲鉾) itself.
 *
 * Words are read by a morphological analyser (the `ReadingAnalyser` port): kuromoji 0.1.2 with
 * its bundled IPADIC dictionary on Node (src/adapter/node/kuromoji-analyser.ts), chosen because
 * it ships its dictionary inside the npm package (nothing to fetch at run time), is pure
 * JavaScript (no native build; runs on Node 20 as on 22), gives each word's reading in katakana,
 * and is by far the most used (≈ 670k downloads a month, against hundreds for the Lindera WASM
 * and Sudachi packages); MeCab wrappers need a MeCab and dictionary installed on the machine, and
 * TinySegmenter cuts words but gives no reading. Kana become romaji with wanakana 5.3.1 (Hepburn;
 * small and free of I/O, so it runs in Workers too).
 *
 * Romaji are written folded — long vowels shortened (ou → o, uu → u, oo → o, aa → a, …) and no
 * apostrophes — and queries are folded the same way, so `chouri`, `chori` and `tyouri` all
 * reach 調理 (ちょうり). Everything here is pure: no I/O, no analyser of its own.
 */
import { isKana, isRomaji, toKana, toRomaji } from 'wanakana';

/** One word as an analyser cuts it: what was written, its part of speech, its reading in katakana. */
export interface ReadToken {
  surface: string;
  /** Top-level part of speech in IPADIC's terms (名詞, 動詞, 助詞, 記号, …). */
  pos: string;
  /** Katakana reading; absent for words the dictionary does not know (latin, digits, new words). */
  reading?: string;
}

/** Cuts texts into words with readings. Implementations may be slow to start; `read` waits. */
export interface ReadingAnalyser {
  /**
   * Names the analyser and its dictionary: readings stored by one are recomputed when another
   * (say, the Workers fallback) wrote them.
   */
  readonly name: string;
  /**
   * Reads every word (a dictionary analyser), not only some (the kana-only fallback): readings
   * of unchanged text made by a complete analyser are never replaced by an incomplete one's.
   */
  readonly complete: boolean;
  /** The words of each text, in order. */
  read(texts: readonly string[]): Promise<ReadToken[][]>;
}

/** The readings of a role's texts, as stored and indexed: words separated by spaces. */
export interface Readings {
  /** Hiragana, one reading per word: `おだわら かまぼこ こうじょう`. */
  kana: string;
  /** Folded romaji of the same words: `odawara kamaboko kojo`. */
  romaji: string;
}

/** Words that carry no meaning a search is for: particles, auxiliaries, symbols and blanks. */
const SKIPPED_POS = new Set(['助詞', '助動詞', '記号']);

/**
 * Katakana as hiragana, keeping the long-vowel mark (ヘルパー → へるぱー, as she would type it;
 * wanakana would write へるぱあ).
 */
export function hiragana(kana: string): string {
  return kana.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

const KATAKANA_OR_HIRAGANA = /^[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fd\u30fe\u309d\u309e]+$/;

/**
 * The hiragana reading of each meaningful word: particles and symbols are left out, and a word
 * without a dictionary reading keeps its own spelling only when it is written in kana.
 * @example wordReadings([{ surface: '蒲鉾', pos: '名詞', reading: 'カマボコ' }]) // ['かまぼこ']
 */
export function wordReadings(tokens: readonly ReadToken[]): string[] {
  const words: string[] = [];
  for (const token of tokens) {
    if (SKIPPED_POS.has(token.pos)) continue;
    const reading = token.reading && token.reading !== '*' ? token.reading : token.surface;
    if (!KATAKANA_OR_HIRAGANA.test(reading)) continue;
    words.push(hiragana(reading));
  }
  return words;
}

/**
 * Romaji with long vowels shortened and apostrophes dropped, lower case: the one spelling both
 * stored readings and queries are compared in.
 * @example foldRomaji("Toukyou") // 'tokyo'; foldRomaji("ken'in") // 'kenin'
 */
export function foldRomaji(romaji: string): string {
  return romaji
    .toLowerCase()
    .replace(/['’-]/g, '')
    .replace(/([aiueo])\1+/g, '$1')
    .replace(/ou/g, 'o');
}

/**
 * The folded romaji of hiragana or katakana: `ちょうり` → `chori`. Long-vowel marks (ー) are
 * written by wanakana as a doubled vowel, which folding shortens again.
 * @example romajiOf('へるぱー') // 'herupa'
 */
export function romajiOf(kana: string): string {
  let romaji = romajiCache.get(kana);
  if (romaji === undefined) {
    romaji = foldRomaji(toRomaji(kana));
    // Words repeat across roles: converting each once spares most of wanakana's work on a reindex.
    if (romajiCache.size >= ROMAJI_CACHE_SIZE) romajiCache.clear();
    romajiCache.set(kana, romaji);
  }
  return romaji;
}

/** Words converted to romaji, kept up to a bound (a vocabulary, not a log: emptied when full). */
const romajiCache = new Map<string, string>();
const ROMAJI_CACHE_SIZE = 20_000;

/**
 * The readings of some texts (title, description, names…), each word once, in order.
 * @example await readingsOf(analyser, ['小田原の蒲鉾工場']) // { kana: 'おだわら かまぼこ こうじょう', romaji: 'odawara kamaboko kojo' }
 */
export async function readingsOf(analyser: ReadingAnalyser, texts: readonly string[]): Promise<Readings> {
  return readingsFromTokens(await analyser.read(texts.filter((t) => t.trim() !== '')));
}

/** The readings of texts an analyser has cut into words: each word once, in order. */
export function readingsFromTokens(tokens: readonly (readonly ReadToken[])[]): Readings {
  const words = [...new Set(tokens.flatMap(wordReadings))];
  return { kana: words.join(' '), romaji: [...new Set(words.map(romajiOf))].join(' ') };
}

/**
 * The forms a query word is looked for in, beside the word itself: kana also as hiragana and as
 * folded romaji; a romaji word also folded and as hiragana (`uketuke` → `uketsuke`, `うけつけ`).
 * Other words (kanji, mixed, English) are looked for as they are. Used where the engine's own
 * matching is not available (the database's full-text search).
 * @example queryForms('ウケツケ') // ['ウケツケ', 'うけつけ', 'uketsuke']
 */
export function queryForms(word: string): string[] {
  const forms = [word];
  if (isKana(word)) {
    forms.push(hiragana(word), romajiOf(word));
  } else if (isRomaji(word) && /^[a-zA-Z']+$/.test(word)) {
    const kana = toKana(word.toLowerCase());
    // A word that is not all syllables (html, crm) stays latin: only it is looked for.
    if (isKana(kana)) forms.push(romajiOf(kana), hiragana(kana));
  }
  return [...new Set(forms.filter((f) => f !== ''))];
}

const HIRAGANA_WORD = /^[\u3041-\u3096\u30fc]+$/;

/**
 * A query as the search engine is asked it: each word typed in hiragana only goes as its folded
 * romaji. The engine's Japanese segmenter cuts hiragana into fragments (じむ → じ + む) that each
 * match unrelated words — じむ found 143 demo roles where jimu finds 91 — while the romaji of
 * readings are whole words; everything written in kana or kanji has its romaji among them.
 * Katakana and kanji words go as typed (the segmenter keeps them whole, and ranks title matches).
 * @example engineQuery('かいご 横浜') // 'kaigo 横浜'
 */
export function engineQuery(q: string): string {
  return q
    .split(/([\s\u3000]+)/)
    .map((part) => (HIRAGANA_WORD.test(part) ? romajiOf(part) : part))
    .join('');
}

/** Runs of kana in a text; what the Workers fallback can read without a dictionary. */
const KANA_RUNS = /[\u3041-\u3096\u30a1-\u30fa\u30fc]+/g;

/**
 * The analyser a Cloudflare Worker uses: the dictionary (≈ 18 MB packed, ≈ 350 MB once loaded)
 * cannot ship in a Worker, so it reads only what needs no dictionary — runs of kana (ヘルパー →
 * herupa) — and kanji stay unread until the Node service (or `npm run reindex`) computes the
 * full readings; its name makes them count as stale there.
 * @example await kanaOnlyAnalyser.read(['訪問介護ヘルパー']) // [[{ surface: 'ヘルパー', pos: '名詞' }]]
 */
export const kanaOnlyAnalyser: ReadingAnalyser = {
  name: 'kana-only',
  complete: false,
  read: async (texts) =>
    texts.map((text) => [...text.matchAll(KANA_RUNS)].map((m) => ({ surface: m[0], pos: '名詞' }))),
};
