/**
 * Names for generated people and employers: common Japanese family and given names, name stems
 * with readings, local-business name patterns per category (株式会社〇〇介護サービス,
 * 社会福祉法人〇〇福祉会 …) and fictional national companies with branches across Japan.
 * Every company here is invented; any likeness to a real firm is accidental.
 */
import type { SeededCategory } from './trades.ts';

/** Words of a space-separated list: long name lists stay readable and formatter-proof. */
const words = (text: string): readonly string[] => text.trim().split(/\s+/);

/** Common family names, roughly in order of frequency (members draw earlier ones more often). */
export const FAMILY_NAMES = words(`
  佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 清水
  山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本
  斉藤 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 上田
  比嘉 金城 大城 宮城
`);

/** Given names common among women born 1975–2000, the ages of most members. */
export const GIVEN_NAMES = words(`
  陽子 美穂 由美 真由美 恵 愛 彩 麻衣 千尋 沙織 舞 瞳 智子 裕子 直美 香織 美咲 優子 明日香 早紀
  奈々 絵美 綾 友美 亜希子 理恵 久美子 由佳 真理 加奈子 美紀 恵美 麻美 紀子 幸子 有紀 彩香 美里 遥 葵
  結衣 さくら 萌 菜摘 里奈 知美 晴美 和美 朋子 宏美 陽菜 詩織 千夏 春香 亜美 愛美 真希 由香里 あゆみ めぐみ
`);

/** Name stems with readings (name:reading), used in company names. */
export const STEMS: readonly (readonly [name: string, kana: string])[] = words(`
  みなと:みなと さくら:さくら ひかり:ひかり あおば:あおば わかば:わかば つばさ:つばさ ひまわり:ひまわり
  すずらん:すずらん やまびこ:やまびこ みどり:みどり 青空:あおぞら 朝日:あさひ 大和:やまと 富士:ふじ
  松風:まつかぜ 桜井:さくらい 中央:ちゅうおう 東和:とうわ 共栄:きょうえい 和光:わこう 恵:めぐみ 陽光:ようこう
  清水:しみず 秋山:あきやま 石川:いしかわ 花水木:はなみずき こもれび:こもれび なごみ:なごみ ぬくもり:ぬくもり
  たんぽぽ:たんぽぽ あじさい:あじさい くすのき:くすのき 北斗:ほくと 三和:さんわ 丸山:まるやま 若竹:わかたけ
  白鳥:しらとり 千代田:ちよだ 日の出:ひので そよかぜ:そよかぜ はなまる:はなまる ことぶき:ことぶき あけぼの:あけぼの
`).map((pair) => {
  const [name = '', kana = ''] = pair.split(':');
  return [name, kana] as const;
});

/** A local firm's name pattern and its reading (法人格 is left out of readings, as registries do). */
export type NamePattern = readonly [name: string, kana: string];

export const LOCAL_NAME_PATTERNS: Record<SeededCategory, readonly NamePattern[]> = {
  care: [
    ['株式会社{s}介護サービス', '{s}カイゴサービス'],
    ['社会福祉法人{s}福祉会', '{s}フクシカイ'],
    ['有限会社{s}ケアサービス', '{s}ケアサービス'],
    ['株式会社{s}デイサービス', '{s}デイサービス'],
    ['合同会社{s}訪問介護', '{s}ホウモンカイゴ'],
    ['NPO法人{s}の家', '{s}ノイエ'],
  ],
  medical_office: [
    ['医療法人社団{s}会 {s}クリニック', '{s}カイ {s}クリニック'],
    ['医療法人{s}会 {s}内科', '{s}カイ {s}ナイカ'],
    ['{s}歯科医院', '{s}シカイイン'],
    ['有限会社{s}調剤薬局', '{s}チョウザイヤッキョク'],
    ['医療法人{s}会 {s}病院', '{s}カイ {s}ビョウイン'],
  ],
  childcare_assistant: [
    ['社会福祉法人{s}会 {s}保育園', '{s}カイ {s}ホイクエン'],
    ['株式会社{s}キッズ', '{s}キッズ'],
    ['学校法人{s}学園 {s}幼稚園', '{s}ガクエン {s}ヨウチエン'],
  ],
  retail: [
    ['株式会社{s}商店', '{s}ショウテン'],
    ['有限会社{s}ベーカリー', '{s}ベーカリー'],
    ['株式会社{s}ストア', '{s}ストア'],
    ['有限会社{s}青果', '{s}セイカ'],
  ],
  food: [
    ['株式会社{s}給食センター', '{s}キュウショクセンター'],
    ['有限会社{s}食堂', '{s}ショクドウ'],
    ['株式会社{s}フーズ', '{s}フーズ'],
    ['有限会社{s}弁当', '{s}ベントウ'],
  ],
  office: [
    ['株式会社{s}工務店', '{s}コウムテン'],
    ['{s}不動産株式会社', '{s}フドウサン'],
    ['株式会社{s}商事', '{s}ショウジ'],
    ['{s}建設株式会社', '{s}ケンセツ'],
    ['株式会社{s}印刷', '{s}インサツ'],
  ],
  call_center: [
    ['株式会社{s}コミュニケーションズ', '{s}コミュニケーションズ'],
    ['株式会社{s}テレサービス', '{s}テレサービス'],
  ],
  accounting: [
    ['{s}税理士事務所', '{s}ゼイリシジムショ'],
    ['税理士法人{s}会計', '{s}カイケイ'],
    ['{s}会計事務所', '{s}カイケイジムショ'],
  ],
  it_web: [
    ['株式会社{s}デザイン', '{s}デザイン'],
    ['合同会社{s}ラボ', '{s}ラボ'],
    ['株式会社{s}システム', '{s}システム'],
  ],
  manufacturing: [
    ['{s}精工株式会社', '{s}セイコウ'],
    ['株式会社{s}製作所', '{s}セイサクショ'],
    ['{s}食品工業株式会社', '{s}ショクヒンコウギョウ'],
    ['株式会社{s}パック', '{s}パック'],
  ],
};

