/** Accounts: users, sessions, one-time tokens (verification, reset), the mail outbox and sign-in failures. */
import type { Generated, Insertable } from 'kysely';

/** A new account's row: defaults (language, e-mail choices) may be left out. */
export type NewUser = Insertable<UserTable>;
/** A new session's row. */
export type NewSession = Insertable<SessionTable>;

export type UserRole = 'member' | 'employer' | 'coordinator' | 'admin';

export interface UserTable {
  id: string;
  email: string;
  password_hash: string;
  role: UserRole;
  display_name: string;
  organisation_id: string | null;
  created_at: string;
  updated_at: string;
  /** When she followed the verification mail; null until then (see migration 0014). */
  email_verified_at: string | null;
  /** The language her e-mails are written in. */
  locale: Generated<'ja' | 'en'>;
  /** JSON list of notification kinds she is not e-mailed about. */
  mail_opt_out: Generated<string>;
  terms_version: string | null;
  terms_accepted_at: string | null;
}

export interface SessionTable {
  /** SHA-256 of the token, so a leaked database does not leak live sessions. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  /** The last request made with it (kept to within a few minutes); idle sessions lapse. */
  last_seen_at: string | null;
  /** A short description of the browser, so she can recognise her devices. */
  device: Generated<string>;
}

/** A one-time token sent by e-mail; see migration 0014. */
export interface AccountTokenTable {
  token_hash: string;
  user_id: string;
  purpose: 'verify_email' | 'reset_password';
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** An e-mail waiting to go out, or the envelope of one sent; see migration 0014. */
export interface MailOutboxTable {
  id: string;
  user_id: string | null;
  to_address: string;
  kind: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: string;
  state: Generated<'pending' | 'sent'>;
  attempts: Generated<number>;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
}

/** One failed (or still unproven) sign-in for an address from a client; see migrations 0008, 0012. */
export interface SignInFailureTable {
  email: string;
  failed_at: string;
  /** The client's IP address; '' when unknown (requests made in process, rows before 0012). */
  client: Generated<string>;
}
