-- Saved searches with new-job alerts (issue 13). `query` is the canonical query string of the
-- search as the one search schema validated it (so filters added to that schema later are kept
-- without a change here). `checked_until` is the publication time up to which roles have been
-- considered for an alert: the next alert holds only roles published after it. An alert is the
-- notification inserted in the same unit that moves `checked_until` on, guarded by its old value,
-- so a run killed midway or run twice neither loses nor repeats one.
CREATE TABLE saved_searches (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  query TEXT NOT NULL,
  frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
  checked_until TEXT NOT NULL,
  next_alert_at TEXT NOT NULL,
  last_alert_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX saved_searches_user ON saved_searches (user_id, created_at);
CREATE INDEX saved_searches_due ON saved_searches (next_alert_at);
