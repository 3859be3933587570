/**
 * Table types for Kysely. One interface per table; columns are snake_case as stored.
 * SQLite has no boolean or date types, so booleans are 0/1 integers and instants are
 * ISO-8601 UTC strings; services turn rows into domain objects so none of this leaks out.
 */
import type {
  AccountTokenTable,
  MailOutboxTable,
  SessionTable,
  SignInFailureTable,
  UserTable,
} from './schema/accounts.ts';
import type {
  CheckInTable,
  FollowUpTable,
  MentoringCohortTable,
  MentoringMentorTable,
  MentoringPairTable,
  MentoringSessionTable,
  SeparationTable,
} from './schema/after-hire.ts';
import type { ChangeCounterTable, JobProgressTable } from './schema/infrastructure.ts';
import type { FavouriteTable, SavedSearchTable } from './schema/keeping.ts';
import type {
  AuditLogTable,
  ConsultationNoteTable,
  MatchEventTable,
  MatchTable,
  MemberSensitiveTable,
  MemberStageHistoryTable,
  NotificationTable,
} from './schema/matches.ts';
import type {
  MemberBlockTable,
  MemberCareLimitTable,
  MemberChildTable,
  MemberEmploymentTypeTable,
  MemberQualificationTable,
  MemberSkillTable,
  MemberTable,
  MemberTargetAreaTable,
  MemberWindowTable,
  MovePlanNoteTable,
} from './schema/members.ts';
import type {
  AreaNoticeAreaTable,
  AreaNoticeReadTable,
  AreaNoticeTable,
  MeetingReplyTable,
  MeetingTable,
  ProspectEventTable,
  ProspectInvitationTable,
  ProspectTable,
} from './schema/outreach.ts';
import type { AreaTable, AreaTownTable } from './schema/places.ts';
import type {
  JobRoleTable,
  OrganisationBranchTable,
  OrganisationTable,
  RoleFactTable,
  RoleLocationTable,
  RoleQualificationTable,
  RoleSkillTable,
  RoleWindowTable,
} from './schema/roles.ts';
import type {
  RoleReadingTable,
  RoleSearchRowTable,
  RoleSearchTextTable,
  SearchOutboxTable,
} from './schema/search.ts';

export * from './schema/accounts.ts';
export * from './schema/after-hire.ts';
export * from './schema/infrastructure.ts';
export * from './schema/keeping.ts';
export * from './schema/matches.ts';
export * from './schema/members.ts';
export * from './schema/outreach.ts';
export * from './schema/places.ts';
export * from './schema/roles.ts';
export * from './schema/search.ts';

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
  organisation_branches: OrganisationBranchTable;
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
  move_plan_notes: MovePlanNoteTable;
  search_outbox: SearchOutboxTable;
  role_search_text: RoleSearchTextTable;
  role_search_rows: RoleSearchRowTable;
  role_readings: RoleReadingTable;
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
  prospect_invitations: ProspectInvitationTable;
  favourites: FavouriteTable;
  saved_searches: SavedSearchTable;
}
