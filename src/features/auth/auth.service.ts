/**
 * Accounts and sessions: sign-up, sign-in, sign-out and resolving a token to an Actor.
 * Tokens are random; only their SHA-256 is stored. One token serves both the browser cookie
 * and `Authorization: Bearer` for API clients.
 */
import type { Write } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { randomToken, sha256Hex } from '../../lib/bytes.ts';
import type { Actor } from './actor.ts';
import type { SignInInput, SignUpInput } from './auth.schemas.ts';
import { cappedHasher } from './password.ts';
import {
  clearSignInAttempts,
  deleteExpiredSessions,
  deleteSession,
  deleteSignInAttemptsBefore,
  findSessionUser,
  findUserByEmail,
  firstSignInAttemptSince,
  insertSession,
  insertUser,
  recordSignInAttempt,
} from './user.repository.ts';

export interface IssuedSession {
  token: string;
  expiresAt: string;
  actor: Actor;
}

// Verifying against a real hash even for unknown e-mails keeps sign-in time the same either way,
// so response timing does not reveal which addresses have accounts.
const DUMMY_HASH_PASSWORD = 'yorisoi-timing-equaliser';

/**
 * Sign-in attempts an address gets per window before it has to wait: enough for a mother who
 * mistypes on a phone keyboard, far too few to guess a password. The limit is per address, so
 * one person cannot be locked out for longer than a window at a time.
 */
export const SIGN_IN_ATTEMPTS_ALLOWED = 5;
export const SIGN_IN_WINDOW_MINUTES = 15;

export function createAuthService({ database, clock, config, passwords: hasher }: AppDeps) {
  const { db } = database;
  // Hashing is the service's costliest work: a few at a time, the rest refused fast (503).
  const passwords = cappedHasher(hasher);
  // Kept as the finished string, never as a shared promise: on Workers a promise begun in one
  // request and awaited in another never settles once the first request has ended.
  let dummyHash: string | undefined;

  /** A hash to verify against when the address has no account (made once per process or isolate). */
  async function timingEqualiser(): Promise<string> {
    dummyHash ??= await passwords.hash(DUMMY_HASH_PASSWORD);
    return dummyHash;
  }

  /**
   * The account behind this address if the password is its own, or undefined. Each call counts
   * against the address (see SIGN_IN_ATTEMPTS_ALLOWED) until the caller clears it on success;
   * past the allowance it refuses with 429 before any hashing.
   */
  async function passwordHolder(email: string, password: string) {
    const now = clock.now();
    const windowMs = SIGN_IN_WINDOW_MINUTES * 60_000;
    const since = new Date(now.getTime() - windowMs).toISOString();
    const attempt = { email, at: now.toISOString(), since, allowed: SIGN_IN_ATTEMPTS_ALLOWED };
    if (!(await recordSignInAttempt(db, attempt))) {
      const first = await firstSignInAttemptSince(db, email, since);
      const liftsAt = (first ? Date.parse(first) : now.getTime()) + windowMs;
      throw new AppError(
        'too_many_attempts',
        'Too many password attempts for this address: wait before trying again',
        undefined,
        Math.max(1, Math.ceil((liftsAt - now.getTime()) / 1000)),
      );
    }
    const user = await findUserByEmail(db, email);
    const verified = await passwords.verify(password, user?.password_hash ?? (await timingEqualiser()));
    if (user && verified) return user;
    await deleteSignInAttemptsBefore(db, since).execute();
    return undefined;
  }

  async function issueSession(actor: Actor, alongside: Write[] = []): Promise<IssuedSession> {
    const token = randomToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3_600_000).toISOString();
    await database.atomic([
      ...alongside,
      deleteExpiredSessions(db, actor.userId, now.toISOString()),
      insertSession(db, {
        token_hash: await sha256Hex(token),
        user_id: actor.userId,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      }),
    ]);
    return { token, expiresAt, actor };
  }

  return {
    /**
     * Creates a member or employer account and signs it in. Coordinators and admins are not
     * self-service: they are created by the seed or an admin.
     */
    async signUp(input: SignUpInput): Promise<IssuedSession> {
      const email = input.email.toLowerCase();
      if (await findUserByEmail(db, email)) {
        throw new AppError('email_taken', 'An account with this e-mail address already exists', [
          { path: 'body.email', message: 'This e-mail address is already registered', code: 'email_taken' },
        ]);
      }
      const now = clock.now().toISOString();
      const user = {
        id: newId(),
        email,
        password_hash: await passwords.hash(input.password),
        role: input.role,
        display_name: input.displayName,
        organisation_id: null,
        created_at: now,
        updated_at: now,
      };
      try {
        await database.atomic([insertUser(db, user)]);
      } catch (error) {
        // Two sign-ups with one address at once: the unique index decides, the loser gets 409.
        if (await findUserByEmail(db, email))
          throw new AppError('email_taken', 'An account with this e-mail address already exists');
        throw error;
      }
      return issueSession({
        userId: user.id,
        role: user.role,
        displayName: user.display_name,
        email,
        organisationId: null,
      });
    },

    /**
     * Every attempt counts against its address until it succeeds; past the allowance the address
     * waits out the window (429 with Retry-After) without its password being checked at all.
     */
    async signIn(input: SignInInput): Promise<IssuedSession> {
      const email = input.email.toLowerCase();
      const user = await passwordHolder(email, input.password);
      if (!user) throw new AppError('unauthenticated', 'The e-mail address or password is wrong');
      return issueSession(
        {
          userId: user.id,
          role: user.role,
          displayName: user.display_name,
          email: user.email,
          organisationId: user.organisation_id,
        },
        [clearSignInAttempts(db, email)],
      );
    },

    /**
     * Whether this is the account's password: asked again before anything that cannot be undone.
     * It shares sign-in's allowance, so someone holding her unlocked phone cannot use it to guess
     * her password either.
     */
    async confirmPassword(actor: Actor, password: string): Promise<boolean> {
      const user = await passwordHolder(actor.email, password);
      if (!user || user.id !== actor.userId) return false;
      await database.atomic([clearSignInAttempts(db, actor.email)]);
      return true;
    },

    async signOut(token: string): Promise<void> {
      await database.atomic([deleteSession(db, await sha256Hex(token))]);
    },

    /** The actor behind a token, or undefined when it is unknown or expired. */
    async resolve(token: string): Promise<Actor | undefined> {
      const row = await findSessionUser(db, await sha256Hex(token), clock.now().toISOString());
      if (!row) return undefined;
      return {
        userId: row.id,
        role: row.role,
        displayName: row.display_name,
        email: row.email,
        organisationId: row.organisation_id,
      };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
