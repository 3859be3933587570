/** Qualifications: office. Part of the vocabulary in ../qualifications.ts (same entry format). */
import type { QualificationEntry } from '../qualifications.ts';

export const OFFICE_QUALIFICATIONS: readonly QualificationEntry[] = [
  {
    key: 'secretary_2',
    ja: '秘書検定2級',
    reading: 'ひしょけんてい2きゅう',
    en: 'Secretarial skills test, level 2',
    field: 'office',
    aliases: ['秘書技能検定2級'],
  },
  {
    key: 'pc_skills_test',
    ja: '日商PC検定',
    reading: 'にっしょうぴーしーけんてい',
    en: 'JCCI PC skills test',
    field: 'office',
    aliases: ['日商PC検定3級', '日商PC検定2級'],
  },
  {
    key: 'word_processing_test',
    ja: '文書処理能力検定',
    reading: 'ぶんしょしょりのうりょくけんてい',
    en: 'Document processing test',
    field: 'office',
    aliases: ['ワープロ検定'],
  },
  {
    key: 'health_officer_2',
    ja: '第二種衛生管理者',
    reading: 'だいにしゅえいせいかんりしゃ',
    en: 'Health officer, class 2',
    field: 'office',
    aliases: ['衛生管理者'],
  },
  {
    key: 'payroll_test',
    ja: '給与計算実務能力検定',
    reading: 'きゅうよけいさんじつむのうりょくけんてい',
    en: 'Payroll practice test',
    field: 'accounting',
    aliases: ['給与計算検定'],
  },
];
