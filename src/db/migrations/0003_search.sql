-- Search: the outbox that carries every role change to the search index, and the full-text
-- table that answers searches from the database while the search engine is unreachable.

-- One row per role change, written in the same atomic unit as the change. The relay removes a
-- row only after the search engine confirmed the change, so nothing is lost while it is down.
CREATE TABLE search_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  role_id TEXT NOT NULL,
  enqueued_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT
);
CREATE INDEX search_outbox_due ON search_outbox (next_attempt_at, id);
CREATE INDEX search_outbox_role ON search_outbox (role_id);

-- Trigram full-text over a role's words (title, description, organisation, places). Trigrams
-- find Japanese terms of three or more characters; shorter ones fall back to LIKE.
CREATE VIRTUAL TABLE role_search_text USING fts5(role_id UNINDEXED, body, tokenize = 'trigram');
