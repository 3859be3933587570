/**
 * Past careers of generated members: many left a career to raise a child, and what they did
 * before decides their skills and qualifications (an ex-office worker has Excel and maybe 簿記,
 * an ex-care worker has 初任者研修). Weights are rough shares among members.
 */
import type { JobCategory } from '../matching/types.ts';
import type { Weighted } from './random.ts';

/** A skill from a career: tag and level range. */
export type CareerSkill = readonly [tag: string, minLevel: 1 | 2 | 3, maxLevel: 1 | 2 | 3];

export interface Career {
  key: string;
  /** The kind of work it leads back to, when she wants to return to it (her desired category). */
  category?: JobCategory;
  skills: readonly CareerSkill[];
  qualifications: readonly (readonly [key: string, probability: number])[];
  /** Members with this background more often want to work from home. */
  remoteLeaning: boolean;
}

// One career per line; the formatter would spread the table over 150 lines.
// biome-ignore format: compact data table
export const CAREERS: Weighted<Career> = [
  [{ key: 'office', category: 'office', skills: [['pc_basic', 2, 3], ['excel', 1, 3], ['word', 1, 2], ['data_entry', 2, 2], ['phone_reception', 2, 2]], qualifications: [['mos', 0.3], ['secretary_2', 0.08], ['pc_skills_test', 0.06], ['bookkeeping_3', 0.1]], remoteLeaning: false }, 16],
  [{ key: 'accounting', category: 'accounting', skills: [['bookkeeping', 2, 3], ['excel', 2, 3], ['payroll', 1, 2], ['pc_basic', 2, 2]], qualifications: [['bookkeeping_2', 0.45], ['bookkeeping_3', 0.45], ['fp_3', 0.12], ['payroll_test', 0.08], ['bookkeeping_1', 0.03]], remoteLeaning: false }, 7],
  [{ key: 'care', category: 'care', skills: [['caregiving', 2, 3], ['customer_service', 1, 2]], qualifications: [['care_initial_training', 0.85], ['care_practical_training', 0.35], ['certified_care_worker', 0.15], ['care_manager', 0.03], ['suction_training', 0.05]], remoteLeaning: false }, 12],
  [{ key: 'medical', category: 'medical_office', skills: [['medical_billing', 2, 3], ['phone_reception', 2, 2], ['customer_service', 2, 2], ['pc_basic', 2, 2]], qualifications: [['medical_clerk', 0.7], ['dispensing_clerk', 0.15], ['registered_seller', 0.05]], remoteLeaning: false }, 7],
  [{ key: 'retail', category: 'retail', skills: [['customer_service', 2, 3], ['cash_register', 2, 3], ['inventory', 1, 2]], qualifications: [['registered_seller', 0.06], ['retail_marketing', 0.04]], remoteLeaning: false }, 16],
  [{ key: 'food', category: 'food', skills: [['cooking', 2, 3], ['food_prep', 2, 2]], qualifications: [['cook', 0.25], ['food_hygiene_supervisor', 0.2], ['nutritionist', 0.06], ['confectioner', 0.03]], remoteLeaning: false }, 9],
  [{ key: 'childcare', category: 'childcare', skills: [['childcare', 2, 3]], qualifications: [['childcare_worker', 0.45], ['kindergarten_teacher', 0.25], ['childcare_support_staff', 0.15]], remoteLeaning: false }, 6],
  [{ key: 'call_center', category: 'call_center', skills: [['phone_reception', 2, 3], ['customer_service', 2, 2], ['pc_basic', 2, 2], ['data_entry', 1, 2]], qualifications: [['service_test', 0.04]], remoteLeaning: true }, 7],
  [{ key: 'it', category: 'it_web', skills: [['programming', 1, 3], ['web_design', 1, 3], ['writing', 1, 2], ['pc_basic', 3, 3]], qualifications: [['it_passport', 0.3], ['fundamental_it', 0.12], ['web_design_skills', 0.08]], remoteLeaning: true }, 4],
  [{ key: 'factory', category: 'manufacturing', skills: [['quality_check', 1, 2], ['machine_operation', 1, 2], ['inventory', 1, 1]], qualifications: [['forklift', 0.2], ['qc_test_3', 0.04], ['hazardous_materials_4', 0.03]], remoteLeaning: false }, 9],
  [{ key: 'nursing', category: 'nursing', skills: [['nursing', 2, 3], ['care_records', 1, 2], ['customer_service', 1, 2]], qualifications: [['nurse', 0.6], ['assistant_nurse', 0.4], ['public_health_nurse', 0.03]], remoteLeaning: false }, 4],
  [{ key: 'cleaning', category: 'cleaning', skills: [['cleaning', 2, 3], ['bed_making', 1, 2]], qualifications: [['building_cleaning', 0.03]], remoteLeaning: false }, 4],
  [{ key: 'driving', category: 'delivery', skills: [['driving', 2, 3], ['delivery', 2, 3], ['picking_packing', 1, 2]], qualifications: [['semi_medium_license', 0.35], ['medium_license', 0.1], ['forklift', 0.15]], remoteLeaning: false }, 3],
  [{ key: 'little_experience', skills: [['customer_service', 1, 1], ['pc_basic', 1, 1]], qualifications: [], remoteLeaning: false }, 7],
];
