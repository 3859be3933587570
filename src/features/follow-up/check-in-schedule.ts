/**
 * When her check-ins fall and what state each is in. A hire schedules them in the same atomic
 * unit as the state change (`checkInWritesOnHire`, called by the match workflow), and their state
 * is derived from the clock rather than stored, so nothing has to run for a check-in to open.
 *
 *   scheduled ─(due)→ open ─(answered)→ answered
 *                          └(window passes)→ missed (the coordinator hears of it)
 */
import { sql } from 'kysely';
import { newId } from '../../deps.ts';

export const CHECK_IN_STATES = ['scheduled', 'open', 'answered', 'missed'] as const;
export type CheckInState = (typeof CHECK_IN_STATES)[number];

const DAY_MS = 86_400_000;

/**
 * @example checkInState({ due_at: '2026-12-01T00:00:00Z', answered_at: null }, new Date('2026-12-03'), 7) // 'open'
 */
export function checkInState(
  checkIn: { due_at: string; answered_at: string | null },
  now: Date,
  answerWindowDays: number,
): CheckInState {
  if (checkIn.answered_at) return 'answered';
  const due = new Date(checkIn.due_at).getTime();
  if (now.getTime() < due) return 'scheduled';
  return now.getTime() >= due + answerWindowDays * DAY_MS ? 'missed' : 'open';
}

/** The instant a check-in `afterDays` after a hire falls due. */
export const dueAfter = (hiredAt: string, afterDays: number) =>
  new Date(new Date(hiredAt).getTime() + afterDays * DAY_MS).toISOString();

/**
 * The check-ins of a hire, written only if the hire won its race (the match's last event is
 * `eventId`), like the match event itself; a repeated hire of the same match adds nothing.
 */
export function checkInWritesOnHire(
  match: { id: string; memberId: string },
  eventId: string,
  hiredAt: string,
  checkInDays: readonly number[],
) {
  return checkInDays.map(
    (days) =>
      sql`INSERT OR IGNORE INTO check_ins (id, member_id, match_id, after_days, due_at)
          SELECT ${newId()}, ${match.memberId}, ${match.id}, ${days}, ${dueAfter(hiredAt, days)}
          WHERE EXISTS (SELECT 1 FROM matches WHERE id = ${match.id} AND last_event_id = ${eventId})`,
  );
}
