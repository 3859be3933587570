/**
 * Town names as people type them. The town master writes 丁目 in kanji (大倉山三丁目); people type
 * 大倉山3丁目, 大倉山３, or a whole address (大倉山3-1-5). These turn what she typed into what the
 * master holds, so a search or an address finds its town. Pure string work, no I/O.
 */

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * A number 1–99 in kanji as town names write it.
 *
 * @example kanjiNumber(21) // '二十一'
 */
export function kanjiNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** Full-width letters and digits to half-width, dashes of every kind to '-', no spaces. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‐－―−ーｰ—–]/g, '-')
    .replace(/\s+/g, '');
}

/**
 * What to look for in town names for what she typed: the text itself, and with a number written in
 * kanji (大倉山3 → 大倉山三), so the search finds 大倉山三丁目 either way.
 *
 * @example townQueryVariants('大倉山３') // ['大倉山3', '大倉山三']
 */
export function townQueryVariants(query: string): string[] {
  const folded = fold(query);
  const kanji = folded.replace(/\d{1,2}(?!\d)/g, (d) => kanjiNumber(Number(d)));
  return kanji === folded ? [folded] : [folded, kanji];
}

/**
 * The town an address (or a town name typed freely) lies in: the longest town name of the area
 * the text starts with, after dropping the prefecture and municipality names in front and turning
 * a block number (3-1-5, 3丁目1-5) into 三丁目. Undefined when no town fits.
 *
 * @example resolveTown(['大倉山三丁目', '大倉山'], '横浜市港北区大倉山3-1-5', ['神奈川県', '横浜市港北区']) // '大倉山三丁目'
 */
export function resolveTown(
  townNames: readonly string[],
  text: string,
  prefixes: readonly string[] = [],
): string | undefined {
  let rest = fold(text);
  for (const p of prefixes) {
    const f = fold(p);
    if (rest.startsWith(f)) rest = rest.slice(f.length);
  }
  const candidates = [rest];
  const chome = rest.replace(
    /^(\D+?)(\d{1,2})(?:丁目|-|番|$)/,
    (_m, town: string, n: string) => `${town}${kanjiNumber(Number(n))}丁目`,
  );
  if (chome !== rest) candidates.push(chome);
  let best: string | undefined;
  for (const name of townNames) {
    const folded = fold(name);
    if (best !== undefined && folded.length <= fold(best).length) continue;
    if (candidates.some((c) => c.startsWith(folded))) best = name;
  }
  return best;
}