/** In-house roles a local firm also posts besides its own trade (every firm needs its books kept). */
export const SIDE_CATEGORIES: readonly SeededCategory[] = ['office', 'accounting'];

export interface NationalCompany {
  name: string;
  kana: string;
  categories: readonly SeededCategory[];
  /** Prefecture code of the head office. */
  headOffice: string;
  description: string;
}

/** Fictional national companies. The first has a branch in every prefecture (hometown jobs everywhere). */
export const NATIONAL_COMPANIES: readonly NationalCompany[] = [
  {
    name: '株式会社フレッシュマート',
    kana: 'フレッシュマート',
    categories: ['retail', 'food', 'office'],
    headOffice: '13',
    description: '全国47都道府県でスーパーマーケットを展開しています。',
  },
  {
    name: 'ひかりコールセンター株式会社',
    kana: 'ヒカリコールセンター',
    categories: ['call_center', 'office'],
    headOffice: '13',
    description: '通販・保険・自治体の窓口業務を受託するコンタクトセンターです。',
  },
  {
    name: '株式会社まごころケアネット',
    kana: 'マゴコロケアネット',
    categories: ['care'],
    headOffice: '13',
    description: 'デイサービスと有料老人ホームを全国で運営しています。',
  },
  {
    name: '株式会社さくらドラッグ',
    kana: 'サクラドラッグ',
    categories: ['retail', 'medical_office'],
    headOffice: '27',
    description: 'ドラッグストアと調剤薬局のチェーンです。',
  },
  {
    name: '日本メディカルサポート株式会社',
    kana: 'ニホンメディカルサポート',
    categories: ['medical_office'],
    headOffice: '13',
    description: '病院・クリニックの医療事務を受託しています。',
  },
  {
    name: '株式会社すこやか保育サービス',
    kana: 'スコヤカホイクサービス',
    categories: ['childcare_assistant'],
    headOffice: '14',
    description: '認可保育園と企業内保育所を運営しています。',
  },
  {
    name: '株式会社みのりフードサービス',
    kana: 'ミノリフードサービス',
    categories: ['food'],
    headOffice: '23',
    description: '学校・病院・社員食堂の給食を受託しています。',
  },
  {
    name: '株式会社アオバ精機',
    kana: 'アオバセイキ',
    categories: ['manufacturing'],
    headOffice: '23',
    description: '自動車部品と電子部品の製造を行っています。',
  },
  {
    name: '株式会社ミライテック',
    kana: 'ミライテック',
    categories: ['it_web', 'call_center'],
    headOffice: '13',
    description: '業務システムの開発とITサポートを手がけています。',
  },
  {
    name: '株式会社つばさ会計パートナーズ',
    kana: 'ツバサカイケイパートナーズ',
    categories: ['accounting', 'office'],
    headOffice: '40',
    description: '中小企業の経理・給与計算のアウトソーシングを行っています。',
  },
  {
    name: '株式会社ライフパートナーズ',
    kana: 'ライフパートナーズ',
    categories: ['office', 'call_center', 'manufacturing'],
    headOffice: '27',
    description: '事務・コールセンター・製造の人材サービスを全国で提供しています。',
  },
  {
    name: '株式会社はなまるホームヘルプ',
    kana: 'ハナマルホームヘルプ',
    categories: ['care'],
    headOffice: '27',
    description: '訪問介護とデイサービスの事業所を全国に展開しています。',
  },
  {
    name: '株式会社ひだまりロジスティクス',
    kana: 'ヒダマリロジスティクス',
    categories: ['manufacturing', 'office'],
    headOffice: '11',
    description: '通販向けの物流センターを全国で運営しています。',
  },
  {
    name: '株式会社ゆうあいケアグループ',
    kana: 'ユウアイケアグループ',
    categories: ['care', 'food'],
    headOffice: '40',
    description: '介護施設と配食サービスを展開しています。',
  },
];

/** Patterns for further national companies when a large dataset needs more than the list above. */
export const NATIONAL_NAME_PATTERNS: readonly (readonly [
  name: string,
  kana: string,
  categories: readonly SeededCategory[],
])[] = [
  ['{s}ホールディングス株式会社', '{s}ホールディングス', ['office', 'accounting', 'call_center']],
  ['株式会社{s}ケアネット', '{s}ケアネット', ['care']],
  ['{s}フーズ株式会社', '{s}フーズ', ['food', 'retail']],
  ['株式会社{s}マート', '{s}マート', ['retail']],
  ['株式会社{s}メディカル', '{s}メディカル', ['medical_office']],
  ['{s}工業株式会社', '{s}コウギョウ', ['manufacturing']],
  ['株式会社{s}キッズランド', '{s}キッズランド', ['childcare_assistant']],
  ['{s}デジタル株式会社', '{s}デジタル', ['it_web', 'call_center']],
];

/** Hiragana → katakana (readings are stored in katakana, as corporate registries do). */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/** '横浜市港北区' → '港北', '藤沢市' → '藤沢': the part people use in shop and clinic names. */
export function placeStem(name: string): string {
  const ward = name.match(/市(.+?)区$/);
  if (ward?.[1]) return ward[1];
  return name.length > 2 ? name.replace(/[市区町村]$/, '') : name;
}
