-- Registration by invitation (issue 20): a coordinator sends a firm in the pipeline a link; the
-- firm's employer account, once it has its organisation, accepts it, which links the prospect to
-- that organisation and moves it to 登録. Only a hash of the link's secret is kept (as for
-- account tokens); a link works for 30 days and once.
CREATE TABLE prospect_invitations (
  token_hash TEXT PRIMARY KEY,
  prospect_id TEXT NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  used_by TEXT
);
CREATE INDEX prospect_invitations_prospect ON prospect_invitations (prospect_id);
