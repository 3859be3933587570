/**
 * Accounts and sessions: sign-up, sign-in, sign-out and resolving a token to an Actor.
 * Tokens are random; only their SHA-256 is stored. One token serves both the browser cookie
 * and `Authorization: Bearer` for API clients.
 */
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { randomToken, sha256Hex } from '../../lib/bytes.ts';
import type { Actor } from './actor.ts';
import type { SignInInput, SignUpInput } from './auth.schemas.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  findSessionUser,
  findUserByEmail,
  insertSession,
  insertUser,
} from './user.repository.ts';

export interface IssuedSession {
  token: string;
  expiresAt: string;
  actor: Actor;
}

// Verifying against a real hash even for unknown e-mails keeps sign-in time the same either way,
// so response timing does not reveal which addresses have accounts.
const DUMMY_HASH_PASSWORD = 'yorisoi-timing-equaliser';

export function createAuthService({ database, clock, config, passwords }: AppDeps) {
  const { db } = database;
  let dummyHash: Promise<string> | undefined;

  async function issueSession(actor: Actor): Promise<IssuedSession> {
    const token = randomToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3_600_000).toISOString();
    await database.atomic([
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

    async signIn(input: SignInInput): Promise<IssuedSession> {
      const user = await findUserByEmail(db, input.email.toLowerCase());
      if (!user) {
        dummyHash ??= passwords.hash(DUMMY_HASH_PASSWORD);
        await passwords.verify(input.password, await dummyHash);
        throw new AppError('unauthenticated', 'The e-mail address or password is wrong');
      }
      if (!(await passwords.verify(input.password, user.password_hash))) {
        throw new AppError('unauthenticated', 'The e-mail address or password is wrong');
      }
      return issueSession({
        userId: user.id,
        role: user.role,
        displayName: user.display_name,
        email: user.email,
        organisationId: user.organisation_id,
      });
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
