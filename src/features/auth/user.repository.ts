/**
 * Queries on users and sessions. Plain functions taking the db first; reads return `undefined`
 * when nothing is found; writes return query builders so services can run them atomically.
 */
import type { Kysely } from 'kysely';
import type { DB, SessionTable, UserTable } from '../../db/schema.ts';

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function insertUser(db: Kysely<DB>, user: UserTable) {
  return db.insertInto('users').values(user);
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
