/**
 * Relocation support (移住支援). For each place she plans to move to, her move page brings together
 * that place's current notices, the roles there that fit her after the move (ranked as her search
 * ranks them, judged from the place and the month of the move) and her coordinator's note on the
 * move. Coordinators see the planned moves per area and month, and write the notes.
 */
import type { AppDeps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import type { AreaService } from '../areas/area.service.ts';
import type { Actor } from '../auth/actor.ts';
import { appendAudit } from '../coordination/audit.repository.ts';
import type { MemberService } from '../members/member.service.ts';
import type { NoticeService } from '../notices/notice.service.ts';
import { JobSearchQuerySchema } from '../search/job-search.schemas.ts';
import type { JobSearchService } from '../search/job-search.service.ts';
import { ACCESS, admits, requireAdmitted } from '../shared/access.ts';
import { findTargetArea, moveNotesOf, plannedMoves, upsertMoveNote } from './relocation.repository.ts';
import type { MovePlan, PlannedMoves } from './relocation.schemas.ts';

/** Roles shown per place: a first look, the search page has the rest. */
const ROLES_PER_PLACE = 10;
/** Rows of the coordinators' table (members × places); beyond it they filter by area in search. */
const PLANNED_ROWS = 1000;

export function createRelocationService(
  { database, clock }: AppDeps,
  services: { areas: AreaService; members: MemberService; notices: NoticeService; jobs: JobSearchService },
) {
  const { db } = database;

  function requireStaff(actor: Actor): void {
    requireAdmitted(ACCESS.planMoves, actor, 'Only coordinators see and write move plans');
  }

  return {
    /** Her moves, in the order of her target areas; none without a profile. */
    async mine(actor: Actor): Promise<MovePlan[]> {
      if (!admits(ACCESS.ownMoves, actor)) return [];
      const profile = await services.members.findMine(actor);
      if (!profile || profile.targetAreas.length === 0) return [];
      const [notices, notes, prefectures] = await Promise.all([
        services.notices.mine(actor),
        moveNotesOf(db, actor.userId),
        services.areas.prefectures(),
      ]);
      const noteOf = new Map(notes.map((n) => [n.area_code, n]));
      const prefectureCode = new Map(prefectures.map((p) => [p.prefCode, p.code]));
      return Promise.all(
        profile.targetAreas.map(async (target): Promise<MovePlan> => {
          // A notice for the prefecture reaches every town in it.
          const places = new Set([target.code, prefectureCode.get(target.prefCode)]);
          const note = noteOf.get(target.code);
          const { items } = await services.jobs.search(actor, {
            ...JobSearchQuerySchema.parse({}),
            prefCode: [target.prefCode],
            limit: ROLES_PER_PLACE,
          });
          return {
            area: {
              code: target.code,
              name: target.name,
              prefecture: target.prefecture,
              prefCode: target.prefCode,
            },
            moveFrom: target.moveFrom ?? null,
            maxCommuteMinutes: target.maxCommuteMinutes ?? null,
            needsRelocationSupport: target.needsRelocationSupport,
            note: note ? { text: note.note, writtenAt: note.written_at } : null,
            notices: notices.filter((n) => n.areas.some((a) => places.has(a.code))),
            roles: items,
          };
        }),
      );
    },

    /** Planned moves per place and month, soonest first, for coordinators. */
    async planned(actor: Actor): Promise<PlannedMoves[]> {
      requireStaff(actor);
      const groups = new Map<string, PlannedMoves>();
      for (const row of await plannedMoves(db, PLANNED_ROWS)) {
        const key = `${row.move_from ?? ''}|${row.area_code}`;
        const group: PlannedMoves = groups.get(key) ?? {
          area: { code: row.area_code, name: row.area_name, prefecture: row.prefecture },
          month: row.move_from ?? null,
          members: [],
        };
        group.members.push({
          memberId: row.member_id,
          name: `${row.family_name} ${row.given_name}`,
          needsRelocationSupport: row.needs_relocation_support === 1,
          note: row.note && row.written_at ? { text: row.note, writtenAt: row.written_at } : null,
        });
        groups.set(key, group);
      }
      return [...groups.values()];
    },

    /** Writes the note on her move to one of her target areas (404 for a place she does not plan). */
    async writeNote(actor: Actor, memberId: string, areaCode: string, note: string) {
      requireStaff(actor);
      if (!(await findTargetArea(db, memberId, areaCode))) throw notFound('move plan');
      const at = clock.now().toISOString();
      await database.atomic([
        upsertMoveNote(db, {
          member_id: memberId,
          area_code: areaCode,
          note,
          written_by: actor.userId,
          written_at: at,
        }),
        appendAudit(db, actor, at, { action: 'write_move_note', subjectType: 'member', subjectId: memberId }),
      ]);
      return { text: note, writtenAt: at };
    },
  };
}

export type RelocationService = ReturnType<typeof createRelocationService>;
