/**
 * The words of generated job ads: base titles, duties and location labels per kind of job
 * (keys match trades.ts), plus opening, flexibility and closing sentences. Descriptions are
 * composed from these, so two ads of the same kind rarely read alike.
 * `{org}` and `{place}` are filled in by the role generator.
 */
import type { FlexibilityFact } from '../matching/types.ts';

export interface PatternPhrases {
  titles: readonly string[];
  duties: readonly string[];
  /** Location labels; `{place}` is the municipality or ward without its 市/区/町/村. */
  labels: readonly string[];
}

export const PATTERN_PHRASES: Record<string, PatternPhrases> = {
  care_day: {
    titles: [
      'デイサービスの介護スタッフ',
      '介護職員（デイサービス）',
      '介護補助スタッフ',
      '通所介護スタッフ',
      '介護スタッフ（日勤のみ）',
    ],
    duties: [
      'ご利用者さまの入浴や食事の介助、レクリエーションの準備をお願いします。',
      '送迎の添乗、お茶出し、レクリエーションの進行などをチームで担当します。',
      '身体介護は先輩がサポートしますので、まずは見守りやお話し相手から始められます。',
    ],
    labels: ['{place}デイサービスセンター', 'デイサービス{place}', '{place}事業所'],
  },
  care_shift: {
    titles: [
      '介護職員（特別養護老人ホーム）',
      'グループホームの介護スタッフ',
      '介護スタッフ（有料老人ホーム）',
      'ケアスタッフ（早番・遅番）',
    ],
    duties: [
      '入居者さまの食事・入浴・排せつの介助など、日常生活全般のお手伝いをします。',
      '少人数のユニットで、入居者さまお一人おひとりのペースに合わせたケアを行います。',
      '記録はタブレットで入力するため、書類仕事は多くありません。',
    ],
    labels: ['{place}ケアホーム', '特別養護老人ホーム{place}', 'グループホーム{place}'],
  },
  care_visit: {
    titles: ['訪問介護員（ホームヘルパー）', '登録ヘルパー', '訪問介護スタッフ（直行直帰OK）'],
    duties: [
      'ご利用者さまのご自宅を訪問し、身体介護や掃除・買い物などの生活援助を行います。',
      '1件30分〜1時間程度の訪問を、ご都合のよい時間に組み合わせて担当します。',
      '社用車または自転車で担当エリア内を移動します。',
    ],
    labels: ['ヘルパーステーション{place}', '{place}訪問介護事業所'],
  },
  care_night: {
    titles: ['夜勤専従の介護スタッフ', '介護職員（夜勤）'],
    duties: [
      '夜間の見守りや巡回、排せつ介助、朝の起床介助をお願いします。',
      '2名体制の夜勤なので、困ったときもすぐに相談できます。',
    ],
    labels: ['{place}ケアホーム', '有料老人ホーム{place}'],
  },
  office_general: {
    titles: ['一般事務', '営業事務', '事務スタッフ', '総務・庶務スタッフ', '受付事務'],
    duties: [
      '書類作成やデータ入力、電話・来客対応などの事務全般をお任せします。',
      '見積書・請求書の作成や、備品の発注・管理を担当していただきます。',
      '営業担当のサポートとして、受発注の入力や資料作成を行います。',
    ],
    labels: ['{place}本社', '{place}営業所', '{place}オフィス'],
  },
  office_flex: {
    titles: ['事務スタッフ（フレックス）', 'データ入力・事務', 'バックオフィススタッフ'],
    duties: [
      '社内システムへのデータ入力や、Excelでの集計作業が中心です。',
      'コアタイムのないフレックス制で、ご家庭の予定に合わせて勤務時間を決められます。',
    ],
    labels: ['{place}オフィス', '{place}事務センター'],
  },
  clinic_reception: {
    titles: ['医療事務（クリニック受付）', '受付・医療事務スタッフ', 'クリニックの受付スタッフ'],
    duties: [
      '受付での患者さま対応、保険証の確認、会計、電話応対をお願いします。',
      'レセプト業務は経験者が担当しますので、未経験の方も受付から覚えられます。',
      '地域のかかりつけ医として、顔なじみの患者さまが多いアットホームな職場です。',
    ],
    labels: ['{place}クリニック', '{place}駅前クリニック'],
  },
  hospital_billing: {
    titles: ['医療事務（レセプト）', '病院の医療事務スタッフ', '入院会計・医療事務'],
    duties: [
      '外来・入院のレセプト作成と点検、会計業務を担当します。',
      '電子カルテと医事会計システムを使って、診療報酬の請求業務を行います。',
    ],
    labels: ['{place}病院', '{place}総合病院'],
  },
  nursery_assistant: {
    titles: ['保育補助スタッフ', '保育園の保育補助', '保育アシスタント', '子育て支援スタッフ'],
    duties: [
      '保育士のサポートとして、子どもたちの見守りや食事・お昼寝の補助をお願いします。',
      '園内の清掃や制作物の準備など、保育士が子どもと向き合える環境づくりを担います。',
      '0〜2歳児クラスを中心に、少人数でゆったりとした保育を行っています。',
    ],
    labels: ['{place}保育園', '{place}こども園', '{place}分園'],
  },
  nursery_edge: {
    titles: ['保育補助（朝・夕の短時間）', '延長保育スタッフ', '朝保育のお手伝い'],
    duties: [
      '登園・降園の時間帯に、子どもたちの見守りや保護者さまへの引き渡しをお手伝いします。',
      '1日2〜3時間の短時間勤務です。',
    ],
    labels: ['{place}保育園', '{place}こども園'],
  },
  store_shift: {
    titles: ['販売スタッフ', '品出し・レジスタッフ', '店舗の販売スタッフ', '店舗スタッフ（シフト制）'],
    duties: [
      'レジ打ちや品出し、売り場づくりをお願いします。',
      'お客さまへの商品案内やレジ対応、発注作業を担当します。',
      'シフトは2週間ごとの提出制で、お子さまの行事に合わせて調整できます。',
    ],
    labels: ['{place}店', '{place}駅前店', '{place}ショッピングセンター店'],
  },
  store_weekday: {
    titles: ['レジスタッフ（平日のみ）', '販売スタッフ（平日・日中）', '販売・レジスタッフ'],
    duties: [
      '平日の日中に、レジや商品の陳列、簡単な清掃をお願いします。',
      '焼きたてパンの袋詰めや陳列、レジでの接客を担当します。',
    ],
    labels: ['{place}店', '{place}本店'],
  },
  school_lunch: {
    titles: ['学校給食の調理スタッフ', '給食センターの調理補助', '調理員（学校給食）'],
    duties: [
      '小学校の給食づくりを担当します。食材の下処理、調理、盛り付け、洗浄まで分担して行います。',
      '大量調理の機器は使い方から丁寧にお教えします。',
      '学校の長期休み中は勤務がありません（希望者には別業務あり）。',
    ],
    labels: ['{place}学校給食センター', '{place}給食センター'],
  },
  kitchen_prep: {
    titles: ['キッチンスタッフ（仕込み）', 'お弁当の調理スタッフ', '調理補助', '惣菜の調理スタッフ'],
    duties: [
      '野菜のカットや煮物の仕込み、盛り付けをお願いします。',
      'マニュアルに沿って惣菜やお弁当を調理します。',
      '家庭料理の経験がそのまま活かせる仕事です。',
    ],
    labels: ['{place}店', '{place}キッチン', '{place}工場'],
  },
  inbound: {
    titles: [
      'コールセンタースタッフ（受信）',
      'お客さま相談窓口スタッフ',
      'カスタマーサポート',
      'テレフォンオペレーター',
    ],
    duties: [
      'お客さまからのお問い合わせに、マニュアルに沿って電話でお答えします。',
      '通販サイトの注文受付や配送状況のご案内が中心で、営業の電話はありません。',
      '研修期間が2週間あり、困ったときはすぐにSVに相談できる体制です。',
    ],
    labels: ['{place}コンタクトセンター', '{place}センター'],
  },
  outbound_support: {
    titles: ['電話での予約受付スタッフ', 'カスタマーサポート（平日10時〜15時）'],
    duties: [
      'ご予約やお申し込みの受付、内容確認のお電話をお願いします。',
      '入力作業と電話対応が半々くらいのお仕事です。',
    ],
    labels: ['{place}センター', '{place}オフィス'],
  },
  bookkeeping: {
    titles: ['経理スタッフ', '経理事務', '経理・会計事務', '経理アシスタント'],
    duties: [
      '伝票の起票、仕訳入力、売掛金・買掛金の管理などをお願いします。',
      '月次決算のサポートや、経費精算のチェックを担当していただきます。',
      '会計ソフトはfreeeや弥生会計を使用しています。',
    ],
    labels: ['{place}本社', '{place}事務所'],
  },
  tax_office: {
    titles: ['会計事務所スタッフ', '記帳代行スタッフ', '税理士事務所の経理補助'],
    duties: [
      '顧問先の記帳代行や、給与計算・年末調整のサポートをお願いします。',
      '確定申告の時期以外は残業がほとんどありません。',
    ],
    labels: ['{place}事務所'],
  },
  web_production: {
    titles: ['Webデザイナー', 'Webサイト更新スタッフ', 'Webディレクターアシスタント', 'ECサイト運営スタッフ'],
    duties: [
      '企業サイトのバナー制作や、CMSを使ったページ更新をお願いします。',
      'FigmaやPhotoshopを使って、デザインの修正から担当していただきます。',
      'ECサイトの商品登録や画像加工、簡単なHTMLの修正を行います。',
    ],
    labels: ['{place}オフィス', '{place}スタジオ'],
  },
  developer: {
    titles: ['Webエンジニア', 'フロントエンドエンジニア', 'システムエンジニア（業務系）', 'プログラマー'],
    duties: [
      '自社サービスの機能追加や改修を、TypeScriptを中心に担当します。',
      '業務システムの設計・開発・テストを、チームで分担して進めます。',
      'コードレビューの文化があり、ブランクがあっても学び直しやすい環境です。',
    ],
    labels: ['{place}開発拠点', '{place}オフィス'],
  },
  it_support: {
    titles: ['ITヘルプデスク', '社内SEアシスタント', 'PCサポートスタッフ'],
    duties: [
      '社員からのPCやアカウントに関する問い合わせに対応します。',
      'PCのセットアップや資産管理の台帳更新をお願いします。',
    ],
    labels: ['{place}本社', '{place}オフィス'],
  },
  line_work: {
    titles: ['製造スタッフ', '軽作業・検品スタッフ', '製造スタッフ（軽作業）', '電子部品の組立スタッフ'],
    duties: [
      'ライン作業での部品の組み立てや、完成品の検品をお願いします。',
      '座ってできる作業が中心で、立ち仕事が苦手な方にも向いています。',
      '食品のパック詰めやラベル貼りなど、簡単な作業から始められます。',
    ],
    labels: ['{place}工場', '{place}第二工場', '{place}事業所'],
  },
  warehouse: {
    titles: ['倉庫内軽作業', 'ピッキングスタッフ', '物流センターの仕分けスタッフ'],
    duties: [
      'ハンディ端末を使った商品のピッキングや梱包をお願いします。',
      '入荷した商品の検品と棚入れを担当します。',
    ],
    labels: ['{place}物流センター', '{place}倉庫'],
  },
};

