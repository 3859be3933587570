-- Area notices: what a municipality or partner offers single parents (childcare openings, a
-- relocation grant, a training course), published by a coordinator for some places and shown to
-- the members who live there or plan to move there, optionally only at some support stages or
-- with children of some ages. Reads are kept per member only so that each counts once; nobody is
-- shown who read what, only how many.

CREATE TABLE area_notices (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT,
  -- The last day (Japan date) the notice is shown.
  valid_until TEXT NOT NULL,
  -- Whose places it is for: where she lives, where she plans to move, or either.
  audience TEXT NOT NULL CHECK (audience IN ('home', 'target', 'both')),
  -- Support stages it is for (JSON array of 1–5); null: every stage.
  stages TEXT,
  -- Ages in whole years of at least one of her children; null: no condition on that side.
  child_age_min INTEGER,
  child_age_max INTEGER,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  withdrawn_at TEXT,
  -- When the digest told the members it reached (one notification each, mailed unless stopped).
  announced_at TEXT
);
CREATE INDEX area_notices_current ON area_notices (withdrawn_at, valid_until);
CREATE INDEX area_notices_unannounced ON area_notices (announced_at);

CREATE TABLE area_notice_areas (
  notice_id TEXT NOT NULL REFERENCES area_notices (id) ON DELETE CASCADE,
  area_code TEXT NOT NULL REFERENCES areas (code),
  PRIMARY KEY (notice_id, area_code)
);

CREATE TABLE area_notice_reads (
  notice_id TEXT NOT NULL REFERENCES area_notices (id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  read_at TEXT NOT NULL,
  PRIMARY KEY (notice_id, member_id)
);
CREATE INDEX area_notice_reads_member ON area_notice_reads (member_id);
