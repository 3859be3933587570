/**
 * Queries of relocation support: her coordinator's notes on her moves, and the members planning a
 * move, per target area, for the coordinators' table. Only queries; the service decides.
 */
import type { Kysely } from 'kysely';
import type { DB, MovePlanNoteTable } from '../../db/schema.ts';

/** Her notes, one per target area. */
export function moveNotesOf(db: Kysely<DB>, memberId: string) {
  return db.selectFrom('move_plan_notes').selectAll().where('member_id', '=', memberId).execute();
}

/** Writes (or replaces) the note on one of her moves. */
export function upsertMoveNote(db: Kysely<DB>, row: MovePlanNoteTable) {
  return db
    .insertInto('move_plan_notes')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['member_id', 'area_code']).doUpdateSet({
        note: row.note,
        written_by: row.written_by,
        written_at: row.written_at,
      }),
    );
}

/** Whether the place is one of her target areas (a note is only ever about a move she plans). */
export function findTargetArea(db: Kysely<DB>, memberId: string, areaCode: string) {
  return db
    .selectFrom('member_target_areas')
    .select(['member_id', 'area_code'])
    .where('member_id', '=', memberId)
    .where('area_code', '=', areaCode)
    .executeTakeFirst();
}

/**
 * Members planning a move: every target area with a move month or a request for relocation
 * support, with the place, her name and the note, soonest month first (undated plans last).
 * Bounded: a coordinator's table, not an export.
 */
export function plannedMoves(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('member_target_areas as t')
    .innerJoin('members as m', 'm.user_id', 't.member_id')
    .innerJoin('areas as a', 'a.code', 't.area_code')
    .leftJoin('move_plan_notes as n', (join) =>
      join.onRef('n.member_id', '=', 't.member_id').onRef('n.area_code', '=', 't.area_code'),
    )
    .select([
      't.member_id',
      't.area_code',
      't.move_from',
      't.needs_relocation_support',
      'a.name as area_name',
      'a.prefecture',
      'm.family_name',
      'm.given_name',
      'n.note',
      'n.written_at',
    ])
    .where((eb) => eb.or([eb('t.move_from', 'is not', null), eb('t.needs_relocation_support', '=', 1)]))
    .orderBy((eb) => eb.fn.coalesce('t.move_from', eb.val('9999-12')))
    .orderBy('a.code')
    .orderBy('t.member_id')
    .limit(limit)
    .execute();
}
