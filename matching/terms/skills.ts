/**
 * The skills (スキル) a role can ask for and a member can offer, as data, with levels on both sides
 * (基礎 / 実務経験あり / 指導できる). Unlike qualifications, skills are learnt on the job, so matching
 * scores them softly. Covers the trades we list: office and accounts, care and nursing, childcare,
 * food, retail, contact centres (phone and chat), cleaning, logistics and driving, manufacturing,
 * IT and creative work, management and peer support.
 *
 * The one source for the API's enum, the forms' pickers, the seed and matching. Keys are stored:
 * add freely, never rename (the first 22 are the original codes).
 */

export interface SkillEntry {
  key: string;
  ja: string;
  reading: string;
  en: string;
  aliases?: readonly string[];
}

export const SKILL_DATA: readonly SkillEntry[] = [
  // — the original codes —
  {
    key: 'pc_basic',
    ja: 'パソコン基本操作',
    reading: 'ぱそこんきほんそうさ',
    en: 'Basic computer use',
    aliases: ['PC操作', 'パソコン'],
  },
  { key: 'excel', ja: 'Excel', reading: 'えくせる', en: 'Excel', aliases: ['エクセル'] },
  { key: 'word', ja: 'Word', reading: 'わーど', en: 'Word', aliases: ['ワード'] },
  {
    key: 'data_entry',
    ja: 'データ入力',
    reading: 'でーたにゅうりょく',
    en: 'Data entry',
    aliases: ['入力作業'],
  },
  {
    key: 'phone_reception',
    ja: '電話応対',
    reading: 'でんわおうたい',
    en: 'Phone reception',
    aliases: ['電話対応', 'テレフォンオペレーター', 'コール対応'],
  },
  {
    key: 'customer_service',
    ja: '接客',
    reading: 'せっきゃく',
    en: 'Customer service',
    aliases: ['接客対応', 'ホール'],
  },
  { key: 'cash_register', ja: 'レジ操作', reading: 'れじそうさ', en: 'Cash register', aliases: ['レジ'] },
  {
    key: 'bookkeeping',
    ja: '簿記・記帳',
    reading: 'ぼき きちょう',
    en: 'Bookkeeping',
    aliases: ['記帳', '仕訳'],
  },
  { key: 'payroll', ja: '給与計算', reading: 'きゅうよけいさん', en: 'Payroll' },
  {
    key: 'medical_billing',
    ja: 'レセプト業務',
    reading: 'れせぷとぎょうむ',
    en: 'Medical billing (receipts)',
    aliases: ['レセプト', '診療報酬請求'],
  },
  {
    key: 'caregiving',
    ja: '身体介護',
    reading: 'しんたいかいご',
    en: 'Personal care',
    aliases: ['介護', '入浴介助', '排泄介助'],
  },
  { key: 'childcare', ja: '保育', reading: 'ほいく', en: 'Childcare', aliases: ['子どもの見守り'] },
  { key: 'cooking', ja: '調理', reading: 'ちょうり', en: 'Cooking', aliases: ['料理'] },
  {
    key: 'food_prep',
    ja: '仕込み・盛り付け',
    reading: 'しこみ もりつけ',
    en: 'Food preparation',
    aliases: ['仕込み', '盛り付け'],
  },
  {
    key: 'inventory',
    ja: '品出し・在庫管理',
    reading: 'しなだし ざいこかんり',
    en: 'Stock handling',
    aliases: ['品出し', '在庫管理', '棚卸し'],
  },
  { key: 'sales', ja: '営業', reading: 'えいぎょう', en: 'Sales' },
  { key: 'web_design', ja: 'Webデザイン', reading: 'うぇぶでざいん', en: 'Web design' },
  {
    key: 'programming',
    ja: 'プログラミング',
    reading: 'ぷろぐらみんぐ',
    en: 'Programming',
    aliases: ['開発', 'コーディング'],
  },
  {
    key: 'writing',
    ja: 'ライティング',
    reading: 'らいてぃんぐ',
    en: 'Writing',
    aliases: ['記事作成', '文章作成'],
  },
  { key: 'quality_check', ja: '検品', reading: 'けんぴん', en: 'Quality inspection', aliases: ['検査'] },
  {
    key: 'machine_operation',
    ja: '機械オペレーション',
    reading: 'きかいおぺれーしょん',
    en: 'Machine operation',
  },
  { key: 'english', ja: '英語', reading: 'えいご', en: 'English', aliases: ['英会話'] },
  // — care, nursing and welfare —
  {
    key: 'nursing',
    ja: '看護業務',
    reading: 'かんごぎょうむ',
    en: 'Nursing',
    aliases: ['看護', 'バイタル測定'],
  },
  {
    key: 'living_support',
    ja: '生活援助',
    reading: 'せいかつえんじょ',
    en: 'Help with daily living',
    aliases: ['家事援助'],
  },
  { key: 'care_records', ja: '介護記録', reading: 'かいごきろく', en: 'Care records' },
  {
    key: 'consultation',
    ja: '相談支援',
    reading: 'そうだんしえん',
    en: 'Consultation and support',
    aliases: ['相談業務', '相談員'],
  },
  {
    key: 'peer_support',
    ja: 'ピアサポート',
    reading: 'ぴあさぽーと',
    en: 'Peer support',
    aliases: ['当事者支援'],
  },
  { key: 'reception', ja: '受付', reading: 'うけつけ', en: 'Front desk', aliases: ['受付業務'] },
  // — contact centres —
  {
    key: 'chat_support',
    ja: 'チャット対応',
    reading: 'ちゃっとたいおう',
    en: 'Chat support',
    aliases: ['チャットサポート', 'チャットオペレーター'],
  },
  {
    key: 'email_support',
    ja: 'メール対応',
    reading: 'めーるたいおう',
    en: 'Email support',
    aliases: ['メールサポート'],
  },
  { key: 'complaint_handling', ja: 'クレーム対応', reading: 'くれーむたいおう', en: 'Handling complaints' },
  // — cleaning, hospitality, logistics, driving —
  { key: 'cleaning', ja: '清掃', reading: 'せいそう', en: 'Cleaning', aliases: ['掃除', 'クリーニング'] },
  {
    key: 'housekeeping',
    ja: '家事代行',
    reading: 'かじだいこう',
    en: 'Housekeeping services',
    aliases: ['ハウスキーピング'],
  },
  { key: 'bed_making', ja: 'ベッドメイク', reading: 'べっどめいく', en: 'Bed making' },
  {
    key: 'hotel_front',
    ja: 'フロント業務',
    reading: 'ふろんとぎょうむ',
    en: 'Hotel front desk',
    aliases: ['フロント'],
  },
  {
    key: 'picking_packing',
    ja: 'ピッキング・梱包',
    reading: 'ぴっきんぐ こんぽう',
    en: 'Picking and packing',
    aliases: ['ピッキング', '梱包', '仕分け'],
  },
  { key: 'driving', ja: '運転', reading: 'うんてん', en: 'Driving', aliases: ['車の運転', '送迎'] },
  { key: 'delivery', ja: '配送', reading: 'はいそう', en: 'Delivery', aliases: ['配達', 'ルート配送'] },
  // — manufacturing and farming —
  { key: 'assembly', ja: '組立', reading: 'くみたて', en: 'Assembly', aliases: ['組み立て', '部品組立'] },
  { key: 'sewing', ja: '縫製', reading: 'ほうせい', en: 'Sewing', aliases: ['ミシン'] },
  {
    key: 'farming',
    ja: '農作業',
    reading: 'のうさぎょう',
    en: 'Farm work',
    aliases: ['農業', '収穫', '選果'],
  },
  // — office, IT and creative —
  {
    key: 'powerpoint',
    ja: 'PowerPoint',
    reading: 'ぱわーぽいんと',
    en: 'PowerPoint',
    aliases: ['パワーポイント', 'パワポ'],
  },
  {
    key: 'accounting_software',
    ja: '会計ソフト',
    reading: 'かいけいそふと',
    en: 'Accounting software',
    aliases: ['弥生会計', 'freee', 'マネーフォワード'],
  },
  {
    key: 'filing',
    ja: '書類整理・ファイリング',
    reading: 'しょるいせいり ふぁいりんぐ',
    en: 'Filing and records',
  },
  {
    key: 'scheduling',
    ja: 'スケジュール・予約管理',
    reading: 'すけじゅーる よやくかんり',
    en: 'Scheduling and bookings',
    aliases: ['予約管理', 'シフト管理'],
  },
  {
    key: 'marketing',
    ja: 'マーケティング',
    reading: 'まーけてぃんぐ',
    en: 'Marketing',
    aliases: ['広報', '販促'],
  },
  {
    key: 'sns',
    ja: 'SNS運用',
    reading: 'えすえぬえすうんよう',
    en: 'Social media',
    aliases: ['SNS', 'インスタグラム運用'],
  },
  {
    key: 'video_editing',
    ja: '動画編集',
    reading: 'どうがへんしゅう',
    en: 'Video editing',
    aliases: ['映像編集', 'Premiere'],
  },
  {
    key: 'graphic_design',
    ja: 'グラフィックデザイン',
    reading: 'ぐらふぃっくでざいん',
    en: 'Graphic design',
    aliases: ['デザイン', 'Illustrator', 'Photoshop'],
  },
  { key: 'translation', ja: '翻訳', reading: 'ほんやく', en: 'Translation', aliases: ['通訳'] },
  { key: 'chinese', ja: '中国語', reading: 'ちゅうごくご', en: 'Chinese' },
  {
    key: 'teaching',
    ja: '指導・講師',
    reading: 'しどう こうし',
    en: 'Teaching',
    aliases: ['講師', '教える仕事', '塾講師'],
  },
  // — leading people —
  {
    key: 'management',
    ja: 'マネジメント',
    reading: 'まねじめんと',
    en: 'Management',
    aliases: ['管理職', 'チームリーダー', '店長'],
  },
  {
    key: 'staff_training',
    ja: '新人教育',
    reading: 'しんじんきょういく',
    en: 'Training new staff',
    aliases: ['OJT', '後輩指導'],
  },
];
