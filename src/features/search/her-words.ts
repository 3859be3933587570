/**
 * Her words as filters: what a mother types into the search box is read for the words that name
 * something the data knows as a structured field — an employment type (パート, 正社員), a condition
 * (在宅, 時短, 扶養内, 週2, 土日休み, 未経験) or a trade (事務, 介護: matching/terms/categories.ts) —
 * and those become filters; the other words stay text. So 「パート」 finds part-time roles whether
 * or not an ad spells the word, and the engine and the database (degraded mode) read her words the
 * same way, because both get the filters this returns.
 *
 * A role has exactly one employment type and one trade, so two such words can only mean "either"
 * (パート アルバイト, 事務 経理): they are joined with OR. Conditions are independent facts, so
 * 在宅 時短 asks for both. A trade word also finds the roles whose title says it, filed under
 * whatever trade (titleWords).
 */

import { CATEGORY_WORDS } from '../../../matching/terms/categories.ts';
import { normaliseTerm } from '../../../matching/terms/lookup.ts';
import type { EmploymentType, JobCategory } from '../../../matching/types.ts';
import { JOB_CATEGORIES } from '../../../matching/vocabulary.ts';
import type { JobCondition } from './job-conditions.ts';

/** What her words ask for: the structured parts, and the words left as text. */
export interface HerWords {
  text: string;
  employmentTypes: EmploymentType[];
  categories: JobCategory[];
  conditions: JobCondition[];
  /**
   * The trade words (as the vocabulary writes them) that her trade words are part of. A role
   * whose title says one is of her trade too, whatever trade its employer filed it under: 事務
   * finds 営業事務 filed under sales, 受付 a hotel's 受付.
   */
  titleWords: string[];
}

const EMPLOYMENT_WORDS: Record<EmploymentType, readonly string[]> = {
  part_time: [
    'パート',
    'アルバイト',
    'バイト',
    'パートアルバイト',
    'パート・アルバイト',
    'paato',
    'arubaito',
    'baito',
  ],
  full_time: ['正社員', '正職員', 'seishain'],
  contract: ['契約社員', '契約職員', 'keiyakushain'],
  dispatch: ['派遣', '派遣社員', 'haken'],
  freelance: ['業務委託', '委託', 'フリーランス', 'gyoumuitaku', 'freelance'],
};

const CONDITION_WORDS: Partial<Record<JobCondition, readonly string[]>> = {
  remote: [
    '在宅',
    '在宅勤務',
    '在宅ワーク',
    'リモート',
    'リモートワーク',
    'テレワーク',
    '一部在宅',
    '完全在宅',
    'フルリモート',
    'zaitaku',
    'rimoto',
    'remote',
  ],
  short_time: ['時短', '時短勤務', '時短OK', '短時間', 'jitan'],
  within_dependent: ['扶養内', '扶養内OK', '扶養', 'fuyounai'],
  weekends_off: ['土日休み', '土日祝休み', '土日祝日休み', '土日休'],
  inexperienced_ok: ['未経験', '未経験OK', '未経験可', '未経験歓迎', 'mikeiken'],
  no_overtime: ['残業なし', '残業ゼロ', '定時退社'],
  sick_child: ['急な休み', '急な休みOK', '子どもの急な休み'],
  childcare: ['託児所', '託児所あり', '託児', '保育手当', '保育料補助'],
  commute_paid: ['交通費', '交通費支給', '交通費あり'],
  social_insurance: ['社会保険', '社会保険あり', '社会保険完備', '社保', '社保完備'],
  short_days: ['1日4時間', '1日4時間以内', '4時間以内'],
  ends_by_15: ['15時まで', '15時退社'],
  ends_by_17: ['17時まで', '17時退社'],
};

/** 週2, 週2日, 週3日から, 週2〜3日OK …: a week of at most three days. */
const FEW_DAYS = /^週[1-3](日)?([〜~-][1-3](日)?)?(から|以内|以下|ok|のみ|だけ|程度|~|〜)?$/;

