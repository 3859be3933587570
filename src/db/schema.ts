/**
 * Table types for Kysely. One interface per table; columns are snake_case as stored.
 * SQLite has no boolean or date types, so booleans are 0/1 integers and instants are
 * ISO-8601 UTC strings; services turn rows into domain objects so none of this leaks out.
 */
import type { Generated, Insertable } from 'kysely';

export interface AreaTable {
  code: string;
  kind: 'prefecture' | 'municipality' | 'ward';
  pref_code: string;
  prefecture: string;
  parent_code: string | null;
  name: string;
  kana: string;
  lat: number | null;
  lng: number | null;
}

/** A new account's row: defaults (language, e-mail choices) may be left out. */
export type NewUser = Insertable<UserTable>;
/** A new session's row. */
export type NewSession = Insertable<SessionTable>;

export type UserRole = 'member' | 'employer' | 'coordinator' | 'admin';

export interface UserTable {
  id: string;
  email: string;
  password_hash: string;
  role: UserRole;
  display_name: string;
  organisation_id: string | null;
  created_at: string;
  updated_at: string;
  /** When she followed the verification mail; null until then (see migration 0014). */
  email_verified_at: string | null;
  /** The language her e-mails are written in. */
  locale: Generated<'ja' | 'en'>;
  /** JSON list of notification kinds she is not e-mailed about. */
  mail_opt_out: Generated<string>;
  terms_version: string | null;
  terms_accepted_at: string | null;
}

export interface SessionTable {
  /** SHA-256 of the token, so a leaked database does not leak live sessions. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  /** The last request made with it (kept to within a few minutes); idle sessions lapse. */
  last_seen_at: string | null;
  /** A short description of the browser, so she can recognise her devices. */
  device: Generated<string>;
}

