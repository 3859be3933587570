/** Qualifications: children. Part of the vocabulary in ../qualifications.ts (same entry format). */
import type { QualificationEntry } from '../qualifications.ts';

export const CHILDREN_QUALIFICATIONS: readonly QualificationEntry[] = [
  {
    key: 'kindergarten_teacher',
    ja: '幼稚園教諭免許',
    reading: 'ようちえんきょうゆめんきょ',
    en: 'Kindergarten teaching licence',
    field: 'childcare',
    aliases: ['幼稚園教諭', '幼稚園教諭二種免許', '幼稚園教諭一種免許'],
  },
  {
    key: 'teacher_license',
    ja: '教員免許',
    reading: 'きょういんめんきょ',
    en: 'Teaching licence',
    field: 'childcare',
    aliases: ['小学校教諭免許', '中学校教諭免許', '高等学校教諭免許', '教諭免許'],
  },
  {
    key: 'childcare_support_staff',
    ja: '子育て支援員',
    reading: 'こそだてしえんいん',
    en: 'Childcare support staff training',
    field: 'childcare',
    aliases: ['子育て支援員研修'],
  },
  {
    key: 'after_school_instructor',
    ja: '放課後児童支援員',
    reading: 'ほうかごじどうしえんいん',
    en: 'After-school club instructor',
    field: 'childcare',
    aliases: ['放課後児童支援員認定資格', '学童指導員'],
  },
  {
    key: 'child_instructor',
    ja: '児童指導員任用資格',
    reading: 'じどうしどういんにんようしかく',
    en: 'Child instructor eligibility',
    field: 'childcare',
    aliases: ['児童指導員'],
  },
  {
    key: 'babysitter',
    ja: '認定ベビーシッター',
    reading: 'にんていべびーしったー',
    en: 'Certified babysitter',
    field: 'childcare',
    aliases: ['ベビーシッター資格'],
  },
];
