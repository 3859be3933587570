-- Peer mentoring: cohorts a coordinator opens, members invited as mentors (stage 4–5, only with
-- their consent), mentor–mentee pairs, and their sessions every two weeks with a shared record.
-- The mentee alone decides whether the coordinator may read a session's record, and which parts
-- of her profile her mentor sees (her first name always).

CREATE TABLE mentoring_cohorts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  session_count INTEGER NOT NULL CHECK (session_count BETWEEN 1 AND 24),
  interval_days INTEGER NOT NULL CHECK (interval_days BETWEEN 1 AND 60),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE mentoring_mentors (
  cohort_id TEXT NOT NULL REFERENCES mentoring_cohorts (id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  invited_at TEXT NOT NULL,
  -- Her answer: consented or declined, or neither yet.
  consented_at TEXT,
  declined_at TEXT,
  PRIMARY KEY (cohort_id, member_id)
);
CREATE INDEX mentoring_mentors_member ON mentoring_mentors (member_id);

CREATE TABLE mentoring_pairs (
  id TEXT PRIMARY KEY,
  cohort_id TEXT NOT NULL REFERENCES mentoring_cohorts (id) ON DELETE CASCADE,
  mentor_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  mentee_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  -- Why the pair was suggested, as reason codes (JSON array), kept as the coordinator saw them.
  reasons TEXT NOT NULL,
  -- What the mentee lets her mentor see besides her first name (JSON array of keys).
  mentee_shares TEXT NOT NULL DEFAULT '[]',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (cohort_id, mentee_id)
);
CREATE INDEX mentoring_pairs_mentor ON mentoring_pairs (mentor_id);
CREATE INDEX mentoring_pairs_mentee ON mentoring_pairs (mentee_id);

CREATE TABLE mentoring_sessions (
  id TEXT PRIMARY KEY,
  pair_id TEXT NOT NULL REFERENCES mentoring_pairs (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  planned_on TEXT NOT NULL,
  -- 1 held, 0 did not take place; null not recorded yet.
  held INTEGER CHECK (held IN (0, 1)),
  topics TEXT,
  next_step TEXT,
  recorded_by TEXT,
  recorded_at TEXT,
  -- The mentee's own answer to the record (she read it); a mentee who stops answering reaches the coordinator.
  mentee_answered_at TEXT,
  -- Only the mentee sets this: whether the coordinator may read topics and next step.
  coordinator_may_read INTEGER NOT NULL DEFAULT 0 CHECK (coordinator_may_read IN (0, 1)),
  UNIQUE (pair_id, number)
);
CREATE INDEX mentoring_sessions_planned ON mentoring_sessions (held, planned_on);
