/**
 * The qualifications (資格・免許) Japanese job ads name, as data: key, Japanese label, reading
 * (hiragana, for search by sound on a phone keyboard), English label, the words people write
 * instead (aliases: abbreviations, old names, the name with its issuer), and the qualifications a
 * higher one stands in for (`covers`: a 介護福祉士 meets a role asking for 初任者研修).
 *
 * This file is the one source: the API's enum, the forms' pickers, the seed and the matching module
 * read it. Keys are stable identifiers stored in the database: add entries freely, never rename a
 * key (the first twelve are the original codes and stay valid as they are).
 */

import { ACCOUNTING_QUALIFICATIONS } from './qualifications/accounting.ts';
import { BEAUTY_QUALIFICATIONS } from './qualifications/beauty.ts';
import { CARE_QUALIFICATIONS } from './qualifications/care.ts';
import { CHILDREN_QUALIFICATIONS } from './qualifications/children.ts';
import { DRIVING_QUALIFICATIONS } from './qualifications/driving.ts';
import { FOOD_QUALIFICATIONS } from './qualifications/food.ts';
import { IT_QUALIFICATIONS } from './qualifications/it.ts';
import { LANGUAGE_QUALIFICATIONS } from './qualifications/language.ts';
import { LEGAL_QUALIFICATIONS } from './qualifications/legal.ts';
import { MEDICAL_QUALIFICATIONS } from './qualifications/medical.ts';
import { OFFICE_QUALIFICATIONS } from './qualifications/office.ts';
import { ORIGINAL_QUALIFICATIONS } from './qualifications/original.ts';
import { TECHNICAL_QUALIFICATIONS } from './qualifications/technical.ts';

/** Which trade a qualification belongs to; groups the picker and keeps seed data in proportion. */
export type QualificationField =
  | 'driving'
  | 'care'
  | 'medical'
  | 'childcare'
  | 'food'
  | 'office'
  | 'accounting'
  | 'finance'
  | 'legal'
  | 'it'
  | 'language'
  | 'logistics'
  | 'technical'
  | 'beauty'
  | 'service'
  | 'welfare';

export interface QualificationEntry {
  key: string;
  ja: string;
  reading: string;
  en: string;
  field: QualificationField;
  aliases?: readonly string[];
  /** Keys this qualification satisfies as well (a higher grade meets a lower one's requirement). */
  covers?: readonly string[];
}

/** Every qualification, grouped by trade in ./qualifications/ (the original codes first). */
export const QUALIFICATION_DATA: readonly QualificationEntry[] = [
  ...ORIGINAL_QUALIFICATIONS,
  ...MEDICAL_QUALIFICATIONS,
  ...CARE_QUALIFICATIONS,
  ...CHILDREN_QUALIFICATIONS,
  ...FOOD_QUALIFICATIONS,
  ...OFFICE_QUALIFICATIONS,
  ...ACCOUNTING_QUALIFICATIONS,
  ...LEGAL_QUALIFICATIONS,
  ...IT_QUALIFICATIONS,
  ...LANGUAGE_QUALIFICATIONS,
  ...DRIVING_QUALIFICATIONS,
  ...TECHNICAL_QUALIFICATIONS,
  ...BEAUTY_QUALIFICATIONS,
];
