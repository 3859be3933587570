/**
 * Ending open matches because of something outside them: she blocks an employer (her open
 * matches with it are withdrawn, introduced ones included — the employer loses her details), a
 * coordinator rejects an organisation (all its open matches end), or an employer closes a role
 * (the matches not yet introduced end; introduced ones stay so the outcome can be recorded).
 *
 * The coordinators who worked a match hear of it (every coordinator when nobody had yet); the
 * employer hears nothing — a block must not be announced to the one blocked. The writes are
 * returned, not run, so each caller puts them in the same atomic unit as the change that causes
 * them.
 */
import type { Kysely } from 'kysely';
import type { Write } from '../../db/database.ts';
import { jsonList } from '../../db/json-list.ts';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../deps.ts';
import type { Actor } from '../auth/actor.ts';
import { type Announcement, announceIfWon } from '../notifications/notification.repository.ts';
import { ACCESS } from '../shared/access.ts';
import { type EndingScope, endMatchWrites, type MatchRow, openMatchesIn } from './match.repository.ts';
import { BEFORE_INTRODUCTION, type MatchState, OPEN } from './match-lifecycle.ts';

/** Why the matches end; recorded as the event's action and reason code. */
export type EndingCause = 'blocked_employer' | 'organisation_rejected' | 'role_closed';

const STATES: Record<EndingCause, readonly MatchState[]> = {
  blocked_employer: OPEN,
  organisation_rejected: OPEN,
  role_closed: BEFORE_INTRODUCTION,
};

const WHY: Record<EndingCause, string> = {
  blocked_employer: 'ご本人がこの事業者をブロックしたため',
  organisation_rejected: '事業者の確認が取れなかったため',
  role_closed: '求人の募集が終了したため',
};

/** Coordinators who acted on each match; everyone with the coordinator role when nobody had. */
async function coordinatorsFor(db: Kysely<DB>, matchIds: readonly string[]) {
  const acted = new Map<string, Set<string>>();
  if (matchIds.length === 0) return { acted, everyone: [] as string[] };
  const rows = await db
    .selectFrom('match_events')
    .innerJoin('users', 'users.id', 'match_events.actor_id')
    .select(['match_events.match_id', 'match_events.actor_id'])
    .where('match_events.match_id', 'in', jsonList(matchIds))
    .where('users.role', 'in', [...ACCESS.reviewMatches])
    .execute();
  for (const row of rows) {
    const set = acted.get(row.match_id) ?? new Set<string>();
    set.add(row.actor_id);
    acted.set(row.match_id, set);
  }
  const everyone = (
    await db.selectFrom('users').select('id').where('role', '=', 'coordinator').execute()
  ).map((r) => r.id);
  return { acted, everyone };
}

function announcement(match: MatchRow, userId: string, cause: EndingCause): Announcement {
  return {
    id: newId(),
    userId,
    kind: 'match_ended',
    matchId: match.id,
    title: 'マッチングが終了しました',
    body: `${match.organisation_name}「${match.role_title}」のマッチングは、${WHY[cause]}終了しました。`,
  };
}

export function createMatchEndings(db: Kysely<DB>) {
  return {
    /**
     * The writes that end the open matches in `scope`, to run atomically with the change itself.
     * @example await database.atomic([saveBlock, ...(await endings.writes({ memberId, organisationIds: [id] }, 'blocked_employer', actor, now))])
     */
    async writes(scope: EndingScope, cause: EndingCause, actor: Actor, at: string): Promise<Write[]> {
      const states = STATES[cause];
      const matches = await openMatchesIn(db, scope, states);
      const coordinators = await coordinatorsFor(
        db,
        matches.map((m) => m.id),
      );
      return matches.flatMap((match) => {
        const eventId = newId();
        // A suggestion she never answered was in nobody's hands: ending it needs no word.
        const hearers =
          match.state === 'suggested'
            ? []
            : [...(coordinators.acted.get(match.id) ?? coordinators.everyone)].filter(
                (id) => id !== actor.userId,
              );
        return [
          ...endMatchWrites(match.id, states, {
            id: eventId,
            action: 'withdraw',
            actor_id: actor.userId,
            actor_role: actor.role,
            reason_code: cause,
            reason: WHY[cause],
            at,
          }),
          ...hearers.map((userId) => announceIfWon(announcement(match, userId, cause), eventId, at)),
        ];
      });
    },
  };
}

export type MatchEndings = ReturnType<typeof createMatchEndings>;
