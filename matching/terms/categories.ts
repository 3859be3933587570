/**
 * Words that say which kind of work a sentence is about, per job category: what a member writes
 * in her 自己PR ("介護の仕事を続けたい", "在宅で経理を") is read against them once, when her profile
 * is prepared, so scoring a pair stays one array read. Kanji and katakana words only, normalised
 * as terms are (lookup.ts), so full-width and katakana spellings meet.
 */
import type { JobCategory } from '../types.ts';

export const CATEGORY_WORDS: Readonly<Record<JobCategory, readonly string[]>> = {
  care: ['介護', 'ヘルパー', 'デイサービス', '介助', 'ケア'],
  office: ['事務', 'オフィス', 'データ入力', '書類'],
  medical_office: ['医療事務', 'レセプト', '受付', 'クリニック'],
  childcare_assistant: ['保育補助', '子ども', '子供'],
  retail: ['販売', 'レジ', '接客', '店舗', 'ドラッグストア'],
  food: ['調理', 'キッチン', '給食', '料理'],
  call_center: ['コールセンター', '電話', 'オペレーター', 'チャット'],
  accounting: ['経理', '会計', '簿記', '給与計算'],
  it_web: ['IT', 'Web', 'エンジニア', 'プログラミング', 'システム'],
  manufacturing: ['製造', '工場', 'ライン', '検品'],
  nursing: ['看護', 'ナース', '訪問看護', '病棟'],
  childcare: ['保育', '保育士', '保育園', '幼稚園'],
  cleaning: ['清掃', '掃除', 'クリーニング', 'ハウスキーピング'],
  delivery: ['配送', 'ドライバー', '配達', '運転'],
  logistics: ['倉庫', '軽作業', 'ピッキング', '仕分け', '梱包'],
  hospitality: ['ホテル', '旅館', '宿泊', 'フロント'],
  agriculture: ['農業', '農作業', '畑', '収穫', '農家'],
  sales: ['営業', '提案', '顧客開拓'],
  restaurant: ['飲食', 'ホール', 'カフェ', 'レストラン'],
  welfare: ['相談', '福祉', '支援員', 'ピアサポート', 'ひとり親支援'],
  creative: ['企画', 'マーケティング', '広報', '動画', 'デザイン', 'SNS'],
  education: ['講師', '塾', '教育', '教える', '学童'],
};
