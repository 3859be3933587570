-- Readings of each role's searchable text (title, description, organisation, places, labels):
-- hiragana and folded romaji, one reading per word, so かまぼこ and kamaboko find 蒲鉾. They are
-- computed by a morphological analyser in the Node service when a role is written or indexed
-- (SQL cannot read kanji) and kept here, so the database's own full-text search answers romaji
-- and kana while the search engine is away, and a reindex does not read every text again.
-- `source` fingerprints the texts and the analyser they were read from: a role whose text,
-- organisation name or places changed since, or that a lesser analyser read, is read again.
CREATE TABLE role_readings (
  role_id TEXT PRIMARY KEY REFERENCES job_roles (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  kana TEXT NOT NULL,
  romaji TEXT NOT NULL
);
