/**
 * Queries on users and sessions. Plain functions taking the db first; reads return `undefined`
 * when nothing is found; writes return query builders so services can run them atomically.
 */
import { type Kysely, sql } from 'kysely';
import type { DB, SessionTable, UserTable } from '../../db/schema.ts';

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function insertUser(db: Kysely<DB>, user: UserTable) {
  return db.insertInto('users').values(user);
}

/** Deletes an account; its foreign keys remove everything kept about it (see migrations). */
export function deleteUser(db: Kysely<DB>, userId: string) {
  return db.deleteFrom('users').where('id', '=', userId);
}

export function setUserOrganisation(db: Kysely<DB>, userId: string, organisationId: string, at: string) {
  return db
    .updateTable('users')
    .set({ organisation_id: organisationId, updated_at: at })
    .where('id', '=', userId)
    .where('organisation_id', 'is', null);
}

export function insertSession(db: Kysely<DB>, session: SessionTable) {
  return db.insertInto('sessions').values(session);
}

export function deleteSession(db: Kysely<DB>, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash);
}

export function deleteExpiredSessions(db: Kysely<DB>, userId: string, now: string) {
  return db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now);
}

/** The live session's user, or undefined when the token is unknown or expired. */
export function findSessionUser(db: Kysely<DB>, tokenHash: string, now: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.email',
      'users.role',
      'users.display_name',
      'users.organisation_id',
      'sessions.expires_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * Counts a sign-in attempt against its address, unless the address already has `allowed`
 * attempts since `since`. Counting and recording are one statement, so simultaneous guesses
 * cannot all slip under the limit. Returns whether the attempt was recorded (false: throttled).
 */
export async function recordSignInAttempt(
  db: Kysely<DB>,
  attempt: { email: string; at: string; since: string; allowed: number },
): Promise<boolean> {
  const { email, at, since, allowed } = attempt;
  const result = await sql`
    INSERT INTO sign_in_failures (email, failed_at)
    SELECT ${email}, ${at}
    WHERE (SELECT count(*) FROM sign_in_failures WHERE email = ${email} AND failed_at > ${since}) < ${allowed}
  `.execute(db);
  return (result.numAffectedRows ?? 0n) > 0n;
}

/** The earliest counted attempt for the address since `since`: the throttle lifts a window after it. */
export async function firstSignInAttemptSince(db: Kysely<DB>, email: string, since: string) {
  const row = await db
    .selectFrom('sign_in_failures')
    .select((eb) => eb.fn.min('failed_at').as('first'))
    .where('email', '=', email)
    .where('failed_at', '>', since)
    .executeTakeFirst();
  return row?.first ?? undefined;
}

export function clearSignInAttempts(db: Kysely<DB>, email: string) {
  return db.deleteFrom('sign_in_failures').where('email', '=', email);
}

export function deleteSignInAttemptsBefore(db: Kysely<DB>, before: string) {
  return db.deleteFrom('sign_in_failures').where('failed_at', '<=', before);
}
