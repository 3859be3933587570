/** Organisations and their roles, with each role's windows or shifts, places, skills, qualifications and stated facts. */
export type VerificationState = 'unverified' | 'verified' | 'rejected';

export interface OrganisationTable {
  id: string;
  name: string;
  name_kana: string | null;
  scale: 'local' | 'national';
  corporate_number: string | null;
  head_office_area_code: string;
  description: string;
  website: string | null;
  verification_state: VerificationState;
  verified_at: string | null;
  verified_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A branch (拠点) of an organisation (0025): a place it hires at, chosen as a role's location. */
export interface OrganisationBranchTable {
  id: string;
  organisation_id: string;
  name: string;
  area_code: string;
  address: string | null;
  town: string | null;
  created_at: string;
  updated_at: string;
}

export type RoleStatus = 'draft' | 'published' | 'closed';

export interface JobRoleTable {
  id: string;
  organisation_id: string;
  title: string;
  description: string;
  category: string;
  employment_type: string;
  pay_min: number;
  pay_max: number | null;
  pay_unit: string;
  schedule_kind: 'fixed' | 'flexible';
  min_hours_per_week: number | null;
  min_days_per_week: number | null;
  preferred_hours_per_week: number | null;
  min_hours_per_day: number | null;
  max_hours_per_week: number | null;
  split_days_allowed: number;
  overtime: string;
  weekend_work: number;
  night_work: number;
  remote_mode: string;
  office_days_per_week: number | null;
  start_date: string | null;
  /** The last day applications are taken (0016); soft in matching. */
  closes_on?: string | null;
  /** When the ad leaves search unless renewed (0021_3); null until the expiry job sets one. */
  expires_at?: string | null;
  /** Set by the expiry job once it expired: the role is not findable while set. */
  expired_at?: string | null;
  /** The `expires_at` the employer was told of a week ahead. */
  expiry_notice_for?: string | null;
  /** Job details (0020): see role.schemas.ts RoleDetailsSchema; null = not stated. */
  commute_allowance?: 'full' | 'capped' | 'none' | null;
  commute_allowance_cap?: number | null;
  social_insurance?: 'yes' | 'conditional' | 'no' | null;
  holidays?: string | null;
  access?: string | null;
  openings?: number | null;
  trial_months?: number | null;
  trial_note?: string | null;
  dress_code?: string | null;
  inexperienced_ok?: number;
  within_dependent_ok?: number;
  status: RoleStatus;
  published_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped on every write; the outbox and optimistic checks key on it. */
  version: number;
}

export interface RoleWindowTable {
  role_id: string;
  day: number;
  start_minute: number;
  end_minute: number;
  /** Unpaid break inside a fixed shift (0 for flexible windows); see migration 0010. */
  break_minutes: number;
}

export interface RoleLocationTable {
  role_id: string;
  area_code: string;
  label: string | null;
  /** As the employer wrote it (optional). */
  address?: string | null;
  /** The town (町丁目・大字) the location lies in, with its point; null: the area's point. */
  town?: string | null;
  lat?: number | null;
  lng?: number | null;
}

export interface RoleSkillTable {
  role_id: string;
  tag: string;
  level: number;
  required: number;
}

export interface RoleQualificationTable {
  role_id: string;
  qualification: string;
}

export interface RoleFactTable {
  role_id: string;
  fact: string;
  available: number;
  verified_at: string | null;
  verified_by: string | null;
}
