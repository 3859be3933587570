/** Qualifications: legal and real estate. Part of the vocabulary in ../qualifications.ts (same entry format). */
import type { QualificationEntry } from '../qualifications.ts';

export const LEGAL_QUALIFICATIONS: readonly QualificationEntry[] = [
  {
    key: 'labor_consultant',
    ja: '社会保険労務士',
    reading: 'しゃかいほけんろうむし',
    en: 'Labour and social security attorney',
    field: 'legal',
    aliases: ['社労士'],
  },
  {
    key: 'administrative_scrivener',
    ja: '行政書士',
    reading: 'ぎょうせいしょし',
    en: 'Administrative scrivener',
    field: 'legal',
  },
  {
    key: 'judicial_scrivener',
    ja: '司法書士',
    reading: 'しほうしょし',
    en: 'Judicial scrivener',
    field: 'legal',
  },
  {
    key: 'real_estate_broker',
    ja: '宅地建物取引士',
    reading: 'たくちたてものとりひきし',
    en: 'Real estate transaction specialist',
    field: 'legal',
    aliases: ['宅建', '宅建士', '宅地建物取引主任者'],
  },
  {
    key: 'condo_management',
    ja: '管理業務主任者',
    reading: 'かんりぎょうむしゅにんしゃ',
    en: 'Condominium management officer',
    field: 'legal',
  },
];
