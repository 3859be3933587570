/** Outreach: area notices and their reads, exchange meetings (交流会) and replies, employer development prospects. */
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

/** A registration link sent to a prospect (0024): only the secret's hash is stored. */
export interface ProspectInvitationTable {
  token_hash: string;
  prospect_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}
