/** Qualifications: technical and manufacturing. Part of the vocabulary in ../qualifications.ts (same entry format). */
import type { QualificationEntry } from '../qualifications.ts';

export const TECHNICAL_QUALIFICATIONS: readonly QualificationEntry[] = [
  {
    key: 'electrician_2',
    ja: '第二種電気工事士',
    reading: 'だいにしゅでんきこうじし',
    en: 'Electrician, class 2',
    field: 'technical',
    aliases: ['電気工事士', '二種電工'],
  },
  {
    key: 'qc_test_3',
    ja: 'QC検定3級',
    reading: 'きゅーしーけんてい3きゅう',
    en: 'Quality control test, level 3',
    field: 'technical',
    aliases: ['品質管理検定', 'QC検定'],
  },
  {
    key: 'building_cleaning',
    ja: 'ビルクリーニング技能士',
    reading: 'びるくりーにんぎぎのうし',
    en: 'Building cleaning technician',
    field: 'technical',
    aliases: ['ビルクリーニング'],
  },
  {
    key: 'agriculture_test',
    ja: '日本農業技術検定',
    reading: 'にほんのうぎょうぎじゅつけんてい',
    en: 'Agricultural skills test',
    field: 'technical',
    aliases: ['農業技術検定'],
  },
];
