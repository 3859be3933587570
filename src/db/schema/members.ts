/** Members' profiles and what hangs off them: windows, care limits, children, skills, qualifications, employment types, target areas, blocks. */
export interface MemberTable {
  user_id: string;
  family_name: string;
  given_name: string;
  phone: string | null;
  area_code: string;
  hide_municipality: number;
  max_hours_per_week: number;
  earliest_start_date: string | null;
  max_commute_minutes: number;
  commute_mode: string;
  pay_floor_amount: number | null;
  pay_floor_unit: string | null;
  pay_wish_amount: number | null;
  pay_wish_unit: string | null;
  remote_wish: string;
  support_stage: number | null;
  /** Her home town (町丁目・大字) and its point, when she gave one (0011); else the area's point. */
  home_town?: string | null;
  home_lat?: number | null;
  home_lng?: number | null;
  /** Her direction (0016): desired categories as a JSON array (first = most wanted), 自己PR, pace. */
  desired_categories?: string;
  self_pr?: string | null;
  career_pace?: string | null;
  /** Her résumé (0022): JSON {"work": [...], "education": [...]}, and whether she shares it at introduction. */
  resume?: string | null;
  share_resume?: number;
  created_at: string;
  updated_at: string;
  /** Steps by one with every change of her profile (a trigger refuses any other step). */
  version: number;
}

export interface MemberWindowTable {
  member_id: string;
  day: number;
  start_minute: number;
  end_minute: number;
  /** 1 when she can use the window only from home; see migration 0010. */
  remote_only: number;
}

/** Her care limits for one weekday (leave home not before, be home by); see migration 0010. */
export interface MemberCareLimitTable {
  member_id: string;
  day: number;
  leave_from: number | null;
  home_by: number | null;
}

export interface MemberChildTable {
  member_id: string;
  birth_year: number;
  birth_month: number;
  care: string | null;
  pickup_minute: number | null;
}

export interface MemberSkillTable {
  member_id: string;
  tag: string;
  level: number;
}

export interface MemberQualificationTable {
  member_id: string;
  qualification: string;
}

export interface MemberEmploymentTypeTable {
  member_id: string;
  employment_type: string;
}

export interface MemberTargetAreaTable {
  member_id: string;
  area_code: string;
  needs_relocation_support: number;
  /** Her plan (0016): the first month she can live there (YYYY-MM), her commute limit there. */
  move_from?: string | null;
  max_commute_minutes?: number | null;
}

export interface MemberBlockTable {
  member_id: string;
  organisation_id: string;
  created_at: string;
}

/** Her coordinator's note on her move to one target area (0023), shown to her on her move page. */
export interface MovePlanNoteTable {
  member_id: string;
  area_code: string;
  note: string;
  written_by: string;
  written_at: string;
}
