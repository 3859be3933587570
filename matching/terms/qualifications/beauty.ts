/** Qualifications: beauty and service. Part of the vocabulary in ../qualifications.ts (same entry format). */
import type { QualificationEntry } from '../qualifications.ts';

export const BEAUTY_QUALIFICATIONS: readonly QualificationEntry[] = [
  { key: 'beautician', ja: '美容師', reading: 'びようし', en: 'Licensed beautician', field: 'beauty' },
  { key: 'barber', ja: '理容師', reading: 'りようし', en: 'Licensed barber', field: 'beauty' },
  {
    key: 'nail_technician',
    ja: 'ネイリスト技能検定',
    reading: 'ねいりすとぎのうけんてい',
    en: 'Nail technician test',
    field: 'beauty',
    aliases: ['ネイリスト'],
  },
  {
    key: 'retail_marketing',
    ja: 'リテールマーケティング（販売士）検定',
    reading: 'りてーるまーけてぃんぐ はんばいし',
    en: 'Retail marketing test',
    field: 'service',
    aliases: ['販売士', '販売士検定'],
  },
  {
    key: 'service_test',
    ja: 'サービス接遇検定',
    reading: 'さーびすせつぐうけんてい',
    en: 'Customer service etiquette test',
    field: 'service',
    aliases: ['サービス接遇実務検定'],
  },
  {
    key: 'travel_manager',
    ja: '旅行業務取扱管理者',
    reading: 'りょこうぎょうむとりあつかいかんりしゃ',
    en: 'Travel service manager',
    field: 'service',
    aliases: ['国内旅行業務取扱管理者', '総合旅行業務取扱管理者'],
  },
  {
    key: 'security_guard',
    ja: '警備員検定',
    reading: 'けいびいんけんてい',
    en: 'Security guard certificate',
    field: 'service',
    aliases: ['施設警備業務検定', '交通誘導警備業務検定'],
  },
  {
    key: 'first_aid',
    ja: '普通救命講習',
    reading: 'ふつうきゅうめいこうしゅう',
    en: 'First aid course',
    field: 'service',
    aliases: ['救命講習', '上級救命講習'],
  },
];
