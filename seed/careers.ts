/**
 * Past careers of generated members: many left a career to raise a child, and what they did
 * before decides their skills and qualifications (an ex-office worker has Excel and maybe 簿記,
 * an ex-care worker has 初任者研修). Weights are rough shares among members.
 */
import type { Weighted } from './random.ts';

/** A skill from a career: tag and level range. */
export type CareerSkill = readonly [tag: string, minLevel: 1 | 2 | 3, maxLevel: 1 | 2 | 3];

export interface Career {
  key: string;
  skills: readonly CareerSkill[];
  qualifications: readonly (readonly [key: string, probability: number])[];
  /** Members with this background more often want to work from home. */
  remoteLeaning: boolean;
}

// One career per line; the formatter would spread the table over 150 lines.
// biome-ignore format: compact data table
export const CAREERS: Weighted<Career> = [
  [{ key: 'office', skills: [['pc_basic', 2, 3], ['excel', 1, 3], ['word', 1, 2], ['data_entry', 2, 2], ['phone_reception', 2, 2]], qualifications: [['mos', 0.3]], remoteLeaning: false }, 16],
  [{ key: 'accounting', skills: [['bookkeeping', 2, 3], ['excel', 2, 3], ['payroll', 1, 2], ['pc_basic', 2, 2]], qualifications: [['bookkeeping_2', 0.45], ['bookkeeping_3', 0.45]], remoteLeaning: false }, 7],
  [{ key: 'care', skills: [['caregiving', 2, 3], ['customer_service', 1, 2]], qualifications: [['care_initial_training', 0.85], ['care_practical_training', 0.35], ['certified_care_worker', 0.15]], remoteLeaning: false }, 12],
  [{ key: 'medical', skills: [['medical_billing', 2, 3], ['phone_reception', 2, 2], ['customer_service', 2, 2], ['pc_basic', 2, 2]], qualifications: [['medical_clerk', 0.7]], remoteLeaning: false }, 7],
  [{ key: 'retail', skills: [['customer_service', 2, 3], ['cash_register', 2, 3], ['inventory', 1, 2]], qualifications: [], remoteLeaning: false }, 16],
  [{ key: 'food', skills: [['cooking', 2, 3], ['food_prep', 2, 2]], qualifications: [['cook', 0.25]], remoteLeaning: false }, 9],
  [{ key: 'childcare', skills: [['childcare', 2, 3]], qualifications: [['childcare_worker', 0.45]], remoteLeaning: false }, 6],
  [{ key: 'call_center', skills: [['phone_reception', 2, 3], ['customer_service', 2, 2], ['pc_basic', 2, 2], ['data_entry', 1, 2]], qualifications: [], remoteLeaning: true }, 7],
  [{ key: 'it', skills: [['programming', 1, 3], ['web_design', 1, 3], ['writing', 1, 2], ['pc_basic', 3, 3]], qualifications: [['it_passport', 0.3]], remoteLeaning: true }, 4],
  [{ key: 'factory', skills: [['quality_check', 1, 2], ['machine_operation', 1, 2], ['inventory', 1, 1]], qualifications: [['forklift', 0.2]], remoteLeaning: false }, 9],
  [{ key: 'little_experience', skills: [['customer_service', 1, 1], ['pc_basic', 1, 1]], qualifications: [], remoteLeaning: false }, 7],
];