/** Openings; the first sentence of an ad introduces the workplace. */
export const OPENINGS: readonly string[] = [
  '{place}にある{org}で、一緒に働く仲間を募集しています。',
  '{org}は{place}で地域に根ざして事業を続けています。',
  '{place}エリアでの募集です。',
  '{org}では、子育てと両立しながら働くスタッフが多数活躍しています。',
  '地元・{place}で長く働ける職場です。',
  '{org}の{place}の拠点で、新しいスタッフを迎えます。',
];

/** Sentences about a flexibility fact, used only when the role states that fact as available. */
export const FACT_SENTENCES: Partial<Record<FlexibilityFact, readonly string[]>> = {
  sick_child_absence_ok: [
    'お子さまの急な発熱などによる当日のお休みにも対応しています。',
    '急なお休みはチームでカバーし合っています。',
  ],
  short_time_allowed: [
    '1日4時間からの時短勤務も相談できます。',
    '勤務時間はご家庭の事情に合わせて短くすることもできます。',
  ],
  school_event_leave: ['授業参観や運動会など、学校行事の日はお休みを取りやすいです。'],
  onsite_nursery: ['敷地内に託児所があり、お子さまを預けて働けます。'],
  childcare_subsidy: ['保育料の補助制度があります。'],
  relocation_housing: ['遠方からの方には社宅・住宅手当のご用意があります。'],
  relocation_moving_costs: ['引越し費用の補助があり、Uターン・Iターンの方も歓迎します。'],
};

