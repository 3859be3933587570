/**
 * Finding a vocabulary key from what a person typed: the label, its reading, an alias or the key,
 * in full-width or half-width, katakana or hiragana, with or without spaces and dots. Forms send
 * text from a searchable picker (a datalist on a phone), and employers paste requirements from
 * their own ads; both must land on the same key, and text no entry knows stays text.
 */

/**
 * The form two spellings share: NFKC (full-width → half-width), lower case, katakana → hiragana,
 * without spaces, middle dots, brackets and slashes.
 *
 * @example normaliseTerm('ＭＯＳ（エクセル）') === normaliseTerm('mos えくせる') // true
 */
export function normaliseTerm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[\s・･()（）「」/／,、.。]/g, '');
}

/** What an index is built from: a key and the names it goes by. */
export interface Term {
  key: string;
  ja: string;
  reading: string;
  en: string;
  aliases?: readonly string[];
}

/**
 * Builds a look-up from every name of every term to its key. A name two terms share is an error in
 * the data, so it throws: a silent pick would store the wrong requirement.
 *
 * @example termIndex(QUALIFICATION_DATA).get(normaliseTerm('宅建')) // 'real_estate_broker'
 */
export function termIndex(terms: readonly Term[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const t of terms) {
    for (const name of [t.key, t.ja, t.reading, t.en, ...(t.aliases ?? [])]) {
      const n = normaliseTerm(name);
      if (!n) continue;
      const other = index.get(n);
      if (other !== undefined && other !== t.key)
        throw new Error(`vocabulary: "${name}" names both ${other} and ${t.key}`);
      index.set(n, t.key);
    }
  }
  return index;
}

/**
 * Splits typed names into known keys and the text no entry knows (trimmed, duplicates dropped,
 * first spelling kept), in the order given.
 *
 * @example splitTerms(index, ['宅建', '看護師', 'ドローン操縦']) // { keys: ['real_estate_broker', 'nurse'], other: ['ドローン操縦'] }
 */
export function splitTerms(
  index: ReadonlyMap<string, string>,
  names: readonly string[],
): { keys: string[]; other: string[] } {
  const keys: string[] = [];
  const other: string[] = [];
  const seenOther = new Set<string>();
  for (const raw of names) {
    const text = raw.trim();
    const n = normaliseTerm(text);
    if (!n) continue;
    const key = index.get(n);
    if (key !== undefined) {
      if (!keys.includes(key)) keys.push(key);
    } else if (!seenOther.has(n)) {
      seenOther.add(n);
      other.push(text);
    }
  }
  return { keys, other };
}
