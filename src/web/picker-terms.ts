/**
 * The vocabulary's entries as the pickers show them, in the reader's language, built once per
 * language (the list is the same on every page).
 */
import { QUALIFICATION_DATA } from '../../matching/terms/qualifications.ts';
import type { Lang } from './i18n.ts';
import type { PickerTerm } from './term-picker.tsx';

const cache = new Map<Lang, PickerTerm[]>();

/**
 * Qualifications for the picker: Japanese label with its reading, or the English label with the
 * Japanese name (what an ad in Japan says).
 *
 * @example qualificationTerms('ja').find((t) => t.key === 'nurse') // { key: 'nurse', label: '看護師', reading: 'かんごし' }
 */
export function qualificationTerms(lang: Lang): PickerTerm[] {
  let terms = cache.get(lang);
  if (!terms) {
    terms = QUALIFICATION_DATA.map((q) =>
      lang === 'en'
        ? { key: q.key, label: q.en, reading: q.ja }
        : { key: q.key, label: q.ja, reading: q.reading },
    );
    cache.set(lang, terms);
  }
  return terms;
}
