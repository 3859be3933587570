/**
 * Words a role is also found by: romaji for each trade and flexibility fact (so `jimu`, `kaigo`,
 * `zaitaku` and their typos work), and the synonyms job seekers use. They are written into the
 * document's searchable `keywords` field at index time, because Meilisearch synonyms do not
 * reach kanji in an index localised to Japanese.
 */
import type { FlexibilityFact, JobCategory, RemoteMode } from '../../../matching/types.ts';

export const CATEGORY_KEYWORDS: Record<JobCategory, string[]> = {
  care: ['介護', '介護職', 'ヘルパー', 'kaigo', 'herupa', 'helper'],
  office: ['事務', '一般事務', 'オフィスワーク', 'jimu', 'ippanjimu', 'ofisuwaku'],
  medical_office: ['事務', '医療事務', '受付', 'iryojimu', 'iryou', 'jimu', 'uketsuke'],
  childcare_assistant: ['保育', '保育補助', '子ども', 'hoiku', 'hoikuhojo'],
  retail: ['販売', '接客', 'レジ', 'hanbai', 'sekkyaku', 'reji'],
  food: ['調理', '調理補助', 'キッチン', '給食', 'chori', 'chouri', 'kyushoku', 'kicchin'],
  call_center: ['コールセンター', '電話対応', 'オペレーター', 'korusenta', 'callcenter', 'denwa'],
  accounting: ['経理', '会計', '簿記', 'keiri', 'kaikei', 'boki'],
  it_web: ['IT', 'Web', 'エンジニア', 'プログラマー', 'デザイナー', 'enjinia', 'puroguramu', 'dezain'],
  manufacturing: ['製造', '工場', 'ライン作業', '軽作業', 'seizo', 'seizou', 'kojo', 'koujou'],
  nursing: ['看護', '看護師', 'ナース', '訪問看護', 'kango', 'kangoshi', 'nurse'],
  childcare: ['保育', '保育士', '保育園', 'こども園', 'hoiku', 'hoikushi'],
  cleaning: ['清掃', '掃除', 'クリーンスタッフ', 'ハウスキーピング', 'seiso', 'seisou', 'souji'],
  delivery: ['配送', 'ドライバー', '配達', 'ルート配送', 'haiso', 'haisou', 'doraiba', 'driver'],
  logistics: ['倉庫', '軽作業', 'ピッキング', '仕分け', '梱包', 'soko', 'souko', 'keisagyo'],
  hospitality: ['ホテル', '旅館', '宿泊', 'フロント', 'ベッドメイク', 'hoteru', 'ryokan', 'hotel'],
  agriculture: ['農業', '農作業', '収穫', '選果', '農家', 'nogyo', 'nougyou', 'farm'],
  sales: ['営業', 'ルート営業', '販売促進', 'eigyo', 'eigyou', 'sales'],
  restaurant: ['飲食', 'ホール', 'カフェ', 'レストラン', '接客', 'inshoku', 'horu', 'cafe'],
  welfare: ['相談員', '福祉', '支援員', 'ピアサポート', 'soudan', 'fukushi', 'shienin'],
  creative: ['企画', 'マーケティング', '広報', '動画編集', 'デザイン', 'kikaku', 'maketingu', 'marketing'],
  education: ['講師', '塾', '教育', '学童', '家庭教師', 'koshi', 'koushi', 'juku', 'kyoiku'],
};

export const REMOTE_KEYWORDS: Record<RemoteMode, string[]> = {
  none: [],
  hybrid: [
    '在宅',
    '一部在宅',
    'リモート',
    'テレワーク',
    'ハイブリッド',
    'zaitaku',
    'rimoto',
    'remote',
    'terewaku',
  ],
  full: [
    '在宅',
    'フルリモート',
    '完全在宅',
    'リモート',
    'テレワーク',
    'zaitaku',
    'rimoto',
    'remote',
    'terewaku',
  ],
};

export const FACT_KEYWORDS: Partial<Record<FlexibilityFact, string[]>> = {
  short_time_allowed: ['時短', '短時間', 'jitan', 'tanjikan'],
  sick_child_absence_ok: ['子育て', '急な休み', 'kosodate'],
  onsite_nursery: ['託児所', '保育所', 'takujisho'],
  childcare_subsidy: ['保育料補助'],
  relocation_housing: ['移住', '住宅', 'ijuu', 'iju'],
  relocation_moving_costs: ['移住', '引越し', 'ijuu', 'iju'],
};

/**
 * Synonyms between words that are not kanji, which Meilisearch does apply in a Japanese index.
 * (Kanji synonyms are handled by the keywords above.)
 */
export const SEARCH_SYNONYMS: Record<string, string[]> = {
  リモート: ['テレワーク', 'remote'],
  テレワーク: ['リモート', 'remote'],
  remote: ['リモート', 'テレワーク'],
  オフィスワーク: ['jimu'],
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
