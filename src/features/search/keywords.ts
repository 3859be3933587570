/**
 * Japanese words a role is also found by: the words job seekers use for each trade, remote mode
 * and flexibility fact (在宅 for a hybrid role, 受付 for medical office work). They are written
 * into the document's searchable `keywords` field at index time, because Meilisearch synonyms do
 * not reach kanji in an index localised to Japanese. No romaji here: the readings of these words,
 * like those of every other text of the role, come from the analyser (readings.ts).
 */
import type { FlexibilityFact, JobCategory, RemoteMode } from '../../../matching/types.ts';

export const CATEGORY_KEYWORDS: Record<JobCategory, string[]> = {
  care: ['介護', '介護職', 'ヘルパー'],
  office: ['事務', '一般事務', 'オフィスワーク'],
  medical_office: ['事務', '医療事務', '受付'],
  childcare_assistant: ['保育', '保育補助', '子ども'],
  retail: ['販売', '接客', 'レジ'],
  food: ['調理', '調理補助', 'キッチン', '給食'],
  call_center: ['コールセンター', '電話対応', 'オペレーター'],
  accounting: ['経理', '会計', '簿記'],
  it_web: ['IT', 'Web', 'エンジニア', 'プログラマー', 'デザイナー'],
  manufacturing: ['製造', '工場', 'ライン作業', '軽作業'],
  nursing: ['看護', '看護師', 'ナース', '訪問看護'],
  childcare: ['保育', '保育士', '保育園', 'こども園'],
  cleaning: ['清掃', '掃除', 'クリーンスタッフ', 'ハウスキーピング'],
  delivery: ['配送', 'ドライバー', '配達', 'ルート配送'],
  logistics: ['倉庫', '軽作業', 'ピッキング', '仕分け', '梱包'],
  hospitality: ['ホテル', '旅館', '宿泊', 'フロント', 'ベッドメイク'],
  agriculture: ['農業', '農作業', '収穫', '選果', '農家'],
  sales: ['営業', 'ルート営業', '販売促進'],
  restaurant: ['飲食', 'ホール', 'カフェ', 'レストラン', '接客'],
  welfare: ['相談員', '福祉', '支援員', 'ピアサポート'],
  creative: ['企画', 'マーケティング', '広報', '動画編集', 'デザイン'],
  education: ['講師', '塾', '教育', '学童', '家庭教師'],
};

export const REMOTE_KEYWORDS: Record<RemoteMode, string[]> = {
  none: [],
  hybrid: ['在宅', '一部在宅', 'リモート', 'テレワーク', 'ハイブリッド'],
  full: ['在宅', 'フルリモート', '完全在宅', 'リモート', 'テレワーク'],
};

export const FACT_KEYWORDS: Partial<Record<FlexibilityFact, string[]>> = {
  short_time_allowed: ['時短', '短時間'],
  sick_child_absence_ok: ['子育て', '急な休み'],
  onsite_nursery: ['託児所', '保育所'],
  childcare_subsidy: ['保育料補助'],
  relocation_housing: ['移住', '住宅'],
  relocation_moving_costs: ['移住', '引越し'],
};

/**
 * Synonyms between words that are not kanji, which Meilisearch does apply in a Japanese index.
 * (Kanji synonyms are handled by the keywords above.)
 */
export const SEARCH_SYNONYMS: Record<string, string[]> = {
  リモート: ['テレワーク', 'remote'],
  テレワーク: ['リモート', 'remote'],
  remote: ['リモート', 'テレワーク'],
};

/** The keywords of one role, deduplicated. */
export function keywordsFor(
  category: JobCategory,
  remote: RemoteMode,
  facts: readonly FlexibilityFact[],
): string {
  const words = [
    ...CATEGORY_KEYWORDS[category],
    ...REMOTE_KEYWORDS[remote],
    ...facts.flatMap((f) => FACT_KEYWORDS[f] ?? []),
  ];
  return [...new Set(words)].join(' ');
}
