/**
 * Queries on users and sessions. Plain functions taking the db first; reads return `undefined`
 * when nothing is found; writes return query builders so services can run them atomically.
 */
import { type Kysely, sql } from 'kysely';
import type { DB, NewSession, NewUser } from '../../db/schema.ts';

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, userId: string) {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
}

export function insertUser(db: Kysely<DB>, user: NewUser) {
  return db.insertInto('users').values(user);
}

/**
 * A sign-up for an address whose account was never verified takes that account over (new
 * password, name and role): whoever can read the mailbox decides, not whoever signed up first.
 */
export function replaceUnverifiedAccount(
  db: Kysely<DB>,
  userId: string,
  fields: Pick<
    NewUser,
    | 'password_hash'
    | 'display_name'
    | 'role'
    | 'locale'
    | 'terms_version'
    | 'terms_accepted_at'
    | 'updated_at'
  >,
) {
  return db.updateTable('users').set(fields).where('id', '=', userId).where('email_verified_at', 'is', null);
}

export function markEmailVerified(db: Kysely<DB>, userId: string, at: string) {
  return db
    .updateTable('users')
    .set({ email_verified_at: at, updated_at: at })
    .where('id', '=', userId)
    .where('email_verified_at', 'is', null);
}

export function setPasswordHash(db: Kysely<DB>, userId: string, passwordHash: string, at: string) {
  return db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: at })
    .where('id', '=', userId);
}

export function setMailPreferences(
  db: Kysely<DB>,
  userId: string,
  preferences: { locale: 'ja' | 'en'; stopped: readonly string[] },
  at: string,
) {
  return db
    .updateTable('users')
    .set({ locale: preferences.locale, mail_opt_out: JSON.stringify(preferences.stopped), updated_at: at })
    .where('id', '=', userId);
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

export function insertSession(db: Kysely<DB>, session: NewSession) {
  return db.insertInto('sessions').values(session);
}

export function deleteSession(db: Kysely<DB>, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash);
}

/** Ends every session of the account, or every one but `keepTokenHash`. */
export function deleteSessionsOf(db: Kysely<DB>, userId: string, keepTokenHash?: string) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash) query = query.where('token_hash', '!=', keepTokenHash);
  return query;
}

/** Keeps only the account's `keep` newest sessions (run before adding one more). */
export function trimSessions(db: Kysely<DB>, userId: string, keep: number) {
  return db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('token_hash', 'not in', (eb) =>
      eb
        .selectFrom('sessions')
        .select('token_hash')
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('token_hash')
        .limit(keep),
    );
}

export function touchSession(db: Kysely<DB>, tokenHash: string, at: string) {
  return db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash);
}

/** The account's live sessions, most recently used first. */
export function sessionsOf(db: Kysely<DB>, userId: string, now: string) {
  return db
    .selectFrom('sessions')
    .select(['token_hash', 'device', 'created_at', 'last_seen_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
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
      'users.email_verified_at',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'sessions.created_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * Records an attempt for the address from this client if it is allowed: the client has fewer
 * than `perClient` counted attempts for the address in the window, and — once the address has
 * `perAddress` attempts from all clients together — the client has none yet (one try each).
 * Returns whether it was recorded (allowed). One statement, so simultaneous guesses cannot
 * slip past the count.
 */
export async function recordSignInAttempt(
  db: Kysely<DB>,
  attempt: {
    email: string;
    client: string;
    at: string;
    since: string;
    perClient: number;
    perAddress: number;
  },
): Promise<boolean> {
  const { email, client, at, since, perClient, perAddress } = attempt;
  const result = await sql`
    INSERT INTO sign_in_failures (email, client, failed_at)
    SELECT ${email}, ${client}, ${at}
    WHERE (SELECT count(*) FROM sign_in_failures
           WHERE email = ${email} AND client = ${client} AND failed_at > ${since}) <
          CASE WHEN (SELECT count(*) FROM sign_in_failures WHERE email = ${email} AND failed_at > ${since}) >= ${perAddress}
               THEN 1 ELSE ${perClient} END
  `.execute(db);
  return (result.numAffectedRows ?? 0n) > 0n;
}

/** The earliest counted attempt for the address from this client since `since`: the throttle lifts a window after it. */
export async function firstSignInAttemptSince(db: Kysely<DB>, email: string, client: string, since: string) {
  const row = await db
    .selectFrom('sign_in_failures')
    .select((eb) => eb.fn.min('failed_at').as('first'))
    .where('email', '=', email)
    .where('client', '=', client)
    .where('failed_at', '>', since)
    .executeTakeFirst();
  return row?.first ?? undefined;
}

/** Clears the address's attempts: from one client after its success, or all of them (account deleted). */
export function clearSignInAttempts(db: Kysely<DB>, email: string, client?: string) {
  let query = db.deleteFrom('sign_in_failures').where('email', '=', email);
  if (client !== undefined) query = query.where('client', '=', client);
  return query;
}

export function deleteSignInAttemptsBefore(db: Kysely<DB>, before: string) {
  return db.deleteFrom('sign_in_failures').where('failed_at', '<=', before);
}
