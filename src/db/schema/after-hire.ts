/** After the introduction: check-ins, follow-ups, separations and peer mentoring. */
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