const wordIndex = <K extends string>(table: Partial<Record<K, readonly string[]>>) => {
  const index = new Map<string, K>();
  for (const [key, words] of Object.entries(table) as [K, readonly string[]][])
    for (const word of words) index.set(normaliseTerm(word), key);
  return index;
};

const EMPLOYMENT_INDEX = wordIndex(EMPLOYMENT_WORDS);
const CONDITION_INDEX = wordIndex(CONDITION_WORDS);
/** Every word of every trade (its label too), normalised, with its trade. */
const TRADE_WORDS: [string, JobCategory][] = (Object.keys(JOB_CATEGORIES) as JobCategory[]).flatMap(
  (category) =>
    [JOB_CATEGORIES[category].ja, ...CATEGORY_WORDS[category]].map(
      (w) => [normaliseTerm(w), category] as [string, JobCategory],
    ),
);

/**
 * The words a title is read for: each trade's own words as written (a title says 事務 or ヘルパー,
 * seldom a trade's label), not the Latin ones (IT, Web, SNS), which are parts of too many words.
 */
const TITLE_WORDS: { written: string; normalised: string }[] = Object.values(CATEGORY_WORDS)
  .flat()
  .filter((w) => !/^[ -~]+$/.test(w))
  .map((written) => ({ written, normalised: normaliseTerm(written) }));

/**
 * The trades a word names, and the title words it is part of: it is one of a trade's words or
 * part of one (事務 is part of 医療事務, so it names both trades), two characters at least so a
 * single kana names nothing.
 */
function tradesNamedBy(word: string): { trades: JobCategory[]; titleWords: string[] } {
  if ([...word].length < 2) return { trades: [], titleWords: [] };
  return {
    trades: [...new Set(TRADE_WORDS.filter(([w]) => w.includes(word)).map(([, c]) => c))],
    titleWords: TITLE_WORDS.filter((w) => w.normalised.includes(word)).map((w) => w.written),
  };
}

/**
 * The trade words a role's title says (as the vocabulary writes them), for her trade words to
 * find it by (HerWords.titleWords).
 * @example tradeWordsInTitle('営業事務（データ入力）') // ['事務', 'データ入力', '営業']
 */
export function tradeWordsInTitle(title: string): string[] {
  const read = normaliseTerm(title);
  return [...new Set(TITLE_WORDS.filter((w) => read.includes(w.normalised)).map((w) => w.written))];
}

/**
 * Reads her query. Words are split on ASCII and full-width spaces; a word naming nothing structured
 * is kept as text, as typed.
 * @example readHerWords('パート 事務 在宅 横浜') // { text: '横浜', employmentTypes: ['part_time'], categories: ['office', 'medical_office'], conditions: ['remote'], titleWords: ['事務', '医療事務'] }
 */
export function readHerWords(q: string): HerWords {
  const employmentTypes = new Set<EmploymentType>();
  const categories = new Set<JobCategory>();
  const conditions = new Set<JobCondition>();
  const titleWords = new Set<string>();
  const text: string[] = [];
  for (const word of q.split(/[\s\u3000]+/).filter(Boolean)) {
    const n = normaliseTerm(word);
    const employment = EMPLOYMENT_INDEX.get(n);
    const condition = CONDITION_INDEX.get(n) ?? (FEW_DAYS.test(n) ? 'few_days' : undefined);
    const named = employment || condition ? undefined : tradesNamedBy(n);
    if (employment) employmentTypes.add(employment);
    else if (condition) conditions.add(condition);
    else if (named?.trades.length) {
      for (const t of named.trades) categories.add(t);
      for (const w of named.titleWords) titleWords.add(w);
    } else text.push(word);
  }
  return {
    text: text.join(' '),
    employmentTypes: [...employmentTypes],
    categories: [...categories],
    conditions: [...conditions],
    titleWords: [...titleWords],
  };
}