/** Closings; welcome and reassurance, never a promise the data does not back. */
export const CLOSINGS: readonly string[] = [
  'ブランクのある方も丁寧にお教えしますので、安心してご応募ください。',
  '未経験の方も歓迎します。',
  '見学だけでも歓迎しますので、お気軽にお問い合わせください。',
  'まずは面談で、働き方のご希望をお聞かせください。',
  '子育て中のスタッフが多く、お互いさまの雰囲気の職場です。',
  '長く続けていただける方を歓迎します。',
];

/**
 * A qualification some kinds of job welcome without requiring it, and the sentence saying so;
 * used only when the role does not require that qualification.
 */
export const NICE_QUALIFICATIONS: Record<string, readonly [qualification: string, sentence: string]> = {
  office_general: ['mos', 'MOSなどの資格をお持ちの方は優遇します。'],
  bookkeeping: ['bookkeeping_3', '日商簿記3級程度の知識があれば歓迎します。'],
  clinic_reception: ['medical_clerk', '医療事務の資格をお持ちの方は歓迎します（資格手当あり）。'],
  care_day: ['care_initial_training', '介護職員初任者研修の取得支援制度があります。'],
  nursery_assistant: ['childcare_worker', '保育士資格をお持ちの方は時給を優遇します。'],
  kitchen_prep: ['cook', '調理師免許をお持ちの方は優遇します。'],
  school_lunch: ['cook', '調理師免許をお持ちの方は優遇します。'],
};
