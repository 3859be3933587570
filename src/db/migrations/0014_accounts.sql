-- Accounts a mother can rely on: a verified address, her language for e-mail, which e-mails she
-- wants, one-time tokens (verification, password reset), sessions she can see and end, and the
-- mail outbox. Accounts made before verification existed are taken as verified.
ALTER TABLE users ADD COLUMN email_verified_at TEXT;
ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'ja' CHECK (locale IN ('ja', 'en'));
-- Notification kinds she asked not to be e-mailed about, as a JSON list (in-app news is unaffected).
ALTER TABLE users ADD COLUMN mail_opt_out TEXT NOT NULL DEFAULT '[]';
-- The policy version she agreed to at sign-up, and when.
ALTER TABLE users ADD COLUMN terms_version TEXT;
ALTER TABLE users ADD COLUMN terms_accepted_at TEXT;
UPDATE users SET email_verified_at = created_at;

-- Only the SHA-256 of a token is kept, so a leaked database cannot verify or reset anything.
-- A token is used once (used_at) and lapses at expires_at.
CREATE TABLE account_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);

-- Sessions she can recognise in her list of devices, and that lapse when unused.
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
UPDATE sessions SET last_seen_at = created_at;
CREATE INDEX sessions_user_recent ON sessions (user_id, created_at);

-- E-mail waiting to go out. A failed send only postpones the next attempt; once sent, the bodies
-- (which may carry a one-time link) are emptied and only the envelope is kept.
CREATE TABLE mail_outbox (
  id TEXT PRIMARY KEY,
  user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
  to_address TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  sent_at TEXT,
  last_error TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
