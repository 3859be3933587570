-- Employer development (企業開拓): firms a coordinator is bringing in, moving through the stages
-- 候補 (candidate) → 連絡済み (contacted) → 面談 (meeting) → 登録 (registered) → 確認済み (verified),
-- with dated notes and the next action's date. Every stage change is kept as an event, so the
-- pipeline's conversion per stage and the time spent in each stage can be measured.

CREATE TABLE prospects (
  id TEXT PRIMARY KEY,
  company TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES areas (code),
  -- Job categories the firm hires for (JSON array).
  trades TEXT NOT NULL,
  contact TEXT,
  source TEXT NOT NULL,
  owner_id TEXT NOT NULL REFERENCES users (id),
  stage TEXT NOT NULL CHECK (stage IN ('candidate', 'contacted', 'meeting', 'registered', 'verified')),
  stage_since TEXT NOT NULL,
  next_action_on TEXT,
  -- The organisation it became, once it registered.
  organisation_id TEXT REFERENCES organisations (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX prospects_stage ON prospects (stage, next_action_on);
CREATE INDEX prospects_owner ON prospects (owner_id);

CREATE TABLE prospect_events (
  id TEXT PRIMARY KEY,
  prospect_id TEXT NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  author_id TEXT NOT NULL,
  -- 'stage': moved from from_stage (null when created) to to_stage. 'note': a dated note.
  kind TEXT NOT NULL CHECK (kind IN ('stage', 'note')),
  from_stage TEXT,
  to_stage TEXT,
  note TEXT,
  next_action_on TEXT
);
CREATE INDEX prospect_events_prospect ON prospect_events (prospect_id, at);

-- The demand-without-supply table counts fully remote published roles per trade for every
-- prefecture: read from this index alone instead of every published role.
CREATE INDEX job_roles_remote ON job_roles (status, remote_mode, category);
