/**
 * Queries on a member's support stage history and consultation notes.
 */
import type { Kysely } from 'kysely';
import type { ConsultationNoteTable, DB, MemberStageHistoryTable } from '../../db/schema.ts';

export function insertStageChange(db: Kysely<DB>, row: MemberStageHistoryTable) {
  return db.insertInto('member_stage_history').values(row);
}

export function setMemberStage(db: Kysely<DB>, memberId: string, stage: number, at: string) {
  return db
    .updateTable('members')
    .set({ support_stage: stage, updated_at: at })
    .where('user_id', '=', memberId);
}

export function stageHistory(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('member_stage_history')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('set_at', 'desc')
    .orderBy('id')
    .execute();
}

export function insertNote(db: Kysely<DB>, row: ConsultationNoteTable) {
  return db.insertInto('consultation_notes').values(row);
}

export function notesOf(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('consultation_notes')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('consulted_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export function verifyRoleFact(db: Kysely<DB>, roleId: string, fact: string, by: string, at: string) {
  return db
    .updateTable('role_facts')
    .set({ verified_at: at, verified_by: by })
    .where('role_id', '=', roleId)
    .where('fact', '=', fact);
}

/** A member's sign-in address, for the coordinators who call or write to her. */
export function memberEmail(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('users')
    .select('email')
    .where('id', '=', memberId)
    .where('role', '=', 'member')
    .executeTakeFirst();
}
