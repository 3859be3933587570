/** Qualifications: IT. Part of the vocabulary in ../qualifications.ts (same entry format). */
import type { QualificationEntry } from '../qualifications.ts';

export const IT_QUALIFICATIONS: readonly QualificationEntry[] = [
  {
    key: 'fundamental_it',
    ja: '基本情報技術者',
    reading: 'きほんじょうほうぎじゅつしゃ',
    en: 'Fundamental IT engineer',
    field: 'it',
    aliases: ['基本情報', '基本情報技術者試験', 'FE'],
    covers: ['it_passport'],
  },
  {
    key: 'applied_it',
    ja: '応用情報技術者',
    reading: 'おうようじょうほうぎじゅつしゃ',
    en: 'Applied IT engineer',
    field: 'it',
    aliases: ['応用情報', '応用情報技術者試験', 'AP'],
    covers: ['fundamental_it', 'it_passport'],
  },
  {
    key: 'info_security_management',
    ja: '情報セキュリティマネジメント',
    reading: 'じょうほうせきゅりてぃまねじめんと',
    en: 'Information security management',
    field: 'it',
    aliases: ['情報セキュリティマネジメント試験', 'SG'],
  },
  {
    key: 'web_design_skills',
    ja: 'ウェブデザイン技能検定',
    reading: 'うぇぶでざいんぎのうけんてい',
    en: 'Web design skills test',
    field: 'it',
    aliases: ['ウェブデザイン技能士', 'Webデザイン技能検定'],
  },
  {
    key: 'web_creator',
    ja: 'Webクリエイター能力認定',
    reading: 'うぇぶくりえいたーのうりょくにんてい',
    en: 'Web creator certificate',
    field: 'it',
    aliases: ['Webクリエイター能力認定試験'],
  },
  {
    key: 'color_coordinator',
    ja: '色彩検定',
    reading: 'しきさいけんてい',
    en: 'Colour coordination test',
    field: 'it',
    aliases: ['カラーコーディネーター検定'],
  },
];
