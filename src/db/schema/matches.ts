/** Matches and their history, and the coordinator's work around members: stages, notes, audit, sensitive data, notifications. */
import type { Generated } from 'kysely';

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
