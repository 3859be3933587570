/**
 * Accounts and sessions: sign-up with a verified address, sign-in, password reset, the list of
 * her signed-in devices, sign-out (here or everywhere) and resolving a token to an Actor. Tokens
 * are random; only their SHA-256 is stored. One session token serves both the browser cookie and
 * `Authorization: Bearer` for API clients.
 */

import type { Write } from '../../db/database.ts';
import type { UserTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { randomToken, sha256Hex } from '../../lib/bytes.ts';
import { appendAudit } from '../coordination/audit.repository.ts';
import { mailWrite } from '../mail/mail.service.ts';
import type { MailContent } from '../mail/templates.ts';
import { ACCESS, requireAdmitted } from '../shared/access.ts';
import { POLICY_VERSION } from '../trust/policy.ts';
import {
  deleteExpiredTokens,
  findLiveToken,
  insertAccountToken,
  type TokenPurpose,
  useTokens,
} from './account-token.repository.ts';
import type { Actor } from './actor.ts';
import type { MailPreferences, PasswordResetInput, SignInInput, SignUpInput } from './auth.schemas.ts';
import { cappedHasher } from './password.ts';
import {
  clearSignInAttempts,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  deleteSignInAttemptsBefore,
  findSessionUser,
  findUserByEmail,
  findUserById,
  firstSignInAttemptSince,
  insertSession,
  insertUser,
  markEmailVerified,
  recordSignInAttempt,
  replaceUnverifiedAccount,
  sessionsOf,
  setMailPreferences,
  setPasswordHash,
  touchSession,
  trimSessions,
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
/**
 * Failures for one address from all clients together after which each client gets one try: a
 * guesser spread over many addresses gains a single guess per client, and her own phone, which
 * has not failed, still gets its try.
 */
export const SIGN_IN_ATTEMPTS_PER_ADDRESS = 20;
export const SIGN_IN_WINDOW_MINUTES = 15;

/** How long a verification link works: a day, so a mail read the next morning still works. */
export const VERIFY_TOKEN_HOURS = 24;
/** How long a reset link works: short, since it stands in for her password. */
export const RESET_TOKEN_MINUTES = 30;
/** A session's last use is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 5 * 60_000;

/** The one answer sign-up gives, whether the address was new or already had an account. */
export const SIGN_UP_ANSWER = {
  status: 'verification_sent',
  message: '確認メールを送りました。メールのリンクを開いて登録を済ませてください。',
} as const;

type UserRow = Pick<
  UserTable,
  'id' | 'role' | 'display_name' | 'email' | 'organisation_id' | 'email_verified_at'
>;

function actorOf(user: UserRow): Actor {
  return {
    userId: user.id,
    role: user.role,
    displayName: user.display_name,
    email: user.email,
    organisationId: user.organisation_id,
    emailVerified: user.email_verified_at !== null,
  };
}

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
  async function passwordHolder(email: string, password: string, client: string) {
    const now = clock.now();
    const windowMs = SIGN_IN_WINDOW_MINUTES * 60_000;
    const since = new Date(now.getTime() - windowMs).toISOString();
    const attempt = {
      email,
      client,
      at: now.toISOString(),
      since,
      perClient: SIGN_IN_ATTEMPTS_ALLOWED,
      perAddress: SIGN_IN_ATTEMPTS_PER_ADDRESS,
    };
    if (!(await recordSignInAttempt(db, attempt))) {
      const first = await firstSignInAttemptSince(db, email, client, since);
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

  /** A new one-time token for the account: the token for the link, and the write that stores its hash. */
  async function newAccountToken(userId: string, purpose: TokenPurpose, lifetimeMs: number) {
    const token = randomToken();
    const now = clock.now();
    const writes: Write[] = [
      deleteExpiredTokens(db, userId, now.toISOString()),
      insertAccountToken(db, {
        token_hash: sha256Hex(token),
        user_id: userId,
        purpose,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + lifetimeMs).toISOString(),
      }),
    ];
    return { token, writes };
  }

  const link = (path: string, token?: string) =>
    `${config.publicUrl}${path}${token ? `?token=${encodeURIComponent(token)}` : ''}`;

  const mailTo = (user: Pick<UserTable, 'id' | 'email'> & { locale: 'ja' | 'en' }, content: MailContent) =>
    mailWrite(
      db,
      { userId: user.id, email: user.email, locale: user.locale },
      content,
      clock.now().toISOString(),
    );

  /** The writes that send a reset link to the account (by her own request or a coordinator's). */
  async function resetMail(
    user: Pick<UserTable, 'id' | 'email'> & { locale: 'ja' | 'en' },
    byCoordinator: boolean,
  ) {
    const { token, writes } = await newAccountToken(user.id, 'reset_password', RESET_TOKEN_MINUTES * 60_000);
    return [
      ...writes,
      mailTo(user, { kind: 'reset_password', link: link('/reset-password', token), byCoordinator }),
    ];
  }

  async function issueSession(actor: Actor, device: string, alongside: Write[] = []): Promise<IssuedSession> {
    const token = randomToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3_600_000).toISOString();
    await database.atomic([
      ...alongside,
      deleteExpiredSessions(db, actor.userId, now.toISOString()),
      // At most N sessions: the oldest ends to make room for this one.
      trimSessions(db, actor.userId, config.maxSessionsPerAccount - 1),
      insertSession(db, {
        token_hash: sha256Hex(token),
        user_id: actor.userId,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt,
        device: device.slice(0, 80),
      }),
    ]);
    return { token, expiresAt, actor };
  }

  return {
    /**
     * Creates a member or employer account and mails a verification link; nobody is signed in.
     * The answer and the work are the same whether the address is new or already has an account
     * (one password hash, one lookup, one atomic write), so neither tells which addresses exist:
     * an existing owner is mailed that someone tried to register instead.
     */
    async signUp(input: SignUpInput): Promise<typeof SIGN_UP_ANSWER> {
      const email = input.email.toLowerCase();
      const passwordHash = await passwords.hash(input.password);
      const now = clock.now().toISOString();
      const fields = {
        password_hash: passwordHash,
        display_name: input.displayName,
        role: input.role,
        locale: input.locale,
        terms_version: POLICY_VERSION,
        terms_accepted_at: now,
        updated_at: now,
      };
      const existing = await findUserByEmail(db, email);
      if (existing?.email_verified_at) {
        await database.atomic([
          mailTo(existing, {
            kind: 'already_registered',
            signInLink: link('/sign-in'),
            resetLink: link('/forgot-password'),
          }),
        ]);
        return SIGN_UP_ANSWER;
      }
      const userId = existing?.id ?? newId();
      const { token, writes } = await newAccountToken(userId, 'verify_email', VERIFY_TOKEN_HOURS * 3_600_000);
      const verification = mailTo(
        { id: userId, email, locale: input.locale },
        { kind: 'verify_email', name: input.displayName, link: link('/verify-email', token) },
      );
      const account = existing
        ? replaceUnverifiedAccount(db, userId, fields)
        : insertUser(db, { id: userId, email, organisation_id: null, created_at: now, ...fields });
      try {
        await database.atomic([account, ...writes, verification]);
      } catch (error) {
        // Two sign-ups with one address at once: the unique index decides; the other gets the same answer.
        if (await findUserByEmail(db, email)) return SIGN_UP_ANSWER;
        throw error;
      }
      return SIGN_UP_ANSWER;
    },

    /**
     * Follows a verification link: marks the address verified and signs her in. Any session
     * begun before (by whoever signed up with her address first) ends.
     */
    async verifyEmail(token: string, device = ''): Promise<IssuedSession> {
      const now = clock.now().toISOString();
      const user = await findLiveToken(db, sha256Hex(token), 'verify_email', now);
      if (!user) throw invalidLink();
      return issueSession(actorOf({ ...user, email_verified_at: user.email_verified_at ?? now }), device, [
        markEmailVerified(db, user.id, now),
        useTokens(db, user.id, 'verify_email', now),
        deleteSessionsOf(db, user.id),
      ]);
    },

    /** Sends a new verification link to the signed-in account, if it is still unverified. */
    async resendVerification(actor: Actor): Promise<void> {
      const user = await findUserById(db, actor.userId);
      if (!user || user.email_verified_at) return;
      const { token, writes } = await newAccountToken(
        user.id,
        'verify_email',
        VERIFY_TOKEN_HOURS * 3_600_000,
      );
      await database.atomic([
        ...writes,
        mailTo(user, { kind: 'verify_email', name: user.display_name, link: link('/verify-email', token) }),
      ]);
    },

    /**
     * Every attempt counts against its address until it succeeds; past the allowance the address
     * waits out the window (429 with Retry-After) without its password being checked at all.
     */
    async signIn(input: SignInInput, client = '', device = ''): Promise<IssuedSession> {
      const email = input.email.toLowerCase();
      const user = await passwordHolder(email, input.password, client);
      if (!user) throw new AppError('unauthenticated', 'The e-mail address or password is wrong');
      return issueSession(actorOf(user), device, [clearSignInAttempts(db, email, client)]);
    },

    /**
     * Mails a reset link if the address has an account. The answer is the same either way.
     * @example await auth.requestPasswordReset('hanako@example.jp')
     */
    async requestPasswordReset(email: string): Promise<void> {
      const user = await findUserByEmail(db, email.toLowerCase());
      if (!user) return;
      await database.atomic(await resetMail(user, false));
    },

    /**
     * Sets a new password from a reset link. The link works once; every session of the account
     * ends (she signs in again with the new password), and following it proves the address too.
     */
    async resetPassword(input: PasswordResetInput): Promise<void> {
      const now = clock.now().toISOString();
      const user = await findLiveToken(db, sha256Hex(input.token), 'reset_password', now);
      if (!user) throw invalidLink();
      const passwordHash = await passwords.hash(input.password);
      await database.atomic([
        setPasswordHash(db, user.id, passwordHash, now),
        useTokens(db, user.id, 'reset_password', now),
        markEmailVerified(db, user.id, now),
        deleteSessionsOf(db, user.id),
        clearSignInAttempts(db, user.email),
      ]);
    },

    /**
     * A coordinator sends a reset link to a member who called the office; the link goes only to
     * the member's own address, and the audit log records who sent it.
     */
    async sendResetForMember(coordinator: Actor, memberUserId: string): Promise<void> {
      requireAdmitted(ACCESS.supportMembers, coordinator);
      const user = await findUserById(db, memberUserId);
      if (user?.role !== 'member') throw notFound('member');
      await database.atomic([
        ...(await resetMail(user, true)),
        appendAudit(db, coordinator, clock.now().toISOString(), {
          action: 'password_reset_sent',
          subjectType: 'member',
          subjectId: memberUserId,
        }),
      ]);
    },

    /**
     * Whether this is the account's password: asked again before anything that cannot be undone.
     * It shares sign-in's allowance, so someone holding her unlocked phone cannot use it to guess
     * her password either.
     */
    async confirmPassword(actor: Actor, password: string, client = ''): Promise<boolean> {
      const user = await passwordHolder(actor.email, password, client);
      if (!user || user.id !== actor.userId) return false;
      await database.atomic([clearSignInAttempts(db, actor.email, client)]);
      return true;
    },

    async signOut(token: string): Promise<void> {
      await database.atomic([deleteSession(db, sha256Hex(token))]);
    },

    /** Ends every session of the account but the one asking. */
    async signOutElsewhere(actor: Actor, token: string): Promise<void> {
      await database.atomic([deleteSessionsOf(db, actor.userId, sha256Hex(token))]);
    },

    /** Her e-mail language and the notification kinds she is not e-mailed about. */
    async mailPreferences(actor: Actor): Promise<MailPreferences> {
      const user = await findUserById(db, actor.userId);
      if (!user) throw notFound('account');
      return { locale: user.locale, stopped: JSON.parse(user.mail_opt_out) };
    },

    async setMailPreferences(actor: Actor, preferences: MailPreferences): Promise<MailPreferences> {
      const stopped = [...new Set(preferences.stopped)];
      await database.atomic([
        setMailPreferences(
          db,
          actor.userId,
          { locale: preferences.locale, stopped },
          clock.now().toISOString(),
        ),
      ]);
      return { locale: preferences.locale, stopped };
    },

    /** Her signed-in devices, the one asking marked. */
    async devices(actor: Actor, token: string) {
      const current = sha256Hex(token);
      const rows = await sessionsOf(db, actor.userId, clock.now().toISOString());
      return rows.map((row) => ({
        device: row.device,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at ?? row.created_at,
        current: row.token_hash === current,
      }));
    },

    /**
     * The actor behind a token, or undefined when it is unknown, expired or unused for longer
     * than the idle limit (shorter for members, who may share a phone). Use is recorded at most
     * every few minutes.
     */
    async resolve(token: string): Promise<Actor | undefined> {
      const tokenHash = sha256Hex(token);
      const now = clock.now();
      const row = await findSessionUser(db, tokenHash, now.toISOString());
      if (!row) return undefined;
      const idleHours =
        row.role === 'member' ? config.sessionIdleHours.member : config.sessionIdleHours.other;
      const lastSeen = Date.parse(row.last_seen_at ?? row.created_at);
      if (now.getTime() - lastSeen > idleHours * 3_600_000) {
        await database.atomic([deleteSession(db, tokenHash)]);
        return undefined;
      }
      if (now.getTime() - lastSeen > TOUCH_EVERY_MS)
        await database.atomic([touchSession(db, tokenHash, now.toISOString())]);
      return actorOf(row);
    },
  };
}

/** A verification or reset link that is unknown, used or expired: one answer for all three. */
function invalidLink() {
  return new AppError('invalid_token', 'This link has expired or was already used', [
    { path: 'body.token', message: 'This link has expired or was already used', code: 'invalid_token' },
  ]);
}

export type AuthService = ReturnType<typeof createAuthService>;
