/**
 * Qualifications as stored: one list per member or role, each value either a vocabulary key or
 * text no entry knew when it was saved. The API keeps them apart (`qualifications` and
 * `otherQualifications`); a typed name the vocabulary knows (宅建, ヘルパー2級) is stored as its key,
 * so matching compares keys, and what stays text is shown to the coordinator as 要確認.
 */
import { splitTerms } from '../../../matching/terms/lookup.ts';
import { isQualificationKey, QUALIFICATION_INDEX } from '../../../matching/vocabulary.ts';

/**
 * The values to store: the keys, then the typed names resolved to keys where the vocabulary knows
 * them, then the rest as text; no value twice.
 *
 * @example storedQualifications(['nurse'], ['宅建', 'ドローン操縦']) // ['nurse', 'real_estate_broker', 'ドローン操縦']
 */
export function storedQualifications(keys: readonly string[], typed: readonly string[]): string[] {
  const split = splitTerms(QUALIFICATION_INDEX, typed);
  return [...new Set([...keys, ...split.keys, ...split.other])];
}

/**
 * Stored values back into keys and text, in their stored order.
 *
 * @example splitStoredQualifications(['nurse', 'ドローン操縦']) // { keys: ['nurse'], other: ['ドローン操縦'] }
 */
export function splitStoredQualifications(values: readonly string[]): { keys: string[]; other: string[] } {
  const keys: string[] = [];
  const other: string[] = [];
  for (const v of values) (isQualificationKey(v) ? keys : other).push(v);
  return { keys, other };
}
