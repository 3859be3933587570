-- Matches: a (member, role) pair moving through the lifecycle of PRODUCT.md, and the record of
-- every transition (who, when, why). `last_event_id` lets a batch of statements (D1 has no
-- interactive transactions) record an event only when its guarded state change won.

CREATE TABLE matches (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES job_roles (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  state TEXT NOT NULL CHECK (state IN ('suggested', 'interested', 'under_review', 'approved', 'rejected',
    'interviewing', 'hired', 'not_hired', 'withdrawn', 'dismissed')),
  interested_at TEXT,
  decided_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  last_event_id TEXT NOT NULL,
  UNIQUE (member_id, role_id)
);
CREATE INDEX matches_queue ON matches (state, interested_at);
CREATE INDEX matches_role ON matches (role_id, state);
CREATE INDEX matches_organisation ON matches (organisation_id, state);

CREATE TABLE match_events (
  id TEXT PRIMARY KEY,
  match_id TEXT NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  reason_code TEXT,
  reason TEXT,
  at TEXT NOT NULL
);
CREATE INDEX match_events_match ON match_events (match_id, at);
