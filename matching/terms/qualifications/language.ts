/** Qualifications: language. Part of the vocabulary in ../qualifications.ts (same entry format). */
import type { QualificationEntry } from '../qualifications.ts';

export const LANGUAGE_QUALIFICATIONS: readonly QualificationEntry[] = [
  {
    key: 'eiken_2',
    ja: '実用英語技能検定2級',
    reading: 'じつようえいごぎのうけんてい2きゅう',
    en: 'Eiken grade 2',
    field: 'language',
    aliases: ['英検2級'],
  },
  {
    key: 'eiken_pre1',
    ja: '実用英語技能検定準1級',
    reading: 'じつようえいごぎのうけんていじゅん1きゅう',
    en: 'Eiken grade pre-1',
    field: 'language',
    aliases: ['英検準1級'],
    covers: ['eiken_2'],
  },
  {
    key: 'toeic_600',
    ja: 'TOEIC 600点以上',
    reading: 'とーいっく600てん',
    en: 'TOEIC 600+',
    field: 'language',
    aliases: ['TOEIC600', 'TOEIC 600'],
  },
  {
    key: 'toeic_800',
    ja: 'TOEIC 800点以上',
    reading: 'とーいっく800てん',
    en: 'TOEIC 800+',
    field: 'language',
    aliases: ['TOEIC800', 'TOEIC 800'],
    covers: ['toeic_600'],
  },
  {
    key: 'chinese_test',
    ja: '中国語検定',
    reading: 'ちゅうごくごけんてい',
    en: 'Chinese proficiency test',
    field: 'language',
    aliases: ['中検', 'HSK'],
  },
  {
    key: 'japanese_teacher',
    ja: '登録日本語教員',
    reading: 'とうろくにほんごきょういん',
    en: 'Registered Japanese-language teacher',
    field: 'language',
    aliases: ['日本語教師', '日本語教育能力検定'],
  },
];
