/** Qualifications: food. Part of the vocabulary in ../qualifications.ts (same entry format). */
import type { QualificationEntry } from '../qualifications.ts';

export const FOOD_QUALIFICATIONS: readonly QualificationEntry[] = [
  {
    key: 'nutritionist',
    ja: '栄養士',
    reading: 'えいようし',
    en: 'Nutritionist',
    field: 'food',
    aliases: ['栄養士免許'],
  },
  {
    key: 'registered_dietitian',
    ja: '管理栄養士',
    reading: 'かんりえいようし',
    en: 'Registered dietitian',
    field: 'food',
    covers: ['nutritionist'],
  },
  {
    key: 'confectioner',
    ja: '製菓衛生師',
    reading: 'せいかえいせいし',
    en: 'Licensed confectioner',
    field: 'food',
  },
  {
    key: 'food_hygiene_supervisor',
    ja: '食品衛生責任者',
    reading: 'しょくひんえいせいせきにんしゃ',
    en: 'Food hygiene supervisor',
    field: 'food',
  },
  {
    key: 'kitchen_skills',
    ja: '専門調理師・調理技能士',
    reading: 'せんもんちょうりし ちょうりぎのうし',
    en: 'Specialist cook (skills test)',
    field: 'food',
    aliases: ['専門調理師', '調理技能士'],
    covers: ['cook'],
  },
];