/** A one-time token sent by e-mail; see migration 0014. */
export interface AccountTokenTable {
  token_hash: string;
  user_id: string;
  purpose: 'verify_email' | 'reset_password';
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** An e-mail waiting to go out, or the envelope of one sent; see migration 0014. */
export interface MailOutboxTable {
  id: string;
  user_id: string | null;
  to_address: string;
  kind: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: string;
  state: Generated<'pending' | 'sent'>;
  attempts: Generated<number>;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
}

/** One failed (or still unproven) sign-in for an address from a client; see migrations 0008, 0012. */
export interface SignInFailureTable {
  email: string;
  failed_at: string;
  /** The client's IP address; '' when unknown (requests made in process, rows before 0012). */
  client: Generated<string>;
}

/** Where a sliced job resumes; see migration 0009. */
export interface JobProgressTable {
  job: string;
  resume_after: string;
  updated_at: string;
}

/** Counters stepped by triggers on every write to a table (see migration 0017). */
export interface ChangeCounterTable {
  name: string;
  value: number;
}

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

/** A town (大字・町丁目) of a municipality or ward with its representative point (0011). */
export interface AreaTownTable {
  area_code: string;
  name: string;
  lat: number;
  lng: number;
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

export interface SearchOutboxTable {
  id: Generated<number>;
  role_id: string;
  enqueued_at: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
}

export interface RoleSearchTextTable {
  role_id: string;
  body: string;
}

/** Search figures of a role (degraded search filters on them); `key` is its full-text rowid. */
export interface RoleSearchRowTable {
  key: Generated<number>;
  role_id: string;
  hourly_pay: number;
  hours_per_week: number;
  earliest_start: number;
  latest_end: number;
  weekday_mask: number;
  lat: number | null;
  lng: number | null;
}

export interface MatchTable {
  id: string;
  member_id: string;
  role_id: string;
  organisation_id: string;
  state: string;
  interested_at: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  last_event_id: string;
}

export interface MatchEventTable {
  id: string;
  match_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string;
  actor_role: string;
  reason_code: string | null;
  reason: string | null;
  at: string;
}

export interface MemberStageHistoryTable {
  id: string;
  member_id: string;
  stage: number;
  previous_stage: number | null;
  reason: string;
  set_by: string;
  set_at: string;
}

export interface ConsultationNoteTable {
  id: string;
  member_id: string;
  consulted_on: string;
  topic: string;
  body: string;
  next_step: string | null;
  author_id: string;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string;
  actor_role: string;
  action: string;
  subject_type: string;
  subject_id: string;
  detail: string | null;
}

export interface MemberSensitiveTable {
  member_id: string;
  consented_at: string;
  family_situation: string | null;
  dv_support_needed: number;
  dv_notes: string | null;
  updated_at: string;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  match_id: string | null;
  title: string;
  body: string;
  created_at: string;
  read_at: string | null;
  delivery: 'pending' | 'delivered' | 'recorded';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
}

/** A check-in after a hire; see migration 0015_1. */
export interface CheckInTable {
  id: string;
  member_id: string;
  match_id: string;
  after_days: number;
  due_at: string;
  announced_at: string | null;
  answered_at: string | null;
  wellbeing: number | null;
  comment: string | null;
  wants_contact: number | null;
}

export interface FollowUpTable {
  id: string;
  member_id: string;
  reason: string;
  source_type: string;
  source_id: string;
  detail: string;
  opened_at: string;
  closed_at: string | null;
  closed_by: string | null;
  contact_note: string | null;
}

export interface SeparationTable {
  match_id: string;
  member_id: string;
  separated_on: string;
  reason_code: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** Peer mentoring; see migration 0015_2. */
export interface MentoringCohortTable {
  id: string;
  name: string;
  starts_on: string;
  session_count: number;
  interval_days: number;
  created_by: string;
  created_at: string;
}

export interface MentoringMentorTable {
  cohort_id: string;
  member_id: string;
  invited_at: string;
  consented_at: string | null;
  declined_at: string | null;
}

export interface MentoringPairTable {
  id: string;
  cohort_id: string;
  mentor_id: string;
  mentee_id: string;
  reasons: string;
  mentee_shares: string;
  created_by: string;
  created_at: string;
}

export interface MentoringSessionTable {
  id: string;
  pair_id: string;
  number: number;
  planned_on: string;
  held: number | null;
  topics: string | null;
  next_step: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
  mentee_answered_at: string | null;
  coordinator_may_read: number;
}

/** A notice for some places (migration 0018_1). */
export interface AreaNoticeTable {
  id: string;
  title: string;
  body: string;
  link: string | null;
  valid_until: string;
  audience: 'home' | 'target' | 'both';
  /** JSON array of support stages; null: every stage. */
  stages: string | null;
  child_age_min: number | null;
  child_age_max: number | null;
  created_by: string;
  created_at: string;
  withdrawn_at: string | null;
  announced_at: string | null;
}

export interface AreaNoticeAreaTable {
  notice_id: string;
  area_code: string;
}

export interface AreaNoticeReadTable {
  notice_id: string;
  member_id: string;
  read_at: string;
}

/** An exchange meeting (交流会, migration 0018_2). */
export interface MeetingTable {
  id: string;
  title: string;
  description: string;
  held_on: string;
  start_time: string;
  end_time: string;
  online: number;
  area_code: string | null;
  place: string | null;
  capacity: number;
  children_welcome: number;
  childcare_provided: number;
  /** JSON array of support stages; null: every stage. */
  stages: string | null;
  created_by: string;
  created_at: string;
  reminded_at: string | null;
}

export interface MeetingReplyTable {
  meeting_id: string;
  member_id: string;
  state: 'going' | 'waiting' | 'not_going';
  replied_at: string;
  promoted_by: string | null;
  attended: number | null;
}

export type ProspectStage = 'candidate' | 'contacted' | 'meeting' | 'registered' | 'verified';

/** A firm in employer development (migration 0018_3). */
export interface ProspectTable {
  id: string;
  company: string;
  area_code: string;
  /** JSON array of job categories. */
  trades: string;
  contact: string | null;
  source: string;
  owner_id: string;
  stage: ProspectStage;
  stage_since: string;
  next_action_on: string | null;
  organisation_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProspectEventTable {
  id: string;
  prospect_id: string;
  at: string;
  author_id: string;
  kind: 'stage' | 'note';
  from_stage: ProspectStage | null;
  to_stage: ProspectStage | null;
  note: string | null;
  next_action_on: string | null;
}

export interface DB {
  areas: AreaTable;
  area_towns: AreaTownTable;
  users: UserTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  account_tokens: AccountTokenTable;
  mail_outbox: MailOutboxTable;
  job_progress: JobProgressTable;
  change_counters: ChangeCounterTable;
  organisations: OrganisationTable;
  job_roles: JobRoleTable;
  role_windows: RoleWindowTable;
  role_locations: RoleLocationTable;
  role_skills: RoleSkillTable;
  role_qualifications: RoleQualificationTable;
  role_facts: RoleFactTable;
  members: MemberTable;
  member_windows: MemberWindowTable;
  member_care_limits: MemberCareLimitTable;
  member_children: MemberChildTable;
  member_skills: MemberSkillTable;
  member_qualifications: MemberQualificationTable;
  member_employment_types: MemberEmploymentTypeTable;
  member_target_areas: MemberTargetAreaTable;
  member_blocks: MemberBlockTable;
  search_outbox: SearchOutboxTable;
  role_search_text: RoleSearchTextTable;
  role_search_rows: RoleSearchRowTable;
  matches: MatchTable;
  match_events: MatchEventTable;
  member_stage_history: MemberStageHistoryTable;
  consultation_notes: ConsultationNoteTable;
  audit_log: AuditLogTable;
  member_sensitive: MemberSensitiveTable;
  notifications: NotificationTable;
  check_ins: CheckInTable;
  follow_ups: FollowUpTable;
  separations: SeparationTable;
  mentoring_cohorts: MentoringCohortTable;
  mentoring_mentors: MentoringMentorTable;
  mentoring_pairs: MentoringPairTable;
  mentoring_sessions: MentoringSessionTable;
  area_notices: AreaNoticeTable;
  area_notice_areas: AreaNoticeAreaTable;
  area_notice_reads: AreaNoticeReadTable;
  meetings: MeetingTable;
  meeting_replies: MeetingReplyTable;
  prospects: ProspectTable;
  prospect_events: ProspectEventTable;
}
